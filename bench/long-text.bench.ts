/*
 * A cell of Excel's maximum length (32,767 characters) in each adversarial shape — a long run of
 * spaces, of digits, of separators — through all eight functions (core entry points), and through
 * the scanners themselves with no length limit in front of them. Before the text limit and the
 * scanners, `DESK.MID("1 - " + spaces + "x")` took 1–2 s. Each figure is the slowest function's
 * median over distinct cells (one character varied per call, so no remembered input answers).
 */
import type { BenchRow } from './bench-row';
import { median } from './timing';
import * as core from '../src/core';
import type { Output } from '../src/core';
import { scanDecimalComma, scanNumber, scanPrice } from '../src/core/price/scan';
import { normalUnit } from '../src/core/price/units';
import { parseCostSum } from '../src/core/record/build';

const CELL_MAX = 32_767;
const CELLS = 25;
const TARGET_MS = 1;
const AT = new Date(Date.UTC(2026, 10, 22));

/** Cells of exactly CELL_MAX characters: a head, a run of `piece`, and a tail that varies per cell. */
function cells(head: string, piece: string, tail: (i: number) => string): string[] {
  return Array.from({ length: CELLS }, (_, i) => {
    const end = tail(i);
    const run = CELL_MAX - head.length - end.length;
    return head + piece.repeat(Math.ceil(run / piece.length)).slice(0, run) + end;
  });
}

const SHAPES: Record<string, string[]> = {
  spaces: cells('1 - ', ' ', (i) => `x${i}`),
  digits: cells('1', '7', (i) => `${i % 10}x`),
  separators: cells('1', ',000', (i) => `-${i}`),
  'dashes and commas': cells('1', '-,', (i) => ` ${i}`),
};

const FUNCTIONS: readonly [string, (t: string) => Output][] = [
  ['RATIO', (t) => core.ratio(t, 2)],
  ['SPREAD_COST', (t) => core.spreadCost(60, 64, t)],
  ['EXIT_VALUE', (t) => core.exitValue(1000, 60, null, [[t]])],
  ['NOTE_STATUS', (t) => core.noteStatus(t, 100, 0, null, null, null, null, null, true, AT)],
  ['MID', (t) => core.mid(t)],
  ['CONVERT', (t) => core.convert(1, t, 'USD/t')],
  ['SPREAD_BPS', (t) => core.spreadBps(t, 64)],
  ['PREMIUM', (t) => core.premium(t, 100)],
];

// The scanners read the whole text: what a cell would cost if the limit were not there.
const SCANNERS: readonly [string, (t: string) => unknown][] = [
  ['scanPrice', (t) => scanPrice(t)],
  ['scanNumber', (t) => scanNumber(t)],
  ['scanDecimalComma', (t) => scanDecimalComma(t)],
  ['normalUnit', (t) => normalUnit(t)],
];

/** Median ms per call of f over the cells, after one warm-up pass. */
function perCall(f: (t: string) => unknown, texts: readonly string[]): number {
  for (const t of texts) f(t);
  const ms: number[] = [];
  for (const t of texts) {
    const t0 = performance.now();
    f(t);
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const slowest = (list: readonly [string, (t: string) => unknown][], texts: readonly string[]) =>
  list
    .map(([name, f]) => ({ name, ms: perCall(f, texts) }))
    .reduce((a, b) => (b.ms > a.ms ? b : a));

const µs = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [shape, texts] of Object.entries(SHAPES)) {
    const fn = slowest(FUNCTIONS, texts);
    const scanner = slowest(SCANNERS, texts);
    rows.push({
      group: 'long text (32,767-character cell)',
      name: `${shape}: slowest of the 8 functions, one cell`,
      value: µs(fn.ms),
      target: `≤ ${TARGET_MS} ms`,
      note: `${fn.name}; refused at the ${core.TEXT_LIMIT}-character limit${fn.ms <= TARGET_MS ? '' : ', OVER TARGET'}; without the limit the scanners take ${µs(scanner.ms)} (${scanner.name}, slowest)`,
    });
  }
  const costs = perCall((t) => parseCostSum(t, 'Exit fixed costs'), SHAPES.spaces ?? []);
  rows.push({
    group: 'long text (32,767-character cell)',
    name: 'form field Exit fixed costs (a summed field), 32,767 characters of spaces',
    value: µs(costs),
    target: `≤ ${TARGET_MS} ms`,
    note: 'the record builder’s cost sum, refused at the limit',
  });
  return rows;
}
