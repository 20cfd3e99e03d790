/**
 * Appending a vanished review again, through appendReview: it skips Record IDs already in the
 * table, so nothing is written twice, and takes desk rows left just below a table into it (its
 * own or another pane's); only what the user had chosen to leave out is left out again.
 */
import { checkReview } from '../core';
import type { DeskWorkbook, ReviewRecords, UnplacedValue, WriteOutcome } from '../excel/workbook';
import type { PendingReceipt } from './receipt-store';
import { safe } from './safe';

const sameValue = (a: UnplacedValue, b: UnplacedValue): boolean =>
  a.table === b.table && a.field === b.field && a.recordId === b.recordId;

/** Appends; a refusal over values without a column is accepted only for values left out before. */
async function appendAgain(
  workbook: DeskWorkbook,
  rows: ReviewRecords,
  notWritten: readonly UnplacedValue[],
): Promise<WriteOutcome> {
  const outcome = await safe(() => workbook.appendReview(rows));
  if (
    !outcome.ok &&
    outcome.reason === 'unplaced' &&
    (outcome.unplaced ?? []).every((u) => notWritten.some((n) => sameValue(n, u)))
  ) {
    return safe(() => workbook.appendReview(rows, { dropUnplaced: true }));
  }
  return outcome;
}

const failed = (outcome: Extract<WriteOutcome, { ok: false }>): string =>
  `A recorded review's rows had vanished and could not be added again: ${outcome.message} The pane tries again on its next read.`;

/**
 * Appends a vanished review again: the rows still missing are written, and rows found just below
 * their table (a co-author's resize won a merge) are taken into it as they are. How many rows
 * were adopted, or why it failed (the receipt stays pending).
 */
export async function reappend(
  workbook: DeskWorkbook,
  receipt: PendingReceipt,
): Promise<{ adopted: number } | string> {
  // A receipt's rows come back from localStorage (or were blanked where the user left values
  // out): the schema checks them here, once, and a row that breaks it is never written.
  const rows = checkReview(receipt.rows);
  if (!rows.ok)
    return `A recorded review's rows had vanished but are not added again: the copy this browser kept of them breaks the schema (${rows.message}). Nothing was written; record the review again from the form if it is still wanted.`;
  const outcome = await appendAgain(workbook, rows.records, receipt.notWritten);
  if (!outcome.ok) return failed(outcome);
  return { adopted: (outcome.adopted ?? []).reduce((n, a) => n + a.recordIds.length, 0) };
}
