/**
 * A co-authoring model: n replicas of ONE workbook (OneDrive/SharePoint co-authoring), each a full
 * in-memory desk workbook with its own model, host, adapter and user — one pane writes to each.
 * Every replica records its own changes (registers.ts) with a logical clock; a merge applies the
 * other replicas' changes cell by cell, the LAST WRITER winning (by logical time), and a table's
 * name and range last writer wins too. That is how Excel settles concurrent edits of the same
 * cell ("Coauthoring in Excel add-ins", learn.microsoft.com/office/dev/add-ins/excel/
 * co-authoring-in-excel-add-ins: after a colleague's change syncs, every coauthor sees it, and
 * "Adds rows to tables using TableRowCollection.add (risk of merge conflicts)").
 *
 * The model is pessimistic where Excel is smarter: an insert that shifts cells (rows.add,
 * columns.add, a user deleting a column) is recorded as writes of every moved cell, so a
 * concurrent edit there may land on the shifted position; Excel transforms positions instead.
 *
 * Merges happen when a test says: `deliver(from, to)` (one direction), `merge()` (everyone gets
 * everything: afterwards all replicas are equal), or from the hooks, which fire on any replica
 * between two of its requests (`onSync`) or between two operations of one request
 * (`onOperation`) — e.g. between a pane's read and its write, or after the values of an append
 * were written and before the table was resized. `randomMerges` installs a seeded schedule.
 */
import type { SyncInfo } from '../context';
import { deskFormulaEvaluator, deskWorkbookOver, type MemoryDeskWorkbook } from '../desk-workbook';
import { MemoryWorkbookModel, type FormulaEvaluator } from '../model';
import { viewOf, type MemoryWorkbookView } from '../view';
import { applyRegister, settle } from './apply';
import { cloneModel } from './clone';
import { seededRandom } from './random';
import { later, PRIORITY, recorderFor, ReplicaStore } from './registers';
import { stateOf, tableProblems, type WorkbookState } from './state';

export { tableProblems, stateOf, type WorkbookState } from './state';

export interface CoauthoringOptions {
  /** How many replicas (the simulation uses 2–4). */
  readonly replicas: number;
  /** Seeds `random` and `randomMerges`; log it so a run can be replayed. */
  readonly seed?: number;
  /** The workbook every replica starts from (copied); a fresh one with Sheet1 by default. */
  readonly from?: MemoryWorkbookModel;
  readonly evaluate?: FormulaEvaluator;
}

/**
 * One replica: a full desk workbook. Its `host.faults` is free for a test to use; its
 * `host.onRequest`/`onOperation` carry the co-authoring hooks (set `onSync`/`onOperation` on the
 * Coauthoring instead).
 */
export interface Replica extends MemoryDeskWorkbook {
  readonly index: number;
  /** Changes recorded here (its own or adopted) not yet delivered to `peer`. */
  unsentTo(peer: number): number;
}

export interface MergeStats {
  /** deliver() calls that moved at least one change. */
  deliveries: number;
  /** Registers a replica took from another. */
  adopted: number;
  /** A replica's own write replaced by a later write of another replica: the loser's value is gone. */
  overwritten: number;
}

export interface Coauthoring {
  readonly replicas: readonly Replica[];
  readonly seed: number;
  /** Seeded: use it for every random choice of a schedule. */
  readonly random: () => number;
  readonly stats: MergeStats;
  /** Before each request of a replica applies (after its previous sync returned). */
  onSync: ((replica: Replica, info: SyncInfo) => void) | null;
  /** After each operation of a replica's request applied (`applied` = how many so far). */
  onOperation: ((replica: Replica, applied: number, info: SyncInfo) => void) | null;
  /** `to` receives every change `from` holds that it has not had; returns how many it took. */
  deliver(from: number, to: number): number;
  /** Both directions between two replicas. */
  exchange(a: number, b: number): number;
  /** Everyone receives everything, until nothing moves: afterwards every replica is equal. */
  merge(): number;
  /** Whether every replica holds the same workbook (without merging). */
  converged(): boolean;
  /** Full merge, then the one workbook every replica holds (throws if they still differ). */
  settle(): MemoryWorkbookView;
  stateOf(replica: number): WorkbookState;
  /** Overlaps, duplicate names, headers not unique text — on one replica. */
  tableProblems(replica: number): string[];
  /** A seeded schedule: with these probabilities, a replica exchanges with a random peer. */
  randomMerges(p: { readonly perRequest?: number; readonly perOperation?: number }): void;
}

export function createCoauthoring(options: CoauthoringOptions): Coauthoring {
  const n = options.replicas;
  if (!Number.isInteger(n) || n < 1) throw new Error('createCoauthoring: replicas must be ≥ 1');
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const base =
    options.from ??
    (() => {
      const m = new MemoryWorkbookModel();
      m.addSheet('Sheet1');
      return m;
    })();
  const forkOrder = new Map<string, number>();
  base.sheets.forEach((s, i) => forkOrder.set(s.id, i));
  base.tables.forEach((t, i) => forkOrder.set(t.id, i));
  let clock = 0;
  const tick = (): number => (clock += 1);
  const stats: MergeStats = { deliveries: 0, adopted: 0, overwritten: 0 };
  const stores = Array.from({ length: n }, () => new ReplicaStore(n));

  const replicas: Replica[] = stores.map((store, index) => {
    const model = cloneModel(base);
    model.evaluate = options.evaluate ?? (options.from ? base.evaluate : deskFormulaEvaluator);
    model.idPrefix = `r${index}-`;
    model.recorder = recorderFor(model, store, index, tick);
    for (const x of [...model.sheets, ...model.tables]) store.wanted.set(x.id, x.name);
    const desk = deskWorkbookOver(model);
    const replica: Replica = {
      ...desk,
      index,
      unsentTo: (peer) => store.log.length - (store.sent[peer] ?? 0),
    };
    desk.host.onRequest = (info) => co.onSync?.(replica, info);
    desk.host.onOperation = (info, applied) => co.onOperation?.(replica, applied, info);
    return replica;
  });

  function deliver(from: number, to: number): number {
    if (from === to) return 0;
    const src = stores[from] as ReplicaStore;
    const dst = stores[to] as ReplicaStore;
    const model = (replicas[to] as Replica).model;
    const keys = [...new Set(src.log.slice(src.sent[to]))];
    src.sent[to] = src.log.length;
    const regs = keys.map((k) => [k, src.registers.get(k)!] as const);
    regs.sort(([, a], [, b]) => PRIORITY[a.value.kind] - PRIORITY[b.value.kind]);
    const nameOf = (id: string): string => {
      const v = (dst.registers.get(`tn|${id}`) ?? src.registers.get(`tn|${id}`))?.value;
      return v?.kind === 'tableName' ? v.name : id;
    };
    let adopted = 0;
    for (const [key, reg] of regs) {
      const mine = dst.registers.get(key);
      if (mine && !later(reg.stamp, mine.stamp)) continue;
      if (
        mine &&
        mine.stamp.replica === to &&
        JSON.stringify(mine.value) !== JSON.stringify(reg.value)
      )
        stats.overwritten += 1;
      dst.put(key, reg);
      applyRegister(model, dst, reg.value, nameOf);
      adopted += 1;
    }
    if (adopted > 0) {
      settle(model, dst, forkOrder);
      stats.deliveries += 1;
      stats.adopted += adopted;
      model.changed();
    }
    return adopted;
  }

  const co: Coauthoring = {
    replicas,
    seed,
    random,
    stats,
    onSync: null,
    onOperation: null,
    deliver,
    exchange: (a, b) => deliver(a, b) + deliver(b, a),
    merge() {
      let total = 0;
      for (let moved = 1; moved > 0;) {
        moved = 0;
        for (let a = 0; a < n; a += 1) for (let b = 0; b < n; b += 1) moved += deliver(a, b);
        total += moved;
      }
      return total;
    },
    converged() {
      const first = JSON.stringify(stateOf((replicas[0] as Replica).model));
      return replicas.every((r) => JSON.stringify(stateOf(r.model)) === first);
    },
    settle() {
      co.merge();
      if (!co.converged()) throw new Error('co-authoring replicas differ after a full merge');
      return viewOf((replicas[0] as Replica).model);
    },
    stateOf: (i) => stateOf((replicas[i] as Replica).model),
    tableProblems: (i) => tableProblems((replicas[i] as Replica).model),
    randomMerges({ perRequest = 0, perOperation = 0 }) {
      const peerOf = (i: number) => {
        const j = Math.floor(random() * (n - 1));
        return j >= i ? j + 1 : j;
      };
      co.onSync = (r) => {
        if (n > 1 && random() < perRequest) co.exchange(r.index, peerOf(r.index));
      };
      co.onOperation = (r) => {
        if (n > 1 && random() < perOperation) co.exchange(r.index, peerOf(r.index));
      };
    },
  };
  return co;
}
