/**
 * Adding schema columns at the right of a table (repair and migration), never moving a cell.
 *
 * The cells right of the table are read first, cell by cell (a second sync: how many columns go
 * where is known only once the table is read); then the headers, formats and validation are
 * written there and the table is resized over them — not `TableColumnCollection.add`, which
 * inserts cells and so shifts a colleague's cells right. The write is guarded like an append
 * (guard.ts): a cell typed there between the read and the write is put back and the repair refused.
 *
 * Operations are ordered so that every prefix of the request is recognisable on a retry: the
 * header text first (a header right of the table naming the very column that is missing, over
 * empty cells, is the add-in's own from an interrupted repair), then formats and validation, then
 * the resize, then the Status now formulas (structured references only work inside the table).
 * A formula column whose cells stayed empty (interrupted after the resize) is filled on the next
 * repair.
 */
import { columnList, TEXT_CELL_FORMAT, validationList, type Done } from '../../core';
import { runs, SHEET_COLS, type Box } from '../a1';
import {
  guardedRefusal,
  intruders,
  queueGuard,
  takeBack,
  tableMoved,
  type Guard,
  type Intruder,
} from './guard';
import { occupied, occupiedCells, plural, quoteList, sentence, tableName } from './messages';
import { failure, type Failure } from './outcome';
import { readBoxes } from './probe';
import { norm, type CellsRead, type Col, type Found } from './session';

export interface ColumnsTodo {
  readonly f: Found;
  readonly cols: readonly Col[];
}

/** What the second read found right of a table, and beside it the empty formula cells to fill. */
export interface RightRead {
  readonly todo: ColumnsTodo;
  readonly right: CellsRead | null;
  /** Body rows (0-based) of each present formula column whose cell is empty in a row with a record. */
  readonly unfilled: readonly { j: number; col: Col; rows: readonly number[] }[];
}

const rightBox = (f: Found, count: number): Box => ({
  row: f.headerRow,
  col: f.col + f.cols,
  rows: f.bodyRows + 1,
  cols: count,
});

/**
 * Second read: the cells right of each table where its columns would go, and the formula
 * columns already there (to fill cells an interrupted repair left empty).
 */
export async function readRight(
  ctx: Excel.RequestContext,
  todo: readonly ColumnsTodo[],
  present: readonly Found[],
): Promise<RightRead[]> {
  const formulaReads = present.flatMap((f) =>
    f.fields.flatMap((field, j) => {
      const col = formulaColumn(f, field);
      if (!col || f.bodyEmpty) return [];
      const box: Box = { row: f.headerRow + 1, col: f.col + j, rows: f.bodyRows, cols: 1 };
      return [{ f, j, col, box }];
    }),
  );
  const placed = todo.filter((t) => t.cols.length <= SHEET_COLS - (t.f.col + t.f.cols));
  const read = await readBoxes(ctx, [
    ...placed.map((t) => ({ f: t.f, box: rightBox(t.f, t.cols.length) })),
    ...formulaReads,
  ]);
  const out: RightRead[] = todo.map((t) => {
    const at = placed.indexOf(t);
    return { todo: t, right: at >= 0 ? (read[at] ?? null) : null, unfilled: [] };
  });
  formulaReads.forEach((r, k) => {
    const cells = read[placed.length + k] as CellsRead;
    const rows = cells.formulas.flatMap((line, i) =>
      (line[0] === '' || line[0] === null) && (r.f.recordIds[i] ?? '') !== '' ? [i] : [],
    );
    if (rows.length === 0) return;
    const at = out.find((o) => o.todo.f.id === r.f.id);
    const entry = { j: r.j, col: r.col, rows };
    if (at) out[out.indexOf(at)] = { ...at, unfilled: [...at.unfilled, entry] };
    else out.push({ todo: { f: r.f, cols: [] }, right: null, unfilled: [entry] });
  });
  return out;
}

/** The schema's formula column (Status now) a table column maps to, if it is one. */
const formulaColumn = (f: Found, field: string | null): Col | undefined =>
  field === null
    ? undefined
    : (columnList(f.key) as readonly Col[]).find((c) => c.field === field && c.kind === 'formula');

/**
 * The columns right of the table that hold this repair's own header from an interrupted try (the
 * header of the very column that goes there, the cells below it empty or its formula), or why the
 * columns cannot go there: a colleague's cells, or the sheet's last column.
 */
export function rightBlocked(r: RightRead): { own: Set<number> } | string {
  const { f, cols } = r.todo;
  const own = new Set<number>();
  if (cols.length === 0) return { own };
  if (!r.right) {
    const room = SHEET_COLS - (f.col + f.cols);
    return `${tableName(f.key)} reaches column ${room === 0 ? 'XFD, the last column of the sheet' : `${16_384 - room} of 16,384`}: there is no room right of it for ${plural(cols.length, 'column')}. Move the table left, then repair again`;
  }
  const right = r.right;
  cols.forEach((c, i) => {
    const header = right.values[0]?.[i];
    const body = right.values.slice(1).every((line, k) => {
      const v = line[i];
      const fx = right.formulas[k + 1]?.[i];
      return (v === '' || v === null) && (fx === '' || fx === null || fx === c.formula);
    });
    if (norm(header) === norm(c.header) && body) own.add(i);
  });
  const taken = occupiedCells(right).filter((x) => !own.has(x.col - right.col));
  if (taken.length === 0) return { own };
  return occupied(
    f,
    'right of',
    taken,
    'the add-in will not move or overwrite them. Clear or move them, then repair again.',
  );
}

export interface ColumnsCheck {
  readonly guard: Guard | null;
  readonly header: Excel.Range;
  readonly todo: ColumnsTodo;
}

/**
 * Queues the columns of one table, formatted and validated like a new table's, in an order whose
 * every prefix a retry recognises; and the formulas of formula columns left empty.
 */
export function queueColumns(
  ctx: Excel.RequestContext,
  r: RightRead,
  own: ReadonlySet<number>,
): ColumnsCheck {
  const { f, cols } = r.todo;
  const table = ctx.workbook.tables.getItem(f.id);
  const sheet = table.worksheet;
  let guard: Guard | null = null;
  if (cols.length > 0) {
    const box = rightBox(f, cols.length);
    guard = queueGuard(ctx, {
      f,
      box,
      tableBefore: { row: f.headerRow, col: f.col, rows: f.bodyRows + 1, cols: f.cols },
      tableAfter: {
        row: f.headerRow,
        col: f.col,
        rows: f.bodyRows + 1,
        cols: f.cols + cols.length,
      },
      own: (_row, col) => own.has(col - box.col),
      validated: new Set(cols.flatMap((c, i) => (validationList(c) ? [i] : []))),
      // The headers, and the formula of a formula column on every body row.
      written: Array.from({ length: box.rows }, (_, i) =>
        cols.map((c) =>
          i === 0 ? c.header : c.kind === 'formula' && !f.bodyEmpty ? (c.formula ?? '') : '',
        ),
      ),
    });
    const header = sheet.getRangeByIndexes(f.headerRow, box.col, 1, cols.length);
    header.numberFormat = [cols.map(() => TEXT_CELL_FORMAT)];
    header.values = [cols.map((c) => c.header)];
    if (f.bodyRows > 0) {
      cols.forEach((c, i) => {
        const body = sheet.getRangeByIndexes(f.headerRow + 1, box.col + i, f.bodyRows, 1);
        body.numberFormat = Array.from({ length: f.bodyRows }, () => [c.numberFormat]);
        const list = validationList(c);
        if (list) body.dataValidation.rule = { list: { inCellDropDown: true, source: list } };
      });
    }
    table.resize(sheet.getRangeByIndexes(f.headerRow, f.col, f.bodyRows + 1, f.cols + cols.length));
    cols.forEach((c, i) => {
      if (c.kind !== 'formula' || !c.formula || f.bodyEmpty) return;
      sheet.getRangeByIndexes(f.headerRow + 1, box.col + i, f.bodyRows, 1).formulas = Array.from(
        { length: f.bodyRows },
        () => [c.formula as string],
      );
    });
  }
  for (const u of r.unfilled) {
    for (const run of runs(u.rows)) {
      sheet.getRangeByIndexes(f.headerRow + 1 + run.start, f.col + u.j, run.length, 1).formulas =
        Array.from({ length: run.length }, () => [u.col.formula as string]);
    }
  }
  return { guard, header: table.getHeaderRowRange().load('values'), todo: r.todo };
}

/** The colleague's cells a guarded column write met, per table. */
export const columnIntruders = (
  checks: readonly ColumnsCheck[],
): { g: Guard; found: Intruder[] }[] =>
  checks.flatMap((c) => (c.guard ? [{ g: c.guard, found: intruders(c.guard) }] : []));

/** Headers the write should have added that the table does not show. */
export function absentAfter(c: ColumnsCheck): Col[] {
  const got = new Set((c.header.values[0] ?? []).map(norm));
  return c.todo.cols.filter((x) => !got.has(norm(x.header)));
}

/**
 * The whole column write for repair and migration: read right of each table (one sync), refuse
 * over a colleague's cells, write (one sync, `alsoQueue` rides with it: the version stamp), and
 * put back any cell typed there in between (one more sync, only then).
 */
export async function addColumns(
  ctx: Excel.RequestContext,
  todo: readonly ColumnsTodo[],
  present: readonly Found[],
  alsoQueue?: () => void,
): Promise<Done<{ added: readonly ColumnsTodo[]; filled: number }> | Failure> {
  const reads = await readRight(ctx, todo, present);
  const plans: { r: RightRead; own: Set<number> }[] = [];
  const refused: string[] = [];
  for (const r of reads) {
    const b = rightBlocked(r);
    if (typeof b === 'string') refused.push(b);
    else plans.push({ r, own: b.own });
  }
  if (refused.length > 0) return failure('blocked-right', `Nothing changed: ${sentence(refused)}`);
  const checks = plans.map(({ r, own }) => queueColumns(ctx, r, own));
  alsoQueue?.();
  if (checks.length === 0 && !alsoQueue) return { ok: true, added: [], filled: 0 };
  await ctx.sync();
  const found = columnIntruders(checks);
  if (found.some((x) => x.found.length > 0 || tableMoved(x.g))) {
    await takeBack(ctx, found);
    return guardedRefusal('blocked-right', 'right of', found, false);
  }
  for (const c of checks) {
    const absent = absentAfter(c);
    if (absent.length > 0) {
      return failure(
        'not-confirmed',
        `Could not confirm the new columns of ${tableName(c.todo.f.key)}: ${quoteList(absent)} not found after writing.`,
      );
    }
  }
  return {
    ok: true,
    added: checks.map((c) => c.todo).filter((t) => t.cols.length > 0),
    filled: plans.reduce((n, p) => n + p.r.unfilled.reduce((k, u) => k + u.rows.length, 0), 0),
  };
}
