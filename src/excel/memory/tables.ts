/** Tables, their columns and rows: found by name or id, resized, added to at the right. */
import { parseAddress, type Box } from '../a1';
import type { MemoryContext } from './context';
import { MemoryError, type MemoryWorkbookModel, type SheetData, type TableData } from './model';
import { ClientResultP, ProxyBase, propList } from './proxy';
import { RangeP } from './ranges';
import { WorksheetP } from './sheets';

export class TableCollectionP extends ProxyBase<MemoryWorkbookModel> {
  protected readonly props = ['items'];
  private itemProxies: TableP[] = [];
  constructor(
    context: MemoryContext,
    private readonly onSheet: (() => SheetData) | null,
  ) {
    super(context, () => context.model);
  }
  protected read(m: MemoryWorkbookModel, prop: string): unknown {
    if (prop.startsWith('items')) {
      const sheet = this.onSheet?.();
      this.itemProxies = m.tables
        .filter((t) => !sheet || t.sheet === sheet)
        .map((t) => TableP.loadedNow(this.context, t));
      return this.itemProxies;
    }
    return null;
  }
  override load(props?: unknown): this {
    return super.load(
      propList(props, ['items']).some((p) => p.startsWith('items')) ? ['items'] : props,
    );
  }
  get items(): TableP[] {
    this.get('items');
    return this.itemProxies;
  }
  getItemOrNullObject(key: string): TableP {
    return new TableP(this.context, () => this.context.model.table(key) ?? null);
  }
  getItem(key: string): TableP {
    return new TableP(this.context, () => {
      const t = this.context.model.table(key);
      if (!t) throw new MemoryError('ItemNotFound', `The table ${key} does not exist.`);
      return t;
    });
  }
  add(address: string | RangeP, hasHeaders: boolean): TableP {
    return new TableP(this.context, () => {
      if (!hasHeaders)
        throw new MemoryError('InvalidArgument', 'Only tables with headers are modelled.');
      if (typeof address !== 'string') {
        const r = address.liveTarget();
        return this.context.model.addTable(r.sheet, r.box);
      }
      const a = parseAddress(address);
      if (!a) throw new MemoryError('InvalidArgument', `'${address}' is not a valid address.`);
      const sheet = this.onSheet?.() ?? (a.sheet ? this.context.model.sheet(a.sheet) : undefined);
      if (!sheet) throw new MemoryError('InvalidArgument', `'${address}' names no worksheet.`);
      return this.context.model.addTable(sheet, a.box);
    });
  }
  getCount(): ClientResultP<number> {
    return new ClientResultP(this.context, () => this.context.model.tables.length);
  }
}

const tableBox = (t: TableData): Box => ({ row: t.row, col: t.col, rows: t.rows, cols: t.cols });

export class TableP extends ProxyBase<TableData> {
  protected readonly props = ['id', 'name'];
  static loadedNow(context: MemoryContext, t: TableData): TableP {
    const p = new TableP(context, () => t);
    p.target = t;
    (p as unknown as { loaded: Map<string, unknown> }).loaded = new Map<string, unknown>([
      ['id', t.id],
      ['name', t.name],
    ]);
    return p;
  }
  protected read(t: TableData, prop: string): unknown {
    return prop === 'id' ? t.id : prop === 'name' ? t.name : null;
  }
  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.set((t) => this.context.model.renameTable(t, v), v);
  }
  get worksheet(): WorksheetP {
    return new WorksheetP(this.context, () => this.peek()?.sheet ?? null);
  }
  get columns(): TableColumnCollectionP {
    return new TableColumnCollectionP(this.context, () => this.peek());
  }
  get rows(): TableRowCollectionP {
    return new TableRowCollectionP(this.context, () => this.peek());
  }
  private rangeOf(pick: (t: TableData) => Box): RangeP {
    return new RangeP(this.context, () => {
      const t = this.peek();
      return t ? { sheet: t.sheet, box: pick(t) } : null;
    });
  }
  getRange(): RangeP {
    return this.rangeOf(tableBox);
  }
  getHeaderRowRange(): RangeP {
    return this.rangeOf((t) => ({ row: t.row, col: t.col, rows: 1, cols: t.cols }));
  }
  getDataBodyRange(): RangeP {
    return this.rangeOf((t) => ({ row: t.row + 1, col: t.col, rows: t.rows - 1, cols: t.cols }));
  }
  resize(range: RangeP | string): void {
    this.set((t) => {
      const r =
        typeof range === 'string'
          ? (() => {
              const a = parseAddress(range);
              if (!a)
                throw new MemoryError('InvalidArgument', `'${range}' is not a valid address.`);
              return {
                sheet: a.sheet ? (this.context.model.sheet(a.sheet) ?? t.sheet) : t.sheet,
                box: a.box,
              };
            })()
          : range.liveTarget();
      this.context.model.resizeTable(t, r.sheet, r.box);
    });
  }
  delete(): void {
    this.set((t) => {
      const m = this.context.model;
      m.tables.splice(m.tables.indexOf(t), 1);
    });
  }
}

class TableColumnCollectionP extends ProxyBase<TableData> {
  protected readonly props = ['items', 'count'];
  protected read(t: TableData, prop: string): unknown {
    if (prop === 'count') return t.cols;
    return null;
  }
  getItemOrNullObject(key: string | number): TableColumnP {
    return new TableColumnP(this.context, () => {
      const t = this.peek();
      if (!t) return null;
      const headers = this.context.model.headers(t);
      const index =
        typeof key === 'number'
          ? key
          : headers.findIndex((h) => h.trim().toLowerCase() === key.trim().toLowerCase());
      return index >= 0 && index < t.cols ? { table: t, index } : null;
    });
  }
  add(index?: number | null, values?: unknown, name?: string): TableColumnP {
    return new TableColumnP(this.context, () => {
      const t = this.live();
      if (index !== null && index !== undefined && index !== t.cols) {
        throw new MemoryError(
          'InvalidArgument',
          'Only columns appended at the right are modelled.',
        );
      }
      this.context.model.addColumn(t, name ?? `Column${t.cols + 1}`);
      void values;
      return { table: t, index: t.cols - 1 };
    });
  }
}

interface ColumnTarget {
  readonly table: TableData;
  readonly index: number;
}

class TableColumnP extends ProxyBase<ColumnTarget> {
  protected readonly props = ['name', 'index'];
  protected read(c: ColumnTarget, prop: string): unknown {
    if (prop === 'index') return c.index;
    if (prop === 'name') return this.context.model.headers(c.table)[c.index] ?? null;
    return null;
  }
  get name(): string {
    return this.get('name');
  }
  get index(): number {
    return this.get('index');
  }
  private rangeOf(pick: (c: ColumnTarget) => Box): RangeP {
    return new RangeP(this.context, () => {
      const c = this.peek();
      return c ? { sheet: c.table.sheet, box: pick(c) } : null;
    });
  }
  getRange(): RangeP {
    return this.rangeOf((c) => ({
      row: c.table.row,
      col: c.table.col + c.index,
      rows: c.table.rows,
      cols: 1,
    }));
  }
  getDataBodyRange(): RangeP {
    return this.rangeOf((c) => ({
      row: c.table.row + 1,
      col: c.table.col + c.index,
      rows: c.table.rows - 1,
      cols: 1,
    }));
  }
}

class TableRowCollectionP extends ProxyBase<TableData> {
  protected readonly props = ['count'];
  protected read(t: TableData, prop: string): unknown {
    return prop === 'count' ? t.rows - 1 : null;
  }
  get count(): number {
    return this.get('count');
  }
  getCount(): ClientResultP<number> {
    return new ClientResultP(this.context, () => this.live().rows - 1);
  }
  /** Appends rows at the bottom (index null), shifting cells below the table down. */
  add(index: number | null | undefined, values: unknown[][]): void {
    this.set((t) => {
      if (index !== null && index !== undefined)
        throw new MemoryError('InvalidArgument', 'Only appends are modelled.');
      this.context.model.addRows(t, values);
    }, values);
  }
}
