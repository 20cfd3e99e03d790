/**
 * Ranges: values, formulas and number formats (written and read), derived ranges, the used range,
 * selection. As in Excel, a range never reaches outside the 1,048,576 × 16,384 grid; a matrix
 * written must be an array of rows of the range's exact shape holding only strings, numbers,
 * booleans or null (null leaves a cell as it is) — anything else fails the request with
 * InvalidArgument, not a crash (`values = null`, a missing row, an `undefined`: the runtime would
 * send `undefined` as JSON null and silently keep the cell, so the twin refuses it to surface the
 * bug); reading a matrix larger than Excel on the web's 5 MB response fails the request with
 * ResponsePayloadSizeLimitExceeded.
 */
import { formatAddress, type Box } from '../a1';
import { invalidArgument, MemoryError } from './errors';
import { checkBox, MAX_COLS, MAX_ROWS } from './limits';
import type { MemoryContext } from './context';
import type { Scalar, SheetData } from './model';
import { call, matrix, ProxyBase, type ProxyOrigin } from './proxy';
import { DataValidationP } from './validation';
import { WorksheetP } from './sheets';

export interface RangeTarget {
  readonly sheet: SheetData;
  readonly box: Box;
}

const SHAPE =
  'The number of rows or columns in the input array doesn\u2019t match the size or dimensions of the range.';

/** The matrix a range write takes, checked as Excel checks it at sync. */
export function checkMatrix(
  v: unknown,
  box: Box,
  cell: (x: unknown) => boolean,
  what: string,
): (Scalar | null)[][] {
  if (!Array.isArray(v) || v.some((row) => !Array.isArray(row)))
    throw invalidArgument(`${what} takes an array of rows, got ${v === null ? 'null' : typeof v}`);
  const rows = v as unknown[][];
  if (rows.length !== box.rows || rows.some((row) => row.length !== box.cols))
    throw invalidArgument(SHAPE);
  for (const row of rows) {
    for (const x of row) {
      if (!cell(x))
        throw invalidArgument(
          `${what} cannot hold ${x === undefined ? 'undefined' : JSON.stringify(x)}`,
        );
    }
  }
  return rows as (Scalar | null)[][];
}

const isScalar = (x: unknown): boolean =>
  x === null || typeof x === 'string' || typeof x === 'boolean' || typeof x === 'number';
const isFormat = (x: unknown): boolean => x === null || typeof x === 'string';

const describe = (v: unknown): string =>
  Array.isArray(v) ? `[${v.length}×${Array.isArray(v[0]) ? v[0].length : '?'}]` : String(v);

export class RangeP extends ProxyBase<RangeTarget> {
  protected readonly props = [
    'address',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'values',
    'formulas',
    'numberFormat',
  ];
  /** Navigation properties, made once as Office.js caches them. */
  private made: { dataValidation?: DataValidationP; worksheet?: WorksheetP } = {};
  constructor(context: MemoryContext, bind: () => RangeTarget | null, origin: ProxyOrigin) {
    super(context, bind, origin);
  }
  protected override exists(r: RangeTarget): boolean {
    return this.context.model.sheets.includes(r.sheet);
  }
  /** A matrix read, metered against the response limit before it is built. */
  private cells<V>(r: RangeTarget, f: (row: number, col: number) => V): V[][] {
    const n = r.box.rows * r.box.cols;
    if (!this.context.meterResponse(n * 3)) return [];
    const m = matrix(r.box, f);
    this.context.meterResponse(JSON.stringify(m).length - n * 3);
    return m;
  }
  protected read(r: RangeTarget, prop: string): unknown {
    const m = this.context.model;
    switch (prop) {
      case 'address':
        return formatAddress(r.sheet.name, r.box);
      case 'rowIndex':
        return r.box.row;
      case 'columnIndex':
        return r.box.col;
      case 'rowCount':
        return r.box.rows;
      case 'columnCount':
        return r.box.cols;
      case 'values':
        return this.cells(r, (i, j) => m.valueOf(r.sheet, i, j));
      case 'formulas':
        return this.cells(r, (i, j) => m.formulaOf(r.sheet, i, j));
      case 'numberFormat':
        return this.cells(r, (i, j) => m.formatOf(r.sheet, i, j));
      default:
        return undefined;
    }
  }
  /** For operations taking a range argument (table.resize): checked when queued, bound at apply. */
  liveTarget(): RangeTarget {
    return this.live();
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.writeMatrix('values', v, isScalar);
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.writeMatrix('formulas', v, isScalar);
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.writeMatrix('numberFormat', v, isFormat);
  }
  private writeMatrix(
    kind: 'values' | 'formulas' | 'numberFormat',
    v: unknown,
    ok: (x: unknown) => boolean,
  ): void {
    this.act(
      kind,
      `${kind} = ${describe(v)}`,
      (r) => {
        const m = this.context.model;
        const rows = checkMatrix(v, r.box, ok, kind);
        if (kind !== 'numberFormat') {
          m.writeCells(r.sheet, r.box, rows);
          return;
        }
        rows.forEach((row, i) =>
          row.forEach((x, j) => {
            if (x !== null) m.setNumberFormat(r.sheet, r.box.row + i, r.box.col + j, String(x));
          }),
        );
      },
      v,
    );
  }
  /** Empties the cells (values, formulas, formats, validation), as Range.clear() does. */
  clear(): void {
    this.act('values', 'clear()', (r) => {
      matrix(r.box, (i, j) => this.context.model.putCell(r.sheet, i, j, undefined));
    });
  }
  get dataValidation(): DataValidationP {
    return (this.made.dataValidation ??= new DataValidationP(this.context, () => this.peek(), {
      parent: this,
      call: 'dataValidation',
    }));
  }
  get worksheet(): WorksheetP {
    return (this.made.worksheet ??= new WorksheetP(this.context, () => this.peek()?.sheet ?? null, {
      parent: this,
      call: 'worksheet',
    }));
  }
  private derive(step: string, f: (b: Box) => Box): RangeP {
    return new RangeP(
      this.context,
      () => {
        const r = this.peek();
        return r ? { sheet: r.sheet, box: checkBox(f(r.box)) } : null;
      },
      { parent: this, call: step, volatile: true },
    );
  }
  getCell(row: number, col: number): RangeP {
    return this.derive(call('getCell', row, col), (b) => ({
      row: b.row + row,
      col: b.col + col,
      rows: 1,
      cols: 1,
    }));
  }
  getRow(i: number): RangeP {
    return this.derive(call('getRow', i), (b) => ({ ...b, row: b.row + i, rows: 1 }));
  }
  getColumn(j: number): RangeP {
    return this.derive(call('getColumn', j), (b) => ({ ...b, col: b.col + j, cols: 1 }));
  }
  getLastRow(): RangeP {
    return this.derive('getLastRow()', (b) => ({ ...b, row: b.row + b.rows - 1, rows: 1 }));
  }
  getLastColumn(): RangeP {
    return this.derive('getLastColumn()', (b) => ({ ...b, col: b.col + b.cols - 1, cols: 1 }));
  }
  getOffsetRange(dr: number, dc: number): RangeP {
    return this.derive(call('getOffsetRange', dr, dc), (b) => ({
      ...b,
      row: b.row + dr,
      col: b.col + dc,
    }));
  }
  getResizedRange(dr: number, dc: number): RangeP {
    return this.derive(call('getResizedRange', dr, dc), (b) => ({
      ...b,
      rows: b.rows + dr,
      cols: b.cols + dc,
    }));
  }
  getEntireRow(): RangeP {
    return this.derive('getEntireRow()', (b) => ({ ...b, col: 0, cols: MAX_COLS }));
  }
  getEntireColumn(): RangeP {
    return this.derive('getEntireColumn()', (b) => ({ ...b, row: 0, rows: MAX_ROWS }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeP {
    return new RangeP(
      this.context,
      () => {
        const r = this.peek();
        const box = r ? this.context.model.usedBox(r.sheet, r.box) : null;
        return r && box ? { sheet: r.sheet, box } : null;
      },
      { parent: this, call: call('getUsedRangeOrNullObject', valuesOnly ?? false), volatile: true },
    );
  }
  select(): void {
    this.act('select', 'select()', (r) => {
      if (r.sheet.visibility !== 'Visible')
        throw new MemoryError(
          'InvalidOperation',
          `The sheet ${r.sheet.name} is hidden; nothing on it can be selected.`,
        );
      this.context.model.selection = { sheet: r.sheet.name, box: r.box };
    });
  }
}
