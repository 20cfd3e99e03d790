/**
 * `desk-record audit` at desk scale: 100 workbooks × 2,000 DeskTriggers rows, written by the
 * template code (bench/desk-corpus.ts: every row its own id, due date, quote time and spread), audited
 * through the CLI's own `audit --json` in a child node (bench/audit-child.ts), so its peak RSS is
 * the command's own, JSON included. Targets: ≤ 30 s, peak RSS ≤ 500 MB. Measured twice (the
 * machine is shared). Baseline, same run, same files: the reader alone (every table cell read,
 * nothing checked) — the floor the audit's checks, queue and JSON add to.
 * What bounds it: ExcelJS's streaming reader (src/cli/xlsx/read-workbook.ts) holds one workbook's
 * bytes and the table cells being read, never a whole-workbook cell model; the queue items and
 * Record IDs of all workbooks are what stays (~140 MB here); the bin's old-generation cap (its
 * shebang flags, applied here too) keeps V8 from growing the heap with garbage past that.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  /** audit: characters of JSON printed; read: cells read. */
  bytes: number;
  code: number;
}

/** The node flags the desk-record bin runs with (its shebang line): the bench measures the same. */
const BIN_FLAGS = (
  readFileSync(join(__dirname, '..', 'bin', 'desk-record.cjs'), 'utf8').split('\n')[0] ?? ''
)
  .split(/\s+/)
  .filter((w) => w.startsWith('--'));

function inChild(mode: 'audit' | 'read', dir: string): ChildResult {
  const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  // Exactly the bin's flags: not the runner's 64 MB young generation (set for the function benches).
  const NODE_OPTIONS = BIN_FLAGS.join(' ');
  const run = spawnSync(tsx, [join(__dirname, 'audit-child.ts'), mode, dir], {
    env: { ...process.env, NODE_OPTIONS },
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
    await writeCorpus(join(dir, 'desk'), WORKBOOKS, ROWS);
    const generated = (performance.now() - t0) / 1000;
    const floor = inChild('read', join(dir, 'desk'));
    const runs = Array.from({ length: RUNS }, () => inChild('audit', join(dir, 'desk')));
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
        note: `runs ${spread(seconds, 1)} s; baseline (reader alone, same files) ${(floor.ms / 1000).toFixed(1)} s; exit ${first.code}, ${(first.bytes / 1e6).toFixed(0)} MB of JSON; ${worst <= TARGET_S ? 'within target' : 'OVER TARGET'}`,
      },
      {
        group: 'desk-record audit',
        name: `${WORKBOOKS} workbooks × ${ROWS.toLocaleString('en-US')} triggers: peak RSS`,
        value: `${peak.toFixed(0)} MB`,
        target: `≤ ${TARGET_MB} MB`,
        note: `runs ${spread(rss, 0)} MB; reader alone ${floor.maxRssMb.toFixed(0)} MB; corpus written by the template code in ${generated.toFixed(1)} s (not timed); ${peak <= TARGET_MB ? 'within target' : 'OVER TARGET'}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
