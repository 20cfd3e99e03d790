/**
 * An Office.js-shaped request layer over MemoryWorkbookModel: the subset of the Excel JavaScript
 * API the adapter uses. Like the real one, every call and property write is queued and applied in
 * order at `context.sync()`; properties are readable only after `load()` and a sync (otherwise
 * PropertyNotLoaded is thrown); an operation that fails stops the batch there, leaving earlier
 * operations applied. The host counts round trips, meters request sizes against Excel on the web's
 * 5 MB limit, and can inject failures at any sync.
 */
import { formatAddress, parseAddress, type Box } from '../a1';
import {
  MemoryError,
  type MemoryWorkbookModel,
  type NameData,
  type SheetData,
  type TableData,
} from './model';

/** Excel on the web rejects a request payload over 5 MB. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export type Fault =
  | { readonly kind: 'fail-before' } // nothing applied, sync rejects
  | { readonly kind: 'fail-partway'; readonly after: number } // the first `after` operations applied
  | { readonly kind: 'fail-after' } // everything applied, sync rejects
  | { readonly kind: 'timeout-after' }; // everything applied, the answer never comes back

export interface SyncInfo {
  readonly sync: number;
  readonly operations: number;
  readonly requestBytes: number;
}

export interface SyncStats {
  syncs: number;
  largestRequestBytes: number;
  lastRequestBytes: number;
  totalRequestBytes: number;
}

interface Action {
  readonly apply: () => void;
  readonly bytes: number;
}

const OVERHEAD = 40;
const sizeOf = (v: unknown): number => (v === undefined ? 0 : JSON.stringify(v).length);

export class MemoryHost {
  readonly stats: SyncStats = {
    syncs: 0,
    largestRequestBytes: 0,
    lastRequestBytes: 0,
    totalRequestBytes: 0,
  };
  /** Decides, per sync, whether and how it fails. */
  faults: ((info: SyncInfo) => Fault | undefined) | null = null;
  requestLimitBytes = REQUEST_LIMIT_BYTES;

  constructor(readonly model: MemoryWorkbookModel) {}

  /** Excel.run's shape; the context is the typed Office one as far as callers can tell. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new MemoryContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending > 0) await ctx.sync(); // Excel.run flushes what the batch left queued
    return result;
  };

  resetStats(): void {
    Object.assign(this.stats, {
      syncs: 0,
      largestRequestBytes: 0,
      lastRequestBytes: 0,
      totalRequestBytes: 0,
    });
  }
}

export class MemoryContext {
  private queue: Action[] = [];
  readonly workbook: WorkbookP;
  constructor(readonly host: MemoryHost) {
    this.workbook = new WorkbookP(this);
  }
  get model(): MemoryWorkbookModel {
    return this.host.model;
  }
  get pending(): number {
    return this.queue.length;
  }
  enqueue(apply: () => void, payload?: unknown): void {
    this.queue.push({ apply, bytes: OVERHEAD + sizeOf(payload) });
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const stats = this.host.stats;
    const bytes = actions.reduce((n, a) => n + a.bytes, 0);
    stats.syncs += 1;
    stats.lastRequestBytes = bytes;
    stats.totalRequestBytes += bytes;
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, bytes);
    await Promise.resolve();
    if (bytes > this.host.requestLimitBytes) {
      throw new MemoryError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    }
    const fault = this.host.faults?.({
      sync: stats.syncs,
      operations: actions.length,
      requestBytes: bytes,
    });
    if (fault?.kind === 'fail-before')
      throw new MemoryError('GeneralException', 'An internal error has occurred.');
    const stopAt = fault?.kind === 'fail-partway' ? fault.after : Infinity;
    try {
      actions.forEach((a, i) => {
        if (i >= stopAt)
          throw new MemoryError('GeneralException', 'An internal error has occurred.');
        a.apply();
      });
    } finally {
      this.model.changed();
    }
    if (fault?.kind === 'fail-after')
      throw new MemoryError('GeneralException', 'An internal error has occurred.');
    if (fault?.kind === 'timeout-after')
      throw new MemoryError('RequestAborted', 'The request timed out.');
  }
}

const notLoaded = (prop: string): MemoryError =>
  new MemoryError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

function propList(props: unknown, all: readonly string[]): string[] {
  if (props === undefined) return [...all];
  if (typeof props === 'string') return props.split(',').map((p) => p.trim());
  if (Array.isArray(props)) return props.map(String);
  return Object.keys(props as object);
}

/** A queued object: bound to its target in queue order, readable after load + sync. */
abstract class ProxyBase<T> {
  protected target: T | null | undefined = undefined;
  private loaded = new Map<string, unknown>();
  private nullKnown: boolean | undefined;
  constructor(
    readonly context: MemoryContext,
    bind: () => T | null,
  ) {
    context.enqueue(() => {
      this.target = bind();
      this.nullKnown = this.target === null;
    });
  }
  get isNullObject(): boolean {
    if (this.nullKnown === undefined) throw notLoaded('isNullObject');
    return this.nullKnown;
  }
  protected abstract readonly props: readonly string[];
  protected abstract read(t: T, prop: string): unknown;
  /** The target at apply time; a missing item fails the batch as Office.js does. */
  protected live(): T {
    if (this.target === null || this.target === undefined) {
      throw new MemoryError('ItemNotFound', 'The requested resource does not exist.');
    }
    return this.target;
  }
  peek(): T | null {
    return this.target ?? null;
  }
  load(props?: unknown): this {
    const list = propList(props, this.props);
    this.context.enqueue(() => {
      const t = this.target ?? null;
      for (const p of list) this.loaded.set(p, t === null ? null : this.read(t, p));
    });
    return this;
  }
  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }
  protected set(apply: (t: T) => void, payload?: unknown): void {
    this.context.enqueue(() => apply(this.live()), payload);
  }
}

class ClientResultP<V> {
  private v: { value: V } | null = null;
  constructor(context: MemoryContext, compute: () => V) {
    context.enqueue(() => {
      this.v = { value: compute() };
    });
  }
  get value(): V {
    if (!this.v) throw notLoaded('value');
    return this.v.value;
  }
}

// ── workbook, sheets, names ──────────────────────────────────────────────────────────────────
class WorkbookP {
  readonly tables: TableCollectionP;
  readonly worksheets: WorksheetCollectionP;
  readonly names: NamedItemCollectionP;
  constructor(readonly context: MemoryContext) {
    this.tables = new TableCollectionP(context, null);
    this.worksheets = new WorksheetCollectionP(context);
    this.names = new NamedItemCollectionP(context);
  }
}

class WorksheetCollectionP extends ProxyBase<MemoryWorkbookModel> {
  protected readonly props = ['items'];
  private itemProxies: WorksheetP[] = [];
  constructor(context: MemoryContext) {
    super(context, () => context.model);
  }
  protected read(m: MemoryWorkbookModel, prop: string): unknown {
    if (prop.startsWith('items')) {
      this.itemProxies = m.sheets.map((s) => WorksheetP.loadedNow(this.context, s));
      return this.itemProxies;
    }
    return null;
  }
  get items(): WorksheetP[] {
    this.get('items');
    return this.itemProxies;
  }
  override load(props?: unknown): this {
    return super.load(
      propList(props, ['items']).some((p) => p.startsWith('items')) ? ['items'] : props,
    );
  }
  getItemOrNullObject(name: string): WorksheetP {
    return new WorksheetP(this.context, () => this.context.model.sheet(name) ?? null);
  }
  getItem(name: string): WorksheetP {
    return new WorksheetP(this.context, () => {
      const s = this.context.model.sheet(name);
      if (!s) throw new MemoryError('ItemNotFound', `The worksheet ${name} does not exist.`);
      return s;
    });
  }
  add(name: string): WorksheetP {
    return new WorksheetP(this.context, () => this.context.model.addSheet(name));
  }
}

class WorksheetP extends ProxyBase<SheetData> {
  protected readonly props = ['id', 'name', 'visibility'];
  static loadedNow(context: MemoryContext, s: SheetData): WorksheetP {
    const p = new WorksheetP(context, () => s);
    // Bound and loaded inside the current sync: apply the two queued steps at once.
    p.target = s;
    (p as unknown as { loaded: Map<string, unknown> }).loaded = new Map([
      ['id', s.id],
      ['name', s.name],
      ['visibility', s.visibility],
    ]);
    return p;
  }
  protected read(s: SheetData, prop: string): unknown {
    return prop === 'id'
      ? s.id
      : prop === 'name'
        ? s.name
        : prop === 'visibility'
          ? s.visibility
          : null;
  }
  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.set((s) => {
      if (this.context.model.sheet(v) && this.context.model.sheet(v) !== s) {
        throw new MemoryError('ItemAlreadyExists', `A sheet named ${v} already exists.`);
      }
      s.name = v;
    }, v);
  }
  get tables(): TableCollectionP {
    return new TableCollectionP(this.context, () => this.live());
  }
  activate(): void {
    this.set(() => undefined);
  }
  getRange(address: string): RangeP {
    return new RangeP(this.context, () => {
      const a = parseAddress(address);
      if (!a) throw new MemoryError('InvalidArgument', `'${address}' is not a valid address.`);
      return { sheet: this.live(), box: a.box };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeP {
    return new RangeP(this.context, () => {
      if (row < 0 || col < 0 || rows < 1 || cols < 1)
        throw new MemoryError('InvalidArgument', 'The range is not valid.');
      return { sheet: this.live(), box: { row, col, rows, cols } };
    });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeP {
    return new RangeP(this.context, () => {
      const s = this.peek();
      if (!s) return null;
      const box = this.context.model.usedBox(s, { row: 0, col: 0, rows: 1_048_576, cols: 16_384 });
      return box ? { sheet: s, box } : null;
    });
  }
}

class NamedItemCollectionP extends ProxyBase<MemoryWorkbookModel> {
  protected readonly props: string[] = [];
  constructor(context: MemoryContext) {
    super(context, () => context.model);
  }
  protected read(): unknown {
    return null;
  }
  getItemOrNullObject(name: string): NamedItemP {
    return new NamedItemP(
      this.context,
      () => this.context.model.names.get(name.toLowerCase()) ?? null,
    );
  }
  add(name: string, reference: string, comment?: string): NamedItemP {
    return new NamedItemP(this.context, () => this.context.model.addName(name, reference, comment));
  }
}

class NamedItemP extends ProxyBase<NameData> {
  protected readonly props = ['name', 'formula', 'value', 'comment', 'visible', 'type'];
  protected read(n: NameData, prop: string): unknown {
    if (prop === 'value') return n.formula.replace(/^=/, '');
    if (prop === 'type') return /^=\d+(\.\d+)?$/.test(n.formula) ? 'Double' : 'String';
    return (n as unknown as Record<string, unknown>)[prop] ?? null;
  }
  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.set((n) => {
      n.formula = v.startsWith('=') ? v : `=${v}`;
    }, v);
  }
  get comment(): string {
    return this.get('comment');
  }
  set comment(v: string) {
    this.set((n) => {
      n.comment = v;
    }, v);
  }
  set visible(v: boolean) {
    this.set((n) => {
      n.visible = v;
    }, v);
  }
}

// ── tables ───────────────────────────────────────────────────────────────────────────────────
class TableCollectionP extends ProxyBase<MemoryWorkbookModel> {
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

class TableP extends ProxyBase<TableData> {
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

// ── ranges ───────────────────────────────────────────────────────────────────────────────────
interface RangeTarget {
  readonly sheet: SheetData;
  readonly box: Box;
}

function matrix<V>(box: Box, f: (r: number, c: number) => V): V[][] {
  return Array.from({ length: box.rows }, (_, i) =>
    Array.from({ length: box.cols }, (__, j) => f(box.row + i, box.col + j)),
  );
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

class RangeP extends ProxyBase<RangeTarget> {
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
