/*
 * The DESK functions over 10k- and 100k-row ranges in ONE call each, against a plain-`number`
 * implementation of the same formula (same grid in, same grid out, same validity checks) measured
 * in the same run. Two ratios per size: the shipped path (exact double shortcut on, see
 * src/core/numbers/scaled.ts) against plain, target ≤ 25×; and decimal.js alone (shortcut off) against
 * plain, shown for what decimal arithmetic itself costs. time(100k)/time(10k) must stay ≤ 11, in
 * this process (scripts/bench.mjs gives node a 64 MB young generation) and in a child node with
 * V8's default heap settings (bench/scaling-child.ts), which is what a user's runtime has.
 * These inputs repeat (a few dozen distinct texts): bench/distinct.bench.ts has the all-distinct
 * figures that no cache can answer.
 *
 * How it is timed, so that the 10k and 100k figures are comparable (see sampleMs):
 * - every configuration is warmed up at both sizes before anything is timed;
 * - a sample is a batch of calls covering the same number of rows at both sizes (10 × 10k calls
 *   against 1 × 100k call, scaled up until a batch lasts ≥ ~30 ms), from a collected heap at both
 *   sizes; each result stays alive until the next call replaces it, as a caller holds a result
 *   until it has written it. Not one call from a collected heap: a lone 10k call then never meets
 *   a collection while a 100k call always does, and 1 ms samples are mostly timer and JIT noise;
 * - the rest is real and stays in the figure: a 100k-row result outgrows V8's young generation, so
 *   the collector copies its rows while the call runs, which a 10k result mostly escapes. Plain
 *   numbers pay it too; their time(100k)/time(10k) is printed beside ours for that reason;
 * - sizes and paths are interleaved, round after round, and each figure is the median of the rounds.
 */
import { spawnSync } from 'node:child_process';
import type { BenchRow } from './bench-row';
import { collect, keep, median, perSecond } from './timing';
import { exactPath } from '../src/core/numbers/scaled';
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

/** The plain baseline's result rows, built as the core builds them (numbers kept unboxed). */
function mapRows(n: number, f: (i: number) => Cell): Cell[][] {
  const out: Cell[][] = new Array<Cell[]>(n);
  for (let i = 0; i < n; i++) {
    const result = f(i);
    out[i] = typeof result === 'number' ? [result] : [result];
  }
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

/** The shortest batch worth timing: well above timer resolution, JIT tier-ups and scheduler noise. */
const MIN_BATCH_MS = 30;
const LARGE = 100_000;
const SMALL = 10_000;

/** ms per call over one batch of `calls` calls, each result alive until the next one replaces it. */
function sampleMs(fn: () => unknown, calls: number): number {
  collect();
  let kept: unknown;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) kept = fn();
  const ms = performance.now() - t0;
  keep(kept);
  return ms / calls;
}

/** One function × one path at both sizes. */
interface Pair {
  small: () => unknown;
  large: () => unknown;
  /** Calls per batch, set by calibrate. */
  smallCalls: number;
  largeCalls: number;
  smallMs: number[];
  largeMs: number[];
  /**
   * Fast paths: 5 rounds at each size, batches of equal rows (10 × 10k against 1 × 100k, scaled to
   * ≥ 30 ms). decimal.js only, where a 100k call takes ~0.5–1 s under load: 3 rounds at 10k (each a
   * ≥ 30 ms batch) and one 100k call, which lasts long enough to average its own noise; more would
   * push the bench past a minute. Its GC share is small next to the arithmetic, so the unequal
   * batches change little there.
   */
  slow: boolean;
  /** Runs before and after this pair's batches (the decimal.js-only pair switches the shortcut off). */
  enter?: () => void;
  leave?: () => void;
}

function pair(
  make: (n: number) => () => Output,
  slow: boolean,
  enter?: () => void,
  leave?: () => void,
): Pair {
  const p: Pair = {
    small: make(SMALL),
    large: make(LARGE),
    smallCalls: 1,
    largeCalls: 1,
    smallMs: [],
    largeMs: [],
    slow,
  };
  if (enter) p.enter = enter;
  if (leave) p.leave = leave;
  return p;
}

function withPath<T>(p: Pair, f: () => T): T {
  p.enter?.();
  try {
    return f();
  } finally {
    p.leave?.();
  }
}

const fastest = (fn: () => unknown, calls: number): number => {
  let best = Infinity;
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
};

/** Warm up (optimised code for the shapes of both sizes), then size the batches. */
function calibrate(p: Pair): void {
  withPath(p, () => {
    if (p.slow) {
      // Three 10k calls JIT the same code a 100k call runs; a 100k warm-up would cost a second more.
      const smallMs = fastest(p.small, 3);
      p.smallCalls = Math.max(1, Math.ceil(MIN_BATCH_MS / smallMs));
      p.largeCalls = 1;
      return;
    }
    const t0 = performance.now();
    let largeMs = Infinity;
    // Both sizes in turn until ~60 ms of work (at least 2 calls each) before any timing.
    while (largeMs === Infinity || performance.now() - t0 < 60) {
      p.small();
      largeMs = Math.min(largeMs, fastest(p.large, 2));
    }
    p.largeCalls = Math.max(1, Math.ceil(MIN_BATCH_MS / largeMs));
    p.smallCalls = p.largeCalls * (LARGE / SMALL);
  });
}

function round(p: Pair, index: number): void {
  withPath(p, () => {
    const small = () => p.smallMs.push(sampleMs(p.small, p.smallCalls));
    const large = () => p.largeMs.push(sampleMs(p.large, p.largeCalls));
    if (p.slow) {
      if (index < 3) small();
      if (index === 1) large();
    } else if (index % 2 === 0) {
      small();
      large();
    } else {
      large();
      small();
    }
  });
}

export interface Measurement {
  name: string;
  /** Median ms per call at 10k and 100k rows: shipped path, plain numbers, decimal.js only. */
  shipped: { small: number; large: number };
  plain: { small: number; large: number };
  decimalOnly?: { small: number; large: number };
}

const ROUNDS = 5;

/** Every case at 10k and 100k rows; `withDecimalOnly` adds the slow shortcut-off configuration. */
export function measure(withDecimalOnly = true): Measurement[] {
  return CASES.map((c) => {
    const shipped = pair(c.decimal, false);
    const plain = pair(c.plain, false);
    const decimalOnly = pair(
      c.decimal,
      true,
      () => {
        exactPath.enabled = false;
      },
      () => {
        exactPath.enabled = true;
      },
    );
    const all = withDecimalOnly ? [shipped, plain, decimalOnly] : [shipped, plain];
    for (const p of all) calibrate(p);
    // Interleaved: each round visits every configuration, alternating which size goes first.
    for (let r = 0; r < ROUNDS; r++) for (const p of all) round(p, r);
    const medians = (p: Pair) => ({ small: median(p.smallMs), large: median(p.largeMs) });
    return {
      name: c.name,
      shipped: medians(shipped),
      plain: medians(plain),
      ...(withDecimalOnly ? { decimalOnly: medians(decimalOnly) } : {}),
    };
  });
}

/** The flag scripts/bench.mjs adds; the default-GC run takes it out again. */
const TUNED_FLAG = /--max-semi-space-size=\d+/g;

/**
 * The same shipped/plain measurement in a child node with V8's default heap settings (the tuned
 * run's 64 MB young generation removed), as a user's Node or Excel's runtime would have them.
 * Keyed by case name; empty when the child fails (the row then says so).
 */
function measureWithDefaultGc(): { byName: Map<string, Measurement>; error: string | null } {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, require.resolve('./scaling-child')],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace(TUNED_FLAG, '').trim(),
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (child.status !== 0) {
    return {
      byName: new Map(),
      error: `child exited ${child.status}: ${child.stderr.slice(-300)}`,
    };
  }
  const list = JSON.parse(child.stdout) as Measurement[];
  return { byName: new Map(list.map((m) => [m.name, m])), error: null };
}

const RATIO_TARGET = 25;
const SCALING_TARGET = 11;

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const defaultGc = measureWithDefaultGc();
  for (const m of measure()) {
    const group = `functions: ${m.name}`;
    const decimalOnlyMs = m.decimalOnly ?? m.shipped;
    for (const [n, size] of [
      [SMALL, 'small'],
      [LARGE, 'large'],
    ] as const) {
      const plain = m.plain[size];
      const shipped = m.shipped[size] / plain;
      rows.push({
        group,
        name: `${n / 1000}k rows, one call, shipped path`,
        value: perSecond(n, m.shipped[size]),
        target: `≤ ${RATIO_TARGET}× plain`,
        note: `plain ${perSecond(n, plain)}; shipped/plain ${shipped.toFixed(1)}×${shipped <= RATIO_TARGET ? '' : ' OVER TARGET'}`,
      });
      const decimalOnly = decimalOnlyMs[size] / plain;
      rows.push({
        group,
        name: `${n / 1000}k rows, one call, decimal.js only`,
        value: perSecond(n, decimalOnlyMs[size]),
        note: `exact shortcut off: decimal.js-only/plain ${decimalOnly.toFixed(1)}×${decimalOnly <= RATIO_TARGET ? '' : ` (above ${RATIO_TARGET}×)`}`,
      });
    }
    const scaling = m.shipped.large / m.shipped.small;
    const plainScaling = m.plain.large / m.plain.small;
    const decimalScaling = decimalOnlyMs.large / decimalOnlyMs.small;
    rows.push({
      group,
      name: 'time(100k)/time(10k), shipped path, tuned GC (64 MB young generation)',
      value: scaling.toFixed(2),
      target: `≤ ${SCALING_TARGET}`,
      note: `${scaling <= SCALING_TARGET ? 'linear' : 'OVER TARGET'}; plain ${plainScaling.toFixed(1)}, decimal.js only ${decimalScaling.toFixed(1)}`,
    });
    const d = defaultGc.byName.get(m.name);
    const dScaling = d ? d.shipped.large / d.shipped.small : NaN;
    rows.push({
      group,
      name: "time(100k)/time(10k), shipped path, Node's default GC (child process)",
      value: d ? dScaling.toFixed(2) : '—',
      target: `≤ ${SCALING_TARGET}`,
      note: d
        ? `${dScaling <= SCALING_TARGET ? 'linear' : 'OVER TARGET'}; plain ${(d.plain.large / d.plain.small).toFixed(1)}; 100k: shipped ${perSecond(LARGE, d.shipped.large)}, ${(d.shipped.large / d.plain.large).toFixed(1)}× plain`
        : (defaultGc.error ?? 'no figure from the child'),
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
