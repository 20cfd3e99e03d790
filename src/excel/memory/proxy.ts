/**
 * The request-layer base: an object queued on a context, bound to its target at sync, readable
 * after load and a successful sync — with the runtime's rules (excel-web-16.00.debug.js):
 * - reading a property never loaded throws PropertyNotLoaded (Utility.throwIfNotLoaded), except
 *   on a null object (…OrNullObject that found nothing): there every property reads `undefined`
 *   (throwIfNotLoaded passes when isNull, and _handleResult stores nothing), so callers must read
 *   `isNullObject` first — a twin-only guard (strictness.uncheckedNullRead, on by default) throws
 *   when a null object's property is read before its isNullObject was;
 * - queuing anything (a method, a property write, a load, a child object) on an object whose
 *   path is invalid throws InvalidObjectPath at once (CommonUtility.validateObjectPath walks the
 *   parents too); reading a property already loaded still works;
 * - a path is invalid once its Excel.run ended, or when it is "invalid after request" (every
 *   range; every object an `add()` returns) and the request that first carried it failed.
 */
import type { Box } from '../a1';
import type { MemoryContext, OperationKind } from './context';
import {
  invalidObjectPath,
  itemNotFound,
  propertyNotLoaded,
  uncheckedNullRead,
  valueNotLoaded,
} from './errors';

export { propertyNotLoaded as notLoaded } from './errors';

/** Where a proxy comes from: its parent, the call that made it, and how it is sent. */
export interface ProxyOrigin {
  readonly parent: ProxyBase<unknown> | null;
  /** The call, as the runtime prints paths: `getRangeByIndexes(0,0,1,30)`. */
  readonly call: string;
  /** An "invalid after request" path: ranges and add() results. */
  readonly volatile?: boolean;
  /** The kind of its binding operation (`table.add` for the table add() makes). */
  readonly kind?: OperationKind;
}

export function propList(props: unknown, all: readonly string[]): string[] {
  if (props === undefined || props === null) return [...all];
  if (typeof props === 'string')
    return props
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
  if (Array.isArray(props)) return props.map(String);
  return Object.keys(props as object);
}

const arg = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));
/** `name(a,b)` as a path step. */
export const call = (name: string, ...args: unknown[]): string =>
  `${name}(${args.map(arg).join(',')})`;

export abstract class ProxyBase<T> {
  protected target: T | null | undefined = undefined;
  private bound = false;
  private loaded = new Map<string, unknown>();
  private nullKnown: boolean | undefined;
  private invalid = false;
  /** Whether the caller read isNullObject (the twin's guard against unchecked null reads). */
  private nullChecked = false;
  readonly path: string;
  private readonly volatile: boolean;
  private readonly parent: ProxyBase<unknown> | null;
  constructor(
    readonly context: MemoryContext,
    private readonly bind: () => T | null,
    origin: ProxyOrigin,
    /** A collection item made while a result is processed: already bound, nothing queued. */
    resolved?: T,
  ) {
    this.parent = origin.parent;
    this.path = origin.parent ? `${origin.parent.path}.${origin.call}` : origin.call;
    this.volatile = origin.volatile === true;
    if (resolved !== undefined) {
      this.target = resolved;
      this.bound = true;
      this.nullKnown = false;
      return;
    }
    this.assertValid();
    context.track(this as ProxyBase<unknown>);
    context.enqueue(origin.kind ?? 'bind', this.path, () => void this.resolve());
  }

  /** Throws InvalidObjectPath when this path (or a parent's) can no longer be used. */
  assertValid(): void {
    if (this.context.isEnded || this.invalid) throw invalidObjectPath(this.path);
    this.parent?.assertValid();
  }
  invalidateIfVolatile(): void {
    if (this.volatile) this.invalid = true;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === undefined) throw propertyNotLoaded('isNullObject');
    this.nullChecked = true;
    return this.nullKnown;
  }
  protected abstract readonly props: readonly string[];
  protected abstract read(t: T, prop: string): unknown;
  /** Whether a bound target still exists in the workbook (a table deleted since is gone). */
  protected exists(_t: T): boolean {
    return true;
  }

  /** Binds the target once, in queue order; its null-ness is known after the sync succeeds. */
  protected resolve(): T | null {
    if (!this.bound) {
      const t = this.bind();
      this.target = t;
      this.bound = true;
      this.context.stage(() => {
        this.nullKnown = t === null;
      });
    }
    return this.target ?? null;
  }
  /** The target at apply time; a missing item fails the request as Office.js does. */
  protected live(): T {
    const t = this.resolve();
    if (t === null || !this.exists(t)) throw itemNotFound(this.path);
    return t;
  }
  /** The target at apply time, or null for a null object (derived objects are null too). */
  peek(): T | null {
    const t = this.resolve();
    return t !== null && this.exists(t) ? t : null;
  }

  load(props?: unknown): this {
    this.assertValid();
    const list = this.loadList(props);
    this.context.enqueue('load', `${this.path}.load(${list.join(',')})`, () => {
      const t = this.peek();
      if (t === null) return; // a null object's properties stay undefined
      const values = list.map((p) => [p, this.read(t, p)] as const);
      this.context.stage(() => {
        for (const [p, v] of values) this.loaded.set(p, v);
      });
    });
    return this;
  }
  /** The properties a load names (collections map `items/…` onto their items). */
  protected loadList(props: unknown): string[] {
    return propList(props, this.props);
  }
  /** Loads properties of an item built from a collection's result (read as the result is made). */
  fillFromResult(props: readonly string[]): this {
    const t = this.target;
    if (t !== null && t !== undefined) for (const p of props) this.loaded.set(p, this.read(t, p));
    return this;
  }
  protected get<V>(prop: string): V {
    if (this.nullKnown === true) {
      if (!this.nullChecked && this.context.model.strictness.uncheckedNullRead === 'throw')
        throw uncheckedNullRead(this.path, prop);
      return undefined as V;
    }
    if (!this.loaded.has(prop)) throw propertyNotLoaded(prop);
    return this.loaded.get(prop) as V;
  }
  /** Queues an operation on the live target. */
  protected act(kind: OperationKind, what: string, apply: (t: T) => void, payload?: unknown): void {
    this.assertValid();
    this.context.enqueue(kind, `${this.path}.${what}`, () => apply(this.live()), payload);
  }
}

/** A method's result (getCount()): `value` throws ValueNotLoaded until its sync succeeded. */
export class ClientResultP<V> {
  private v: { value: V } | null = null;
  constructor(context: MemoryContext, parent: ProxyBase<unknown>, what: string, compute: () => V) {
    parent.assertValid();
    context.enqueue('result', `${parent.path}.${what}`, () => {
      const value = compute();
      context.stage(() => {
        this.v = { value };
      });
    });
  }
  get value(): V {
    if (!this.v) throw valueNotLoaded();
    return this.v.value;
  }
}

/** A box's cells as a matrix, row by row. */
export function matrix<V>(box: Box, f: (r: number, c: number) => V): V[][] {
  return Array.from({ length: box.rows }, (_, i) =>
    Array.from({ length: box.cols }, (__, j) => f(box.row + i, box.col + j)),
  );
}
