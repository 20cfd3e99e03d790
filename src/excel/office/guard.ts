/**
 * Guarding a write against a colleague who types into its cells between the pane's read and its
 * write (co-authoring, or Excel on another screen). The first sync read those cells empty; the
 * write request reads them again (values, formulas, number format) BEFORE it writes anything. If
 * one was no longer empty, two more syncs take the write back: the cells are read once more, then
 * what they held is put back, the table shrunk back and only the cells this write put there are
 * cleared — each only while it still holds what this write put there — and the write is refused,
 * naming the cell. The common case costs nothing extra: the loads ride in the write request.
 *
 * Order of the take-back, so that any prefix of it leaves the colleague's cell safe first:
 * restore their cells, then shrink the table, then clear the add-in's own cells.
 */
import type { Box } from '../a1';
import type { WriteFailureReason } from '../workbook';
import { occupied, sentence, tableName } from './messages';
import { failure, type Failure } from './outcome';
import { isEmptyCell, type Found } from './session';

export interface Guard {
  readonly f: Found;
  /** The cells the write covers, in sheet coordinates. */
  readonly box: Box;
  /** The table's range before the write (to shrink back to). */
  readonly tableBefore: Box;
  /**
   * Cells (sheet row, column) that hold this write's own content from an interrupted try: the
   * write puts the same there again, and an undo keeps them as they were.
   */
  readonly own: (row: number, col: number) => boolean;
  /** Columns (offsets in the box) this write puts a validation list on. */
  readonly validated: ReadonlySet<number>;
  /** What the write puts into each cell of the box (`formulas` semantics; '' for nothing). */
  readonly written: readonly (readonly (string | number | boolean)[])[];
  /** The table's range once the write is in. */
  readonly tableAfter: Box;
  /**
   * The column (offset in the box) of each written row's Record ID: a row is still this write's
   * only while that cell holds its Record ID (reviews share many values; a cell alone cannot
   * tell). Absent for a write without one (repair's columns): judged cell by cell.
   */
  readonly idCol?: number;
  readonly snapshot: Excel.Range;
  /** The table's range when the write arrived (read before anything is written). */
  readonly tableAt: Excel.Range;
}

/** A colleague's cell found in a write's way: where, and what it held just before the write. */
export interface Intruder {
  readonly row: number;
  readonly col: number;
  readonly value: unknown;
  readonly formula: unknown;
  readonly format: unknown;
}

/**
 * Queues the pre-write read: call before queueing any write to `box` or to the table's size. It
 * reads the table's range too: a co-author's rows resized in, or another pane's write taken back,
 * between this pane's read and its write would otherwise be undone by this write's resize.
 */
export function queueGuard(
  ctx: Excel.RequestContext,
  g: Omit<Guard, 'snapshot' | 'tableAt'>,
): Guard {
  const table = ctx.workbook.tables.getItem(g.f.id);
  const snapshot = table.worksheet
    .getRangeByIndexes(g.box.row, g.box.col, g.box.rows, g.box.cols)
    .load('values,formulas,numberFormat');
  const tableAt = table.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
  return { ...g, snapshot, tableAt };
}

/** The table's range as the write found it. */
const tableAtWrite = (g: Guard): Box => ({
  row: g.tableAt.rowIndex,
  col: g.tableAt.columnIndex,
  rows: g.tableAt.rowCount,
  cols: g.tableAt.columnCount,
});

/** The table is not where the first read left it: what was decided on that read no longer holds. */
export function tableMoved(g: Guard): boolean {
  const at = tableAtWrite(g);
  const t = g.tableBefore;
  return at.row !== t.row || at.col !== t.col || at.rows !== t.rows || at.cols !== t.cols;
}

/** Response bytes the pre-write read costs per cell (values, formulas, a number format). */
export const GUARD_BYTES_PER_CELL = 24;

/** Cells that were empty at the first read and held something when the write arrived. */
export function intruders(g: Guard): Intruder[] {
  const out: Intruder[] = [];
  const { values, formulas, numberFormat } = g.snapshot;
  values.forEach((row, i) => {
    row.forEach((value, j) => {
      const formula = formulas[i]?.[j];
      if (isEmptyCell(value, formula) || g.own(g.box.row + i, g.box.col + j)) return;
      out.push({
        row: g.box.row + i,
        col: g.box.col + j,
        value,
        formula,
        format: numberFormat[i]?.[j] ?? 'General',
      });
    });
  });
  return out;
}

/** A formula cell reads back its formula; a text cell whose text starts with "=" reads the same in both. */
const isFormula = (x: Intruder): boolean =>
  typeof x.formula === 'string' && x.formula.startsWith('=') && x.formula !== x.value;

/** What to write to put a cell back as it was: its formula, a number, or text kept as text. */
function restoredEntry(x: Intruder): string | number | boolean {
  if (isFormula(x)) return x.formula as string;
  if (typeof x.value === 'number' || typeof x.value === 'boolean') return x.value;
  return `'${String(x.value)}`;
}

const isEmptyRow = (values: readonly unknown[] = [], formulas: readonly unknown[] = []): boolean =>
  values.every((v, j) => isEmptyCell(v, formulas[j]));

/** A non-empty cell holds what this write put there (`formulas` semantics). */
function stillOurs(written: unknown, value: unknown, formula: unknown): boolean {
  if (typeof written === 'string' && written.startsWith('=')) return formula === written;
  const text = typeof written === 'string' && written.startsWith("'") ? written.slice(1) : written;
  return value === text;
}

/**
 * Takes back every guarded write of one request (all of a review's tables: all or nothing):
 * first reads the cells again, then puts the colleagues' cells back, each table back to its size,
 * and clears the add-in's own cells — touching only cells that still hold what this write put
 * there (or nothing), and a table only while it is the size this write left it. Whatever changed
 * since the write (another pane putting back a cell of its own, a co-author's later write, a
 * colleague retyping) is newer than this write and stays. Two syncs, only on this path.
 */
export async function takeBack(
  ctx: Excel.RequestContext,
  guards: readonly { g: Guard; found: readonly Intruder[] }[],
): Promise<void> {
  const fresh = guards.map(({ g }) => {
    const table = ctx.workbook.tables.getItem(g.f.id);
    return {
      cells: table.worksheet
        .getRangeByIndexes(g.box.row, g.box.col, g.box.rows, g.box.cols)
        .load('values,formulas'),
      table: table.getRange().load('rowIndex,columnIndex,rowCount,columnCount'),
    };
  });
  await ctx.sync();
  // Per guard: may the take-back put a cell back (only over this write's own value: a cell
  // emptied since was taken back by its owner, and stays empty), and may it clear a cell (this
  // write's value, or nothing)? A row whose Record ID is no longer this write's is someone else's.
  const judge = guards.map(({ g }, k) => {
    const { values, formulas } = (fresh[k] as (typeof fresh)[number]).cells;
    const holds = (i: number, j: number) => {
      const written = g.written[i]?.[j] ?? '';
      const [v, f] = [values[i]?.[j], formulas[i]?.[j]];
      return written === '' ? isEmptyCell(v, f) : !isEmptyCell(v, f) && stillOurs(written, v, f);
    };
    const id = g.idCol;
    const rowOurs = (i: number) => id === undefined || holds(i, id);
    return {
      restore: (row: number, col: number) =>
        rowOurs(row - g.box.row) && holds(row - g.box.row, col - g.box.col),
      keep: (row: number, col: number): boolean => {
        const i = row - g.box.row;
        const j = col - g.box.col;
        const empty = isEmptyCell(values[i]?.[j], formulas[i]?.[j]);
        if (id !== undefined && !rowOurs(i) && !isEmptyRow(values[i], formulas[i])) return true;
        return !empty && !holds(i, j);
      },
    };
  });
  guards.forEach(({ g, found }, k) => {
    const sheet = ctx.workbook.tables.getItem(g.f.id).worksheet;
    for (const x of found) {
      if (!judge[k]?.restore(x.row, x.col)) continue;
      const cell = sheet.getRangeByIndexes(x.row, x.col, 1, 1);
      if (g.validated.has(x.col - g.box.col)) cell.dataValidation.clear();
      cell.numberFormat = [[String(x.format)]];
      cell.formulas = [[restoredEntry(x)]];
    }
  });
  // Each table back to the size its first write found (not the first read's: a co-author may
  // have changed it), when this request grew it and nobody has resized it since.
  const first = new Map<string, { g: Guard; k: number }>();
  const last = new Map<string, Guard>();
  guards.forEach(({ g }, k) => {
    if (!first.has(g.f.id)) first.set(g.f.id, { g, k });
    last.set(g.f.id, g);
  });
  for (const { g, k } of first.values()) {
    const t = tableAtWrite(g);
    const after = (last.get(g.f.id) as Guard).tableAfter;
    const now = (fresh[k] as (typeof fresh)[number]).table;
    const same =
      now.rowIndex === after.row &&
      now.columnIndex === after.col &&
      now.rowCount === after.rows &&
      now.columnCount === after.cols;
    if (!same || (after.rows === t.rows && after.cols === t.cols)) continue;
    const table = ctx.workbook.tables.getItem(g.f.id);
    table.resize(table.worksheet.getRangeByIndexes(t.row, t.col, t.rows, t.cols));
  }
  guards.forEach(({ g, found }, k) => {
    const sheet = ctx.workbook.tables.getItem(g.f.id).worksheet;
    for (const b of ownCells(g, found, (r, c) => judge[k]?.keep(r, c) ?? true))
      sheet.getRangeByIndexes(b.row, b.col, b.rows, b.cols).clear();
  });
  await ctx.sync();
}

/**
 * The cells this write put there, as few rectangles as possible: whole runs of rows where every
 * cell is the write's, and the pieces of a row around a colleague's cell or an earlier try's.
 */
function ownCells(
  g: Guard,
  found: readonly Intruder[],
  changed: (r: number, c: number) => boolean,
): Box[] {
  const theirs = new Set(found.map((x) => `${x.row},${x.col}`));
  const keep = (r: number, c: number): boolean =>
    theirs.has(`${r},${c}`) || g.own(r, c) || changed(r, c);
  const out: Box[] = [];
  const lastCol = g.box.col + g.box.cols;
  let runStart = -1;
  const end = g.box.row + g.box.rows;
  for (let r = g.box.row; r <= end; r += 1) {
    let plain = r < end;
    for (let c = g.box.col; plain && c < lastCol; c += 1) if (keep(r, c)) plain = false;
    if (plain && runStart < 0) runStart = r;
    if (!plain && runStart >= 0) {
      out.push({ row: runStart, col: g.box.col, rows: r - runStart, cols: g.box.cols });
      runStart = -1;
    }
    if (plain || r >= end) continue;
    let start = -1;
    for (let c = g.box.col; c <= lastCol; c += 1) {
      const ours = c < lastCol && !keep(r, c);
      if (ours && start < 0) start = c;
      if (!ours && start >= 0) {
        out.push({ row: r, col: start, rows: 1, cols: c - start });
        start = -1;
      }
    }
  }
  return out;
}

/**
 * The refusal after an undo: each colleague's cell named with what it holds (put back as it was).
 * `partial`: earlier syncs of a large import were written and confirmed; they stay.
 */
export function guardedRefusal(
  reason: WriteFailureReason,
  side: 'below' | 'right of',
  guards: readonly { g: Guard; found: readonly Intruder[] }[],
  partial: boolean,
): Failure {
  const moved = guards
    .filter((x) => x.found.length === 0 && tableMoved(x.g))
    .map(
      ({ g }) =>
        `${tableName(g.f.key)} changed size between the add-in's read and its write (a co-author's rows arrived, or were taken back), so the add-in took back what it had written; ${side === 'below' ? 'submit' : 'repair'} again`,
    );
  const parts = guards
    .filter((x) => x.found.length > 0)
    .map(({ g, found }) => {
      const one = found.length === 1;
      return occupied(
        g.f,
        side,
        found,
        `${one ? 'it was' : 'they were'} typed after the add-in read the sheet and before it wrote, so the add-in put back what ${one ? 'it' : 'they'} held and took back what it had written there. Move ${one ? 'it' : 'them'} or the table, then ${side === 'below' ? 'submit' : 'repair'} again.`,
      );
    });
  const lead = partial
    ? 'Stopped part-way (the rows already confirmed stay; submitting again adds the rest): '
    : 'Nothing written: ';
  return failure(reason, `${lead}${sentence([...parts, ...moved])}`);
}
