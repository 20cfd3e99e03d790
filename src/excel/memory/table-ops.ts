/**
 * Table operations on the in-memory workbook, as Excel performs them:
 * - a table never overlaps another (tables.add and Table.resize fail with strictness.overlapCode:
 *   OfficeDev/office-js#1199, OfficeDev/office-js-docs#417);
 * - Table.resize keeps the header row in its row and overlaps the old range (@types/office-js
 *   Table.resize: "The new range must overlap with the original table range and the headers (or
 *   the top of the table) must be in the same row");
 * - a new table from a header-only range gets one empty body row; its headers are static text,
 *   a blank header becomes "ColumnN" and a repeated one gets a number;
 * - a table name follows limits.ts and is unique among tables and workbook names
 *   (strictness.tableNameTakenCode: OfficeDev/office-js#551).
 * Inserting (columns.add, rows.add) shifts the cells beside the table, as Excel inserts cells.
 */
import type { Box } from '../a1';
import { coded, invalidArgument, MemoryError } from './errors';
import { headerText } from './cell-input';
import { cellKey, parseCellKey } from './keys';
import { checkBox, definedNameProblem, MAX_COLS, MAX_ROWS } from './limits';
import type { CellData, MemoryWorkbookModel, Scalar, SheetData, TableData } from './model';

export const tableBox = (t: TableData): Box => ({
  row: t.row,
  col: t.col,
  rows: t.rows,
  cols: t.cols,
});

export const overlaps = (a: Box, b: Box): boolean =>
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.col < b.col + b.cols &&
  b.col < a.col + a.cols;

const OVERLAP_MESSAGE =
  'A table cannot overlap a range that contains a PivotTable report, query results, protected cells or another table.';

function refuseOverlap(m: MemoryWorkbookModel, sheet: SheetData, box: Box, self?: TableData): void {
  if (m.tables.some((t) => t !== self && t.sheet === sheet && overlaps(box, tableBox(t))))
    throw coded(m.strictness.overlapCode, OVERLAP_MESSAGE);
}

function live(m: MemoryWorkbookModel, t: TableData): void {
  if (!m.tables.includes(t)) throw new MemoryError('ItemNotFound', `The table ${t.name} is gone.`);
}

/** Makes every header static, non-blank text, unique within the table (first one wins). */
function normalizeHeaders(m: MemoryWorkbookModel, t: TableData): void {
  const seen = new Set<string>();
  for (let j = 0; j < t.cols; j += 1) {
    const cell = m.cell(t.sheet, t.row, t.col + j);
    const raw = cell ? (cell.formula ?? headerText(cell.value)) : '';
    let text = raw === '' ? `Column${j + 1}` : raw;
    for (let n = 2; seen.has(text.toLowerCase()); n += 1) text = `${raw || `Column${j + 1}`}${n}`;
    seen.add(text.toLowerCase());
    if (!cell || cell.formula || cell.value !== text || cell.quotePrefix)
      m.putHeaderText(t, j, text);
  }
}

function defaultName(m: MemoryWorkbookModel): string {
  for (let n = 1; ; n += 1) {
    const name = `Table${n}`;
    if (!m.tableNamed(name) && !m.names.has(name.toLowerCase())) return name;
  }
}

export function addTable(m: MemoryWorkbookModel, sheet: SheetData, box: Box): TableData {
  if (!m.sheets.includes(sheet)) throw new MemoryError('ItemNotFound', 'The sheet is gone.');
  const full = checkBox({ ...box, rows: Math.max(2, box.rows) }, 'table range');
  refuseOverlap(m, sheet, full);
  const t: TableData = { id: m.newId(), name: defaultName(m), sheet, ...full };
  m.tables.push(t);
  m.recorder?.table(t, 'name', false);
  m.recorder?.table(t, 'range', false);
  normalizeHeaders(m, t);
  return t;
}

export function renameTable(m: MemoryWorkbookModel, t: TableData, name: string): void {
  live(m, t);
  const problem = definedNameProblem(name, 'table');
  if (problem) throw invalidArgument(problem);
  const other = m.tableNamed(name);
  if ((other && other !== t) || m.names.has(name.toLowerCase()))
    throw coded(m.strictness.tableNameTakenCode, `The name ${name} is already in use.`);
  t.name = name;
  m.recorder?.table(t, 'name', false);
}

export function resizeTable(
  m: MemoryWorkbookModel,
  t: TableData,
  sheet: SheetData,
  box: Box,
): void {
  live(m, t);
  checkBox(box, 'new table range');
  if (sheet !== t.sheet) throw invalidArgument('a table cannot be resized onto another sheet');
  if (box.row !== t.row || !overlaps(box, tableBox(t)))
    throw invalidArgument('the new range must overlap the table and keep its header row in place');
  if (box.rows < 2) throw invalidArgument('a table keeps its header row and at least one row');
  refuseOverlap(m, sheet, box, t);
  Object.assign(t, { col: box.col, rows: box.rows, cols: box.cols });
  m.recorder?.table(t, 'range', false);
  normalizeHeaders(m, t);
}

export function deleteTable(m: MemoryWorkbookModel, t: TableData, clearCells: boolean): void {
  live(m, t);
  if (clearCells) {
    for (let r = t.row; r < t.row + t.rows; r += 1) {
      for (let c = t.col; c < t.col + t.cols; c += 1) {
        if (t.sheet.cells.has(cellKey(r, c))) m.putCell(t.sheet, r, c, undefined);
      }
    }
  }
  m.tables.splice(m.tables.indexOf(t), 1);
  m.recorder?.table(t, 'range', true);
}

/** Moves the cells `pick` selects by (dr, dc): an insert pushing neighbours aside. */
function shift(
  m: MemoryWorkbookModel,
  sheet: SheetData,
  pick: (r: number, c: number) => boolean,
  dr: number,
  dc: number,
): void {
  const moved: [number, number, CellData][] = [];
  for (const [k, cell] of sheet.cells) {
    const [r, c] = parseCellKey(k);
    if (pick(r, c)) moved.push([r, c, cell]);
  }
  if (moved.some(([r, c]) => r + dr >= MAX_ROWS || c + dc >= MAX_COLS))
    throw invalidArgument('the insert would push cells off the worksheet');
  for (const [r, c] of moved) m.putCell(sheet, r, c, undefined);
  for (const [r, c, cell] of moved) m.putCell(sheet, r + dr, c + dc, cell);
}

/** Appends a column at the right: cells right of the table (within its rows) shift right. */
export function addColumn(m: MemoryWorkbookModel, t: TableData, header: string): void {
  live(m, t);
  if (t.col + t.cols >= MAX_COLS) throw invalidArgument('the table already reaches column XFD');
  const right = t.col + t.cols;
  shift(m, t.sheet, (r, c) => r >= t.row && r < t.row + t.rows && c >= right, 0, 1);
  t.cols += 1;
  m.recorder?.table(t, 'range', false);
  m.writeHeader(t, t.cols - 1, header);
}

/** Appends body rows: cells below the table (within its columns) shift down. */
export function addRows(
  m: MemoryWorkbookModel,
  t: TableData,
  values: readonly (readonly Scalar[])[],
): void {
  live(m, t);
  if (values.length === 0 || values.some((row) => row.length !== t.cols))
    throw invalidArgument(`rows.add takes rows of ${t.cols} values`);
  if (t.row + t.rows + values.length > MAX_ROWS)
    throw invalidArgument('the rows would reach past row 1,048,576');
  const at = t.row + t.rows;
  shift(m, t.sheet, (r, c) => c >= t.col && c < t.col + t.cols && r >= at, values.length, 0);
  t.rows += values.length;
  m.recorder?.table(t, 'range', false);
  values.forEach((row, i) => row.forEach((v, j) => m.write(t.sheet, at + i, t.col + j, v)));
}

/** A user deleting a table column: the table's cells right of it shift left. */
export function deleteColumn(m: MemoryWorkbookModel, t: TableData, j: number): void {
  live(m, t);
  if (t.cols === 1) {
    deleteTable(m, t, true);
    return;
  }
  for (let r = t.row; r < t.row + t.rows; r += 1) {
    for (let c = t.col + j; c < t.col + t.cols; c += 1) {
      const next = c + 1 < t.col + t.cols ? m.cell(t.sheet, r, c + 1) : undefined;
      m.putCell(t.sheet, r, c, next);
    }
  }
  t.cols -= 1;
  m.recorder?.table(t, 'range', false);
}

/** A user dragging whole columns (header and body) into the order `from` gives. */
export function reorderColumns(
  m: MemoryWorkbookModel,
  t: TableData,
  from: readonly number[],
): void {
  live(m, t);
  const grab = from.map((j) =>
    Array.from({ length: t.rows }, (_, i) => m.cell(t.sheet, t.row + i, t.col + j)),
  );
  grab.forEach((col, j) =>
    col.forEach((cell, i) => m.putCell(t.sheet, t.row + i, t.col + j, cell)),
  );
}
