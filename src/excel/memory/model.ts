/**
 * The state of an in-memory Excel workbook: sheets of cells, tables over them, defined names.
 * No Office and no Node APIs (the browser preview uses it). The request layer (context.ts) queues
 * Office.js-style operations and applies them here at sync; a user's edits (user.ts) apply here
 * directly. Every change goes through a method of this class (table operations: table-ops.ts), so
 * the co-authoring model (coauthoring/) hears each one through `recorder`.
 *
 * How a written entry is read (quote prefix, '@', formulas, numbers, dates) is cell-input.ts;
 * Excel's grid and naming limits are limits.ts; which error code answers a contested case is
 * `strictness` (errors.ts).
 */
import type { ChartData } from './charts';
import type { Box } from '../a1';
import { headerText, readEntry, type Entry, type Scalar } from './cell-input';
import {
  formulaEvaluator,
  isFormulaError,
  type FormulaEvaluator,
  type FormulaResult,
} from './formula-eval';
import {
  coded,
  DEFAULT_STRICTNESS,
  invalidArgument,
  MemoryError,
  type MemoryStrictness,
} from './errors';
import { formulaSyntaxProblem } from './formula-syntax';
import { cellKey, parseCellKey } from './keys';
import { definedNameProblem, sheetNameProblem } from './limits';
import * as tableOps from './table-ops';

export { MemoryError } from './errors';
export type { Scalar } from './cell-input';

export interface CellData {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  quotePrefix?: boolean;
  /** Data-validation list source, as Excel's list rule takes it. */
  validation?: string;
}

export interface NameData {
  readonly name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface SheetData {
  readonly id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  readonly cells: Map<string, CellData>;
  /** Names scoped to this worksheet, by lower-case name. */
  readonly names: Map<string, NameData>;
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

/** The parts of a cell that change independently (and merge independently when co-authoring). */
export type CellPart = 'content' | 'format' | 'validation';

/** Hears every change as it is made (the co-authoring model records them: coauthoring/). */
export interface ChangeRecorder {
  cell(sheet: SheetData, r: number, c: number, part: CellPart): void;
  sheet(s: SheetData, deleted: boolean): void;
  table(t: TableData, part: 'name' | 'range', deleted: boolean): void;
  name(key: string, scope: SheetData | null): void;
}

export type { FormulaEvaluator } from './formula-eval';

export { cellKey, parseCellKey } from './keys';

export class MemoryWorkbookModel {
  readonly sheets: SheetData[] = [];
  readonly tables: TableData[] = [];
  /** Charts, each on its sheet (charts.ts); not replicated by the co-authoring model. */
  readonly charts: ChartData[] = [];
  readonly names = new Map<string, NameData>();
  selection: { sheet: string; box: Box } | null = null;
  /** Excel's calculation with the add-ins loaded into it (desk-workbook.ts loads ours). */
  evaluate: FormulaEvaluator = formulaEvaluator({});
  /** Which code answers where Excel's sources disagree (errors.ts). */
  strictness: MemoryStrictness = { ...DEFAULT_STRICTNESS };
  recorder: ChangeRecorder | null = null;
  /** Prefix of new ids: co-authoring replicas create objects with ids that never collide. */
  idPrefix = '';
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  newId(): string {
    return `${this.idPrefix}${this.nextId++}`;
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
  private checkSheetName(name: string, self?: SheetData): void {
    const problem = sheetNameProblem(name);
    if (problem) throw invalidArgument(problem);
    const other = this.sheet(name);
    if (other && other !== self)
      throw coded(this.strictness.nameTakenCode, `A sheet named ${name} already exists.`);
  }
  addSheet(name: string): SheetData {
    this.checkSheetName(name);
    const s: SheetData = {
      id: `{sheet-${this.newId()}}`,
      name,
      visibility: 'Visible',
      cells: new Map(),
      names: new Map(),
    };
    this.sheets.push(s);
    this.recorder?.sheet(s, false);
    return s;
  }
  renameSheet(s: SheetData, name: string): void {
    this.checkSheetName(name, s);
    s.name = name;
    this.recorder?.sheet(s, false);
  }
  setVisibility(s: SheetData, visibility: SheetData['visibility']): void {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility))
      throw invalidArgument(`'${String(visibility)}' is not a sheet visibility`);
    const visible = this.sheets.filter((x) => x.visibility === 'Visible' && x !== s);
    if (visibility !== 'Visible' && visible.length === 0)
      throw coded(this.strictness.lastSheetCode, 'A workbook must keep one visible sheet.');
    s.visibility = visibility;
    this.recorder?.sheet(s, false);
  }
  /** Deletes a sheet with its tables and names; the last visible sheet cannot go. */
  deleteSheet(s: SheetData): void {
    if (!this.sheets.includes(s)) throw new MemoryError('ItemNotFound', 'The sheet is gone.');
    if (
      s.visibility === 'Visible' &&
      !this.sheets.some((x) => x !== s && x.visibility === 'Visible')
    )
      throw coded(this.strictness.lastSheetCode, 'A workbook must keep one visible sheet.');
    for (const t of this.tables.filter((x) => x.sheet === s)) this.deleteTable(t, false);
    for (const c of this.charts.filter((x) => x.sheet === s))
      this.charts.splice(this.charts.indexOf(c), 1);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    if (this.selection?.sheet === s.name) this.selection = null;
    this.recorder?.sheet(s, true);
  }

  // ── cells ──
  cell(sheet: SheetData, r: number, c: number): CellData | undefined {
    return sheet.cells.get(cellKey(r, c));
  }
  private touch(sheet: SheetData, r: number, c: number): CellData {
    let cell = sheet.cells.get(cellKey(r, c));
    if (!cell) {
      cell = { value: '' };
      sheet.cells.set(cellKey(r, c), cell);
    }
    return cell;
  }
  private prune(sheet: SheetData, r: number, c: number, cell: CellData): void {
    if (cell.value === '' && !cell.formula && !cell.numberFormat && !cell.validation)
      sheet.cells.delete(cellKey(r, c));
  }

  /** One entry written through `values` or `formulas`; null leaves the cell unchanged. */
  write(sheet: SheetData, r: number, c: number, input: Scalar | null): void {
    this.writeCells(sheet, { row: r, col: c, rows: 1, cols: 1 }, [[input]]);
  }
  /**
   * A matrix written over `box`. Every entry is read first, so one Excel refuses fails the whole
   * write and changes no cell, as one Excel operation does.
   */
  writeCells(sheet: SheetData, box: Box, rows: readonly (readonly (Scalar | null)[])[]): void {
    const heads = this.tables.filter(
      (t) =>
        t.sheet === sheet &&
        t.row >= box.row &&
        t.row < box.row + box.rows &&
        t.col < box.col + box.cols &&
        box.col < t.col + t.cols,
    );
    const header = (r: number, c: number): TableData | undefined =>
      heads.find((t) => t.row === r && c >= t.col && c < t.col + t.cols);
    const entries = rows.map((row, i) =>
      row.map((x, j) => {
        const r = box.row + i;
        const c = box.col + j;
        if (x === null || header(r, c)) return null;
        return readEntry(x, this.formatOf(sheet, r, c) === '@');
      }),
    );
    rows.forEach((row, i) =>
      row.forEach((x, j) => {
        const r = box.row + i;
        const c = box.col + j;
        const t = x !== null ? header(r, c) : undefined;
        if (t) this.writeHeader(t, c - t.col, x as Scalar);
        const entry = entries[i]?.[j];
        if (entry) this.putEntry(sheet, r, c, entry);
      }),
    );
  }
  private putEntry(sheet: SheetData, r: number, c: number, entry: Entry): void {
    const cell = this.touch(sheet, r, c);
    cell.value = entry.value;
    if (entry.formula) cell.formula = entry.formula;
    else delete cell.formula;
    if (entry.quotePrefix) cell.quotePrefix = true;
    else delete cell.quotePrefix;
    this.prune(sheet, r, c, cell);
    this.recorder?.cell(sheet, r, c, 'content');
  }
  /**
   * A table header is static text: a formula written there is kept as its text, a blank becomes
   * "ColumnN" and a repeated header gets a number (Excel keeps a table's headers unique).
   */
  writeHeader(t: TableData, j: number, input: Scalar): void {
    const others = this.headers(t)
      .filter((_, k) => k !== j)
      .map((h) => h.toLowerCase());
    let text = headerText(input);
    if (text === '') text = `Column${j + 1}`;
    const base = text;
    for (let n = 2; others.includes(text.toLowerCase()); n += 1) text = `${base}${n}`;
    this.putHeaderText(t, j, text);
  }
  /** Sets a header cell's text as is (table-ops.ts has made it unique). */
  putHeaderText(t: TableData, j: number, text: string): void {
    const cell = this.touch(t.sheet, t.row, t.col + j);
    cell.value = text;
    delete cell.formula;
    delete cell.quotePrefix;
    this.recorder?.cell(t.sheet, t.row, t.col + j, 'content');
  }
  setNumberFormat(sheet: SheetData, r: number, c: number, format: string): void {
    const cell = this.touch(sheet, r, c);
    if (format === 'General') delete cell.numberFormat;
    else cell.numberFormat = format;
    this.prune(sheet, r, c, cell);
    this.recorder?.cell(sheet, r, c, 'format');
  }
  setValidation(sheet: SheetData, r: number, c: number, source: string | null): void {
    const cell = this.touch(sheet, r, c);
    if (source === null) delete cell.validation;
    else cell.validation = source;
    this.prune(sheet, r, c, cell);
    this.recorder?.cell(sheet, r, c, 'validation');
  }
  /** Puts a whole cell (or nothing) at a position: cells moved by an insert or a delete. */
  putCell(sheet: SheetData, r: number, c: number, cell: CellData | undefined): void {
    if (cell) sheet.cells.set(cellKey(r, c), { ...cell });
    else sheet.cells.delete(cellKey(r, c));
    for (const part of ['content', 'format', 'validation'] as const)
      this.recorder?.cell(sheet, r, c, part);
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
    const v = this.evaluated(sheet, r, c, cell.formula);
    return isFormulaError(v) ? v.error : v;
  }
  /** The message an error value carries (what Excel shows for a custom function's #VALUE!), or null. */
  errorMessageOf(sheet: SheetData, r: number, c: number): string | null {
    const formula = this.cell(sheet, r, c)?.formula;
    const v = formula ? this.evaluated(sheet, r, c, formula) : null;
    return isFormulaError(v) ? (v.message ?? null) : null;
  }
  private evaluated(sheet: SheetData, r: number, c: number, formula: string): FormulaResult {
    const t = this.tableAt(sheet, r, c);
    const row = t && r > t.row ? this.rowByHeader(t, r) : null;
    return this.evaluate(formula, row);
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
          consider(r, c, sheet.cells.get(cellKey(r, c)));
      }
    } else {
      for (const [k, cell] of sheet.cells) {
        const [r, c] = parseCellKey(k);
        consider(r, c, cell);
      }
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  // ── tables (table-ops.ts) ──
  table(nameOrId: string): TableData | undefined {
    return (
      this.tables.find((t) => t.id === nameOrId) ??
      this.tables.find((t) => t.name.toLowerCase() === nameOrId.toLowerCase())
    );
  }
  tableNamed(name: string): TableData | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }
  addTable(sheet: SheetData, box: Box): TableData {
    return tableOps.addTable(this, sheet, box);
  }
  renameTable(t: TableData, name: string): void {
    tableOps.renameTable(this, t, name);
  }
  resizeTable(t: TableData, sheet: SheetData, box: Box): void {
    tableOps.resizeTable(this, t, sheet, box);
  }
  /** Removes the table; `clearCells` also empties its cells (Table.delete), else they stay. */
  deleteTable(t: TableData, clearCells: boolean): void {
    tableOps.deleteTable(this, t, clearCells);
  }
  addColumn(t: TableData, header: string): void {
    tableOps.addColumn(this, t, header);
  }
  addRows(t: TableData, values: readonly (readonly Scalar[])[]): void {
    tableOps.addRows(this, t, values);
  }

  // ── names ──
  private nameScope(scope: SheetData | null): Map<string, NameData> {
    return scope ? scope.names : this.names;
  }
  nameItem(name: string, scope: SheetData | null = null): NameData | undefined {
    return this.nameScope(scope).get(name.toLowerCase());
  }
  private checkFormula(formula: string): string {
    const f = formula.startsWith('=') ? formula : `=${formula}`;
    const problem = formulaSyntaxProblem(f);
    if (problem) throw invalidArgument(`the name's formula ${f} is malformed: ${problem}`);
    return f;
  }
  addName(name: string, formula: string, comment = '', scope: SheetData | null = null): NameData {
    const problem = definedNameProblem(name, 'name');
    if (problem) throw invalidArgument(problem);
    if (this.nameItem(name, scope) || (!scope && this.tableNamed(name))) {
      throw coded(this.strictness.nameTakenCode, `The name ${name} is already in use.`);
    }
    const n: NameData = { name, formula: this.checkFormula(formula), comment, visible: true };
    this.nameScope(scope).set(name.toLowerCase(), n);
    this.recorder?.name(name.toLowerCase(), scope);
    return n;
  }
  updateName(
    n: NameData,
    change: Partial<Pick<NameData, 'formula' | 'comment' | 'visible'>>,
    scope: SheetData | null = null,
  ): void {
    if (change.formula !== undefined) n.formula = this.checkFormula(change.formula);
    if (change.comment !== undefined) n.comment = change.comment;
    if (change.visible !== undefined) n.visible = change.visible;
    this.recorder?.name(n.name.toLowerCase(), scope);
  }
  deleteName(name: string, scope: SheetData | null = null): void {
    if (!this.nameScope(scope).delete(name.toLowerCase()))
      throw new MemoryError('ItemNotFound', `The name ${name} does not exist.`);
    this.recorder?.name(name.toLowerCase(), scope);
  }
}
