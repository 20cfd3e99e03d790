/**
 * The desk tables as an .xlsx workbook, derived from the schema alone: one sheet per table named
 * like it (as the add-in creates them), a real Excel table at A1 with the schema's headers in
 * order, each column's number format and validation list, the live Status now formula as the
 * table's calculated column, and the DESK_SCHEMA_VERSION name. Rows (the sample reviews, or a
 * bench's) go in as the add-in writes them: cells from the core's `rowCells`.
 *
 * No DESK_WORKBOOK_ID: a template is copied by many colleagues, and two workbooks with one id
 * would share the pane's receipts; the pane stamps an id into each copy when it first opens it.
 */
import ExcelJS from 'exceljs';
import {
  columnList,
  QUOTE_PREFIX,
  rowCells,
  SCHEMA_VERSION,
  TABLE_KEYS,
  TABLES,
  TEXT_CELL_FORMAT,
  validationList,
  VERSION_NAME,
  type CellValue,
  type RecordValues,
  type TableKey,
} from '../../core';
import { enableCalculatedColumns, writeNames } from '../xlsx/exceljs-gaps';
import { fileFormula } from './file-formula';

export type TemplateRows = Partial<Record<TableKey, readonly RecordValues[]>>;

type FileCell = string | number | boolean | null | { formula: string };

/** One core cell (as Office.js takes it) → what ExcelJS stores. */
function fileCell(value: CellValue, kind: string, table: string): FileCell {
  if (kind === 'formula')
    return typeof value === 'string' && value !== ''
      ? { formula: fileFormula(value, table) }
      : null;
  if (value === '') return null;
  // The quote prefix keeps Office.js from reading text as a formula or number; a shared string in
  // the file is text already, so the prefix itself is not part of the value.
  if (typeof value === 'string' && value.startsWith(QUOTE_PREFIX)) return value.slice(1);
  return value;
}

const columnLetter = (n: number): string => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

function addTable(workbook: ExcelJS.Workbook, key: TableKey, rows: readonly RecordValues[]): void {
  const table = TABLES[key];
  const cols = columnList(key);
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  cols.forEach((c, j) => {
    const column = sheet.getColumn(j + 1);
    column.numFmt = c.numberFormat;
    column.width = Math.min(40, Math.max(12, c.header.length + 4));
  });
  const fields = cols.map((c) => c.field);
  const body: FileCell[][] =
    rows.length > 0
      ? rows.map((r) =>
          rowCells(key, r, fields).map((v, j) => fileCell(v, cols[j]?.kind ?? '', table.name)),
        )
      : [cols.map(() => null)]; // Excel's new table: one empty body row, where the first review goes
  sheet.addTable({
    name: table.name,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: cols.map((c) => ({
      name: c.header,
      filterButton: true,
      ...(c.formula ? { calculatedColumnFormula: fileFormula(c.formula, table.name) } : {}),
    })),
    rows: body,
  });
  cols.forEach((_c, j) => (sheet.getCell(1, j + 1).numFmt = TEXT_CELL_FORMAT));
  const last = body.length + 1;
  cols.forEach((c, j) => {
    const list = validationList(c);
    if (!list) return;
    const letter = columnLetter(j + 1);
    (
      sheet as unknown as { dataValidations: { add(a: string, v: object): void } }
    ).dataValidations.add(`${letter}2:${letter}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      error: `${c.header}: pick one of the list (${list.replace(/,/g, ', ')}).`,
    });
  });
}

/** The workbook, every desk table in TABLE_KEYS order, `rows` in each. */
export function buildTemplate(rows: TemplateRows = {}): ExcelJS.Workbook {
  enableCalculatedColumns();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Metals Desk Record (desk-record template)';
  // Status now is live: Excel computes it on open (the add-in supplies DESK.NOTE_STATUS).
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const key of TABLE_KEYS) addTable(workbook, key, rows[key] ?? []);
  writeNames(workbook, [{ name: VERSION_NAME, formula: String(SCHEMA_VERSION) }]);
  return workbook;
}
