/**
 * `desk-record audit` at desk scale: 100 workbooks × 2,000 DeskTriggers rows, written by the
 * template code (bench/desk-corpus.ts: every row its own id, due date, quote time and spread), audited
 * in a child node (bench/audit-child.ts) so its peak RSS is the audit's own. Targets: ≤ 30 s,
 * peak RSS ≤ 500 MB. Measured twice (the machine is shared), with the baseline of the same run:
 * one workbook's audit, ×100 — what a perfectly linear audit would take.
 * What bounds it: ExcelJS's streaming reader (src/cli/xlsx/read-workbook.ts) holds one workbook's
 * bytes and the table cells being read, never a whole-workbook cell model; the queue items and
 * Record IDs of all workbooks are what stays.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './bench-row';
import { writeCorpus } from './desk-corpus';

const WORKBOOKS = 100;
const ROWS = 2_000;
const RUNS = 2;
const TARGET_S = 30;
const TARGET_MB = 500;

interface ChildResult {
  ms: number;
  maxRssMb: number;
  workbooks: number;
  ok: number;
  queue: number;
}

function auditInChild(dir: string): ChildResult {
  const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const run = spawnSync(tsx, [join(__dirname, 'audit-child.ts'), dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`audit child failed: ${run.stderr.slice(0, 400)}`);
  return JSON.parse(run.stdout) as ChildResult;
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-audit-bench-'));
  try {
    const t0 = performance.now();
    const paths = await writeCorpus(join(dir, 'desk'), WORKBOOKS, ROWS);
    const generated = (performance.now() - t0) / 1000;
    const one = auditInChild(join(dir, 'desk', paths[0]?.split('/').pop() ?? ''));
    const runs = Array.from({ length: RUNS }, () => auditInChild(join(dir, 'desk')));
    const seconds = runs.map((r) => r.ms / 1000);
    const rss = runs.map((r) => r.maxRssMb);
    const worst = Math.max(...seconds);
    const peak = Math.max(...rss);
    const first = runs[0] as ChildResult;
    const spread = (xs: number[], d: number) => xs.map((x) => x.toFixed(d)).join(' / ');
    return [
      {
        group: 'desk-record audit',
        name: `${WORKBOOKS} workbooks × ${ROWS.toLocaleString('en-US')} triggers: time`,
        value: `${worst.toFixed(1)} s`,
        target: `≤ ${TARGET_S} s`,
        note: `runs ${spread(seconds, 1)} s; baseline 1 workbook ×${WORKBOOKS} = ${((one.ms / 1000) * WORKBOOKS).toFixed(1)} s; ${first.ok}/${first.workbooks} ok, ${first.queue.toLocaleString('en-US')} queue items; ${worst <= TARGET_S ? 'within target' : 'OVER TARGET'}`,
      },
      {
        group: 'desk-record audit',
        name: `${WORKBOOKS} workbooks × ${ROWS.toLocaleString('en-US')} triggers: peak RSS`,
        value: `${peak.toFixed(0)} MB`,
        target: `≤ ${TARGET_MB} MB`,
        note: `runs ${spread(rss, 0)} MB; 1 workbook ${one.maxRssMb.toFixed(0)} MB; corpus written by the template code in ${generated.toFixed(1)} s (not timed); ${peak <= TARGET_MB ? 'within target' : 'OVER TARGET'}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
