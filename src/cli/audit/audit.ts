/**
 * The desk-wide audit: every workbook's report, the review queue across them (the pane's queue,
 * `reviewQueue` from the core, run on each workbook's DeskTriggers), and Record IDs found in more
 * than one workbook. `auditPaths` reads the files one at a time, so memory holds one workbook.
 */
import { reviewQueue, TABLES } from '../../core';
import { openWorkbook } from '../xlsx/read-workbook';
import {
  auditWorkbook,
  unreadable,
  type WorkbookAudit,
  type WorkbookReport,
} from './audit-workbook';
import { expandInputs } from './inputs';

export interface QueueEntry {
  readonly path: string;
  readonly table: 'DeskTriggers';
  readonly row: number;
  readonly recordId: string;
  readonly owner: string;
  readonly dueDate: string | null;
  readonly overdue: boolean;
  readonly statusNow: string | null;
  readonly reasons: readonly string[];
}

export interface AuditReport {
  readonly asOf: string;
  readonly workbooks: readonly WorkbookReport[];
  readonly queue: readonly QueueEntry[];
  readonly duplicates: readonly { readonly recordId: string; readonly paths: readonly string[] }[];
}

export interface AuditClock {
  /** The desk's calendar day, 'yyyy-mm-dd': triggers due on or before it are in the queue. */
  readonly asOf: string;
  /** The instant statuses are evaluated at (wall-clock time as UTC, as the record's times are). */
  readonly now: Date;
}

export interface AuditProgress {
  start(total: number): void;
  step(path: string): void;
  stop(): void;
}

const TRIGGERS = TABLES.triggers.name as 'DeskTriggers';

function queueOf(path: string, a: WorkbookAudit, clock: AuditClock): QueueEntry[] {
  const items = reviewQueue({
    rows: a.triggers.map((r) => ({
      rowNumber: r.rowNumber,
      sheetRow: r.sheetRow,
      values: r.values,
    })),
    today: clock.asOf,
    now: clock.now,
    products: a.products,
  });
  return items.map((i) => ({
    path,
    table: TRIGGERS,
    row: i.sheetRow,
    recordId: i.recordId,
    owner: i.owner,
    dueDate: i.dueDate,
    overdue: i.urgency === 'overdue',
    statusNow: i.statusNow,
    reasons: i.reasons,
  }));
}

/** By due date (none last), then workbook and row: the order a desk works through. */
const byDue = (a: QueueEntry, b: QueueEntry): number =>
  (a.dueDate ?? '9999') < (b.dueDate ?? '9999')
    ? -1
    : (a.dueDate ?? '9999') > (b.dueDate ?? '9999')
      ? 1
      : a.path < b.path
        ? -1
        : a.path > b.path
          ? 1
          : a.row - b.row;

/** What is kept of one workbook once read: its report, its queue items and its Record IDs. */
export interface Audited {
  readonly report: WorkbookReport;
  readonly queue: readonly QueueEntry[];
  readonly recordIds: ReadonlySet<string>;
}

export function audited(path: string, audit: WorkbookAudit, clock: AuditClock): Audited {
  return { report: audit.report, queue: queueOf(path, audit, clock), recordIds: audit.recordIds };
}

export function combine(all: readonly Audited[], asOf: string): AuditReport {
  const queue = all.flatMap((a) => a.queue).sort(byDue);
  const where = new Map<string, string[]>();
  for (const { report, recordIds } of all)
    for (const id of recordIds) {
      const paths = where.get(id);
      if (paths) paths.push(report.path);
      else where.set(id, [report.path]);
    }
  const duplicates = [...where.entries()]
    .filter(([, paths]) => paths.length > 1)
    .map(([recordId, paths]) => ({ recordId, paths }))
    .sort((a, b) => (a.recordId < b.recordId ? -1 : 1));
  return { asOf, workbooks: all.map((a) => a.report), queue, duplicates };
}

export async function auditPaths(
  paths: readonly string[],
  clock: AuditClock,
  progress?: AuditProgress,
): Promise<AuditReport> {
  const inputs = await expandInputs(paths);
  const all: Audited[] = [];
  progress?.start(inputs.files.length);
  for (const file of inputs.files) {
    // Only the report, queue items and ids are kept: the workbook's cells are garbage once audited.
    all.push(audited(file, auditWorkbook(file, await openWorkbook(file)), clock));
    progress?.step(file);
  }
  progress?.stop();
  for (const e of inputs.empty) all.push(audited(e.path, unreadable(e.path, e.reason), clock));
  return combine(all, clock.asOf);
}
