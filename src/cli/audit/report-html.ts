/**
 * The audit as one self-contained HTML page: styles inline, no script, no external asset (a
 * report mailed or opened from a shared drive shows the same everywhere). Every text is escaped.
 */
import type { AuditReport } from './audit';
import type { WorkbookReport } from './audit-workbook';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px;color:#1b1b1b;background:#fff}
h1{font-size:1.4em;margin:0 0 4px}h2{font-size:1.1em;margin:28px 0 8px}
p.sum{margin:0 0 16px;color:#444}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border:1px solid #d0d0d0;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f2f2}
td.d{white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums}
.s{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;white-space:nowrap}
.ok{background:#dff3e4;color:#0b5d1e}.bad{background:#fde2e1;color:#8a1c14}.warn{background:#fff1cc;color:#6b4a00}
ul{margin:0;padding-left:18px}code{font-size:.95em}`;

const statusClass = (s: string): string =>
  s === 'ok' ? 'ok' : s === 'invalid-rows' || s === 'drift' ? 'warn' : 'bad';

function workbookRow(w: WorkbookReport): string {
  const details: string[] = [];
  if (w.error) details.push(esc(w.error));
  for (const [name, t] of Object.entries(w.tables)) {
    if (t.missingColumns.length)
      details.push(
        `${esc(name)}: missing ${t.missingColumns.map((c) => `<code>${esc(c)}</code>`).join(', ')}`,
      );
    if (t.addedColumns.length)
      details.push(
        `${esc(name)}: added ${t.addedColumns.map((c) => `<code>${esc(c)}</code>`).join(', ')}`,
      );
    for (const r of t.invalidRows) details.push(`${esc(name)} row ${r.row}: ${esc(r.reason)}`);
  }
  const counts = Object.entries(w.tables)
    .map(([name, t]) => `${esc(name)}&nbsp;${t.rows}`)
    .join('<br>');
  return `<tr><td><code>${esc(w.path)}</code></td><td><span class="s ${statusClass(w.status)}">${esc(w.status)}</span></td><td class="num">${w.schemaVersion ?? '—'}</td><td>${counts}</td><td>${details.length ? `<ul>${details.map((d) => `<li>${d}</li>`).join('')}</ul>` : ''}</td></tr>`;
}

export function htmlReport(r: AuditReport): string {
  const notOk = r.workbooks.filter((w) => w.status !== 'ok').length;
  const queue = r.queue
    .map(
      (q) =>
        `<tr><td class="d">${esc(q.dueDate ?? '—')}</td><td>${q.overdue ? '<span class="s bad">overdue</span>' : ''}</td><td>${esc(q.statusNow ?? '—')}</td><td>${esc(q.owner)}</td><td><code>${esc(q.path)}</code> row ${q.row}</td><td><code>${esc(q.recordId)}</code></td><td><ul>${q.reasons.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></td></tr>`,
    )
    .join('\n');
  const dups = r.duplicates
    .map(
      (d) =>
        `<tr><td><code>${esc(d.recordId)}</code></td><td>${d.paths.map((p) => `<code>${esc(p)}</code>`).join('<br>')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Desk audit as of ${esc(r.asOf)}</title><style>${STYLE}</style></head>
<body>
<h1>Desk audit as of ${esc(r.asOf)}</h1>
<p class="sum">${r.workbooks.length} workbook${r.workbooks.length === 1 ? '' : 's'}, ${notOk === 0 ? 'all ok' : `${notOk} not ok`}; ${r.queue.length} trigger${r.queue.length === 1 ? '' : 's'} in the review queue; ${r.duplicates.length} Record ID${r.duplicates.length === 1 ? '' : 's'} in more than one workbook.</p>
<h2>Workbooks</h2>
<table><thead><tr><th>Workbook</th><th>Status</th><th>Schema</th><th>Rows</th><th>Problems</th></tr></thead><tbody>
${r.workbooks.map(workbookRow).join('\n')}
</tbody></table>
<h2>Review queue</h2>
${r.queue.length === 0 ? '<p>Nothing due or demoted.</p>' : `<table><thead><tr><th>Due</th><th></th><th>Status now</th><th>Owner</th><th>Where</th><th>Record ID</th><th>Reasons</th></tr></thead><tbody>\n${queue}\n</tbody></table>`}
<h2>Record IDs in more than one workbook</h2>
${r.duplicates.length === 0 ? '<p>None.</p>' : `<table><thead><tr><th>Record ID</th><th>Workbooks</th></tr></thead><tbody>\n${dups}\n</tbody></table>`}
</body></html>
`;
}
