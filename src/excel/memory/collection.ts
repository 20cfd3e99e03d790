/**
 * A collection's `items`, loaded as the runtime loads them (CommonUtility._parseSelectExpand):
 * `load('items')` (or no argument) loads every scalar property of each item; `load('items/name')`
 * loads only `name` — reading another property of an item then throws PropertyNotLoaded.
 */
import type { MemoryWorkbookModel } from './model';
import { propertyNotLoaded } from './errors';
import { ProxyBase, propList } from './proxy';

/** The item properties a collection load names. */
export function itemProps(props: unknown, all: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of propList(props, ['items'])) {
    const lower = p.toLowerCase();
    if (lower === 'items' || lower === 'items/' || lower === '*') all.forEach((a) => out.add(a));
    else if (lower.startsWith('items/') || lower.startsWith('items.')) out.add(p.slice(6));
  }
  return [...out];
}

export abstract class CollectionP<
  T,
  I extends ProxyBase<T>,
> extends ProxyBase<MemoryWorkbookModel> {
  protected readonly props = ['items'];
  private itemProxies: I[] | undefined;
  /** The scalar properties of an item (what `load('items')` loads). */
  protected abstract readonly itemScalars: readonly string[];
  /** The targets, in Excel's order, at apply time. */
  protected abstract list(): T[];
  /** An item proxy already bound to `t` (built while the result is processed). */
  protected abstract item(t: T, index: number): I;

  protected read(): unknown {
    return null;
  }
  override load(props?: unknown): this {
    this.assertValid();
    const which = itemProps(props, this.itemScalars);
    this.context.enqueue(
      'load',
      `${this.path}.load(${which.map((p) => `items/${p}`).join(',')})`,
      () => {
        const items = this.list().map((t, i) => this.item(t, i).fillFromResult(which));
        this.context.stage(() => {
          this.itemProxies = items;
        });
      },
    );
    return this;
  }
  get items(): I[] {
    if (!this.itemProxies) throw propertyNotLoaded('items');
    return this.itemProxies;
  }
}
