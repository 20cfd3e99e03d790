/** The request-layer base: a queued object bound at sync, readable only after load + sync. */
import type { Box } from '../a1';
import type { MemoryContext } from './context';
import { MemoryError } from './model';

export const notLoaded = (prop: string): MemoryError =>
  new MemoryError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export function propList(props: unknown, all: readonly string[]): string[] {
  if (props === undefined) return [...all];
  if (typeof props === 'string') return props.split(',').map((p) => p.trim());
  if (Array.isArray(props)) return props.map(String);
  return Object.keys(props as object);
}

/** A queued object: bound to its target in queue order, readable after load + sync. */
export abstract class ProxyBase<T> {
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

export class ClientResultP<V> {
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

/** A box's cells as a matrix, row by row. */
export function matrix<V>(box: Box, f: (r: number, c: number) => V): V[][] {
  return Array.from({ length: box.rows }, (_, i) =>
    Array.from({ length: box.cols }, (__, j) => f(box.row + i, box.col + j)),
  );
}
