/** Workbook, worksheets and defined names (the schema version lives in one). */
import { parseAddress } from '../a1';
import type { MemoryContext } from './context';
import { MemoryError, type MemoryWorkbookModel, type NameData, type SheetData } from './model';
import { ProxyBase, propList } from './proxy';
import { RangeP } from './ranges';
import { TableCollectionP } from './tables';

export class WorkbookP {
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

export class WorksheetP extends ProxyBase<SheetData> {
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
  get visibility(): SheetData['visibility'] {
    return this.get('visibility');
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
  getItem(name: string): NamedItemP {
    return new NamedItemP(this.context, () => {
      const n = this.context.model.names.get(name.toLowerCase());
      if (!n) throw new MemoryError('ItemNotFound', `The name ${name} does not exist.`);
      return n;
    });
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
