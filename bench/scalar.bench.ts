/*
 * The table-column case: a formula in a table row (the `Status now` column of DeskTriggers) makes
 * Excel call DESK.NOTE_STATUS once per row with 1×1 arguments, so a 10,000-row table is 10,000
 * calls, each paying the per-call costs (reading limits and closeout, the result matrix) that a
 * one-call column never sees twice. Timed through what the add-in registers: dist/functions.js
 * run with a stub CustomFunctions, and, for comparison, the source entry src/functions/functions.ts
 * under the same stub. The bundle runs in this realm (new Function), not a node:vm context as
 * test/functions/dist.test.ts runs it: a vm context resolves every global (Math, Number, Array)
 * through the sandbox's interceptors, which tripled the time per call and is no part of Excel.
 *
 * The arguments are what STATUS_NOW_FORMULA passes (src/core/record/schema.ts): quote time serial,
 * spread bps, ratio change, NOW() serial, direction, CHOOSE({1,2,3},…) limits as a 1×3 array,
 * source state, CHOOSE({1,2,3,4},…&"") closeout as a 1×4 array of text (the due date as its serial
 * text), explain omitted. Every row differs, and each call gets fresh arrays, as Excel passes them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './bench-row';
import { collect, keep, median } from './timing';
import { createCustomFunctionsStub } from '../test/functions/custom-functions-stub';

const ROWS = 10_000;
const WARM_CALLS = 200_000;
const SAMPLES = 7;
const TARGET_US = 10;
const NOW_SERIAL = 46346.5; // 2026-11-20 12:00

type Call = (...args: unknown[]) => unknown;

/** The Status-now arguments of table row i (of sample s), built before timing as Excel builds them. */
function tableRows(s: number): unknown[][] {
  const out: unknown[][] = new Array<unknown[]>(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const k = s * ROWS + i;
    out[i] = [
      [[NOW_SERIAL - 1 - (k % 20) - (k % 97) / 1000]],
      [[(k % 500) * 1.5]],
      [[((k % 200) - 100) / 1000]],
      [[NOW_SERIAL + k / 1e7]],
      [['up']],
      [[7, k % 3 === 0 ? 250 : 300, 0.05]],
      [['market']],
      [
        [
          'Desk lead',
          `Holds ${k}?`,
          k % 50 === 0 ? '' : 'SMM weekly count',
          String(46353 + (k % 7)),
        ],
      ],
      null,
    ];
  }
  return out;
}

/** µs per call over one table's worth of calls. */
function sample(fn: Call, rows: unknown[][]): number {
  collect();
  let last: unknown;
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i++) last = fn(...(rows[i] as unknown[]));
  const ms = performance.now() - t0;
  keep(last);
  return (ms * 1000) / rows.length;
}

function measure(fn: Call): { coldUs: number; warmUs: number } {
  const coldUs = sample(fn, tableRows(0));
  const warm = tableRows(1);
  for (let done = 0; done < WARM_CALLS; done += ROWS) sample(fn, warm);
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES; s++) samples.push(sample(fn, tableRows(2 + s)));
  return { coldUs, warmUs: median(samples) };
}

const ROOT = join(__dirname, '..');
const BUNDLE = join(ROOT, 'dist', 'functions.js');

/** NOTE_STATUS as dist/functions.js registers it, freshly evaluated (so its first calls are cold). */
function bundled(): { fn: Call; stale: boolean } | null {
  if (!existsSync(BUNDLE)) return null;
  const { stub, registered } = createCustomFunctionsStub();
  new Function('CustomFunctions', readFileSync(BUNDLE, 'utf8'))(stub);
  const fn = registered.get('NOTE_STATUS');
  if (!fn) throw new Error('dist/functions.js registered no NOTE_STATUS');
  const built = statSync(BUNDLE).mtimeMs;
  const sources = ['src/functions/functions.ts', 'src/core/operations/note-status.ts'];
  const stale = sources.some((f) => statSync(join(ROOT, f)).mtimeMs > built);
  return { fn, stale };
}

export async function run(): Promise<BenchRow[]> {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions =
    createCustomFunctionsStub().stub;
  const source = (await import('../src/functions/functions')).noteStatusFunction as Call;
  const bundle = bundled();
  const fromBundle = bundle ? measure(bundle.fn) : null;
  const fromSource = measure(source);
  const main = fromBundle ?? fromSource;
  const within = main.warmUs <= TARGET_US ? 'within target' : 'OVER TARGET';
  return [
    {
      group: 'functions: table column',
      name: `NOTE_STATUS with the Status now arguments, ${ROWS.toLocaleString('en-US')} scalar calls (1×1, 1×3 limits, 1×4 closeout)`,
      value: `${main.warmUs.toFixed(2)} µs/call`,
      target: `≤ ${TARGET_US} µs`,
      note: [
        fromBundle
          ? `dist/functions.js${bundle?.stale ? ' (OLDER than src/: run npm run build)' : ''}, ${within}`
          : 'dist/ missing: source entry only',
        `first ${ROWS.toLocaleString('en-US')} calls cold ${main.coldUs.toFixed(2)} µs/call`,
        `source entry (src/functions/functions.ts, stub) ${fromSource.warmUs.toFixed(2)} µs/call warm`,
      ].join('; '),
    },
  ];
}
