/**
 * The in-memory workbook behind the browser preview and the tests: the real Office adapter over
 * an in-memory Excel (so the preview exercises the same code as Excel), plus a view for rendering
 * and a "user" who edits the sheet by hand. No Node APIs.
 */
import { noteStatusOf } from '../../core/status/note-status';
import { D } from '../../core/calc/decimal';
import { dateFromExcelSerial, wallClockAsUtc } from '../../core/dates';
import { STATUS_NOW_FORMULA, triggerLimits } from '../../core/record/schema';
import { formatAddress, parseAddress, type Box } from '../a1';
import { createOfficeDeskWorkbook } from '../office-workbook';
import type { DeskWorkbook } from '../workbook';
import { MemoryHost } from './context';
import {
  MemoryError,
  MemoryWorkbookModel,
  type FormulaEvaluator,
  type Scalar,
  type SheetData,
  type TableData,
} from './model';

export {
  MemoryHost,
  REQUEST_LIMIT_BYTES,
  type Fault,
  type SyncInfo,
  type SyncStats,
} from './context';
export { MemoryError, MemoryWorkbookModel, type Scalar } from './model';

export interface MemoryCellView {
  readonly value: Scalar;
  /** The formula, when the cell holds one. */
  readonly formula: string | null;
  readonly numberFormat: string;
  /** The value as Excel would display it with its number format. */
  readonly text: string;
  readonly validation: string | null;
}
export interface MemoryTableView {
  readonly id: string;
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
  readonly headers: readonly string[];
  /** Body rows, one view per table column. */
  readonly rows: readonly (readonly MemoryCellView[])[];
}
export interface MemorySheetView {
  readonly name: string;
  readonly tables: readonly MemoryTableView[];
  /** Non-empty cells outside any table, e.g. a user's notes. */
  readonly looseCells: readonly (MemoryCellView & { readonly address: string })[];
}
export interface MemoryWorkbookView {
  readonly sheets: readonly MemorySheetView[];
  readonly names: readonly { readonly name: string; readonly formula: string }[];
  readonly selection: { readonly sheet: string; readonly address: string } | null;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Enough of Excel's number formats for the desk's columns: what a user would see in the cell. */
export function displayText(value: Scalar, format: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return value;
  if (!Number.isFinite(value)) return String(value);
  if (format.startsWith('yyyy-mm-dd')) {
    const d = dateFromExcelSerial(value);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    return format.includes('hh')
      ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
      : date;
  }
  // A conditional format "[<1000]General;#,##0": the first section below the bound, else the second.
  const conditional = /^\[<(\d+(?:\.\d+)?)\]([^;]+);(.+)$/.exec(format);
  if (conditional)
    return displayText(
      value,
      value < Number(conditional[1]) ? (conditional[2] ?? '') : (conditional[3] ?? ''),
    );
  const places = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  const fixed = (n: number, group: boolean) =>
    n.toLocaleString('en-US', {
      minimumFractionDigits: places,
      maximumFractionDigits: places,
      useGrouping: group,
    });
  if (format.endsWith('%')) return `${fixed(value * 100, false)}%`;
  if (/^[#0,.]+$/.test(format)) return fixed(value, format.includes(','));
  // General: Excel shows about 11 significant digits in a default-width cell.
  return String(Number(value.toPrecision(11)));
}

/** Evaluates the Status now formula on its row with the core's NOTE_STATUS; other formulas are #NAME?. */
export const deskFormulaEvaluator: FormulaEvaluator = (formula, row) => {
  if (formula !== STATUS_NOW_FORMULA || row === null) return '#NAME?';
  const quote = row['Quote time'];
  const bps = row['Spread bps'];
  const change = row['Ratio change'];
  if (typeof quote !== 'number' || typeof bps !== 'number' || typeof change !== 'number')
    return '#VALUE!';
  const blank = (v: Scalar | undefined): string | null =>
    v === undefined || v === '' ? null : String(v);
  const direction = String(row['Expected direction'] ?? 'up');
  const state = String(row['Source state'] ?? '');
  const verdict = noteStatusOf({
    quoteTime: dateFromExcelSerial(quote),
    asOf: wallClockAsUtc(new Date()),
    spreadBps: new D(bps),
    ratioChange: new D(change),
    expectedDirection: (['up', 'down', 'flat'].includes(direction) ? direction : 'up') as
      'up' | 'down' | 'flat',
    limits: triggerLimits(row['Trigger type'], row['Threshold']),
    sourceState: (['market', 'mixed', 'indicative'].includes(state) ? state : null) as
      'market' | 'mixed' | 'indicative' | null,
    closeout: {
      owner: blank(row['Owner']),
      openQuestion: blank(row['Open question']),
      evidenceRequest: blank(row['Evidence request']),
      reviewDate: blank(row['Due date']),
    },
  });
  return verdict.ok ? verdict.value.status : '#VALUE!';
};

function cellView(m: MemoryWorkbookModel, s: SheetData, r: number, c: number): MemoryCellView {
  const cell = m.cell(s, r, c);
  const value = m.valueOf(s, r, c);
  const numberFormat = cell?.numberFormat ?? 'General';
  return {
    value,
    formula: cell?.formula ?? null,
    numberFormat,
    text: displayText(value, numberFormat),
    validation: cell?.validation ?? null,
  };
}

export function viewOf(m: MemoryWorkbookModel): MemoryWorkbookView {
  return {
    sheets: m.sheets.map((s) => {
      const tables = m.tables.filter((t) => t.sheet === s);
      const inTable = (r: number, c: number) =>
        tables.some((t) => r >= t.row && r < t.row + t.rows && c >= t.col && c < t.col + t.cols);
      const loose = [...s.cells.keys()]
        .map((k) => k.split(',').map(Number) as [number, number])
        .filter(([r, c]) => !inTable(r, c) && m.valueOf(s, r, c) !== '')
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .map(([r, c]) => ({
          ...cellView(m, s, r, c),
          address: formatAddress(s.name, { row: r, col: c, rows: 1, cols: 1 }),
        }));
      return {
        name: s.name,
        tables: tables.map((t) => ({
          id: t.id,
          name: t.name,
          sheet: s.name,
          address: formatAddress(s.name, { row: t.row, col: t.col, rows: t.rows, cols: t.cols }),
          headers: m.headers(t),
          rows: Array.from({ length: t.rows - 1 }, (_, i) =>
            Array.from({ length: t.cols }, (__, j) => cellView(m, s, t.row + 1 + i, t.col + j)),
          ),
        })),
        looseCells: loose,
      };
    }),
    names: [...m.names.values()].map((n) => ({ name: n.name, formula: n.formula })),
    selection: m.selection
      ? { sheet: m.selection.sheet, address: formatAddress(m.selection.sheet, m.selection.box) }
      : null,
  };
}

/** A colleague editing the workbook by hand (or with an older add-in): applied at once. */
export class MemoryUser {
  constructor(private readonly m: MemoryWorkbookModel) {}

  private table(name: string): TableData {
    const t = this.m.table(name);
    if (!t) throw new MemoryError('ItemNotFound', `No table ${name}.`);
    return t;
  }
  private columnOf(t: TableData, header: string): number {
    const j = this.m.headers(t).findIndex((h) => h === header);
    if (j < 0) throw new MemoryError('ItemNotFound', `${t.name} has no column ${header}.`);
    return j;
  }
  private done<T>(v: T): T {
    this.m.changed();
    return v;
  }

  addSheet(name: string): void {
    this.done(this.m.addSheet(name));
  }
  /** Types an entry into a cell, as a user would (so "=1+1" becomes a formula). */
  typeCell(sheet: string, address: string, input: Scalar): void {
    const s = this.m.sheet(sheet) ?? this.m.addSheet(sheet);
    const a = parseAddress(address);
    if (!a) throw new MemoryError('InvalidArgument', `'${address}' is not a valid address.`);
    this.m.write(s, a.box.row, a.box.col, input);
    this.m.changed();
  }
  /** Types into a table body cell by row number (1-based) and header. */
  typeInTable(table: string, rowNumber: number, header: string, input: Scalar): void {
    const t = this.table(table);
    this.m.write(t.sheet, t.row + rowNumber, t.col + this.columnOf(t, header), input);
    this.m.changed();
  }
  renameTable(from: string, to: string): void {
    this.done(this.m.renameTable(this.table(from), to));
  }
  /** Deletes the table and its cells, as "Delete table rows" on the whole table does. */
  deleteTable(name: string): void {
    const t = this.table(name);
    for (let r = t.row; r < t.row + t.rows; r += 1) {
      for (let c = t.col; c < t.col + t.cols; c += 1) t.sheet.cells.delete(`${r},${c}`);
    }
    this.m.tables.splice(this.m.tables.indexOf(t), 1);
    this.m.changed();
  }
  renameColumn(table: string, from: string, to: string): void {
    const t = this.table(table);
    this.m.write(t.sheet, t.row, t.col + this.columnOf(t, from), `'${to}`);
    this.m.changed();
  }
  /** Reorders whole columns (header and body) into the given header order. */
  reorderColumns(table: string, headers: readonly string[]): void {
    const t = this.table(table);
    const from = headers.map((h) => this.columnOf(t, h));
    if (from.length !== t.cols) throw new MemoryError('InvalidArgument', 'Give every header once.');
    const grab = from.map((j) =>
      Array.from({ length: t.rows }, (_, i) => t.sheet.cells.get(`${t.row + i},${t.col + j}`)),
    );
    grab.forEach((col, j) =>
      col.forEach((cell, i) => {
        const k = `${t.row + i},${t.col + j}`;
        if (cell) t.sheet.cells.set(k, cell);
        else t.sheet.cells.delete(k);
      }),
    );
    this.m.changed();
  }
  /** Deletes a table column: cells right of it within the table's rows shift left. */
  deleteColumn(table: string, header: string): void {
    const t = this.table(table);
    const j = this.columnOf(t, header);
    for (let i = 0; i < t.rows; i += 1) {
      for (let c = t.col + j; c < t.col + t.cols; c += 1) {
        const next = t.sheet.cells.get(`${t.row + i},${c + 1}`);
        const k = `${t.row + i},${c}`;
        if (next && c + 1 < t.col + t.cols) t.sheet.cells.set(k, next);
        else t.sheet.cells.delete(k);
      }
    }
    t.cols -= 1;
    this.m.changed();
  }
  /** Adds a column of the user's own at the right of the table. */
  addColumn(table: string, header: string, values: readonly Scalar[] = []): void {
    const t = this.table(table);
    this.m.addColumn(t, header);
    values.forEach((v, i) => this.m.write(t.sheet, t.row + 1 + i, t.col + t.cols - 1, v));
    this.m.changed();
  }
  setName(name: string, formula: string): void {
    const n = this.m.names.get(name.toLowerCase());
    if (n) n.formula = formula;
    else this.m.addName(name, formula);
    this.m.changed();
  }
  deleteName(name: string): void {
    this.m.names.delete(name.toLowerCase());
    this.m.changed();
  }
}

/** Every non-empty cell as "Sheet!r,c" → its value and formula: for "no other cell changed" checks. */
export function cellDigest(m: MemoryWorkbookModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of m.sheets) {
    for (const [k, cell] of s.cells) {
      if (cell.value === '' && !cell.formula) continue;
      out.set(`${s.name}!${k}`, JSON.stringify([cell.value, cell.formula ?? null]));
    }
  }
  return out;
}

export interface MemoryDeskWorkbook {
  readonly workbook: DeskWorkbook;
  /** Sheets, tables, headers, values and formulas, for rendering. */
  view(): MemoryWorkbookView;
  /** Alias of view() (the name CONTRACTS uses). */
  snapshot(): MemoryWorkbookView;
  /** Hand edits: rename/reorder/delete/add columns, type a cell, delete a table. */
  readonly user: MemoryUser;
  /** Re-render hook: called after every sync and every hand edit. */
  onChange(listener: () => void): () => void;
  /** The in-memory Excel itself: sync counter, request meter, fault injection. */
  readonly host: MemoryHost;
  readonly model: MemoryWorkbookModel;
}

export function createMemoryDeskWorkbook(
  options: { evaluate?: FormulaEvaluator } = {},
): MemoryDeskWorkbook {
  const model = new MemoryWorkbookModel();
  model.evaluate = options.evaluate ?? deskFormulaEvaluator;
  if (model.sheets.length === 0) model.addSheet('Sheet1');
  const host = new MemoryHost(model);
  const workbook = createOfficeDeskWorkbook(host.run);
  return {
    workbook,
    view: () => viewOf(model),
    snapshot: () => viewOf(model),
    user: new MemoryUser(model),
    onChange: (l) => model.onChange(l),
    host,
    model,
  };
}

export type { Box };
