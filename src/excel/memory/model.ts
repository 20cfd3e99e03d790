/**
 * The state of an in-memory Excel workbook: sheets of cells, tables over them, defined names.
 * No Office and no Node APIs (the browser preview uses it). The request layer (context.ts) queues
 * Office.js-style operations and applies them here at sync; user edits (user.ts) apply directly.
 *
 * Cell-input semantics follow Excel's: a string written to a cell is read the way a typed entry is —
 * a leading apostrophe is the quote prefix (the rest is text, the apostrophe is not part of the
 * value, and `formulas` reads back without it: OfficeDev/office-js#6687); in a cell formatted '@'
 * everything else is text; otherwise "=…", and "+…", "-…", "@…" that are not numbers, become
 * formulas, numeric text becomes a number, TRUE/FALSE a boolean, and yyyy-mm-dd a date serial.
 */
import type { Box } from '../a1';

export type Scalar = string | number | boolean;

export interface CellData {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  quotePrefix?: boolean;
  /** Data-validation list source, as Excel's list rule takes it. */
  validation?: string;
}

export interface SheetData {
  readonly id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  readonly cells: Map<string, CellData>;
}

export interface TableData {
  readonly id: string;
  name: string;
  sheet: SheetData;
  /** Header row position and size (rows include the header row). */
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface NameData {
  readonly name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

/** Evaluates a formula cell for `values` (the preview plugs in DESK functions). */
export type FormulaEvaluator = (
  formula: string,
  row: Readonly<Record<string, Scalar>> | null,
) => Scalar;

export class MemoryError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const key = (r: number, c: number): string => `${r},${c}`;
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?%?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class MemoryWorkbookModel {
  readonly sheets: SheetData[] = [];
  readonly tables: TableData[] = [];
  readonly names = new Map<string, NameData>();
  selection: { sheet: string; box: Box } | null = null;
  evaluate: FormulaEvaluator = () => '#NAME?';
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  newId(): string {
    return String(this.nextId++);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  changed(): void {
    for (const l of this.listeners) l();
  }

  // ── sheets ──
  sheet(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  sheetById(id: string): SheetData | undefined {
    return this.sheets.find((s) => s.id === id);
  }
  addSheet(name: string): SheetData {
    if (this.sheet(name))
      throw new MemoryError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
    const s: SheetData = {
      id: `{sheet-${this.newId()}}`,
      name,
      visibility: 'Visible',
      cells: new Map(),
    };
    this.sheets.push(s);
    return s;
  }

  // ── cells ──
  cell(sheet: SheetData, r: number, c: number): CellData | undefined {
    return sheet.cells.get(key(r, c));
  }
  private touch(sheet: SheetData, r: number, c: number): CellData {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) {
      cell = { value: '' };
      sheet.cells.set(key(r, c), cell);
    }
    return cell;
  }
  private prune(sheet: SheetData, r: number, c: number, cell: CellData): void {
    if (cell.value === '' && !cell.formula && !cell.numberFormat && !cell.validation)
      sheet.cells.delete(key(r, c));
  }

  /** One entry written through `values` or `formulas`, read as Excel reads a typed entry. */
  write(sheet: SheetData, r: number, c: number, input: unknown): void {
    if (input === null || input === undefined) return; // null leaves a cell unchanged, as in Office.js
    const cell = this.touch(sheet, r, c);
    delete cell.formula;
    delete cell.quotePrefix;
    if (typeof input === 'number' || typeof input === 'boolean') {
      cell.value = input;
    } else {
      const s = String(input);
      const text = cell.numberFormat === '@';
      if (s.startsWith("'")) {
        cell.value = s.slice(1);
        cell.quotePrefix = true;
      } else if (s === '') {
        cell.value = '';
      } else if (text) {
        cell.value = s;
      } else if (s.startsWith('=') && s.length > 1) {
        cell.formula = s;
        cell.value = '';
      } else if (NUMERIC.test(s.trim())) {
        const t = s.trim();
        const n = Number(t.replace('%', ''));
        cell.value = t.endsWith('%') ? n / 100 : n;
      } else if (/^[+\-@]/.test(s)) {
        cell.formula = s.startsWith('@') ? `=${s.slice(1)}` : `=${s}`;
        cell.value = '';
      } else if (/^(true|false)$/i.test(s)) {
        cell.value = s.toLowerCase() === 'true';
      } else if (ISO_DATE.test(s)) {
        const [, y, m, d] = ISO_DATE.exec(s) as RegExpExecArray;
        cell.value = Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86_400_000 + 25_569;
      } else {
        cell.value = s;
      }
    }
    this.prune(sheet, r, c, cell);
  }

  setNumberFormat(sheet: SheetData, r: number, c: number, format: string): void {
    const cell = this.touch(sheet, r, c);
    if (format === 'General') delete cell.numberFormat;
    else cell.numberFormat = format;
    this.prune(sheet, r, c, cell);
  }
  setValidation(sheet: SheetData, r: number, c: number, source: string | null): void {
    const cell = this.touch(sheet, r, c);
    if (source === null) delete cell.validation;
    else cell.validation = source;
    this.prune(sheet, r, c, cell);
  }

  tableAt(sheet: SheetData, r: number, c: number): TableData | undefined {
    return this.tables.find(
      (t) =>
        t.sheet === sheet && r >= t.row && r < t.row + t.rows && c >= t.col && c < t.col + t.cols,
    );
  }

  /** A cell's value as `values` reads it: formulas evaluated against their table row. */
  valueOf(sheet: SheetData, r: number, c: number): Scalar {
    const cell = this.cell(sheet, r, c);
    if (!cell) return '';
    if (!cell.formula) return cell.value;
    const t = this.tableAt(sheet, r, c);
    const row = t && r > t.row ? this.rowByHeader(t, r) : null;
    return this.evaluate(cell.formula, row);
  }
  formulaOf(sheet: SheetData, r: number, c: number): Scalar {
    const cell = this.cell(sheet, r, c);
    return cell ? (cell.formula ?? cell.value) : '';
  }
  formatOf(sheet: SheetData, r: number, c: number): string {
    return this.cell(sheet, r, c)?.numberFormat ?? 'General';
  }

  headers(t: TableData): string[] {
    return Array.from({ length: t.cols }, (_, j) =>
      String(this.cell(t.sheet, t.row, t.col + j)?.value ?? ''),
    );
  }
  rowByHeader(t: TableData, r: number): Record<string, Scalar> {
    const out: Record<string, Scalar> = {};
    this.headers(t).forEach((h, j) => {
      const cell = this.cell(t.sheet, r, t.col + j);
      out[h] = cell && !cell.formula ? cell.value : '';
    });
    return out;
  }

  /** The bounding box of non-empty cells inside `box` (values only), or null when all are empty. */
  usedBox(sheet: SheetData, box: Box): Box | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const consider = (r: number, c: number, cell: CellData | undefined): void => {
      if (!cell || (cell.value === '' && !cell.formula)) return;
      if (r < box.row || r >= box.row + box.rows || c < box.col || c >= box.col + box.cols) return;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    };
    if (box.rows * box.cols <= sheet.cells.size) {
      // A small box (the rows below a table): look at its cells rather than the whole sheet.
      for (let r = box.row; r < box.row + box.rows; r += 1) {
        for (let c = box.col; c < box.col + box.cols; c += 1)
          consider(r, c, sheet.cells.get(key(r, c)));
      }
      return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
    }
    for (const [k, cell] of sheet.cells) {
      if (cell.value === '' && !cell.formula) continue;
      const [r, c] = k.split(',').map(Number) as [number, number];
      if (r < box.row || r >= box.row + box.rows || c < box.col || c >= box.col + box.cols)
        continue;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  // ── tables ──
  table(nameOrId: string): TableData | undefined {
    return (
      this.tables.find((t) => t.id === nameOrId) ??
      this.tables.find((t) => t.name.toLowerCase() === nameOrId.toLowerCase())
    );
  }
  addTable(sheet: SheetData, box: Box): TableData {
    for (const t of this.tables) {
      const overlap =
        t.sheet === sheet &&
        box.row < t.row + t.rows &&
        t.row < box.row + box.rows &&
        box.col < t.col + t.cols &&
        t.col < box.col + box.cols;
      if (overlap)
        throw new MemoryError('InvalidOperation', 'A table cannot overlap another table.');
    }
    const id = this.newId();
    // A header-only range gets one empty body row, as Excel creates it.
    const t: TableData = {
      id,
      name: `Table${id}`,
      sheet,
      row: box.row,
      col: box.col,
      rows: Math.max(2, box.rows),
      cols: box.cols,
    };
    this.headers(t).forEach((h, j) => {
      if (h === '') this.write(sheet, t.row, t.col + j, `Column${j + 1}`);
    });
    this.tables.push(t);
    return t;
  }
  renameTable(t: TableData, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
      throw new MemoryError('InvalidArgument', `'${name}' is not a valid table name.`);
    const other = this.table(name);
    if ((other && other !== t) || this.names.has(name.toLowerCase())) {
      throw new MemoryError('ItemAlreadyExists', `The name ${name} is already in use.`);
    }
    t.name = name;
  }
  resizeTable(t: TableData, sheet: SheetData, box: Box): void {
    if (sheet !== t.sheet || box.row !== t.row || box.col !== t.col) {
      throw new MemoryError(
        'InvalidArgument',
        'The new table range must keep its header row in place.',
      );
    }
    t.rows = box.rows;
    t.cols = box.cols;
  }
  /** Appends a column at the right: cells right of the table (within its rows) shift right. */
  addColumn(t: TableData, header: string): void {
    this.shiftRight(t.sheet, t.row, t.rows, t.col + t.cols);
    t.cols += 1;
    this.write(t.sheet, t.row, t.col + t.cols - 1, `'${header}`);
  }
  /** Appends body rows: cells below the table (within its columns) shift down. */
  addRows(t: TableData, values: readonly (readonly unknown[])[]): void {
    const at = t.row + t.rows;
    this.shiftDown(t.sheet, t.col, t.cols, at, values.length);
    t.rows += values.length;
    values.forEach((row, i) => row.forEach((v, j) => this.write(t.sheet, at + i, t.col + j, v)));
  }
  private shiftRight(sheet: SheetData, row: number, rows: number, fromCol: number): void {
    const moved = [...sheet.cells].filter(([k]) => {
      const [r, c] = k.split(',').map(Number) as [number, number];
      return r >= row && r < row + rows && c >= fromCol;
    });
    for (const [k] of moved) sheet.cells.delete(k);
    for (const [k, cell] of moved) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      sheet.cells.set(key(r, c + 1), cell);
    }
  }
  private shiftDown(
    sheet: SheetData,
    col: number,
    cols: number,
    fromRow: number,
    by: number,
  ): void {
    const moved = [...sheet.cells].filter(([k]) => {
      const [r, c] = k.split(',').map(Number) as [number, number];
      return c >= col && c < col + cols && r >= fromRow;
    });
    for (const [k] of moved) sheet.cells.delete(k);
    for (const [k, cell] of moved) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      sheet.cells.set(key(r + by, c), cell);
    }
  }

  // ── names ──
  addName(name: string, formula: string, comment = ''): NameData {
    if (this.names.has(name.toLowerCase()) || this.table(name)) {
      throw new MemoryError('ItemAlreadyExists', `The name ${name} is already in use.`);
    }
    const n: NameData = {
      name,
      formula: formula.startsWith('=') ? formula : `=${formula}`,
      comment,
      visible: true,
    };
    this.names.set(name.toLowerCase(), n);
    return n;
  }
}
