/** The audit as a terminal report: one line per workbook, its problems indented, then the queue and duplicates. */
import type { AuditReport, QueueEntry } from './audit';
import type { TableReport, WorkbookReport } from './audit-workbook';

/** Queue rows printed in the terminal; --json and --html list them all. */
export const TERMINAL_QUEUE_LIMIT = 100;
const ROWS_PER_TABLE = 5;

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function tableLines(name: string, t: TableReport): string[] {
  const out: string[] = [];
  if (t.missingColumns.length > 0)
    out.push(`    ${name}: missing ${t.missingColumns.map((c) => `'${c}'`).join(', ')}`);
  if (t.addedColumns.length > 0)
    out.push(`    ${name}: added ${t.addedColumns.map((c) => `'${c}'`).join(', ')}`);
  for (const r of t.invalidRows.slice(0, ROWS_PER_TABLE))
    out.push(`    ${name} row ${r.row}: ${r.reason}`);
  const more = t.invalidRows.length - ROWS_PER_TABLE;
  if (more > 0) out.push(`    ${name}: ${plural(more, 'more invalid row')}`);
  return out;
}

export function workbookLines(w: WorkbookReport): string[] {
  if (w.status === 'unreadable')
    return [`${w.status.padEnd(14)} ${w.path}`, `    ${w.error ?? ''}`];
  const counts = Object.entries(w.tables)
    .map(([name, t]) => `${name} ${t.rows}`)
    .join(', ');
  const version = w.schemaVersion === null ? 'no version' : `v${w.schemaVersion}`;
  const head = `${w.status.padEnd(14)} ${w.path}  (${version}${counts ? `; ${counts}` : ''})`;
  return [head, ...Object.entries(w.tables).flatMap(([name, t]) => tableLines(name, t))];
}

function queueLines(queue: readonly QueueEntry[]): string[] {
  if (queue.length === 0) return ['Review queue: nothing due or demoted.'];
  const shown = queue.slice(0, TERMINAL_QUEUE_LIMIT);
  const rows = shown.map((q) => [
    q.dueDate ?? '—',
    q.overdue ? 'overdue' : 'due/status',
    q.statusNow ?? '—',
    q.owner,
    `${q.path}:${q.row}`,
    q.reasons.join('; '),
  ]);
  const head = ['due', 'why', 'status now', 'owner', 'workbook:row', 'reasons'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [
    `Review queue (${plural(queue.length, 'trigger')}):`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (queue.length > shown.length)
    out.push(
      `… and ${plural(queue.length - shown.length, 'more trigger')}: --json or --html lists them all.`,
    );
  return out;
}

export function textReport(r: AuditReport): string {
  const notOk = r.workbooks.filter((w) => w.status !== 'ok').length;
  const lines = [
    `Desk audit as of ${r.asOf}: ${plural(r.workbooks.length, 'workbook')}, ${notOk === 0 ? 'all ok' : `${notOk} not ok`}.`,
    '',
    ...r.workbooks.flatMap(workbookLines),
    '',
    ...queueLines(r.queue),
    '',
    r.duplicates.length === 0
      ? 'Record IDs in more than one workbook: none.'
      : `Record IDs in more than one workbook (${r.duplicates.length}):`,
    ...r.duplicates.map((d) => `  ${d.recordId}  ${d.paths.join(', ')}`),
  ];
  return `${lines.join('\n')}\n`;
}
