import { createMemoryDeskWorkbook, type MemoryDeskWorkbook } from '../../../src/excel/memory';
import { idMaker, reviewRows } from '../helpers';

export type ReadyWorkbook = MemoryDeskWorkbook & { newId: () => string };

/**
 * An in-memory desk workbook with its tables made — and, with `firstReview`, one review recorded —
 * its round-trip counters reset, and the id maker the rows were made with.
 */
export async function deskReady(
  options: { firstReview?: boolean; idPrefix?: number } = {},
): Promise<ReadyWorkbook> {
  const m = createMemoryDeskWorkbook();
  expect((await m.workbook.ensureTables()).ok).toBe(true);
  const newId = idMaker(options.idPrefix ?? 0);
  if (options.firstReview) expect((await m.workbook.appendReview(reviewRows(newId))).ok).toBe(true);
  m.host.resetStats();
  return { ...m, newId };
}
