/*
 * DESK.LATEST over a 10,000-row DeskPrices[#All] range (all 16 columns, 100 price codes priced
 * weekly, 1% corrections appended out of date order), target ≤ 5 ms per call: one key per call,
 * and 100 keys spilled in one call. Every call of every sample gets a table of its own (codes,
 * dates and prices differ per table), so nothing but the call itself can answer; the core keeps
 * no state across calls anyway. The baseline, measured in the same run on the same tables, is
 * the least a plain implementation does: headers found by exact name, one pass comparing
 * lower-cased codes and numeric dates, the best row per key kept. Each call is timed alone from a
 * collected heap and the figure is the median over all calls (p90 beside it): on a shared machine
 * a mean would carry whatever else interrupted a call.
 */
import type { BenchRow } from './bench-row';
import { median, timeOnce } from './timing';
import * as core from '../src/core';
import type { Output, Scalar } from '../src/core';

type Grid = Scalar[][];
const ROWS = 10_000;
const CODES = 100;
const CALLS = 10; // distinct tables per round, each call timed alone
const ROUNDS = 7;
const TARGET_MS = 5;
const NOW = new Date(Date.UTC(2026, 10, 20, 12));
const FIRST = core.excelSerialFromDate(new Date(Date.UTC(2024, 0, 4)));
const HEADERS = core.columnList('prices').map((c) => c.header);
const col = (field: string): number =>
  core.columnList('prices').findIndex((c) => c.field === field);
const AT = {
  date: col('priceDate'),
  code: col('priceCode'),
  product: col('product'),
  basis: col('locationBasis'),
  low: col('priceLow'),
  high: col('priceHigh'),
  mid: col('priceMid'),
  unit: col('unit'),
  source: col('sourceLabel'),
};

const code = (t: number, k: number): string => `MB-T${t}-${String(k).padStart(4, '0')}`;

/** Table t: CODES codes priced weekly in date order, then 1% corrections of earlier rows. */
function table(t: number): Grid {
  const grid: Grid = [HEADERS.slice()];
  const weeks = Math.floor((ROWS * 0.99) / CODES);
  const row = (week: number, k: number, mid: number): Scalar[] => {
    const cells: Scalar[] = HEADERS.map(() => '');
    cells[AT.date] = FIRST + week * 7;
    cells[AT.code] = code(t, k);
    cells[AT.product] = `Product ${k % 13}`;
    cells[AT.basis] = k % 2 === 0 ? 'fob China' : 'cif Rotterdam';
    cells[AT.low] = mid - 1;
    cells[AT.high] = mid + 1;
    cells[AT.mid] = mid;
    cells[AT.unit] = 'USD/kg';
    cells[AT.source] = 'Fastmarkets';
    return cells;
  };
  for (let w = 0; w < weeks; w++)
    for (let k = 0; k < CODES; k++) grid.push(row(w, k, 50 + t + w + k));
  for (let i = 0; grid.length <= ROWS; i++)
    grid.push(row((i * 37) % weeks, (i * 11) % CODES, 1 + t + i));
  return grid;
}

/** The plain baseline: the best row per asked key in one pass (dates as numbers, codes compared lower-cased). */
function plain(grid: Grid, keys: readonly string[], asOf: number): Output {
  const header = grid[0] as Scalar[];
  const dateCol = header.indexOf('Price date');
  const codeCol = header.indexOf('Price code');
  const midCol = header.indexOf('Price mid');
  const best = new Map<string, { date: number; mid: Scalar }>();
  for (const k of keys) best.set(k.toLowerCase(), { date: -Infinity, mid: null });
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r] as Scalar[];
    const b = best.get(String(cells[codeCol]).toLowerCase());
    const date = cells[dateCol] as number;
    if (b !== undefined && date <= asOf && date >= b.date) {
      b.date = date;
      b.mid = cells[midCol];
    }
  }
  return keys.map((k) => [
    best.get(k.toLowerCase())?.mid ?? core.deskError('na', 'none'),
  ]) as Output;
}

interface Case {
  name: string;
  keys: (t: number) => string[];
}

const CASES: Case[] = [
  { name: 'DESK.LATEST, 10,000-row table, 1 key per call', keys: (t) => [code(t, 42)] },
  {
    name: 'DESK.LATEST, 10,000-row table, 100 keys spilled in one call',
    keys: (t) => Array.from({ length: CODES }, (_, k) => code(t, k)),
  },
];

/** Each call timed on its own from a collected heap (timeOnce): the median is then robust to a
 * call the machine's other work interrupted, which a batch mean would spread over its batch. */
function callMs(
  tables: readonly Grid[],
  keys: readonly string[][],
  f: (g: Grid, k: string[]) => Output,
): number[] {
  return tables.map((g, i) => timeOnce(() => f(g, keys[i] as string[])));
}

export async function run(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const asOf = FIRST + 50 * 7 + 3; // mid-history: half the rows are after it and must not count
  for (const c of CASES) {
    const shipped = (g: Grid, k: string[]): Output =>
      core.latestFromGrid(g, k.length === 1 ? k[0] : k.map((x) => [x]), asOf, null, null, NOW);
    const baseline = (g: Grid, k: string[]): Output => plain(g, k, asOf);
    // Warm-up on tables no sample uses.
    const warm = Array.from({ length: 3 }, (_, i) => table(10_000 + i));
    const warmKeys = warm.map((_, i) => c.keys(10_000 + i));
    for (let w = 0; w < 5; w++) {
      callMs(warm, warmKeys, shipped);
      callMs(warm, warmKeys, baseline);
    }
    const shippedMs: number[] = [];
    const plainMs: number[] = [];
    for (let s = 0; s < ROUNDS; s++) {
      const ids = Array.from({ length: CALLS }, (_, i) => s * CALLS + i);
      const tables = ids.map(table);
      const keys = ids.map(c.keys);
      // Check the shipped answer once per round (a fast wrong answer is no figure).
      const check = core.latestFromGrid(
        tables[0] as Grid,
        (keys[0] as string[])[0],
        asOf,
        null,
        null,
        NOW,
      );
      const want = (
        plain(tables[0] as Grid, [(keys[0] as string[])[0] as string], asOf) as Scalar[][]
      )[0]?.[0];
      if (check !== want)
        throw new Error(`DESK.LATEST gave ${String(check)}, plain ${String(want)}`);
      if (s % 2 === 0) {
        shippedMs.push(...callMs(tables, keys, shipped));
        plainMs.push(...callMs(tables, keys, baseline));
      } else {
        plainMs.push(...callMs(tables, keys, baseline));
        shippedMs.push(...callMs(tables, keys, shipped));
      }
    }
    const p90 = (xs: number[]): number =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? NaN;
    const ms = median(shippedMs);
    const base = median(plainMs);
    out.push({
      group: 'DESK.LATEST, a table of its own per call',
      name: c.name,
      value: `${ms.toFixed(2)} ms`,
      target: `≤ ${TARGET_MS} ms per call`,
      note: `median of ${shippedMs.length} calls, p90 ${p90(shippedMs).toFixed(2)} ms; plain ${base.toFixed(2)} ms (p90 ${p90(plainMs).toFixed(2)}); ${(ms / base).toFixed(1)}× plain${ms <= TARGET_MS ? ', within target' : ', OVER TARGET'}`,
    });
  }
  return out;
}
