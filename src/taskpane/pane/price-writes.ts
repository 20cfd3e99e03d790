/**
 * The two workbook writes the price views use — appendPrices (an import's rows, all or none) and
 * insertRatioHistory (the DeskRatioHistory table and its chart) — with the tables created first
 * when the workbook lacks them, as a review's submit does.
 */
import type { DeskRecord, RecordValues } from '../../core';
import type { DeskWorkbook, ImportOptions, RatioHistory, WriteOutcome } from '../../excel/workbook';
import { safe } from '../safe';

/** Runs `write`, creating or migrating the desk tables and trying once more when it says so. */
async function creating(
  workbook: DeskWorkbook,
  write: () => Promise<WriteOutcome>,
): Promise<WriteOutcome> {
  const first = await safe(write);
  if (first.ok || (first.reason !== 'tables-missing' && first.reason !== 'schema-outdated'))
    return first;
  const ensured = await safe(() => workbook.ensureTables());
  return ensured.ok ? safe(write) : ensured;
}

export function appendPrices(
  workbook: DeskWorkbook,
  rows: readonly DeskRecord<'prices'>[],
  o: ImportOptions,
): Promise<WriteOutcome> {
  return creating(workbook, () => workbook.appendPrices(rows, o));
}

export function insertRatioHistory(
  workbook: DeskWorkbook,
  history: RatioHistory,
): Promise<WriteOutcome> {
  return creating(workbook, () => workbook.insertRatioHistory(history));
}

/**
 * DeskPrices' rows as recorded, for dedupe, "Use latest price" and the ratio. A workbook without
 * the table has no history yet (empty); any other failure to read is a sentence.
 */
export async function readPrices(
  workbook: DeskWorkbook,
): Promise<
  { ok: true; rows: RecordValues[]; sheetRows: number[] } | { ok: false; message: string }
> {
  const read = await safe(() => workbook.read('prices'));
  if (read.ok)
    return {
      ok: true,
      rows: read.records.map((r) => r.values),
      sheetRows: read.records.map((r) => r.sheetRow),
    };
  // A failed health read leaves the read's own sentence as the answer.
  const missing = await workbook.health().then(
    (h) => h.tables.prices.kind === 'missing',
    () => false,
  );
  if (missing) return { ok: true, rows: [], sheetRows: [] };
  return { ok: false, message: `DeskPrices could not be read: ${read.message}` };
}
