/**
 * An Office.js-shaped request layer over MemoryWorkbookModel: the subset of the Excel JavaScript
 * API the adapter uses, as strict as the real runtime (node_modules/@microsoft/office-js/dist/
 * excel-web-16.00.debug.js, the OfficeExtension client request layer):
 *
 * - every call and property write is queued and applied in order at `context.sync()`; an
 *   operation that fails stops the request there, leaving earlier operations applied;
 * - properties are readable only after `load()` and a sync that succeeded (PropertyNotLoaded;
 *   ClientResult.value: ValueNotLoaded); a failed or timed-out request delivers no results;
 * - `run` rejects a batch that returns no promise (RunMustReturnPromise, ClientRequestContext
 *   ._runCommon) and ends its context: afterwards loaded values still read, but queuing anything
 *   on its objects throws InvalidObjectPath at once (CommonUtility.validateObjectPath);
 * - objects created by `add()` and every range are "invalid after request" paths
 *   (ClientRequestBase.invalidatePendingInvalidObjectPaths): when the request that first carried
 *   them fails, using them afterwards throws InvalidObjectPath;
 * - the host counts round trips, meters request and response sizes against Excel on the web's
 *   5 MB limits, injects faults per sync (before, part-way, after, timeout), and lets a test act
 *   between two requests (`onRequest`) or between two operations of one (`onOperation`) — where
 *   the co-authoring model merges colleagues' changes.
 *
 * The proxies live beside it: proxy.ts (queueing, load, validity), sheets.ts (workbook,
 * worksheets), named-items.ts, tables.ts, columns.ts (table columns and rows), ranges.ts,
 * validation.ts.
 */
import {
  generalException,
  MemoryError,
  runMustReturnPromise,
  type MemoryStrictness,
} from './errors';
import type { MemoryWorkbookModel } from './model';
import type { ProxyBase } from './proxy';
import { WorkbookP } from './sheets';

/** Excel on the web rejects a request payload over 5 MB, and a response over 5 MB. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;

/** What one queued operation does. `bind` resolves an object; the rest act or read. */
export type OperationKind =
  | 'bind'
  | 'load'
  | 'result'
  | 'sheet.add'
  | 'sheet.rename'
  | 'sheet.visibility'
  | 'sheet.delete'
  | 'activate'
  | 'table.add'
  | 'table.rename'
  | 'table.resize'
  | 'table.delete'
  | 'chart.add'
  | 'chart.set'
  | 'chart.delete'
  | 'column.add'
  | 'rows.add'
  | 'name.add'
  | 'name.set'
  | 'name.delete'
  | 'values'
  | 'formulas'
  | 'numberFormat'
  | 'validation'
  | 'validation.clear'
  | 'select';

const NOT_WRITES: ReadonlySet<OperationKind> = new Set([
  'bind',
  'load',
  'result',
  'select',
  'activate',
]);

export interface OperationInfo {
  /** 0-based position in the request: `fail-partway` with `after: index` stops just before it. */
  readonly index: number;
  readonly kind: OperationKind;
  /** The object path and what is done, e.g. `tables.getItem("3").resize(…)`. */
  readonly description: string;
}

/** A failure: `code` defaults to GeneralException (RequestAborted for a timeout). */
export type Fault =
  | { readonly kind: 'fail-before'; readonly code?: string } // nothing applied, sync rejects
  | { readonly kind: 'fail-partway'; readonly after: number; readonly code?: string } // first `after` operations applied
  | { readonly kind: 'fail-after'; readonly code?: string } // everything applied, sync rejects
  | { readonly kind: 'timeout-after' }; // everything applied, the answer never comes back

export interface SyncInfo {
  /** 1-based count of syncs on this host. */
  readonly sync: number;
  readonly operations: number;
  readonly requestBytes: number;
  /** Operations that change the workbook (cells, formats, tables, sheets, names): 0 for a read. */
  readonly writes: number;
  /** Every operation of the request, in order. */
  readonly ops: readonly OperationInfo[];
}

export interface SyncStats {
  syncs: number;
  largestRequestBytes: number;
  lastRequestBytes: number;
  totalRequestBytes: number;
}

interface Operation {
  readonly kind: OperationKind;
  readonly description: string;
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
  /** Called when a request reaches Excel, before anything in it applies (between two syncs). */
  onRequest: ((info: SyncInfo) => void) | null = null;
  /** Called after each operation of a request applied; `applied` counts them (1…operations). */
  onOperation: ((info: SyncInfo, applied: number) => void) | null = null;
  /** While set, every Excel.run first waits for it (a slow network: the preview's "hold"). */
  latency: (() => Promise<void>) | null = null;
  requestLimitBytes = REQUEST_LIMIT_BYTES;
  responseLimitBytes = RESPONSE_LIMIT_BYTES;

  constructor(readonly model: MemoryWorkbookModel) {}

  /** Which error code the twin answers where Excel's sources disagree (errors.ts). */
  get strictness(): MemoryStrictness {
    return this.model.strictness;
  }
  set strictness(s: Partial<MemoryStrictness>) {
    Object.assign(this.model.strictness, s);
  }

  /** Excel.run's shape; the context is the typed Office one as far as callers can tell. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    if (this.latency) await this.latency();
    const ctx = new MemoryContext(this);
    try {
      const pending: unknown = batch(ctx as unknown as Excel.RequestContext);
      if (!pending || typeof (pending as Promise<T>).then !== 'function')
        throw runMustReturnPromise();
      const result = await (pending as Promise<T>);
      if (ctx.pending > 0) await ctx.sync(); // Excel.run flushes what the batch left queued
      return result;
    } finally {
      ctx.end();
    }
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
  private queue: Operation[] = [];
  /** Objects first sent in the pending request: invalid afterwards if it fails and they are volatile. */
  private created: ProxyBase<unknown>[] = [];
  /** Results of the request being applied: visible only once it succeeded. */
  private staged: (() => void)[] | null = null;
  private responseBytes = 0;
  private ended = false;
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
  /** After its Excel.run: its objects can no longer queue anything. */
  get isEnded(): boolean {
    return this.ended;
  }
  end(): void {
    this.ended = true;
  }
  track(proxy: ProxyBase<unknown>): void {
    this.created.push(proxy);
  }
  enqueue(kind: OperationKind, description: string, apply: () => void, payload?: unknown): void {
    this.queue.push({ kind, description, apply, bytes: OVERHEAD + sizeOf(payload) });
  }
  /** A result (loaded values, null-ness) to deliver if the request succeeds. */
  stage(commit: () => void): void {
    if (this.staged) this.staged.push(commit);
    else commit();
  }
  /** Counts response bytes; false once the response is over Excel's limit (skip building it). */
  meterResponse(bytes: number): boolean {
    this.responseBytes += bytes;
    return this.responseBytes <= this.host.responseLimitBytes;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const created = this.created;
    this.queue = [];
    this.created = [];
    const stats = this.host.stats;
    const bytes = ops.reduce((n, a) => n + a.bytes, 0);
    stats.syncs += 1;
    stats.lastRequestBytes = bytes;
    stats.totalRequestBytes += bytes;
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, bytes);
    await Promise.resolve();
    const info: SyncInfo = {
      sync: stats.syncs,
      operations: ops.length,
      requestBytes: bytes,
      writes: ops.filter((a) => !NOT_WRITES.has(a.kind)).length,
      ops: ops.map((o, index) => ({ index, kind: o.kind, description: o.description })),
    };
    const staged: (() => void)[] = [];
    this.staged = staged;
    this.responseBytes = 0;
    try {
      this.apply(ops, info);
      for (const commit of staged) commit();
    } catch (e) {
      for (const p of created) p.invalidateIfVolatile();
      throw e;
    } finally {
      this.staged = null;
    }
  }

  private apply(ops: readonly Operation[], info: SyncInfo): void {
    if (info.requestBytes > this.host.requestLimitBytes) {
      throw new MemoryError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    }
    this.host.onRequest?.(info);
    const fault = this.host.faults?.(info);
    if (fault?.kind === 'fail-before') throw generalException(fault.code);
    const stopAt = fault?.kind === 'fail-partway' ? fault.after : Infinity;
    try {
      ops.forEach((op, i) => {
        if (i >= stopAt)
          throw generalException(fault?.kind === 'fail-partway' ? fault.code : undefined);
        op.apply();
        this.host.onOperation?.(info, i + 1);
      });
    } finally {
      this.model.changed();
    }
    if (this.responseBytes > this.host.responseLimitBytes) {
      throw new MemoryError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
    }
    if (fault?.kind === 'fail-after') throw generalException(fault.code);
    if (fault?.kind === 'timeout-after')
      throw new MemoryError('RequestAborted', 'The request timed out.');
  }
}
