/**
 * Second copies of a desk row inside a table: two panes appending the same rows at once — each
 * merging the same second table (duplicates.ts) — each write its rows below the table as that
 * pane saw it, and co-authoring keeps both writes and the larger resize, so one Record ID ends
 * up on two rows of the table. Appends are idempotent by Record ID only within one pane's view;
 * nothing can stop two views crossing. Removing a copy is not safe: deleting a table row moves
 * every row below it (a colleague's corrected cells included), and clearing it leaves a hole. So
 * health names every Record ID found more than once, with its sheet rows and whether every cell
 * is the same, and the user deletes the copy (Delete › Table Rows).
 */
import { tableName } from './messages';
import { isEmptyCell, type Found } from './session';

export interface RowCopies {
  readonly recordId: string;
  /** Sheet rows (1-based, as Excel shows them) holding the Record ID, top down. */
  readonly sheetRows: readonly number[];
  /** Every cell of every copy is the same: the add-in's own second copy. */
  readonly identical: boolean;
}

/** Record IDs that stand on more than one row of the table body read. */
export function copiesInside(f: Found): RowCopies[] {
  const idIndex = f.fields.indexOf('recordId');
  if (idIndex < 0 || !f.body) return [];
  const rows = new Map<string, number[]>();
  f.body.forEach((cells, i) => {
    const id = cells[idIndex];
    if (isEmptyCell(id, undefined)) return;
    const key = String(id).trim();
    rows.set(key, [...(rows.get(key) ?? []), i]);
  });
  const body = f.body;
  return [...rows]
    .filter(([, at]) => at.length > 1)
    .map(([recordId, at]) => {
      const first = JSON.stringify(body[at[0] as number]);
      return {
        recordId,
        sheetRows: at.map((i) => f.headerRow + 2 + i),
        identical: at.every((i) => JSON.stringify(body[i]) === first),
      };
    });
}

/**
 * "DeskSnapshots holds Record ID … twice, at sheet rows 5 and 6, every cell the same: …": one
 * sentence per Record ID, naming every row it is on.
 */
export function copiesSentence(f: Found, c: RowCopies): string {
  const n = c.sheetRows.length;
  const rows = c.sheetRows;
  const where = `sheet rows ${rows.slice(0, -1).join(', ')} and ${String(rows[n - 1])}`;
  const times = n === 2 ? 'twice' : `${n} times`;
  const lower = n === 2 ? 'lower one (sheet row' : `${n - 1} lower ones (sheet rows`;
  return c.identical
    ? `${tableName(f.key)} holds Record ID ${c.recordId} ${times}, at ${where}, every cell the same: a second copy (two panes added the same row at once). Delete the ${lower} ${rows.slice(1).join(', ')}) with Delete › Table Rows; the review stays recorded once.`
    : `${tableName(f.key)} holds Record ID ${c.recordId} ${times}, at ${where}, with different values (a colleague may have corrected one): compare them and delete the one that is wrong with Delete › Table Rows.`;
}
