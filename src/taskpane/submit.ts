/**
 * The submit, DOM-free (the pane and the co-authoring simulation drive the same code): append in
 * as few round trips as the workbook allows, create the tables when they are missing, and when
 * typed values have no column ask the user — Repair, record without them, or keep editing —
 * before anything is written.
 */
import { REVIEW_KEYS } from '../core';
import type { DeskWorkbook, ReviewRecords, UnplacedValue, WriteOutcome } from '../excel/workbook';
import type { Outbox } from './outbox';
import { safe } from './safe';

/** The user's answer to "these values have no column". */
export type UnplacedChoice = 'repair' | 'drop' | 'keep-editing';

export interface SubmitOptions {
  /** Asked when the workbook cannot place some typed values; without it such a submit is refused. */
  decide?(unplaced: readonly UnplacedValue[]): Promise<UnplacedChoice>;
  /** Select the first table's landed rows inside the write (the pane does; the simulation not). */
  readonly select?: boolean;
}

type Failure = Extract<WriteOutcome, { ok: false }>;

/**
 * Append with the selection queued into the write (2 syncs into existing tables); only when the
 * tables are missing or the schema needs migrating, create them and append once more (5 syncs
 * into an empty workbook).
 */
async function appendCreating(
  workbook: DeskWorkbook,
  rows: ReviewRecords,
  options: { select?: boolean; dropUnplaced?: boolean },
): Promise<WriteOutcome> {
  // A review starts at its snapshot: that is the row the user is shown.
  const select = options.select === false ? undefined : REVIEW_KEYS.find((k) => rows[k].length > 0);
  const append = () =>
    safe(() =>
      workbook.appendReview(rows, {
        ...(select ? { select } : {}),
        ...(options.dropUnplaced ? { dropUnplaced: true } : {}),
      }),
    );
  const first = await append();
  if (first.ok || (first.reason !== 'tables-missing' && first.reason !== 'schema-outdated'))
    return first;
  const ensured = await safe(() => workbook.ensureTables());
  return ensured.ok ? append() : ensured;
}

const keptEditing = (unplaced: readonly UnplacedValue[]): Failure => ({
  ok: false,
  reason: 'unplaced',
  message: `Nothing was written: you kept the review to edit. ${unplaced.length === 1 ? 'The value without a column is' : 'The values without a column are'} still in the form.`,
  unplaced,
});

export function submitReview(
  workbook: DeskWorkbook,
  rows: ReviewRecords,
  options: SubmitOptions = {},
): Promise<WriteOutcome> {
  return submitOnce(workbook, rows, options, 2);
}

async function submitOnce(
  workbook: DeskWorkbook,
  rows: ReviewRecords,
  options: SubmitOptions,
  repairsLeft: number,
): Promise<WriteOutcome> {
  const select = options.select ?? true;
  const first = await appendCreating(workbook, rows, { select });
  if (first.ok || first.reason !== 'unplaced' || !first.unplaced || !options.decide) return first;
  const choice = await options.decide(first.unplaced);
  if (choice === 'keep-editing') return keptEditing(first.unplaced);
  if (choice === 'drop') return appendCreating(workbook, rows, { select, dropUnplaced: true });
  if (repairsLeft === 0) return first;
  const repaired = await safe(() => workbook.repair());
  if (!repaired.ok) {
    return {
      ...repaired,
      message: `Nothing was written: the repair did not run — ${repaired.message}`,
    };
  }
  // A colleague may have renamed another column meanwhile: asked again, never dropped unasked.
  return submitOnce(workbook, rows, options, repairsLeft - 1);
}

/**
 * Submit and, once the write was read back, keep its receipt: the pane's record of what it wrote,
 * checked on later reads. No round trip of its own.
 */
export async function recordReview(
  workbook: DeskWorkbook,
  outbox: Outbox,
  rows: ReviewRecords,
  options: SubmitOptions = {},
): Promise<WriteOutcome> {
  const outcome = await submitReview(workbook, rows, options);
  if (outcome.ok) outbox.record(rows, outcome.notWritten ?? []);
  return outcome;
}
