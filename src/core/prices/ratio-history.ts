/**
 * A ratio of two prices over time, for the pane's Ratio view and the DeskRatioHistory table. At
 * every price date of either leg where both have a latest price (latest.ts's rule, as of that day:
 * never a later price), the two mids in one unit — DESK.CONVERT's own calculation, a China
 * domestic incl. VAT price with its VAT stripped first, as the review form compares prices — and
 * their ratio by DESK.RATIO's own entry on those two numbers, so the chart equals =DESK.RATIO over
 * the table's Numerator and Denominator cells.
 */
import { formatDate } from '../dates';
import { isDeskError } from '../errors';
import { convert } from '../operations/convert';
import { ratio } from '../operations/ratio';
import { needsFx } from '../price/factor';
import { unitOf, type Unit } from '../price/units';
import type { RecordValues } from '../record/cells';
import { CHINA_VAT_RATE, VAT_INCLUSIVE_BASIS } from '../record/schema';
import { done, refused, type Checked, type Refused } from '../result';
import { show } from '../show';
import {
  indexPrices,
  normal,
  priceDays,
  recordQuery,
  recordRows,
  selectLatest,
  type LatestQuery,
  type PriceIndex,
} from './latest';

export interface RatioPoint {
  /** The price date the point is as of, yyyy-mm-dd. */
  readonly date: string;
  /** Each leg's latest mid on or before `date`, in `unit` (ex-VAT). */
  readonly numerator: number;
  readonly denominator: number;
  /** DESK.RATIO(numerator, denominator). */
  readonly ratio: number;
  /** Each leg's Source label, with its own price date when it is older than the point's. */
  readonly numeratorSource: string;
  readonly denominatorSource: string;
  readonly unit: Unit;
}

export interface RatioHistoryQuery {
  /** Price codes or products, as DESK.LATEST takes a key. */
  readonly numerator: string;
  readonly denominator: string;
  /** The unit both legs are shown in; default the denominator's unit at the first point. */
  readonly unit?: Unit;
  /** CNY per USD, needed only when a leg's currency differs from the unit's (one rate for the whole history). */
  readonly fx?: number | null;
  /** Keeps only rows of this basis, on both legs. */
  readonly locationBasis?: string | null;
}

const VAT_RATE = CHINA_VAT_RATE.toNumber();
const VAT_BASIS = normal(VAT_INCLUSIVE_BASIS);
const isDay = (ms: number): string => formatDate(new Date(ms)).slice(0, 10);

/** One leg's mid in `to`, as =DESK.CONVERT(mid, unit, to, fx, vat) gives it; or why not. */
function legValue(
  row: RecordValues,
  name: string,
  to: Unit | null,
  fx: number | null,
): Checked<{ value: number; unit: Unit }> {
  const mid = row.priceMid;
  if (typeof mid !== 'number' || !Number.isFinite(mid)) {
    return refused(`${name}: Price mid is ${show(mid)}, not a number`);
  }
  const from = typeof row.unit === 'string' ? unitOf(row.unit) : null;
  if (from === null) return refused(`${name}: Unit ${show(row.unit)} is not a price unit`);
  const target = to ?? from;
  const vat = typeof row.locationBasis === 'string' && normal(row.locationBasis) === VAT_BASIS;
  if (from === target && !vat) return done({ value: mid, unit: target });
  if (needsFx(from, target) && (fx === null || fx === undefined)) {
    return refused(
      `${name} is in ${from} and the ratio is shown in ${target}: give an FX rate (CNY per USD)`,
    );
  }
  const out = convert(mid, from, target, fx ?? null, vat ? VAT_RATE : null);
  if (isDeskError(out)) return refused(`${name}: ${out.message}`);
  if (typeof out !== 'number') return refused(`${name}: its price could not be converted`);
  return done({ value: out, unit: target });
}

function source(row: RecordValues, day: number, pointDay: number): string {
  const label = typeof row.sourceLabel === 'string' ? row.sourceLabel.trim() : '';
  return day === pointDay ? label : `${label} (${isDay(day)})`;
}

/** Both legs' questions for one day. */
function legQuery(base: LatestQuery, asOfMs: number): LatestQuery {
  return { ...base, asOfMs };
}

function allDays(ix: PriceIndex, legs: readonly LatestQuery[]): number[] | Refused {
  const days = new Set<number>();
  for (const leg of legs) {
    const d = priceDays(ix, leg);
    if (!d.ok) return refused(d.error.message);
    for (const day of d.value) days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

/**
 * The ratio's history over rows read from DeskPrices: one point per price date of either leg on
 * which both have a latest price. A leg with rows at several bases (and no locationBasis), a row
 * that cannot be read, or a conversion that needs an FX rate not given refuses the whole history
 * with the reason, naming the row.
 */
export function ratioHistory(
  rows: readonly RecordValues[],
  q: RatioHistoryQuery,
): Checked<{ points: RatioPoint[] }> {
  const start = new Date(0);
  const num = recordQuery(q.numerator, start, q.locationBasis);
  if (!num.ok) return refused(`Numerator: ${num.message}`);
  const den = recordQuery(q.denominator, start, q.locationBasis);
  if (!den.ok) return refused(`Denominator: ${den.message}`);
  const ix = indexPrices(recordRows(rows));
  const days = allDays(ix, [num.query, den.query]);
  if (!Array.isArray(days)) return days;
  const name = ix.rows.name;
  const fx = q.fx ?? null;
  let unit: Unit | null = q.unit ?? null;
  const points: RatioPoint[] = [];
  for (const day of days) {
    const n = selectLatest(ix, legQuery(num.query, day));
    const d = selectLatest(ix, legQuery(den.query, day));
    if (!n.ok && n.error.code !== 'na') return refused(n.error.message);
    if (!d.ok && d.error.code !== 'na') return refused(d.error.message);
    if (!n.ok || !d.ok) continue; // a leg has no price yet on this day
    const nRow = rows[n.row] as RecordValues;
    const dRow = rows[d.row] as RecordValues;
    const denominator = legValue(dRow, name(d.row), unit, fx);
    if (!denominator.ok) return denominator;
    unit = denominator.unit;
    const numerator = legValue(nRow, name(n.row), unit, fx);
    if (!numerator.ok) return numerator;
    const r = ratio(numerator.value, denominator.value);
    if (typeof r !== 'number') {
      const why = isDeskError(r) && r.code === 'div0' ? 'the denominator is zero' : 'no ratio';
      return refused(`${isDay(day)}: ${why} (${name(d.row)})`);
    }
    points.push({
      date: isDay(day),
      numerator: numerator.value,
      denominator: denominator.value,
      ratio: r,
      numeratorSource: source(nRow, n.day, day),
      denominatorSource: source(dRow, d.day, day),
      unit,
    });
  }
  return done({ points });
}
