/**
 * A trigger row's note status, evaluated by DESK.NOTE_STATUS itself on the row's cells — the
 * arguments the Status now formula passes (schema.ts builds both from the same field list), with
 * as_of the instant given. Status at record, the form's preview and the review queue read it here.
 */
import type { Result } from '../errors';
import { noteStatusOfCells } from '../operations/note-status';
import type { NoteStatusVerdict } from '../status/types';
import { CLOSEOUT_FIELDS, triggerLimits } from './schema';
import type { RecordValue } from './cells';

type Row = Readonly<Record<string, RecordValue | undefined>>;

const cell = (v: RecordValue | undefined): string | number | boolean | null => v ?? null;

/** NOTE_STATUS(quote time, spread, ratio change, as_of, direction, limits, source state, closeout) for the row. */
export function triggerStatus(row: Row, asOf: Date): Result<NoteStatusVerdict> {
  const limits = triggerLimits(row.triggerType, row.threshold);
  return noteStatusOfCells(
    {
      quoteTime: cell(row.quoteTime),
      spreadBps: cell(row.spreadBps),
      ratioChange: cell(row.ratioChange),
      expectedDirection: cell(row.expectedDirection),
      limits: [
        [
          limits.maxAgeDays.toNumber(),
          limits.maxSpreadBps.toNumber(),
          limits.ratioTolerance.toNumber(),
        ],
      ],
      sourceState: cell(row.sourceState),
      closeout: [CLOSEOUT_FIELDS.map((f) => cell(row[f]))],
    },
    asOf,
  );
}

/** NOTE_STATUS's argument names → the trigger field each comes from. */
const ARG_FIELDS: Readonly<Record<string, string>> = {
  quote_time: 'quoteTime',
  spread_bps: 'spreadBps',
  ratio_change: 'ratioChange',
  as_of: 'quoteTime',
  expected_direction: 'expectedDirection',
  source_state: 'sourceState',
  limits: 'threshold',
};

/** A refusal of NOTE_STATUS as an issue on the field it names, in the form's words (never "ratio_change"). */
export function statusIssue(
  message: string,
  headerOf: (field: string) => string,
): { readonly field: string; readonly message: string } {
  const arg = /^[a-z_]+/.exec(message)?.[0] ?? '';
  const field = ARG_FIELDS[arg] ?? 'quoteTime';
  const rest =
    ARG_FIELDS[arg] !== undefined ? message.slice(arg.length).replace(/^:?\s*/, '') : message;
  return { field, message: `${headerOf(field)}: ${rest}` };
}
