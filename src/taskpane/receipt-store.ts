/**
 * Where receipts are kept: localStorage, one entry per workbook id, checked on load (a browser
 * profile keeps it across add-in versions). Anything unreadable is set aside, never replaced;
 * storage that is full or blocked is said, and the receipts then live in memory.
 */
import { z } from 'zod';
import type { DifferingRow, Receipt, UnplacedValue } from '../excel/workbook';
import type { DraftStorage } from './draft-store';

export const RECEIPTS_KEY = 'metals-desk-record/receipts/v1';
/** The workbook this browser profile last saw, so the first read can check its receipts. */
const LAST_KEY = `${RECEIPTS_KEY}/last-workbook`;

export interface PendingReceipt extends Receipt {
  /** The review's Review ID: one receipt per review. */
  readonly reviewId: string;
  /** Values the user chose to leave out: a re-append may leave them out again, nothing else. */
  readonly notWritten: readonly UnplacedValue[];
  /** How many times this review was appended again after its rows vanished. */
  readonly reappended: number;
  /** When this pane last wrote the review's rows (recorded, or appended again). */
  readonly writtenAt: string;
  /** When a read first found rows of it missing (it is appended again MISSING_MS later). */
  readonly missingSince?: string;
}

export interface DifferingReceipt {
  readonly reviewId: string;
  readonly recordedAt: string;
  readonly rows: readonly DifferingRow[];
}

// ── stored form (checked on load: a browser profile keeps it across add-in versions) ──
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const rowsSchema = z.object({
  snapshots: z.array(z.record(z.string(), cell)),
  exposures: z.array(z.record(z.string(), cell)),
  triggers: z.array(z.record(z.string(), cell)),
});
const unplacedSchema = z.object({
  table: z.enum(['snapshots', 'exposures', 'triggers']),
  field: z.string(),
  header: z.string(),
  recordId: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
  renamedTo: z.string().optional(),
});
const storedSchema = z.object({
  pending: z.array(
    z.object({
      rows: rowsSchema,
      recordedAt: z.string(),
      reviewId: z.string(),
      notWritten: z.array(unplacedSchema),
      reappended: z.number(),
      writtenAt: z.string(),
      missingSince: z.string().optional(),
    }),
  ),
  differing: z.array(
    z.object({
      reviewId: z.string(),
      recordedAt: z.string(),
      rows: z.array(
        z.object({
          table: z.enum(['snapshots', 'exposures', 'triggers']),
          recordId: z.string(),
          sheetRow: z.number(),
          fields: z.array(z.object({ header: z.string(), written: z.string(), found: z.string() })),
        }),
      ),
    }),
  ),
});
export interface Stored {
  pending: PendingReceipt[];
  differing: DifferingReceipt[];
}
export const empty = (): Stored => ({ pending: [], differing: [] });

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface ReceiptStore {
  load(id: string): Stored;
  /** Writes the workbook's receipts (removes the entry when none is left). */
  save(id: string, state: Stored): void;
  remove(id: string): void;
  /** The workbook this profile last saw, or null. */
  lastWorkbook(): string | null;
  /** Why receipts may not outlive the pane (storage full, blocked, unreadable), or null. */
  problem(): string | null;
}

export function createReceiptStore(storage: DraftStorage, persistent = true): ReceiptStore {
  /** A save that failed (cleared by the next that works), and a load that failed (sticky). */
  let saveProblem: string | null = null;
  let readProblem: string | null = persistent
    ? null
    : 'This browser keeps no storage for the add-in: receipts are kept only while this pane stays open.';
  const keyOf = (id: string) => `${RECEIPTS_KEY}/${id}`;

  return {
    load(id) {
      let raw: string | null;
      try {
        raw = storage.getItem(keyOf(id));
      } catch (e) {
        readProblem = `The saved receipts could not be read (${describe(e)}); reviews recorded now are checked only while this pane stays open.`;
        return empty();
      }
      if (raw === null) return empty();
      try {
        const parsed = storedSchema.safeParse(JSON.parse(raw));
        if (parsed.success) return parsed.data as Stored;
        throw new Error(parsed.error.issues[0]?.message ?? 'unexpected shape');
      } catch (e) {
        // Kept aside, never silently replaced: a later add-in or a person may still read it.
        try {
          storage.setItem(`${keyOf(id)}/unreadable`, raw);
        } catch {
          // Nothing more to keep it with; the warning below says so.
        }
        readProblem = `The saved receipts for this workbook could not be read (${describe(e)}); they were set aside and new ones are kept.`;
        return empty();
      }
    },
    save(id, state) {
      try {
        if (state.pending.length === 0 && state.differing.length === 0)
          storage.removeItem(keyOf(id));
        else storage.setItem(keyOf(id), JSON.stringify(state));
        storage.setItem(LAST_KEY, id);
        saveProblem = null;
      } catch (e) {
        saveProblem = `Receipts could not be saved in this browser (${describe(e)}): the reviews recorded now are checked only while this pane stays open.`;
      }
    },
    remove(id) {
      try {
        storage.removeItem(keyOf(id));
      } catch {
        // The old copy is harmless: no workbook carries that id any more.
      }
    },
    lastWorkbook() {
      try {
        return storage.getItem(LAST_KEY);
      } catch {
        return null;
      }
    },
    problem: () => saveProblem ?? readProblem,
  };
}
