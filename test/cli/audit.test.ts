/**
 * `desk-record audit`: read-only, each bad input on its own entry with a plain reason, the queue by
 * the pane's own rule (reviewQueue), duplicates across workbooks, the JSON shape and exit codes.
 */
import { join, relative } from 'node:path';
import { mapHeaders, readBodyRows, reviewQueue } from '../../src/core';
import type { AuditReport } from '../../src/cli/audit/audit';
import { jsonReport } from '../../src/cli/audit/report-json';
import { openWorkbook } from '../../src/cli/xlsx/read-workbook';
import { writeDeskFolder, type DeskFolder } from './fixtures';
import { runCli, scratch, snapshotTree } from './helpers';

let dir: string;
let cleanup: () => void;
let f: DeskFolder;
beforeAll(async () => {
  ({ dir, cleanup } = scratch('audit'));
  f = await writeDeskFolder(dir);
});
afterAll(() => cleanup());

async function auditJson(args: readonly string[]): Promise<{ code: number; report: AuditReport }> {
  const r = await runCli(['audit', '--json', '--as-of', '2026-12-01', ...args]);
  expect(r.err).toBe('');
  return { code: r.code, report: JSON.parse(r.out) as AuditReport };
}

const entry = (r: AuditReport, path: string) => {
  const w = r.workbooks.find((x) => x.path === path);
  if (!w)
    throw new Error(`${path} is not in the report: ${r.workbooks.map((x) => x.path).join(', ')}`);
  return w;
};

describe('desk-record audit', () => {
  it('reads every input without changing a byte or writing anything beside them', async () => {
    const before = snapshotTree(dir);
    await runCli(['audit', join(dir, 'desk'), f.emptyFolder]);
    await runCli(['audit', '--json', join(dir, 'desk')]);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('reports a current workbook as ok, in exactly the documented shape; exit 0 when all are ok', async () => {
    const { code, report } = await auditJson([f.ok]);
    expect(code).toBe(0);
    expect(Object.keys(report)).toEqual(['asOf', 'workbooks', 'queue', 'duplicates']);
    expect(report.asOf).toBe('2026-12-01');
    const clean = { missingColumns: [], addedColumns: [], invalidRows: [] };
    expect(report.workbooks).toEqual([
      {
        path: f.ok,
        status: 'ok',
        schemaVersion: 3,
        tables: {
          DeskSnapshots: { rows: 3, ...clean },
          DeskExposures: { rows: 3, ...clean },
          DeskTriggers: { rows: 4, ...clean },
          DeskPrices: { rows: 0, ...clean },
        },
      },
    ]);
    for (const q of report.queue)
      expect(Object.keys(q)).toEqual([
        'path',
        'table',
        'row',
        'recordId',
        'owner',
        'dueDate',
        'overdue',
        'statusNow',
        'reasons',
      ]);
    expect(report.duplicates).toEqual([]);
  });

  it('writes JSON in pieces that are, together, exactly JSON.stringify(report, null, 2)', () => {
    const item = {
      path: 'a.xlsx',
      table: 'DeskTriggers' as const,
      row: 2,
      recordId: 'x',
      owner: 'A',
      dueDate: null,
      overdue: false,
      statusNow: null,
      reasons: ['r'],
    };
    for (const n of [0, 1, 499, 500, 501, 1203]) {
      const report: AuditReport = {
        asOf: '2026-12-01',
        workbooks: [],
        queue: Array.from({ length: n }, (_, i) => ({ ...item, row: i })),
        duplicates: n ? [{ recordId: 'x', paths: ['a', 'b'] }] : [],
      };
      expect([n, [...jsonReport(report)].join('')]).toEqual([
        n,
        `${JSON.stringify(report, null, 2)}\n`,
      ]);
    }
  });

  it('gives each bad input its own entry with a plain reason, and goes on with the rest (exit 1)', async () => {
    const { code, report } = await auditJson([
      join(dir, 'desk'),
      f.emptyFolder,
      join(dir, 'missing.xlsx'),
    ]);
    expect(code).toBe(1);
    const status = (p: string) => {
      const w = entry(report, p);
      return { status: w.status, error: w.error };
    };
    expect(status(f.ok)).toEqual({ status: 'ok', error: undefined });
    expect(status(f.truncated)).toEqual({
      status: 'unreadable',
      error: expect.stringMatching(/^corrupt or truncated: /),
    });
    expect(status(f.corrupt)).toEqual({
      status: 'unreadable',
      error: expect.stringMatching(/^corrupt: sheet DeskTriggers is cut off /),
    });
    expect(status(f.encrypted)).toEqual({
      status: 'unreadable',
      error: expect.stringMatching(/^password-protected: /),
    });
    expect(status(f.csv)).toEqual({
      status: 'unreadable',
      error:
        'not an .xlsx workbook: the file is plain text (a CSV or another file renamed to .xlsx?); an .xlsx file is a ZIP package',
    });
    expect(entry(report, f.newer)).toMatchObject({ status: 'newer-schema', schemaVersion: 4 });
    expect(entry(report, f.notes)).toEqual({
      path: f.notes,
      status: 'no-desk-tables',
      schemaVersion: null,
      tables: {},
    });
    expect(status(f.emptyFolder)).toEqual({
      status: 'unreadable',
      error: 'the folder holds no .xlsx file (searched recursively)',
    });
    expect(status(join(dir, 'missing.xlsx'))).toEqual({
      status: 'unreadable',
      error: 'no such file or folder',
    });
    // Every input once; unreadable entries carry no version and no tables.
    expect(report.workbooks).toHaveLength(12);
    for (const w of report.workbooks.filter((x) => x.status === 'unreadable'))
      expect(w).toMatchObject({ schemaVersion: null, tables: {} });
  });

  it('names a renamed column as missing and added (drift), and invalid rows by sheet row and first reason', async () => {
    const { report } = await auditJson([f.renamed, f.invalid]);
    expect(entry(report, f.renamed).status).toBe('drift');
    expect(entry(report, f.renamed).tables.DeskTriggers).toEqual({
      rows: 4,
      missingColumns: ['Due date'],
      addedColumns: ['Due on'],
      invalidRows: [], // not judged while a required column is missing, as in the pane
    });
    expect(entry(report, f.invalid).status).toBe('invalid-rows');
    expect(entry(report, f.invalid).tables.DeskTriggers).toMatchObject({
      rows: 4, // invalid rows count
      invalidRows: [{ row: 2, reason: 'Owner is required' }],
    });
  });

  it('builds the queue with the pane’s own rule (reviewQueue), sorted by due date', async () => {
    const { report } = await auditJson([f.ok]);
    const opened = await openWorkbook(f.ok);
    if (!opened.ok) throw new Error(opened.reason);
    const t = opened.workbook.tables.find((x) => x.name === 'DeskTriggers');
    if (!t) throw new Error('no DeskTriggers');
    const { records } = readBodyRows(
      'triggers',
      mapHeaders('triggers', t.headers).fields,
      t.body,
      2,
    );
    const pane = reviewQueue({
      rows: records,
      today: '2026-12-01',
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(report.queue.map((q) => q.recordId).sort()).toEqual(pane.map((i) => i.recordId).sort());
    for (const q of report.queue) {
      const i = pane.find((x) => x.recordId === q.recordId);
      expect(q).toEqual({
        path: f.ok,
        table: 'DeskTriggers',
        row: i?.sheetRow,
        recordId: i?.recordId,
        owner: i?.owner,
        dueDate: i?.dueDate,
        overdue: i?.urgency === 'overdue',
        statusNow: i?.statusNow,
        reasons: i?.reasons,
      });
    }
    const due = report.queue.map((q) => q.dueDate ?? '');
    expect(due).toEqual([...due].sort());
  });

  it('judges the queue on --as-of: before the first due date only status changes are in it, none overdue', async () => {
    const { report } = await auditJson([f.ok]);
    const early = await runCli(['audit', '--json', '--as-of', '2025-01-11', f.ok]);
    const q = (JSON.parse(early.out) as AuditReport).queue;
    expect(q.every((x) => !x.overdue)).toBe(true);
    expect(q.length).toBeLessThan(report.queue.length);
  });

  it('lists Record IDs found in more than one workbook, once per file however it was named', async () => {
    const { report } = await auditJson([f.ok, join(dir, 'desk', 'archive'), f.ok]);
    expect(report.workbooks.map((w) => w.path)).toEqual([f.ok, f.copy]);
    expect(report.duplicates).toHaveLength(3 + 3 + 4);
    for (const d of report.duplicates) expect(d.paths).toEqual([f.ok, f.copy]);
  });

  it('prints a readable table by default, naming each problem', async () => {
    const r = await runCli(['audit', '--as-of', '2026-12-01', join(dir, 'desk')]);
    expect(r.code).toBe(1);
    const rel = (p: string) => relative(dir, p);
    expect(r.out).toContain('Desk audit as of 2026-12-01: 10 workbooks, 8 not ok.');
    expect(r.out).toContain("    DeskTriggers: missing 'Due date'");
    expect(r.out).toContain('    DeskTriggers row 2: Owner is required');
    expect(r.out).toMatch(/password-protected: Excel encrypted the workbook/);
    expect(r.out).toContain('Record IDs in more than one workbook (10):');
    expect(rel(f.ok)).toBe('desk/alice.xlsx');
  });

  it('exits 2 on a usage error, before reading anything', async () => {
    for (const args of [
      ['audit'],
      ['audit', '--as-of', '2026-13-01', f.ok],
      ['audit', '--bogus', f.ok],
      ['frobnicate'],
    ]) {
      const r = await runCli(args);
      expect([args.join(' '), r.code, r.out]).toEqual([args.join(' '), 2, '']);
      expect(r.err).not.toBe('');
    }
    const html = await runCli(['audit', '--html', f.ok, f.ok]);
    expect(html).toMatchObject({ code: 2, err: expect.stringContaining('is one of the inputs') });
  });
});
