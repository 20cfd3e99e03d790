/**
 * The review queue: what on the desk needs a look today. Pure: rows in (as read back from
 * DeskTriggers), items out. Two reasons put a trigger in the queue:
 *  - its due date is today or past (only open triggers: met/cleared ones are done);
 *  - its note status, evaluated now by the same rules as DESK.NOTE_STATUS, is no longer
 *    `action` although it was when recorded (the failing checks are named).
 */
import { D } from './numbers/decimal';
import { done, refused, type Checked } from './result';
import { triggerStatus } from './record/trigger-status';
import { STATUSES, type NoteStatus, type NoteStatusVerdict } from './status/types';

export type { NoteStatus };

/** A trigger row as read back: 1-based row number and plain values keyed by schema field. */
export interface QueueRow {
  readonly rowNumber: number;
  /** The row number Excel shows on the sheet (defaults to rowNumber). */
  readonly sheetRow?: number;
  readonly values: Readonly<Record<string, string | number | boolean | null>>;
}

export type Urgency = 'overdue' | 'due' | 'status';

export interface QueueItem {
  readonly recordId: string;
  readonly rowNumber: number;
  /** The row number Excel shows: what the pane names ("DeskTriggers row 4"). */
  readonly sheetRow: number;
  /** The product or metal of the review (its snapshot's Product, via Review ID), when known. */
  readonly product: string | null;
  readonly urgency: Urgency;
  /** What the trigger is about: its open question (or type when blank). */
  readonly title: string;
  readonly owner: string;
  readonly dueDate: string | null;
  /** Days past the due date (0 = due today); null when not due. */
  readonly daysOverdue: number | null;
  readonly statusAtRecord: NoteStatus | null;
  /** The status now, or null when the row's inputs cannot be evaluated (see `reasons`). */
  readonly statusNow: NoteStatus | null;
  /** Sentences: the due line and every failing check. */
  readonly reasons: readonly string[];
}

export interface QueueInput {
  readonly rows: readonly QueueRow[];
  /** The desk's calendar date, 'yyyy-mm-dd' (the caller's local day). */
  readonly today: string;
  /** The instant statuses are evaluated at (as_of). */
  readonly now: Date;
  /** Review ID → the snapshot's Product, so an item says which metal it is about. */
  readonly products?: ReadonlyMap<string, string>;
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date cell as 'yyyy-mm-dd': ISO text (date or date-time) or an Excel serial. */
export function dayOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return new Date(EXCEL_EPOCH_MS + Math.floor(value) * MS_PER_DAY).toISOString().slice(0, 10);
  }
  if (typeof value === 'string') {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
    if (m && !Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`))) return m[1] ?? null;
  }
  return null;
}

/** Whole days from `from` to `to` (both 'yyyy-mm-dd'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

function instantOf(value: unknown): Date | null {
  if (typeof value === 'number' && Number.isFinite(value))
    return new Date(EXCEL_EPOCH_MS + value * MS_PER_DAY);
  if (typeof value === 'string' && value.trim() !== '') {
    const t = Date.parse(value.trim());
    return Number.isNaN(t) ? null : new Date(t);
  }
  return null;
}

function decimalOf(value: unknown): InstanceType<typeof D> | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new D(value);
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      return new D(value.replace(/,/g, '').trim());
    } catch {
      return null;
    }
  }
  return null;
}

const text = (value: unknown): string =>
  typeof value === 'string'
    ? value.trim()
    : value === null || value === undefined
      ? ''
      : String(value);

function asStatus(value: unknown): NoteStatus | null {
  return (STATUSES as readonly unknown[]).includes(value) ? (value as NoteStatus) : null;
}

/** The note status of one trigger row now, or the sentence saying which input is unreadable. */
export function statusOfRow(
  values: QueueRow['values'],
  now: Date,
): Checked<{ verdict: NoteStatusVerdict }> {
  const quoteTime = instantOf(values.quoteTime);
  if (!quoteTime) return refused('cannot evaluate the status: Quote time is blank or unreadable');
  const spreadBps = decimalOf(values.spreadBps);
  if (!spreadBps) return refused('cannot evaluate the status: Spread bps is blank or unreadable');
  const ratioChange = decimalOf(values.ratioChange);
  if (!ratioChange)
    return refused('cannot evaluate the status: Ratio change is blank or unreadable');
  // The verdict is DESK.NOTE_STATUS's on the row's cells, as the Status now formula gets it.
  const result = triggerStatus(values, now);
  return result.ok
    ? done({ verdict: result.value })
    : refused(`cannot evaluate the status: ${result.error.message}`);
}

const URGENCY_ORDER: Readonly<Record<Urgency, number>> = { overdue: 0, due: 1, status: 2 };

export function reviewQueue({ rows, today, now, products }: QueueInput): QueueItem[] {
  const items: QueueItem[] = [];
  for (const row of rows) {
    const v = row.values;
    if (text(v.state) !== '' && text(v.state) !== 'open') continue;
    const dueDate = dayOf(v.dueDate);
    const late = dueDate === null ? null : daysBetween(dueDate, today);
    const due = late !== null && late >= 0;
    const reasons: string[] = [];
    if (dueDate === null) reasons.push('Due date is blank or unreadable');
    else if (late !== null && late > 0)
      reasons.push(`Overdue by ${late} day${late === 1 ? '' : 's'} (due ${dueDate})`);
    else if (late === 0) reasons.push(`Due today (${dueDate})`);

    const statusAtRecord = asStatus(v.statusAtRecord);
    const evaluated = statusOfRow(v, now);
    const statusNow = evaluated.ok ? evaluated.verdict.status : null;
    const demoted = evaluated.ok && statusNow !== 'action' && statusAtRecord === 'action';
    if (evaluated.ok) {
      if (demoted) reasons.push(`No longer action: now ${statusNow}`);
      if (statusNow !== 'action') reasons.push(...evaluated.verdict.reasons);
    } else {
      reasons.push(evaluated.message);
    }
    const unreadable = !evaluated.ok || dueDate === null;
    if (!due && !demoted && !unreadable) continue;
    items.push({
      recordId: text(v.recordId),
      rowNumber: row.rowNumber,
      sheetRow: row.sheetRow ?? row.rowNumber,
      product: products?.get(text(v.reviewId)) ?? null,
      urgency: late !== null && late > 0 ? 'overdue' : due ? 'due' : 'status',
      title: text(v.openQuestion) || text(v.triggerType) || `Trigger row ${row.rowNumber}`,
      owner: text(v.owner),
      dueDate,
      daysOverdue: due ? late : null,
      statusAtRecord,
      statusNow,
      reasons,
    });
  }
  return items.sort(
    (a, b) =>
      URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
      (b.daysOverdue ?? -1) - (a.daysOverdue ?? -1) ||
      a.rowNumber - b.rowNumber,
  );
}
