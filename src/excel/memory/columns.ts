/**
 * A table's columns (found by header or id, added at the right) and rows (counted, appended).
 * A column's id is its 1-based position, as Excel numbers the columns of a new table. A header
 * is matched case-insensitively, as Excel's names are, but never trimmed: "Record ID " is not
 * "Record ID".
 */
import type { Box } from '../a1';
import { CollectionP } from './collection';
import type { MemoryContext } from './context';
import { invalidArgument, itemNotFound } from './errors';
import type { MemoryWorkbookModel, TableData } from './model';
import { call, ClientResultP, ProxyBase, type ProxyOrigin } from './proxy';
import { checkMatrix, RangeP } from './ranges';

export interface ColumnTarget {
  readonly table: TableData;
  readonly index: number;
}

const COLUMN_SCALARS = ['id', 'index', 'name'] as const;
const anyCell = (x: unknown): boolean =>
  x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';

export class TableColumnCollectionP extends CollectionP<ColumnTarget, TableColumnP> {
  protected readonly itemScalars = COLUMN_SCALARS;
  constructor(
    context: MemoryContext,
    private readonly table: () => TableData | null,
    origin: ProxyOrigin,
  ) {
    super(context, () => context.model, origin);
  }
  protected list(): ColumnTarget[] {
    const t = this.table();
    return t ? Array.from({ length: t.cols }, (_, index) => ({ table: t, index })) : [];
  }
  protected item(c: ColumnTarget, i: number): TableColumnP {
    return new TableColumnP(this.context, () => c, { parent: this, call: `items[${i}]` }, c);
  }
  private find(key: string | number): ColumnTarget | null {
    const t = this.table();
    if (!t) return null;
    const headers = this.context.model.headers(t);
    const index =
      typeof key === 'number'
        ? key - 1
        : headers.findIndex((h) => h.toLowerCase() === key.toLowerCase());
    return index >= 0 && index < t.cols ? { table: t, index } : null;
  }
  getItemOrNullObject(key: string | number): TableColumnP {
    return new TableColumnP(this.context, () => this.find(key), {
      parent: this,
      call: call('getItemOrNullObject', key),
    });
  }
  getItem(key: string | number): TableColumnP {
    return new TableColumnP(
      this.context,
      () => {
        const c = this.find(key);
        if (!c) throw itemNotFound(`the table column ${key}`);
        return c;
      },
      { parent: this, call: call('getItem', key) },
    );
  }
  /** Appends a column at the right (`index` empty or the column count); `values` header + body. */
  add(index?: number | null, values?: unknown, name?: string): TableColumnP {
    return new TableColumnP(
      this.context,
      () => {
        const t = this.table();
        if (!t) throw itemNotFound('the table');
        if (index !== null && index !== undefined && index !== t.cols)
          throw invalidArgument('the in-memory Excel models columns appended at the right only');
        const m = this.context.model;
        const given =
          values === undefined || values === null
            ? null
            : checkMatrix(values, { row: 0, col: 0, rows: t.rows, cols: 1 }, anyCell, 'values');
        m.addColumn(t, name ?? String(given?.[0]?.[0] ?? `Column${t.cols + 1}`));
        given
          ?.slice(1)
          .forEach(([v], i) => m.write(t.sheet, t.row + 1 + i, t.col + t.cols - 1, v ?? null));
        return { table: t, index: t.cols - 1 };
      },
      {
        parent: this,
        call: call('add', index ?? null, name ?? null),
        volatile: true,
        kind: 'column.add',
      },
    );
  }
  getCount(): ClientResultP<number> {
    return new ClientResultP(this.context, this, 'getCount()', () => this.table()?.cols ?? 0);
  }
}

export class TableColumnP extends ProxyBase<ColumnTarget> {
  protected readonly props = COLUMN_SCALARS;
  constructor(
    context: MemoryContext,
    bind: () => ColumnTarget | null,
    origin: ProxyOrigin,
    resolved?: ColumnTarget,
  ) {
    super(context, bind, origin, resolved);
  }
  private get model(): MemoryWorkbookModel {
    return this.context.model;
  }
  protected override exists(c: ColumnTarget): boolean {
    return this.model.tables.includes(c.table) && c.index < c.table.cols;
  }
  protected read(c: ColumnTarget, prop: string): unknown {
    if (prop === 'index') return c.index;
    if (prop === 'id') return c.index + 1;
    if (prop === 'name') return this.model.headers(c.table)[c.index];
    return undefined;
  }
  get id(): number {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.act(
      'values',
      `name = ${JSON.stringify(v)}`,
      (c) => this.model.writeHeader(c.table, c.index, v),
      v,
    );
  }
  get index(): number {
    return this.get('index');
  }
  private rangeOf(step: string, pick: (c: ColumnTarget) => Box): RangeP {
    return new RangeP(
      this.context,
      () => {
        const c = this.peek();
        return c ? { sheet: c.table.sheet, box: pick(c) } : null;
      },
      { parent: this, call: step, volatile: true },
    );
  }
  getRange(): RangeP {
    return this.rangeOf('getRange()', (c) => ({
      row: c.table.row,
      col: c.table.col + c.index,
      rows: c.table.rows,
      cols: 1,
    }));
  }
  getHeaderRowRange(): RangeP {
    return this.rangeOf('getHeaderRowRange()', (c) => ({
      row: c.table.row,
      col: c.table.col + c.index,
      rows: 1,
      cols: 1,
    }));
  }
  getDataBodyRange(): RangeP {
    return this.rangeOf('getDataBodyRange()', (c) => ({
      row: c.table.row + 1,
      col: c.table.col + c.index,
      rows: c.table.rows - 1,
      cols: 1,
    }));
  }
}

export class TableRowCollectionP extends ProxyBase<TableData> {
  protected readonly props = ['count'];
  constructor(context: MemoryContext, bind: () => TableData | null, origin: ProxyOrigin) {
    super(context, bind, origin);
  }
  protected override exists(t: TableData): boolean {
    return this.context.model.tables.includes(t);
  }
  protected read(t: TableData, prop: string): unknown {
    return prop === 'count' ? t.rows - 1 : undefined;
  }
  get count(): number {
    return this.get('count');
  }
  getCount(): ClientResultP<number> {
    return new ClientResultP(this.context, this, 'getCount()', () => this.live().rows - 1);
  }
  /**
   * Appends rows at the bottom (index null), shifting cells below the table down. Microsoft's
   * co-authoring guidance warns this can cause merge conflicts (co-authoring-in-excel-add-ins).
   */
  add(index: number | null | undefined, values: unknown): void {
    this.act(
      'rows.add',
      `add(${index ?? null}, …)`,
      (t) => {
        if (index !== null && index !== undefined)
          throw invalidArgument('the in-memory Excel models appends only');
        const rows = Array.isArray(values) ? values.length : 0;
        const checked = checkMatrix(
          values,
          { row: 0, col: 0, rows: Math.max(rows, 1), cols: t.cols },
          anyCell,
          'values',
        );
        this.context.model.addRows(
          t,
          checked.map((r) => r.map((v) => v ?? '')),
        );
      },
      values,
    );
  }
}
