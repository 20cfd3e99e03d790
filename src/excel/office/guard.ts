/**
 * Guarding a write against a colleague who types into its cells between the pane's read and its
 * write (co-authoring, or Excel on another screen). The first sync read those cells empty; the
 * write request reads them again (values, formulas, number format) BEFORE it writes anything. If
 * one was no longer empty, one more request puts back exactly what it held, shrinks the table
 * back and clears only the cells this write put there — then the write is refused, naming the
 * cell. The common case costs nothing extra: the loads ride in the write request.
 *
 * Order of the undo, so that any prefix of it leaves the colleague's cell safe first: restore
 * their cells, then shrink the table, then clear the add-in's own cells.
 */
import type { Box } from '../a1';
import type { WriteFailureReason } from '../workbook';
import { occupied, sentence } from './messages';
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
  readonly snapshot: Excel.Range;
}

/** A colleague's cell found in a write's way: where, and what it held just before the write. */
export interface Intruder {
  readonly row: number;
  readonly col: number;
  readonly value: unknown;
  readonly formula: unknown;
  readonly format: unknown;
}

/** Queues the pre-write read: call before queueing any write to `box`. */
export function queueGuard(ctx: Excel.RequestContext, g: Omit<Guard, 'snapshot'>): Guard {
  const snapshot = ctx.workbook.tables
    .getItem(g.f.id)
    .worksheet.getRangeByIndexes(g.box.row, g.box.col, g.box.rows, g.box.cols)
    .load('values,formulas,numberFormat');
  return { ...g, snapshot };
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

/**
 * Queues the undo of every guarded write of one request (all of a review's tables: all or
 * nothing): the colleagues' cells first, then each table back to its size, then the add-in's
 * own cells cleared.
 */
export function queueUndo(
  ctx: Excel.RequestContext,
  guards: readonly { g: Guard; found: readonly Intruder[] }[],
): void {
  for (const { g, found } of guards) {
    const sheet = ctx.workbook.tables.getItem(g.f.id).worksheet;
    for (const x of found) {
      const cell = sheet.getRangeByIndexes(x.row, x.col, 1, 1);
      if (g.validated.has(x.col - g.box.col)) cell.dataValidation.clear();
      cell.numberFormat = [[String(x.format)]];
      cell.formulas = [[restoredEntry(x)]];
    }
  }
  for (const { g } of guards) {
    const t = g.tableBefore;
    if (t.rows === g.box.row + g.box.rows - t.row && t.cols === g.box.col + g.box.cols - t.col)
      continue; // the write did not grow the table
    const table = ctx.workbook.tables.getItem(g.f.id);
    table.resize(table.worksheet.getRangeByIndexes(t.row, t.col, t.rows, t.cols));
  }
  for (const { g, found } of guards) {
    const sheet = ctx.workbook.tables.getItem(g.f.id).worksheet;
    for (const b of ownCells(g, found))
      sheet.getRangeByIndexes(b.row, b.col, b.rows, b.cols).clear();
  }
}

/**
 * The cells this write put there, as few rectangles as possible: whole runs of rows where every
 * cell is the write's, and the pieces of a row around a colleague's cell or an earlier try's.
 */
function ownCells(g: Guard, found: readonly Intruder[]): Box[] {
  const theirs = new Set(found.map((x) => `${x.row},${x.col}`));
  const keep = (r: number, c: number): boolean => theirs.has(`${r},${c}`) || g.own(r, c);
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
  return failure(reason, `${lead}${sentence(parts)}`);
}
