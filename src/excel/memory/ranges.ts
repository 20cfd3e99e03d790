/** Ranges: values, formulas, formats, validation, derived ranges, selection. */
import { formatAddress, type Box } from '../a1';
import { MemoryError, type SheetData } from './model';
import { matrix, ProxyBase } from './proxy';
import { WorksheetP } from './sheets';

export interface RangeTarget {
  readonly sheet: SheetData;
  readonly box: Box;
}

class DataValidationP extends ProxyBase<RangeTarget> {
  protected readonly props = ['rule'];
  protected read(r: RangeTarget): unknown {
    const first = this.context.model.cell(r.sheet, r.box.row, r.box.col)?.validation;
    return first ? { list: { inCellDropDown: true, source: first } } : {};
  }
  set rule(rule: { list?: { source?: string } }) {
    this.set((r) => {
      const source = rule.list?.source;
      if (typeof source !== 'string')
        throw new MemoryError('InvalidArgument', 'Only list rules are modelled.');
      matrix(r.box, (i, j) => this.context.model.setValidation(r.sheet, i, j, source));
    }, rule);
  }
  clear(): void {
    this.set((r) => matrix(r.box, (i, j) => this.context.model.setValidation(r.sheet, i, j, null)));
  }
}

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
        return matrix(r.box, (i, j) => m.valueOf(r.sheet, i, j));
      case 'formulas':
        return matrix(r.box, (i, j) => m.formulaOf(r.sheet, i, j));
      case 'numberFormat':
        return matrix(r.box, (i, j) => m.formatOf(r.sheet, i, j));
      default:
        return null;
    }
  }
  /** For operations taking a range argument (table.resize): the bound target at apply time. */
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
    this.writeMatrix(v, (r, i, j, x) => this.context.model.write(r.sheet, i, j, x));
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.writeMatrix(v, (r, i, j, x) => this.context.model.write(r.sheet, i, j, x));
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.writeMatrix(v, (r, i, j, x) =>
      this.context.model.setNumberFormat(r.sheet, i, j, String(x)),
    );
  }
  private writeMatrix(
    v: unknown[][],
    put: (r: RangeTarget, i: number, j: number, x: unknown) => void,
  ): void {
    this.set((r) => {
      if (v.length !== r.box.rows || v.some((row) => row.length !== r.box.cols)) {
        throw new MemoryError(
          'InvalidArgument',
          'The number of rows or columns in the input array doesn\u2019t match the size or dimensions of the range.',
        );
      }
      v.forEach((row, i) => row.forEach((x, j) => put(r, r.box.row + i, r.box.col + j, x)));
    }, v);
  }
  get dataValidation(): DataValidationP {
    return new DataValidationP(this.context, () => this.peek());
  }
  get worksheet(): WorksheetP {
    return new WorksheetP(this.context, () => this.peek()?.sheet ?? null);
  }
  private derive(f: (b: Box) => Box): RangeP {
    return new RangeP(this.context, () => {
      const r = this.peek();
      if (!r) return null;
      const box = f(r.box);
      if (box.row < 0 || box.col < 0 || box.rows < 1 || box.cols < 1) {
        throw new MemoryError('InvalidArgument', 'The range is outside the worksheet.');
      }
      return { sheet: r.sheet, box };
    });
  }
  getCell(row: number, col: number): RangeP {
    return this.derive((b) => ({ row: b.row + row, col: b.col + col, rows: 1, cols: 1 }));
  }
  getRow(i: number): RangeP {
    return this.derive((b) => ({ ...b, row: b.row + i, rows: 1 }));
  }
  getColumn(j: number): RangeP {
    return this.derive((b) => ({ ...b, col: b.col + j, cols: 1 }));
  }
  getLastRow(): RangeP {
    return this.derive((b) => ({ ...b, row: b.row + b.rows - 1, rows: 1 }));
  }
  getLastColumn(): RangeP {
    return this.derive((b) => ({ ...b, col: b.col + b.cols - 1, cols: 1 }));
  }
  getOffsetRange(dr: number, dc: number): RangeP {
    return this.derive((b) => ({ ...b, row: b.row + dr, col: b.col + dc }));
  }
  getResizedRange(dr: number, dc: number): RangeP {
    return this.derive((b) => ({ ...b, rows: b.rows + dr, cols: b.cols + dc }));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeP {
    return new RangeP(this.context, () => {
      const r = this.peek();
      const box = r ? this.context.model.usedBox(r.sheet, r.box) : null;
      return r && box ? { sheet: r.sheet, box } : null;
    });
  }
  select(): void {
    this.set((r) => {
      this.context.model.selection = { sheet: r.sheet.name, box: r.box };
    });
  }
}
