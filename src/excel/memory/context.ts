/**
 * An Office.js-shaped request layer over MemoryWorkbookModel: the subset of the Excel JavaScript
 * API the adapter uses. Like the real one, every call and property write is queued and applied in
 * order at `context.sync()`; properties are readable only after `load()` and a sync (otherwise
 * PropertyNotLoaded is thrown); an operation that fails stops the batch there, leaving earlier
 * operations applied. The host counts round trips, meters request sizes against Excel on the web's
 * 5 MB limit, and can inject failures at any sync.
 *
 * The proxies live beside it: proxy.ts (queueing, load, PropertyNotLoaded), sheets.ts (workbook,
 * worksheets, names), tables.ts (tables, columns, rows), ranges.ts (ranges, validation).
 */
import { MemoryError, type MemoryWorkbookModel } from './model';
import { WorkbookP } from './sheets';

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
  /** Operations that carry values to write (cells, formats, names): 0 for a read-only sync. */
  readonly writes: number;
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
  readonly write: boolean;
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
    this.queue.push({ apply, bytes: OVERHEAD + sizeOf(payload), write: payload !== undefined });
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
      writes: actions.filter((a) => a.write).length,
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
