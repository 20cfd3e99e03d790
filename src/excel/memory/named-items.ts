/**
 * Defined names, workbook-scoped (`workbook.names`) or scoped to one worksheet
 * (`worksheet.names`): found, added (a valid, unused name: limits.ts, strictness.nameTakenCode),
 * their formula set (refused when malformed), deleted. The schema version lives in one.
 */
import { CollectionP } from './collection';
import type { MemoryContext } from './context';
import { itemNotFound } from './errors';
import type { MemoryWorkbookModel, NameData, SheetData } from './model';
import { call, ClientResultP, ProxyBase, type ProxyOrigin } from './proxy';

const NAME_SCALARS = ['name', 'formula', 'value', 'comment', 'visible', 'type'] as const;

/** `scope` is null for workbook names, else the worksheet's target at apply time. */
type Scope = (() => SheetData | null) | null;

export class NamedItemCollectionP extends CollectionP<NameData, NamedItemP> {
  protected readonly itemScalars = NAME_SCALARS;
  constructor(
    context: MemoryContext,
    private readonly scope: Scope,
    origin: ProxyOrigin,
  ) {
    super(context, () => context.model, origin);
  }
  /** The map of names in scope, or null when the worksheet is a null object. */
  private map(): Map<string, NameData> | null {
    if (!this.scope) return this.context.model.names;
    return this.scope()?.names ?? null;
  }
  private sheet(): SheetData | null {
    return this.scope?.() ?? null;
  }
  protected list(): NameData[] {
    return [...(this.map()?.values() ?? [])];
  }
  protected item(n: NameData, i: number): NamedItemP {
    return new NamedItemP(
      this.context,
      () => n,
      { parent: this, call: `items[${i}]` },
      () => this.map(),
      n,
    );
  }
  getItemOrNullObject(name: string): NamedItemP {
    return new NamedItemP(
      this.context,
      () => this.map()?.get(name.toLowerCase()) ?? null,
      { parent: this, call: call('getItemOrNullObject', name) },
      () => this.map(),
    );
  }
  getItem(name: string): NamedItemP {
    return new NamedItemP(
      this.context,
      () => {
        const n = this.map()?.get(name.toLowerCase());
        if (!n) throw itemNotFound(`the name ${name}`);
        return n;
      },
      { parent: this, call: call('getItem', name) },
      () => this.map(),
    );
  }
  add(name: string, reference: string, comment?: string): NamedItemP {
    return new NamedItemP(
      this.context,
      () => this.context.model.addName(name, reference, comment ?? '', this.scopeSheet()),
      { parent: this, call: call('add', name, reference), volatile: true, kind: 'name.add' },
      () => this.map(),
    );
  }
  private scopeSheet(): SheetData | null {
    if (!this.scope) return null;
    const s = this.sheet();
    if (!s) throw itemNotFound('the worksheet of these names');
    return s;
  }
  getCount(): ClientResultP<number> {
    return new ClientResultP(this.context, this, 'getCount()', () => this.map()?.size ?? 0);
  }
}

export class NamedItemP extends ProxyBase<NameData> {
  protected readonly props = NAME_SCALARS;
  constructor(
    context: MemoryContext,
    bind: () => NameData | null,
    origin: ProxyOrigin,
    private readonly names: () => Map<string, NameData> | null,
    resolved?: NameData,
  ) {
    super(context, bind, origin, resolved);
  }
  private get model(): MemoryWorkbookModel {
    return this.context.model;
  }
  private scopeOf(n: NameData): SheetData | null {
    return this.model.sheets.find((s) => s.names.get(n.name.toLowerCase()) === n) ?? null;
  }
  protected override exists(n: NameData): boolean {
    return this.names()?.get(n.name.toLowerCase()) === n;
  }
  protected read(n: NameData, prop: string): unknown {
    if (prop === 'value') return n.formula.replace(/^=/, '');
    if (prop === 'type') return /^=\d+(\.\d+)?$/.test(n.formula) ? 'Double' : 'String';
    return (n as unknown as Record<string, unknown>)[prop];
  }
  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.act(
      'name.set',
      `formula = ${JSON.stringify(v)}`,
      (n) => this.model.updateName(n, { formula: v }, this.scopeOf(n)),
      v,
    );
  }
  get value(): string {
    return this.get('value');
  }
  get type(): string {
    return this.get('type');
  }
  get comment(): string {
    return this.get('comment');
  }
  set comment(v: string) {
    this.act(
      'name.set',
      `comment = ${JSON.stringify(v)}`,
      (n) => this.model.updateName(n, { comment: v }, this.scopeOf(n)),
      v,
    );
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(v: boolean) {
    this.act(
      'name.set',
      `visible = ${v}`,
      (n) => this.model.updateName(n, { visible: v }, this.scopeOf(n)),
      v,
    );
  }
  delete(): void {
    this.act('name.delete', 'delete()', (n) => this.model.deleteName(n.name, this.scopeOf(n)));
  }
}
