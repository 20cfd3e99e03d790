/** Tables: found by name or id, added over a range, renamed, resized, deleted (table-ops.ts rules). */
import { parseAddress, type Box } from '../a1';
import { CollectionP } from './collection';
import { TableColumnCollectionP, TableRowCollectionP } from './columns';
import type { MemoryContext } from './context';
import { invalidArgument, itemNotFound } from './errors';
import type { MemoryWorkbookModel, SheetData, TableData } from './model';
import { call, ClientResultP, ProxyBase, type ProxyOrigin } from './proxy';
import { RangeP, type RangeTarget } from './ranges';
import { WorksheetP } from './sheets';
import { tableBox } from './table-ops';

const TABLE_SCALARS = ['id', 'name'] as const;

export class TableCollectionP extends CollectionP<TableData, TableP> {
  protected readonly itemScalars = TABLE_SCALARS;
  constructor(
    context: MemoryContext,
    /** The worksheet's target at apply time, for `worksheet.tables`; null for the workbook's. */
    private readonly onSheet: (() => SheetData | null) | null,
    origin: ProxyOrigin,
  ) {
    super(context, () => context.model, origin);
  }
  private inScope(t: TableData): boolean {
    return !this.onSheet || t.sheet === this.onSheet();
  }
  protected list(): TableData[] {
    return this.context.model.tables.filter((t) => this.inScope(t));
  }
  protected item(t: TableData, i: number): TableP {
    return new TableP(this.context, () => t, { parent: this, call: `items[${i}]` }, t);
  }
  private find(key: string): TableData | null {
    const t = this.context.model.table(key);
    return t && this.inScope(t) ? t : null;
  }
  getItemOrNullObject(key: string): TableP {
    return new TableP(this.context, () => this.find(key), {
      parent: this,
      call: call('getItemOrNullObject', key),
    });
  }
  getItem(key: string): TableP {
    return new TableP(
      this.context,
      () => {
        const t = this.find(key);
        if (!t) throw itemNotFound(`the table ${key}`);
        return t;
      },
      { parent: this, call: call('getItem', key) },
    );
  }
  private where(address: string | RangeP): RangeTarget {
    const m = this.context.model;
    if (typeof address !== 'string') return address.liveTarget();
    const a = parseAddress(address);
    if (!a) throw invalidArgument(`'${address}' is not a valid address (one range on one sheet)`);
    const named = a.sheet !== null ? m.sheet(a.sheet) : undefined;
    if (a.sheet !== null && !named) throw itemNotFound(`the worksheet ${a.sheet}`);
    const sheet = this.onSheet ? this.onSheet() : (named ?? null);
    if (!sheet) throw invalidArgument(`'${address}' names no worksheet`);
    if (named && named !== sheet) throw invalidArgument(`'${address}' is on another worksheet`);
    return { sheet, box: a.box };
  }
  add(address: string | RangeP, hasHeaders: boolean): TableP {
    if (typeof address !== 'string') address.assertValid();
    return new TableP(
      this.context,
      () => {
        if (!hasHeaders)
          throw invalidArgument('the in-memory Excel models tables with headers only');
        const r = this.where(address);
        if (this.onSheet && r.sheet !== this.onSheet())
          throw invalidArgument('the range is on another worksheet');
        return this.context.model.addTable(r.sheet, r.box);
      },
      {
        parent: this,
        call: `add(${typeof address === 'string' ? JSON.stringify(address) : address.path},${hasHeaders})`,
        volatile: true,
        kind: 'table.add',
      },
    );
  }
  getCount(): ClientResultP<number> {
    return new ClientResultP(this.context, this, 'getCount()', () => this.list().length);
  }
}

export class TableP extends ProxyBase<TableData> {
  protected readonly props = TABLE_SCALARS;
  /** Navigation properties, made once as Office.js caches them. */
  private made: {
    worksheet?: WorksheetP;
    columns?: TableColumnCollectionP;
    rows?: TableRowCollectionP;
  } = {};
  constructor(
    context: MemoryContext,
    bind: () => TableData | null,
    origin: ProxyOrigin,
    resolved?: TableData,
  ) {
    super(context, bind, origin, resolved);
  }
  private get model(): MemoryWorkbookModel {
    return this.context.model;
  }
  protected override exists(t: TableData): boolean {
    return this.model.tables.includes(t);
  }
  protected read(t: TableData, prop: string): unknown {
    return prop === 'id' ? t.id : prop === 'name' ? t.name : undefined;
  }
  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.act('table.rename', `name = ${JSON.stringify(v)}`, (t) => this.model.renameTable(t, v), v);
  }
  get worksheet(): WorksheetP {
    return (this.made.worksheet ??= new WorksheetP(this.context, () => this.peek()?.sheet ?? null, {
      parent: this,
      call: 'worksheet',
    }));
  }
  get columns(): TableColumnCollectionP {
    return (this.made.columns ??= new TableColumnCollectionP(this.context, () => this.peek(), {
      parent: this,
      call: 'columns',
    }));
  }
  get rows(): TableRowCollectionP {
    return (this.made.rows ??= new TableRowCollectionP(this.context, () => this.peek(), {
      parent: this,
      call: 'rows',
    }));
  }
  private rangeOf(step: string, pick: (t: TableData) => Box): RangeP {
    return new RangeP(
      this.context,
      () => {
        const t = this.peek();
        return t ? { sheet: t.sheet, box: pick(t) } : null;
      },
      { parent: this, call: step, volatile: true },
    );
  }
  getRange(): RangeP {
    return this.rangeOf('getRange()', tableBox);
  }
  getHeaderRowRange(): RangeP {
    return this.rangeOf('getHeaderRowRange()', (t) => ({
      row: t.row,
      col: t.col,
      rows: 1,
      cols: t.cols,
    }));
  }
  getDataBodyRange(): RangeP {
    return this.rangeOf('getDataBodyRange()', (t) => ({
      row: t.row + 1,
      col: t.col,
      rows: t.rows - 1,
      cols: t.cols,
    }));
  }
  resize(range: RangeP | string): void {
    if (typeof range !== 'string') range.assertValid();
    const what = typeof range === 'string' ? JSON.stringify(range) : range.path;
    this.act('table.resize', `resize(${what})`, (t) => {
      const r =
        typeof range === 'string'
          ? (() => {
              const a = parseAddress(range);
              if (!a) throw invalidArgument(`'${range}' is not a valid address`);
              const sheet = a.sheet !== null ? this.model.sheet(a.sheet) : t.sheet;
              if (!sheet) throw itemNotFound(`the worksheet ${a.sheet}`);
              return { sheet, box: a.box };
            })()
          : range.liveTarget();
      this.model.resizeTable(t, r.sheet, r.box);
    });
  }
  /** Deletes the table and empties its cells. */
  delete(): void {
    this.act('table.delete', 'delete()', (t) => this.model.deleteTable(t, true));
  }
}
