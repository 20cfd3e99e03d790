/*
 * The DESK functions over 10k- and 100k-row ranges in ONE call each, against a plain-`number`
 * implementation of the same formula (same grid in, same grid out, same validity checks) measured
 * in the same run. The ratio decimal/plain is the figure that counts (target ≤ 25×), and
 * time(100k)/time(10k) must stay ≤ 11 (linear). Rows marked "decimal path" switch the exact double
 * shortcut off (see src/core/calc/exact.ts) to show what decimal.js alone costs.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchRow } from './bench-row';
import { exactPath } from '../src/core/calc/exact';
import * as core from '../src/core';
import type { Cell, Output, Scalar } from '../src/core';

type Grid = Scalar[][];
const ERR = core.deskError('value', 'invalid');
const NOW = new Date(Date.UTC(2026, 10, 20, 12));
const AS_OF = core.excelSerialFromDate(NOW);

/** Deterministic desk-like inputs: prices with 0–2 decimals, integer quantities, a few bad cells. */
function column(n: number, f: (i: number) => Scalar): Grid {
  const g: Grid = new Array<Scalar[]>(n);
  for (let i = 0; i < n; i++) g[i] = [f(i)];
  return g;
}

/** A value as a user types it: 60 + 0.37 computed in doubles is 60.370000000000005, a cell holds 60.37. */
const typed = (x: number, places: number): number => Number(x.toFixed(places));

interface Case {
  name: string;
  decimal: (n: number) => () => Output;
  plain: (n: number) => () => Output;
}

function mapRows(n: number, f: (i: number) => Cell): Cell[][] {
  const out: Cell[][] = new Array<Cell[]>(n);
  for (let i = 0; i < n; i++) out[i] = [f(i)];
  return out;
}

const num = (v: Scalar): number => (typeof v === 'number' ? v : NaN);

function inputs(n: number) {
  return {
    ndpr: column(n, (i) => 640000 + (i % 997) * 5),
    dy: column(n, (i) => 1600000 + (i % 991) * 10),
    bid: column(n, (i) => typed(60 + (i % 400) * 0.01, 2)),
    ask: column(n, (i) => typed(64.5 + (i % 300) * 0.01, 2)),
    qty: column(n, (i) => 100 + (i % 50) * 10),
    price: column(n, (i) => typed(64.5 + (i % 100) * 0.25, 2)),
    text: column(
      n,
      (i) =>
        `${(640 + (i % 50)).toLocaleString('en-US')},000-${(650 + (i % 50)).toLocaleString('en-US')},000 yuan/mt`,
    ),
    quote: column(n, (i) => typed(AS_OF - (i % 20) - 0.5, 4)),
    spread: column(n, (i) => (i % 500) * 1.5),
    change: column(n, (i) => typed(((i % 200) - 100) / 1000, 3)),
  };
}

const CASES: Case[] = [
  {
    name: 'RATIO',
    decimal: (n) => {
      const x = inputs(n);
      return () => core.ratio(x.dy, x.ndpr);
    },
    plain: (n) => {
      const x = inputs(n);
      return () =>
        mapRows(n, (i) => {
          const a = num(x.dy[i]![0]);
          const b = num(x.ndpr[i]![0]);
          return a >= 0 && b > 0 ? a / b : ERR;
        });
    },
  },
  {
    name: 'RATIO (range text, yuan/mt)',
    decimal: (n) => {
      const x = inputs(n);
      return () => core.ratio(x.text, '747,000-753,000 yuan/mt');
    },
    plain: (n) => {
      const x = inputs(n);
      return () =>
        mapRows(n, (i) => {
          const t = x.text[i]![0] as string;
          const [lo, hi] = t
            .replace(/ yuan\/mt$/, '')
            .replace(/,/g, '')
            .split('-');
          return (Number(lo) + Number(hi)) / 2 / 750000;
        });
    },
  },
  {
    name: 'SPREAD_COST',
    decimal: (n) => {
      const x = inputs(n);
      return () => core.spreadCost(x.bid, x.ask, x.qty);
    },
    plain: (n) => {
      const x = inputs(n);
      return () =>
        mapRows(n, (i) => {
          const b = num(x.bid[i]![0]);
          const a = num(x.ask[i]![0]);
          const q = num(x.qty[i]![0]);
          return b >= 0 && b <= a && q >= 0 ? ((a - b) / 2) * 2 * q : ERR;
        });
    },
  },
  {
    name: 'EXIT_VALUE',
    decimal: (n) => {
      const x = inputs(n);
      return () => core.exitValue(x.qty, x.bid, 0.01, [[500, 300]], 300, 0.1);
    },
    plain: (n) => {
      const x = inputs(n);
      return () =>
        mapRows(n, (i) => {
          const q = num(x.qty[i]![0]);
          const b = num(x.bid[i]![0]);
          if (!(q >= 0 && b >= 0)) return ERR;
          const atBid = Math.min(q, 300);
          return (atBid * b + (q - atBid) * b * (1 - 0.1)) * (1 - 0.01) - 800;
        });
    },
  },
  {
    name: 'NOTE_STATUS',
    decimal: (n) => {
      const x = inputs(n);
      return () =>
        core.noteStatus(x.quote, x.spread, x.change, AS_OF, 'up', null, 'market', null, false, NOW);
    },
    plain: (n) => {
      const x = inputs(n);
      return () =>
        mapRows(n, (i) => {
          const q = num(x.quote[i]![0]);
          const s = num(x.spread[i]![0]);
          const c = num(x.change[i]![0]);
          if (!(q <= AS_OF && s >= 0)) return ERR;
          return AS_OF - q > 7 || s > 300 || c < -0.05 ? 'watchlist' : 'action';
        });
    },
  },
  {
    name: 'MID',
    decimal: (n) => {
      const x = inputs(n);
      return () => core.mid(x.text);
    },
    plain: (n) => {
      const x = inputs(n);
      return () =>
        mapRows(n, (i) => {
          const t = x.text[i]![0] as string;
          const [lo, hi] = t
            .replace(/ yuan\/mt$/, '')
            .replace(/,/g, '')
            .split('-');
          return (Number(lo) + Number(hi)) / 2;
        });
    },
  },
  {
    name: 'CONVERT',
    decimal: (n) => {
      const x = inputs(n);
      return () => core.convert(x.ndpr, 'CNY/t', 'USD/kg', 7.12, 0.13);
    },
    plain: (n) => {
      const x = inputs(n);
      return () =>
        mapRows(n, (i) => {
          const p = num(x.ndpr[i]![0]);
          return p >= 0 ? p / 1000 / 7.12 / 1.13 : ERR;
        });
    },
  },
  {
    name: 'SPREAD_BPS',
    decimal: (n) => {
      const x = inputs(n);
      return () => core.spreadBps(x.bid, x.ask);
    },
    plain: (n) => {
      const x = inputs(n);
      return () =>
        mapRows(n, (i) => {
          const b = num(x.bid[i]![0]);
          const a = num(x.ask[i]![0]);
          return b >= 0 && b <= a ? ((a - b) / ((a + b) / 2)) * 10000 : ERR;
        });
    },
  },
  {
    name: 'PREMIUM',
    decimal: (n) => {
      const x = inputs(n);
      return () => core.premium(x.price, 64.5);
    },
    plain: (n) => {
      const x = inputs(n);
      return () =>
        mapRows(n, (i) => {
          const p = num(x.price[i]![0]);
          return p >= 0 ? p / 64.5 - 1 : ERR;
        });
    },
  },
];

// A full collection before each timed call, so every call starts from the same heap: the garbage
// a previous call left is not billed to the next one, while collections during the call still count.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * Median ms per call, each call timed alone from a collected heap, after a warm-up. The median
 * because this machine is shared (other builds run beside the bench) and a spike is not our cost.
 */
function timeIt(fn: () => unknown, runs = 9, budgetMs = 300): number {
  fn();
  fn();
  const samples: number[] = [];
  let total = 0;
  while (samples.length < runs || (total < budgetMs && samples.length < 41)) {
    collect();
    const t0 = performance.now();
    fn();
    const ms = performance.now() - t0;
    samples.push(ms);
    total += ms;
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1] as number;
}

const perSecond = (n: number, ms: number): string => {
  const rate = (n / ms) * 1000;
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(2)} M/s` : `${(rate / 1e3).toFixed(0)} k/s`;
};

export interface Measurement {
  name: string;
  decimal10k: number;
  decimal100k: number;
  plain10k: number;
  plain100k: number;
  decimalOnly100k: number;
}

export function measure(): Measurement[] {
  return CASES.map((c) => {
    const m: Measurement = {
      name: c.name,
      decimal10k: timeIt(c.decimal(10_000)),
      decimal100k: timeIt(c.decimal(100_000), 5),
      plain10k: timeIt(c.plain(10_000)),
      plain100k: timeIt(c.plain(100_000), 5),
      decimalOnly100k: NaN,
    };
    exactPath.enabled = false;
    try {
      m.decimalOnly100k = timeIt(c.decimal(100_000), 3, 200);
    } finally {
      exactPath.enabled = true;
    }
    return m;
  });
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const m of measure()) {
    const group = `functions: ${m.name}`;
    for (const [n, d, p] of [
      [10_000, m.decimal10k, m.plain10k],
      [100_000, m.decimal100k, m.plain100k],
    ] as const) {
      const ratio = d / p;
      rows.push({
        group,
        name: `${n / 1000}k rows, one call`,
        value: perSecond(n, d),
        target: '≤ 25× plain',
        note: `plain ${perSecond(n, p)}; decimal/plain ${ratio.toFixed(1)}×${ratio <= 25 ? '' : ' OVER TARGET'}`,
      });
    }
    const scaling = m.decimal100k / m.decimal10k;
    rows.push({
      group,
      name: 'time(100k)/time(10k)',
      value: scaling.toFixed(1),
      target: '≤ 11',
      note: scaling <= 11 ? 'linear' : 'OVER TARGET',
    });
    rows.push({
      group,
      name: '100k, decimal path only',
      value: perSecond(100_000, m.decimalOnly100k),
      note: `exact shortcut off: ${(m.decimalOnly100k / m.plain100k).toFixed(1)}× plain`,
    });
  }
  return rows;
}

if (require.main === module) {
  void run().then((rows) => {
    for (const r of rows)
      console.log([r.group, r.name, r.value, r.target ?? '', r.note ?? ''].join(' | '));
  });
}
