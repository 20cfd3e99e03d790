import { D } from '../numbers/decimal';
import { MS_PER_DAY } from '../dates';
import { DOWN, INDICATIVE, UP, type Direction, type Limits, type SourceState } from './types';

/** The hard checks, each returning the failure as the desk would say it, or null when it passes. */

const DAY = new D(MS_PER_DAY);

/**
 * A failing value (always above its limit) with as few decimals as still show it above the limit
 * ("7.04 days", not "7 days"); starts at `places` and stops at 12, then says "just over".
 */
function showBeyond(value: D, limit: D, places = 1): string {
  for (let p = places; p <= 12; p++) {
    const shown = value.toDecimalPlaces(p);
    if (shown.gt(limit)) return shown.toString();
  }
  return `just over ${limit.toString()}`;
}

const HUNDRED = new D(100);

/** Source age: as_of − quote_time in days (fractions count) above max_age_days. */
export function sourceAgeCheck(quoteTime: Date, asOf: Date, limits: Limits): string | null {
  const ageMs = new D(asOf.getTime() - quoteTime.getTime());
  if (!ageMs.gt(limits.maxAgeDays.times(DAY))) return null;
  const days = ageMs.div(DAY);
  return `source ${showBeyond(days, limits.maxAgeDays)} days old (max ${limits.maxAgeDays.toString()})`;
}

/** Spread friction above max_spread_bps. */
export function spreadCheck(spreadBps: D, limits: Limits): string | null {
  if (!spreadBps.gt(limits.maxSpreadBps)) return null;
  return `spread ${showBeyond(spreadBps, limits.maxSpreadBps)} bps (max ${limits.maxSpreadBps.toString()})`;
}

/** Ratio contradiction: the change moves against the expected direction by more than the tolerance. */
export function ratioCheck(ratioChange: D, expected: Direction, limits: Limits): string | null {
  const tol = limits.ratioTolerance;
  const against =
    expected === UP
      ? ratioChange.lt(tol.neg())
      : expected === DOWN
        ? ratioChange.gt(tol)
        : ratioChange.abs().gt(tol);
  if (!against) return null;
  const moved = ratioChange.isNegative() ? 'down' : 'up';
  const tolPercent = tol.times(HUNDRED);
  const shown = showBeyond(ratioChange.abs().times(HUNDRED), tolPercent, 2);
  return `ratio ${moved} ${shown}% against expected ${expected} (tolerance ${tolPercent.toString()}%)`;
}

/** An indicative quote cannot carry action; market and mixed can. */
export function sourceStateCheck(state: SourceState | null): string | null {
  return state === INDICATIVE ? `source state ${INDICATIVE}` : null;
}
