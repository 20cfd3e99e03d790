/**
 * Where a ratio history's points go in the Ratio view's SVG line chart (pure): an x position by
 * date (days apart stay apart in proportion), a y position on a scale with round ticks, in a
 * fixed viewBox the SVG scales to its box.
 */
export const VIEW = { width: 320, height: 180, left: 40, right: 10, top: 10, bottom: 26 } as const;

export interface PlotPoint {
  readonly x: number;
  readonly y: number;
}

export interface Plot {
  readonly points: readonly PlotPoint[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
}

const dayMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** About `count` round steps (1, 2 or 5 × 10^n) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  // A span lost in the values' own precision is no span: pad it, or the steps would not move.
  if (!(hi - lo > Math.max(Math.abs(hi), Math.abs(lo)) * 1e-9)) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return niceTicks(lo - pad, hi + pad, count);
  }
  const raw = (hi - lo) / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let k = 0; k <= count * 3; k++) {
    const t = Number((first + k * step).toPrecision(12));
    ticks.push(t);
    if (t >= hi - step * 1e-9 && ticks.length >= 2) break;
  }
  return ticks;
}

const tickLabel = (n: number): string => n.toLocaleString('en-US', { maximumSignificantDigits: 6 });

/** The plot of points (dates ascending, as ratioHistory gives them). */
export function plotRatio(points: readonly { date: string; ratio: number }[]): Plot {
  const x0 = VIEW.left;
  const x1 = VIEW.width - VIEW.right;
  const y0 = VIEW.height - VIEW.bottom;
  const y1 = VIEW.top;
  const days = points.map((p) => dayMs(p.date));
  const first = days[0] ?? 0;
  const last = days[days.length - 1] ?? 0;
  const xOf = (ms: number) =>
    last === first ? (x0 + x1) / 2 : x0 + ((ms - first) / (last - first)) * (x1 - x0);
  const values = points.map((p) => p.ratio);
  const ticks = niceTicks(Math.min(...values, Infinity), Math.max(...values, -Infinity));
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const yOf = (v: number) => (hi === lo ? (y0 + y1) / 2 : y0 - ((v - lo) / (hi - lo)) * (y0 - y1));
  const xLabels =
    points.length <= 1
      ? points.map((p, i) => ({ x: xOf(days[i] ?? 0), label: p.date }))
      : [
          { x: x0, label: points[0]?.date ?? '' },
          { x: x1, label: points[points.length - 1]?.date ?? '' },
        ];
  return {
    points: points.map((p, i) => ({ x: xOf(days[i] ?? 0), y: yOf(p.ratio) })),
    yTicks: values.length === 0 ? [] : ticks.map((t) => ({ y: yOf(t), label: tickLabel(t) })),
    xTicks: xLabels,
  };
}
