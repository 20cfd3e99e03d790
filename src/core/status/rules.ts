import { formatDate } from '../dates';
import { fail, ok, type Result } from '../errors';
import { ratioCheck, sourceAgeCheck, sourceStateCheck, spreadCheck } from './checks';
import { closeoutGaps } from './closeout';
import type { NoteStatus, NoteStatusInput, NoteStatusVerdict } from './types';

function verdict(status: NoteStatus, reasons: readonly string[]): NoteStatusVerdict {
  return {
    status,
    reasons,
    text: (explain) =>
      explain && reasons.length > 0 ? `${status}: ${reasons.join('; ')}` : status,
  };
}

/**
 * The desk's rules, in order: an unfinished closeout → research; any failing hard check →
 * watchlist (every failure listed); otherwise action. Assumes a valid input (see noteStatusOf).
 */
export function evaluateNoteStatus(input: NoteStatusInput): NoteStatusVerdict {
  const gaps = closeoutGaps(input.closeout);
  if (gaps.length > 0) return verdict('research', gaps);
  const failures: string[] = [];
  for (const failure of [
    sourceAgeCheck(input.quoteTime, input.asOf, input.limits),
    spreadCheck(input.spreadBps, input.limits),
    ratioCheck(input.ratioChange, input.expectedDirection, input.limits),
    sourceStateCheck(input.sourceState),
  ]) {
    if (failure !== null) failures.push(failure);
  }
  return verdict(failures.length > 0 ? 'watchlist' : 'action', failures);
}

/** Checks what the rules cannot judge (hindsight, negative friction, a fall over 100%, negative limits), then evaluates. */
export function noteStatusOf(input: NoteStatusInput): Result<NoteStatusVerdict> {
  const invalid = validateNoteStatusInput(input);
  return invalid === null ? ok(evaluateNoteStatus(input)) : invalid;
}

export function validateNoteStatusInput(input: NoteStatusInput): Result<never> | null {
  if (input.quoteTime.getTime() > input.asOf.getTime()) {
    return fail(
      'value',
      `quote_time ${formatDate(input.quoteTime)} is after as_of ${formatDate(input.asOf)} (that would be hindsight)`,
    );
  }
  if (input.spreadBps.lt(0)) return fail('value', 'spread_bps must not be negative');
  if (input.ratioChange.lt(-1)) {
    // A positive ratio falls at most 100% (to zero); "-4" is a typo for -4%, not a reading.
    return fail(
      'value',
      `ratio_change ${input.ratioChange.toString()} is below -100%: a ratio cannot fall more than 100%`,
    );
  }
  return validateLimits(input.limits);
}

export function validateLimits(limits: NoteStatusInput['limits']): Result<never> | null {
  if (limits.maxAgeDays.lt(0)) return fail('value', 'limits: max_age_days must not be negative');
  if (limits.maxSpreadBps.lt(0))
    return fail('value', 'limits: max_spread_bps must not be negative');
  if (limits.ratioTolerance.lt(0))
    return fail('value', 'limits: ratio_tolerance must not be negative');
  return null;
}
