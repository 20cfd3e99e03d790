/**
 * Where the review's submit stands, kept in the draft's storage so a pane reload tells the truth:
 * - pending: rows were built and sent, the outcome is not known yet (or was unclear). A retry of
 *   the unchanged draft sends these same rows, Record IDs included, so it cannot duplicate.
 * - recorded: the review is in the workbook; the pane shows what was written until the analyst
 *   starts the next review (the draft is kept until then, so closing the pane loses nothing).
 */
import { checkReview, type Checked, type TableKey } from '../core';
import type { LandedRows, RecordValues, ReviewRecords, ReviewValues } from '../excel/workbook';
import type { DraftStorage } from './draft-store';

export const SUBMIT_KEY = 'metals-desk-record/submit/v1';

export interface RecordedTrigger {
  readonly owner: string;
  readonly openQuestion: string;
  readonly dueDate: string;
}

/** What the recorded-review card shows: read from the rows written and where they landed. */
export interface RecordedReview {
  readonly reviewId: string;
  readonly product: string;
  readonly reviewDate: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly landed: readonly LandedRows[];
  readonly triggers: readonly RecordedTrigger[];
}

export type SubmitState =
  | { readonly kind: 'pending'; readonly fingerprint: string; readonly rows: ReviewRecords }
  | { readonly kind: 'recorded'; readonly review: RecordedReview };

const text = (row: RecordValues | undefined, field: string): string => {
  const v = row?.[field];
  return v === null || v === undefined ? '' : String(v);
};

export function recordedReview(rows: ReviewRecords, landed: readonly LandedRows[]): RecordedReview {
  const snapshot = rows.snapshots[0];
  return {
    reviewId: text(snapshot, 'reviewId'),
    product: text(snapshot, 'product'),
    reviewDate: text(snapshot, 'reviewDate'),
    recordedAt: text(snapshot, 'recordedAt'),
    recordedBy: text(snapshot, 'recordedBy'),
    landed: landed.map((l) => ({
      table: l.table,
      address: l.address,
      recordIds: [...l.recordIds],
    })),
    triggers: rows.triggers.map((t) => ({
      owner: text(t, 'owner'),
      openQuestion: text(t, 'openQuestion'),
      dueDate: text(t, 'dueDate'),
    })),
  };
}

// ---------- reading back what was stored (anything malformed is reported, not trusted) ----------

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const TABLES: readonly TableKey[] = ['snapshots', 'exposures', 'triggers'];

function isRow(v: unknown): v is RecordValues {
  return (
    isObject(v) &&
    Object.values(v).every((c) => c === null || ['string', 'number', 'boolean'].includes(typeof c))
  );
}

function isRows(v: unknown): v is ReviewValues {
  return (
    isObject(v) && TABLES.every((k) => Array.isArray(v[k]) && (v[k] as unknown[]).every(isRow))
  );
}

function isLanded(v: unknown): v is LandedRows {
  return (
    isObject(v) &&
    TABLES.includes(v.table as TableKey) &&
    isString(v.address) &&
    Array.isArray(v.recordIds) &&
    v.recordIds.every(isString)
  );
}

function isRecorded(v: unknown): v is RecordedReview {
  return (
    isObject(v) &&
    ['reviewId', 'product', 'reviewDate', 'recordedAt', 'recordedBy'].every((k) =>
      isString(v[k]),
    ) &&
    Array.isArray(v.landed) &&
    v.landed.every(isLanded) &&
    Array.isArray(v.triggers) &&
    v.triggers.every(
      (t) => isObject(t) && isString(t.owner) && isString(t.openQuestion) && isString(t.dueDate),
    )
  );
}

export function loadSubmitState(storage: DraftStorage): Checked<{ state: SubmitState | null }> {
  let raw: string | null;
  try {
    raw = storage.getItem(SUBMIT_KEY);
  } catch (e) {
    return { ok: false, message: `Could not read the last submit: ${describe(e)}` };
  }
  if (raw === null) return { ok: true, state: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    return { ok: false, message: `The last submit could not be read (${describe(e)}).` };
  }
  if (isObject(parsed) && parsed.kind === 'pending' && isString(parsed.fingerprint))
    if (isRows(parsed.rows)) {
      // Rows a retry would write again: checked by the schema here, on their way back in.
      const rows = checkReview(parsed.rows);
      if (!rows.ok)
        return { ok: false, message: `The last submit could not be read: ${rows.message}.` };
      return {
        ok: true,
        state: { kind: 'pending', fingerprint: parsed.fingerprint, rows: rows.records },
      };
    }
  if (isObject(parsed) && parsed.kind === 'recorded' && isRecorded(parsed.review))
    return { ok: true, state: { kind: 'recorded', review: parsed.review } };
  return { ok: false, message: 'The last submit could not be read (not in the expected form).' };
}

export function saveSubmitState(storage: DraftStorage, state: SubmitState | null): Checked {
  try {
    if (state === null) storage.removeItem(SUBMIT_KEY);
    else storage.setItem(SUBMIT_KEY, JSON.stringify(state));
    return { ok: true };
  } catch (e) {
    return { ok: false, message: `The browser refused to store it: ${describe(e)}` };
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
