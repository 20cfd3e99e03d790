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
import type {
  DeskWorkbook,
  ReceiptCheck,
  ReviewRows,
  RowValues,
  UnplacedValue,
  WorkbookHealth,
} from '../excel/workbook';
import type { DraftStorage } from './draft-store';
import { adoptStranded, reappend } from './reappend';
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
  /** Rows those re-appends wrote (the rows each check found missing, adopted ones included). */
  readonly rowsReappended: number;
  /** Of those, rows found just below their table (a lost resize) and taken back into it. */
  readonly rowsAdopted: number;
  readonly differing: number;
  readonly stillPending: number;
}

/** The review's id: every row of a review carries it. */
export function reviewIdOf(rows: ReviewRows): string {
  const first = rows.snapshots[0] ?? rows.exposures[0] ?? rows.triggers[0];
  return String(first?.reviewId ?? first?.recordId ?? '');
}

/** The rows as they stand in the workbook: values the user chose to leave out are blank. */
export function rowsAsWritten(rows: ReviewRows, notWritten: readonly UnplacedValue[]): ReviewRows {
  if (notWritten.length === 0) return rows;
  const blank = (table: keyof ReviewRows, row: RowValues): RowValues => {
    const fields = notWritten.filter((u) => u.table === table && u.recordId === row.recordId);
    if (fields.length === 0) return row;
    const out: Record<string, RowValues[string]> = { ...row };
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
  record(rows: ReviewRows, notWritten?: readonly UnplacedValue[]): void;
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
}

/**
 * How long after its last write a review must still be found before its receipt is dropped. A
 * co-author's write that was made before ours but reaches the workbook later can still take the
 * same cells; co-authoring usually delivers changes within seconds, so a read two minutes later
 * that finds the rows has seen what was in flight. (A co-author offline for longer is beyond
 * any receipt: see the README.)
 */
export const HOLD_MS = 2 * 60_000;

export interface OutboxOptions {
  readonly now?: () => Date;
  readonly holdMs?: number;
  /** False when the storage given lasts only as long as the page (the host blocks localStorage). */
  readonly persistent?: boolean;
}

export function createOutbox(storage: DraftStorage, options: OutboxOptions = {}): Outbox {
  const now = options.now ?? (() => new Date());
  const holdMs = options.holdMs ?? HOLD_MS;
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
      const missing = batch.receipts.flatMap((receipt, i) => {
        const check = checks[i] as ReceiptCheck;
        return check.kind === 'missing' ? [{ receipt, check }] : [];
      });
      // First the rows a merge left just below a table, then whatever else vanished.
      const adopted = await adoptStranded(workbook, missing, health.stranded ?? {});
      if (adopted.problem) problems.push(adopted.problem);
      report.rowsAdopted = adopted.ids.size;
      for (const [i, receipt] of batch.receipts.entries()) {
        const check = checks[i] as ReceiptCheck;
        const at = state.pending.findIndex((r) => r.reviewId === receipt.reviewId);
        if (at < 0) continue; // dismissed or settled meanwhile
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
          const rest = check.missing.filter((m) => !adopted.ids.has(m.recordId));
          const again = rest.length === 0 ? null : await reappend(workbook, receipt);
          const still = state.pending.findIndex((r) => r.reviewId === receipt.reviewId);
          if (again === null) {
            if (still >= 0)
              state.pending[still] = {
                ...receipt,
                reappended: receipt.reappended + 1,
                writtenAt: now().toISOString(),
              };
            reAdded.add(receipt.reviewId);
            report.reappended += 1;
            report.rowsReappended += check.missing.length;
          } else problems.push(again);
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
 * another workbook than the receipts kept is made once more with the right ones.
 */
export async function readHealth(
  workbook: DeskWorkbook,
  outbox: Outbox,
): Promise<{ health: WorkbookHealth; report: SettleReport }> {
  let batch = outbox.batch();
  let health = await workbook.health(batch.receipts.length > 0 ? batch.receipts : undefined);
  let report = await outbox.settle(workbook, batch, health);
  if (!report.checked && report.stillPending > 0 && health.workbookId !== batch.workbookId) {
    batch = outbox.batch();
    health = await workbook.health(batch.receipts);
    report = await outbox.settle(workbook, batch, health);
  }
  return { health, report };
}
