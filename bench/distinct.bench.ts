/*
 * All-distinct inputs: each of the eight functions over 100,000 rows in one call where every row
 * differs from every other and from every earlier sample (fresh inputs per sample), so neither the
 * parsed-text caches (price/parse.ts) nor the last-input memo (grid/remember-last.ts) can answer. This is
 * the figure that counts for "≤ 25× plain numbers" (stretch ≤ 10×).
 *
 * Two inputs per function: distinct numbers, and distinct texts — agency range texts
 * ("1,640,123-1,660,123 yuan/mt") where the function takes a price, number texts ("1,061.37",
 * ISO times for NOTE_STATUS) elsewhere. The baseline is a plain-`number` implementation of the
 * same formula on the same grid in the same run: it reads the same texts with Number() after
 * dropping the commas and splitting at the dash, and computes in doubles.
 */
import type { BenchRow } from './bench-row';
import { grouped, median, perSecond, timeOnce } from './timing';
import * as core from '../src/core';
import type { Cell, Output, Scalar } from '../src/core';

type Grid = Scalar[][];
const N = 100_000;
const ROUNDS = 5;
const ERR = core.deskError('value', 'invalid');
const NOW = new Date(Date.UTC(2026, 10, 20, 12));
const AS_OF = core.excelSerialFromDate(NOW);

const column = (f: (i: number) => Scalar): Grid => {
  const g: Grid = new Array<Scalar[]>(N);
  for (let i = 0; i < N; i++) g[i] = [f(i)];
  return g;
};
const rows = (f: (i: number) => Cell): Cell[][] => {
  const out: Cell[][] = new Array<Cell[]>(N);
  for (let i = 0; i < N; i++) {
    const r = f(i);
    out[i] = typeof r === 'number' ? [r] : [r];
  }
  return out;
};
/** A value as a cell holds it (60 + 0.37 in doubles is 60.370000000000005; a cell holds 60.37). */
const typed = (x: number, places: number): number => Number(x.toFixed(places));
const at = (g: Grid, i: number): Scalar => (g[i] as Scalar[])[0];
const num = (v: Scalar): number => (typeof v === 'number' ? v : NaN);
/** "1,061.37" → 1061.37, the plain way. */
const plainNumber = (v: Scalar): number => Number((v as string).replace(/,/g, ''));
/** "1,640,000-1,660,000 yuan/mt" → 1650000, the plain way. */
function plainMid(v: Scalar): number {
  const t = v as string;
  const space = t.indexOf(' ');
  const body = (space < 0 ? t : t.slice(0, space)).replace(/,/g, '');
  const dash = body.indexOf('-');
  return dash < 0 ? Number(body) : (Number(body.slice(0, dash)) + Number(body.slice(dash + 1))) / 2;
}
/** A distinct range text: low k, high k + spread, thousands-grouped, with an optional unit. */
const rangeText = (low: number, spread: number, unit = ''): string =>
  `${grouped(low)}-${grouped(low + spread)}${unit}`;

interface DistinctCase {
  name: string;
  /** Inputs for sample `s`: row i uses key k = s·N + i, so no two rows of any samples agree. */
  inputs: (s: number) => Record<string, Grid>;
  shipped: (x: Record<string, Grid>) => Output;
  plain: (x: Record<string, Grid>) => Output;
}

const k = (s: number, i: number): number => s * N + i;

/** NOTE_STATUS as the shipped path calls it, for both of its input kinds. */
const noteStatusShipped = (x: Record<string, Grid>): Output =>
  core.noteStatus(x.quote!, x.spread!, x.change!, AS_OF, 'up', null, 'market', null, false, NOW);

const CASES: DistinctCase[] = [
  {
    name: 'RATIO, distinct numbers',
    inputs: (s) => ({
      a: column((i) => typed(1_600_000 + k(s, i) * 0.01, 2)),
      b: column((i) => typed(640_000 + k(s, i) * 0.01, 2)),
    }),
    shipped: (x) => core.ratio(x.a!, x.b!),
    plain: (x) =>
      rows((i) => {
        const a = num(at(x.a!, i));
        const b = num(at(x.b!, i));
        return a >= 0 && b > 0 ? a / b : ERR;
      }),
  },
  {
    name: 'RATIO, distinct range texts (yuan/mt)',
    inputs: (s) => ({
      a: column((i) => rangeText(1_600_000 + k(s, i), 20_000, ' yuan/mt')),
      b: column((i) => rangeText(740_000 + k(s, i), 10_000, ' yuan/mt')),
    }),
    shipped: (x) => core.ratio(x.a!, x.b!),
    plain: (x) => rows((i) => plainMid(at(x.a!, i)) / plainMid(at(x.b!, i))),
  },
  {
    name: 'SPREAD_COST, distinct numbers',
    inputs: (s) => ({
      bid: column((i) => typed(60 + k(s, i) * 1e-4, 4)),
      ask: column((i) => typed(62.5 + k(s, i) * 1e-4, 4)),
      qty: column((i) => 100 + k(s, i)),
    }),
    shipped: (x) => core.spreadCost(x.bid!, x.ask!, x.qty!),
    plain: (x) =>
      rows((i) => {
        const b = num(at(x.bid!, i));
        const a = num(at(x.ask!, i));
        const q = num(at(x.qty!, i));
        return b >= 0 && b <= a && q >= 0 ? ((a - b) / 2) * 2 * q : ERR;
      }),
  },
  {
    name: 'SPREAD_COST, distinct number texts',
    inputs: (s) => ({
      bid: column((i) => (1_060 + k(s, i) * 1e-4).toFixed(4)),
      ask: column((i) => (1_062.5 + k(s, i) * 1e-4).toFixed(4)),
      qty: column((i) => grouped(1_000 + k(s, i))),
    }),
    shipped: (x) => core.spreadCost(x.bid!, x.ask!, x.qty!),
    plain: (x) =>
      rows((i) => {
        const b = plainNumber(at(x.bid!, i));
        const a = plainNumber(at(x.ask!, i));
        const q = plainNumber(at(x.qty!, i));
        return b >= 0 && b <= a && q >= 0 ? ((a - b) / 2) * 2 * q : ERR;
      }),
  },
  {
    name: 'EXIT_VALUE, distinct numbers',
    inputs: (s) => ({
      qty: column((i) => 100 + k(s, i)),
      bid: column((i) => typed(60 + k(s, i) * 1e-4, 4)),
    }),
    shipped: (x) => core.exitValue(x.qty!, x.bid!, 0.01, [[500, 300]], 300, 0.1),
    plain: (x) =>
      rows((i) => {
        const q = num(at(x.qty!, i));
        const b = num(at(x.bid!, i));
        if (!(q >= 0 && b >= 0)) return ERR;
        const atBid = Math.min(q, 300);
        return (atBid * b + (q - atBid) * b * (1 - 0.1)) * (1 - 0.01) - 800;
      }),
  },
  {
    name: 'EXIT_VALUE, distinct number texts',
    inputs: (s) => ({
      qty: column((i) => grouped(1_000 + k(s, i))),
      bid: column((i) => (60 + k(s, i) * 1e-4).toFixed(4)),
    }),
    shipped: (x) => core.exitValue(x.qty!, x.bid!, 0.01, [[500, 300]], 300, 0.1),
    plain: (x) =>
      rows((i) => {
        const q = plainNumber(at(x.qty!, i));
        const b = plainNumber(at(x.bid!, i));
        if (!(q >= 0 && b >= 0)) return ERR;
        const atBid = Math.min(q, 300);
        return (atBid * b + (q - atBid) * b * (1 - 0.1)) * (1 - 0.01) - 800;
      }),
  },
  {
    name: 'NOTE_STATUS, distinct numbers',
    inputs: (s) => ({
      quote: column((i) => typed(AS_OF - 20 + (i / N) * 20 - s * 1e-6, 7)),
      spread: column((i) => typed(k(s, i) * 0.001, 3)),
      change: column((i) => typed(((k(s, i) % 200_000) - 100_000) / 1e6, 6)),
    }),
    shipped: noteStatusShipped,
    plain: (x) =>
      rows((i) => {
        const q = num(at(x.quote!, i));
        const sp = num(at(x.spread!, i));
        const c = num(at(x.change!, i));
        if (!(q <= AS_OF && sp >= 0)) return ERR;
        return AS_OF - q > 7 || sp > 300 || c < -0.05 ? 'watchlist' : 'action';
      }),
  },
  {
    name: 'NOTE_STATUS, distinct texts (ISO quote time, bps, % change)',
    inputs: (s) => {
      const start = NOW.getTime() - 20 * 86_400_000;
      return {
        quote: column((i) => new Date(start + k(s, i) * 1000).toISOString().slice(0, 19)),
        spread: column((i) => String(k(s, i) * 0.001)),
        change: column((i) => `${((k(s, i) % 200_000) - 100_000) / 1e4}%`),
      };
    },
    shipped: noteStatusShipped,
    plain: (x) =>
      rows((i) => {
        const q = (Date.parse(`${at(x.quote!, i) as string}Z`) - Date.UTC(1899, 11, 30)) / 864e5;
        const sp = Number(at(x.spread!, i));
        const c = Number((at(x.change!, i) as string).slice(0, -1)) / 100;
        if (!(q <= AS_OF && sp >= 0)) return ERR;
        return AS_OF - q > 7 || sp > 300 || c < -0.05 ? 'watchlist' : 'action';
      }),
  },
  {
    name: 'MID, distinct numbers',
    inputs: (s) => ({ price: column((i) => typed(64.5 + k(s, i) * 1e-4, 4)) }),
    shipped: (x) => core.mid(x.price!),
    plain: (x) =>
      rows((i) => {
        const p = num(at(x.price!, i));
        return p >= 0 ? p : ERR;
      }),
  },
  {
    name: 'MID, distinct range texts',
    inputs: (s) => ({ price: column((i) => rangeText(640_000 + k(s, i), 10_000, ' yuan/mt')) }),
    shipped: (x) => core.mid(x.price!),
    plain: (x) => rows((i) => plainMid(at(x.price!, i))),
  },
  {
    name: 'CONVERT, distinct numbers',
    inputs: (s) => ({ price: column((i) => 640_000 + k(s, i)) }),
    shipped: (x) => core.convert(x.price!, 'CNY/t', 'USD/kg', 7.12, 0.13),
    plain: (x) =>
      rows((i) => {
        const p = num(at(x.price!, i));
        return p >= 0 ? p / 1000 / 7.12 / 1.13 : ERR;
      }),
  },
  {
    name: 'CONVERT, distinct range texts',
    inputs: (s) => ({ price: column((i) => rangeText(640_000 + k(s, i), 10_000)) }),
    shipped: (x) => core.convert(x.price!, 'CNY/t', 'USD/kg', 7.12, 0.13),
    plain: (x) => rows((i) => plainMid(at(x.price!, i)) / 1000 / 7.12 / 1.13),
  },
  {
    name: 'SPREAD_BPS, distinct numbers',
    inputs: (s) => ({
      bid: column((i) => typed(60 + k(s, i) * 1e-4, 4)),
      ask: column((i) => typed(62.5 + k(s, i) * 1e-4, 4)),
    }),
    shipped: (x) => core.spreadBps(x.bid!, x.ask!),
    plain: (x) =>
      rows((i) => {
        const b = num(at(x.bid!, i));
        const a = num(at(x.ask!, i));
        return b >= 0 && b <= a ? ((a - b) / ((a + b) / 2)) * 10000 : ERR;
      }),
  },
  {
    name: 'SPREAD_BPS, distinct number texts',
    inputs: (s) => ({
      bid: column((i) => (1_060 + k(s, i) * 1e-4).toFixed(4)),
      ask: column((i) => (1_062.5 + k(s, i) * 1e-4).toFixed(4)),
    }),
    shipped: (x) => core.spreadBps(x.bid!, x.ask!),
    plain: (x) =>
      rows((i) => {
        const b = plainNumber(at(x.bid!, i));
        const a = plainNumber(at(x.ask!, i));
        return b >= 0 && b <= a ? ((a - b) / ((a + b) / 2)) * 10000 : ERR;
      }),
  },
  {
    name: 'PREMIUM, distinct numbers',
    inputs: (s) => ({
      price: column((i) => typed(64.5 + k(s, i) * 1e-4, 4)),
      reference: column((i) => typed(60 + k(s, i) * 1e-4, 4)),
    }),
    shipped: (x) => core.premium(x.price!, x.reference!),
    plain: (x) =>
      rows((i) => {
        const p = num(at(x.price!, i));
        const r = num(at(x.reference!, i));
        return p >= 0 && r > 0 ? p / r - 1 : ERR;
      }),
  },
  {
    name: 'PREMIUM, distinct range texts and number texts',
    inputs: (s) => ({
      price: column((i) => rangeText(640_000 + k(s, i), 10_000, ' yuan/mt')),
      reference: column((i) => grouped(600_000 + k(s, i))),
    }),
    shipped: (x) => core.premium(x.price!, x.reference!),
    plain: (x) => rows((i) => plainMid(at(x.price!, i)) / plainNumber(at(x.reference!, i)) - 1),
  },
];

const TARGET = 25;
const STRETCH = 10;

export async function run(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  for (const c of CASES) {
    // Warm-up on inputs no sample uses (keys past the last sample's).
    const warm = c.inputs(ROUNDS + 1);
    for (let w = 0; w < 2; w++) {
      c.shipped(warm);
      c.plain(warm);
    }
    const shippedMs: number[] = [];
    const plainMs: number[] = [];
    for (let s = 0; s < ROUNDS; s++) {
      const x = c.inputs(s);
      // Alternate which goes first; both read the same fresh grid.
      if (s % 2 === 0) {
        shippedMs.push(timeOnce(() => c.shipped(x)));
        plainMs.push(timeOnce(() => c.plain(x)));
      } else {
        plainMs.push(timeOnce(() => c.plain(x)));
        shippedMs.push(timeOnce(() => c.shipped(x)));
      }
    }
    const shipped = median(shippedMs);
    const plain = median(plainMs);
    const ratio = shipped / plain;
    out.push({
      group: 'functions, all-distinct inputs',
      name: `${c.name}, 100k rows, one call`,
      value: `${shipped.toFixed(1)} ms`,
      target: `≤ ${TARGET}× plain (stretch ≤ ${STRETCH}×)`,
      note: `${perSecond(N, shipped)}; plain ${plain.toFixed(1)} ms; ${ratio.toFixed(1)}× plain${ratio <= STRETCH ? ', within stretch' : ratio <= TARGET ? ', within target' : ', OVER TARGET'}`,
    });
  }
  return out;
}
