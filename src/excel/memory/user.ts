/**
 * A colleague editing the workbook by hand (or with an older add-in): each edit applies at once,
 * through the model's own operations (so co-authoring records it like any other change).
 */
import { parseAddress } from '../a1';
import { checkBox } from './limits';
import { MemoryError, type MemoryWorkbookModel, type Scalar, type TableData } from './model';
import { deleteColumn, reorderColumns } from './table-ops';

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
  private done(): void {
    this.m.changed();
  }

  addSheet(name: string): void {
    this.m.addSheet(name);
    this.done();
  }
  /** Types an entry into a cell, as a user would (so "=1+1" becomes a formula). */
  typeCell(sheet: string, address: string, input: Scalar): void {
    const s = this.m.sheet(sheet) ?? this.m.addSheet(sheet);
    const a = parseAddress(address);
    if (!a) throw new MemoryError('InvalidArgument', `'${address}' is not a valid address.`);
    const box = checkBox(a.box);
    this.m.write(s, box.row, box.col, input);
    this.done();
  }
  /** Types into a table body cell by row number (1-based) and header. */
  typeInTable(table: string, rowNumber: number, header: string, input: Scalar): void {
    const t = this.table(table);
    this.m.write(t.sheet, t.row + rowNumber, t.col + this.columnOf(t, header), input);
    this.done();
  }
  renameTable(from: string, to: string): void {
    this.m.renameTable(this.table(from), to);
    this.done();
  }
  /** Deletes the table and its cells, as "Delete table rows" on the whole table does. */
  deleteTable(name: string): void {
    this.m.deleteTable(this.table(name), true);
    this.done();
  }
  renameColumn(table: string, from: string, to: string): void {
    const t = this.table(table);
    this.m.writeHeader(t, this.columnOf(t, from), to);
    this.done();
  }
  /** Reorders whole columns (header and body) into the given header order. */
  reorderColumns(table: string, headers: readonly string[]): void {
    const t = this.table(table);
    const from = headers.map((h) => this.columnOf(t, h));
    if (from.length !== t.cols) throw new MemoryError('InvalidArgument', 'Give every header once.');
    reorderColumns(this.m, t, from);
    this.done();
  }
  /** Deletes a table column: cells right of it within the table's rows shift left. */
  deleteColumn(table: string, header: string): void {
    const t = this.table(table);
    deleteColumn(this.m, t, this.columnOf(t, header));
    this.done();
  }
  /** Adds a column of the user's own at the right of the table. */
  addColumn(table: string, header: string, values: readonly Scalar[] = []): void {
    const t = this.table(table);
    this.m.addColumn(t, header);
    values.forEach((v, i) => this.m.write(t.sheet, t.row + 1 + i, t.col + t.cols - 1, v));
    this.done();
  }
  setName(name: string, formula: string): void {
    const n = this.m.nameItem(name);
    if (n) this.m.updateName(n, { formula });
    else this.m.addName(name, formula);
    this.done();
  }
  deleteName(name: string): void {
    this.m.deleteName(name);
    this.done();
  }
}
