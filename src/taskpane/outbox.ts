/**
 * Receipts: every review this pane recorded, kept in localStorage per workbook (keyed by the
 * workbook's DESK_WORKBOOK_ID) until a later read of the workbook finds all its rows with the
 * values written. Co-authoring can make a write this pane read back vanish when the copies merge
 * (the other analyst wrote the same cells later); the next read says so and the pane appends the
 * review again — safe, because an append skips the Record IDs already there. A row found with
 * other values is reported, never overwritten: a colleague may have corrected it.
 *
 * DOM-free, so the co-authoring simulation drives this very code. The check rides on the health
 * read the pane makes anyway (`batch()` → `workbook.health(receipts)` → `settle`).
 */
import type { TableKey } from '../core';
import type {
  DeskWorkbook,
  ReceiptCheck,
  RecordValues,
  ReviewRecords,
  ReviewValues,
  UnplacedValue,
  WorkbookHealth,
  WriteOutcome,
} from '../excel/workbook';
import type { DraftStorage } from './draft-store';
import { reappend } from './reappend';
import { safe } from './safe';
import {
  createReceiptStore,
  empty,
  type DifferingReceipt,
  type PendingReceipt,
  type Stored,
} from './receipt-store';

export { RECEIPTS_KEY, type DifferingReceipt, type PendingReceipt } from './receipt-store';

/** What the pane shows about receipts. */
export interface OutboxSummary {
  readonly pending: number;
  /** Reviews appended again in this pane session because their rows had vanished. */
  readonly reAdded: number;
  readonly differing: readonly DifferingReceipt[];
  /** Why a review could not be checked or re-added on the last read (it stays pending). */
  readonly problems: readonly string[];
  /** Storage full or blocked: receipts live only while the pane is open. */
  readonly storageProblem: string | null;
  /** The workbook has no id yet: receipts live only while the pane is open. */
  readonly sessionOnly: boolean;
}

/** The receipts one health read checks, and the workbook they were kept for. */
export interface ReceiptBatch {
  readonly workbookId: string | null;
  readonly receipts: readonly PendingReceipt[];
}

export interface SettleReport {
  /** False when the read was of another workbook than the receipts' (or failed): check again. */
  readonly checked: boolean;
  readonly confirmed: number;
  readonly reappended: number;
  /** The rows those re-appends put back: each check's missing rows, written or adopted. */
  readonly rowsReappended: number;
  /**
   * Desk rows the re-appends found just below a table (a co-author's resize won a merge) and took
   * into it as they were: this pane's, or another pane's that had not come back for them.
   */
  readonly rowsAdopted: number;
  readonly differing: number;
  readonly stillPending: number;
}

/** The review's id: every row of a review carries it. */
export function reviewIdOf(rows: ReviewValues): string {
  const first = rows.snapshots[0] ?? rows.exposures[0] ?? rows.triggers[0];
  return String(first?.reviewId ?? first?.recordId ?? '');
}

/**
 * The rows as they stand in the workbook: values the user chose to leave out are blank. Plain
 * values, what a receipt compares with the cells; re-appending them checks them (reappend.ts).
 */
export function rowsAsWritten(
  rows: ReviewRecords,
  notWritten: readonly UnplacedValue[],
): ReviewValues {
  if (notWritten.length === 0) return rows;
  const blank = (table: TableKey, row: RecordValues): RecordValues => {
    const fields = notWritten.filter((u) => u.table === table && u.recordId === row.recordId);
    if (fields.length === 0) return row;
    const out: Record<string, RecordValues[string]> = { ...row };
    for (const u of fields) out[u.field] = null;
    return out;
  };
  return {
    snapshots: rows.snapshots.map((r) => blank('snapshots', r)),
    exposures: rows.exposures.map((r) => blank('exposures', r)),
    triggers: rows.triggers.map((r) => blank('triggers', r)),
  };
}

export interface Outbox {
  /** Tells the outbox which workbook the pane is on (from health); null never changes it. */
  observeWorkbook(workbookId: string | null): void;
  /** A review just recorded (and read back in this pane's copy): kept until a later read confirms it. */
  record(rows: ReviewRecords, notWritten?: readonly UnplacedValue[]): void;
  /** The receipts to hand to the next health read. */
  batch(): ReceiptBatch;
  /**
   * Acts on the checks of a health read made with `batch`: drops confirmed receipts, reports
   * differing ones, appends missing ones again. Checks made for another workbook are ignored.
   */
  settle(
    workbook: DeskWorkbook,
    batch: ReceiptBatch,
    health: WorkbookHealth,
  ): Promise<SettleReport>;
  /** The user read a differing review's report: forget it. */
  dismiss(reviewId: string): void;
  summary(): OutboxSummary;
  /**
   * Whether this health read shows what only creating the desk tables again settles, changing no
   * cell: a second set of desk tables (two panes created them at once), or desk tables without the
   * workbook's id while receipts wait for one (tables made before ids; tried once per session).
   */
  wantsTidy(health: WorkbookHealth): boolean;
}

/**
 * How long after its last write a review must still be found before its receipt is dropped. A
 * co-author's write that was made before ours but reaches the workbook later can still take the
 * same cells; co-authoring usually delivers changes within seconds, so a read two minutes later
 * that finds the rows has seen what was in flight. (A co-author offline for longer is beyond
 * any receipt: see the README.)
 */
export const HOLD_MS = 2 * 60_000;

/**
 * How long a review's rows must stay missing before the pane appends them again (two reads at
 * least this far apart): long enough for a change already on its way — another pane putting back
 * the cells it wrote over — to arrive, as co-authoring delivers changes within seconds.
 */
export const MISSING_MS = 30_000;

export interface OutboxOptions {
  readonly now?: () => Date;
  readonly holdMs?: number;
  readonly missingMs?: number;
  /** False when the storage given lasts only as long as the page (the host blocks localStorage). */
  readonly persistent?: boolean;
}

export function createOutbox(storage: DraftStorage, options: OutboxOptions = {}): Outbox {
  const now = options.now ?? (() => new Date());
  const holdMs = options.holdMs ?? HOLD_MS;
  const missingMs = options.missingMs ?? MISSING_MS;
  /** null: this pane has not learnt the workbook's id yet (receipts kept for the session). */
  let current: string | null = null;
  let state: Stored = empty();
  const store = createReceiptStore(storage, options.persistent !== false);
  const load = (id: string) => store.load(id);
  const save = () => {
    if (current !== null) store.save(current, state);
  };
  let problems: string[] = [];
  const reAdded = new Set<string>();
  let idAsked = false;

  function merge(into: Stored, from: Stored): Stored {
    const has = new Set(into.pending.map((r) => r.reviewId));
    const differs = new Set(into.differing.map((r) => r.reviewId));
    return {
      pending: [...into.pending, ...from.pending.filter((r) => !has.has(r.reviewId))],
      differing: [...into.differing, ...from.differing.filter((r) => !differs.has(r.reviewId))],
    };
  }

  // The last workbook seen in this profile: its receipts go into the first read, which checks
  // them only if it turns out to be the same workbook.
  const guess = store.lastWorkbook();
  const guessed = guess !== null ? load(guess) : empty();

  function observeWorkbook(id: string | null): void {
    if (id === null || id === current) return;
    const previous = current;
    // One pane lives in one document: receipts kept before the id was known (or under an id a
    // co-author's simultaneous creation replaced) belong to this workbook.
    state = merge(id === guess ? guessed : load(id), state);
    current = id;
    save();
    if (previous !== null) store.remove(previous);
  }

  return {
    observeWorkbook,
    record(rows, notWritten = []) {
      const reviewId = reviewIdOf(rows);
      const known = state.pending.findIndex((r) => r.reviewId === reviewId);
      if (known >= 0) {
        // The same review submitted again ("Already recorded"): written now, held anew.
        const r = state.pending[known] as PendingReceipt;
        state.pending[known] = { ...r, writtenAt: now().toISOString() };
        save();
        return;
      }
      state.pending.push({
        rows: rowsAsWritten(rows, notWritten),
        recordedAt: now().toISOString(),
        writtenAt: now().toISOString(),
        reviewId,
        notWritten: [...notWritten],
        reappended: 0,
      });
      save();
    },
    batch() {
      if (current === null && state.pending.length === 0 && guess !== null)
        return { workbookId: guess, receipts: guessed.pending };
      return { workbookId: current, receipts: [...state.pending] };
    },
    async settle(workbook, batch, health) {
      const report = {
        checked: false,
        confirmed: 0,
        reappended: 0,
        rowsReappended: 0,
        rowsAdopted: 0,
        differing: 0,
        stillPending: 0,
      };
      observeWorkbook(health.workbookId);
      const checks = health.receipts;
      const ours = batch.workbookId === null || batch.workbookId === health.workbookId;
      if (!checks || !ours || checks.length !== batch.receipts.length) {
        report.stillPending = state.pending.length;
        return report;
      }
      report.checked = true;
      problems = [];
      for (const [i, receipt] of batch.receipts.entries()) {
        const check = checks[i] as ReceiptCheck;
        const at = state.pending.findIndex((r) => r.reviewId === receipt.reviewId);
        if (at < 0) continue; // dismissed or settled meanwhile
        const current = state.pending[at] as PendingReceipt;
        if (check.kind !== 'missing' && current.missingSince !== undefined) {
          const { missingSince: _, ...back } = current; // the rows came back: start afresh
          state.pending[at] = back;
        }
        if (check.kind === 'confirmed') {
          // Found; dropped once no write made before it can still be on its way.
          if (now().getTime() - Date.parse(receipt.writtenAt) < holdMs) continue;
          state.pending.splice(at, 1);
          report.confirmed += 1;
        } else if (check.kind === 'differs') {
          state.pending.splice(at, 1);
          state.differing.push({
            reviewId: receipt.reviewId,
            recordedAt: receipt.recordedAt,
            rows: check.rows,
          });
          report.differing += 1;
        } else if (check.kind === 'unknown') {
          problems.push(`A recorded review could not be checked: ${check.reason}.`);
        } else {
          // Appended again only when a read `missingMs` after the first that missed the rows
          // still misses them: a pane that wrote over them and is putting them back (a refused
          // write taken back) may have that change on its way, and both would then be there.
          if (current.missingSince === undefined && missingMs > 0) {
            state.pending[at] = { ...current, missingSince: now().toISOString() };
            continue;
          }
          const since = current.missingSince ?? now().toISOString();
          if (now().getTime() - Date.parse(since) < missingMs) continue;
          const again = await reappend(workbook, receipt);
          const still = state.pending.findIndex((r) => r.reviewId === receipt.reviewId);
          if (typeof again === 'string') problems.push(again);
          else {
            if (still >= 0) {
              const { missingSince: _, ...rest } = state.pending[still] as PendingReceipt;
              state.pending[still] = {
                ...rest,
                reappended: receipt.reappended + 1,
                writtenAt: now().toISOString(),
              };
            }
            reAdded.add(receipt.reviewId);
            report.reappended += 1;
            report.rowsReappended += check.missing.length;
            report.rowsAdopted += again.adopted;
          }
        }
      }
      save();
      report.stillPending = state.pending.length;
      return report;
    },
    dismiss(reviewId) {
      state.differing = state.differing.filter((r) => r.reviewId !== reviewId);
      save();
    },
    wantsTidy(health) {
      const tables = Object.values(health.tables);
      if (!health.writable || tables.some((t) => t.kind === 'missing')) return false;
      if ((health.tidy ?? []).length > 0) return true;
      if (health.workbookId !== null || state.pending.length === 0 || idAsked) return false;
      idAsked = true;
      return true;
    },
    summary: () => ({
      pending: state.pending.length,
      reAdded: reAdded.size,
      differing: state.differing,
      problems,
      storageProblem: store.problem(),
      sessionOnly: current === null && state.pending.length > 0,
    }),
  };
}

/**
 * One health read with the pending receipts, then acting on it: the pane's every health read
 * goes through here, so the check costs no sync of its own. A read that turned out to be of
 * another workbook than the receipts kept is made once more with the right ones. When the read
 * shows a second set of desk tables, or tables without the workbook's id while receipts wait,
 * ensureTables settles that first (`tidied`: what it said) and the workbook is read again.
 */
export async function readHealth(
  workbook: DeskWorkbook,
  outbox: Outbox,
): Promise<{ health: WorkbookHealth; report: SettleReport; tidied?: WriteOutcome }> {
  let batch = outbox.batch();
  const withReceipts = () => (batch.receipts.length > 0 ? batch.receipts : undefined);
  let health = await workbook.health(withReceipts());
  let tidied: WriteOutcome | undefined;
  if (outbox.wantsTidy(health)) {
    tidied = await safe(() => workbook.ensureTables());
    health = await workbook.health(withReceipts());
  }
  let report = await outbox.settle(workbook, batch, health);
  if (!report.checked && report.stillPending > 0 && health.workbookId !== batch.workbookId) {
    batch = outbox.batch();
    health = await workbook.health(batch.receipts);
    report = await outbox.settle(workbook, batch, health);
  }
  return { health, report, ...(tidied ? { tidied } : {}) };
}
