/**
 * Appending a vanished review again, and adopting rows a merge left just below a table. Both go
 * through appendReview, which skips Record IDs already in the table, so nothing is written twice;
 * only what the user had chosen to leave out is left out again.
 */
import { TABLE_KEYS } from '../core/record/schema';
import type { TableKey } from '../core/record/table-def';
import type {
  DeskWorkbook,
  ReceiptCheck,
  ReviewRows,
  RowValues,
  UnplacedValue,
  WriteOutcome,
} from '../excel/workbook';
import type { PendingReceipt } from './receipt-store';
import { safe } from './safe';

type Missing = Extract<ReceiptCheck, { kind: 'missing' }>;

const sameValue = (a: UnplacedValue, b: UnplacedValue): boolean =>
  a.table === b.table && a.field === b.field && a.recordId === b.recordId;

/** Appends; a refusal over values without a column is accepted only for values left out before. */
async function appendAgain(
  workbook: DeskWorkbook,
  rows: ReviewRows,
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

/** Appends a vanished review again. Null on success, else why (the receipt stays pending). */
export async function reappend(
  workbook: DeskWorkbook,
  receipt: PendingReceipt,
): Promise<string | null> {
  const outcome = await appendAgain(workbook, receipt.rows, receipt.notWritten);
  return outcome.ok ? null : failed(outcome);
}

/**
 * Rows of this pane's missing receipts that sit just below their table, in sheet order, as far
 * as they are all this pane's: writing exactly these, in that order, puts the same values over
 * them and resizes the table over them. Rows of another pane's receipt stop the run (that pane
 * adopts its own on its next read), so a pane only ever rewrites rows it has the receipt for.
 */
export function strandedOwnRows(
  missing: readonly { receipt: PendingReceipt; check: Missing }[],
  stranded: Readonly<Partial<Record<TableKey, readonly string[]>>>,
): { rows: ReviewRows; notWritten: UnplacedValue[]; ids: Set<string> } | null {
  const rows: Record<TableKey, RowValues[]> = { snapshots: [], exposures: [], triggers: [] };
  const ids = new Set<string>();
  const notWritten: UnplacedValue[] = [];
  for (const key of TABLE_KEYS) {
    const own = new Map<string, { row: RowValues; receipt: PendingReceipt }>();
    for (const { receipt, check } of missing) {
      const gone = new Set(check.missing.filter((m) => m.table === key).map((m) => m.recordId));
      for (const row of receipt.rows[key])
        if (gone.has(String(row.recordId))) own.set(String(row.recordId), { row, receipt });
    }
    for (const id of stranded[key] ?? []) {
      const mine = own.get(id);
      if (!mine || ids.has(id)) break;
      rows[key].push(mine.row);
      ids.add(id);
      notWritten.push(...mine.receipt.notWritten.filter((u) => u.recordId === id));
    }
  }
  return ids.size > 0 ? { rows, notWritten, ids } : null;
}

/** Adopts this pane's rows stranded below the tables; the ids adopted, or why not. */
export async function adoptStranded(
  workbook: DeskWorkbook,
  missing: readonly { receipt: PendingReceipt; check: Missing }[],
  stranded: Readonly<Partial<Record<TableKey, readonly string[]>>>,
): Promise<{ ids: ReadonlySet<string>; problem: string | null }> {
  const own = strandedOwnRows(missing, stranded);
  if (!own) return { ids: new Set(), problem: null };
  const outcome = await appendAgain(workbook, own.rows, own.notWritten);
  return outcome.ok
    ? { ids: own.ids, problem: null }
    : { ids: new Set(), problem: failed(outcome) };
}
