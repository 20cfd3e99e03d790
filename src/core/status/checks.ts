import { D } from '../calc/decimal';
import { MS_PER_DAY } from '../dates';
import type { Direction, Limits, SourceState } from './types';

/** The hard checks, each returning the failure as the desk would say it, or null when it passes. */

const DAY = new D(MS_PER_DAY);

/** Shows a value with as few decimals as still tell it apart from the limit ("7.04 days", not "7 days"). */
function showBeyond(value: D, limit: D): string {
  let places = 1;
  let shown = value.toDecimalPlaces(places);
  while (places < 6 && shown.eq(limit) !== value.eq(limit)) {
    places += 1;
    shown = value.toDecimalPlaces(places);
  }
  return shown.toString();
}

const percent = (fraction: D): string => `${fraction.times(100).toDecimalPlaces(2).toString()}%`;

/** Source age: as_of − quote_time in days (fractions count) above max_age_days. */
export function sourceAgeCheck(quoteTime: Date, asOf: Date, limits: Limits): string | null {
  const ageMs = new D(asOf.getTime() - quoteTime.getTime());
  if (!ageMs.gt(limits.maxAgeDays.times(DAY))) return null;
  const days = ageMs.div(DAY);
  return `source ${showBeyond(days, limits.maxAgeDays)} days old (max ${limits.maxAgeDays.toString()})`;
}

/** Spread friction above max_spread_bps. */
export function spreadCheck(spreadBps: D, limits: Limits): string | null {
  if (!spreadBps.gt(limits.maxSpreadBps)) return null;
  return `spread ${showBeyond(spreadBps, limits.maxSpreadBps)} bps (max ${limits.maxSpreadBps.toString()})`;
}

/** Ratio contradiction: the change moves against the expected direction by more than the tolerance. */
export function ratioCheck(ratioChange: D, expected: Direction, limits: Limits): string | null {
  const tol = limits.ratioTolerance;
  const against =
    expected === 'up'
      ? ratioChange.lt(tol.neg())
      : expected === 'down'
        ? ratioChange.gt(tol)
        : ratioChange.abs().gt(tol);
  if (!against) return null;
  const moved = ratioChange.isNegative() ? 'down' : 'up';
  return `ratio ${moved} ${percent(ratioChange.abs())} against expected ${expected} (tolerance ${percent(tol)})`;
}

/** An indicative quote cannot carry action; market and mixed can. */
export function sourceStateCheck(state: SourceState | null): string | null {
  return state === 'indicative' ? 'source state indicative' : null;
}
