import fc from 'fast-check';
import {
  convert,
  convertPrice,
  D,
  exitValue,
  noteStatus,
  premium,
  ratio,
  ratioOf,
  spreadBps,
  spreadCost,
  UNITS,
  type Output,
} from '../../src/core';
import { decimalOnly } from './helpers';
import { fcParams } from './fc-seed';

/** A value as typed in a cell: up to 4 decimals, so m / 10^k is the double Excel holds. */
const typed = (max = 1e9) =>
  fc
    .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 4 }))
    .map(([m, k]) => m / 10 ** k);
const positive = (max = 1e9) => typed(max).filter((x) => x > 0);
const fraction = fc.integer({ min: 0, max: 10000 }).map((m) => m / 10000);
const unit = fc.constantFrom(...UNITS);

const num = (out: Output): number => {
  if (typeof out !== 'number') throw new Error(`expected a number, got ${JSON.stringify(out)}`);
  return out;
};

describe('properties', () => {
  it('RATIO(a, b) × RATIO(b, a) = 1 (exactly in decimals, to a double’s precision in Excel)', () => {
    fc.assert(
      fc.property(positive(), positive(), (a, b) => {
        const ab = ratioOf({ numerator: new D(a), denominator: new D(b) });
        const ba = ratioOf({ numerator: new D(b), denominator: new D(a) });
        if (!ab.ok || !ba.ok) return false;
        expect(ab.value.times(ba.value).minus(1).abs().lt('1e-30')).toBe(true);
        expect(Math.abs(num(ratio(a, b)) * num(ratio(b, a)) - 1)).toBeLessThanOrEqual(4.5e-16);
        return true;
      }),
      fcParams(),
    );
  });

  it('SPREAD_COST is never negative for a valid quote', () => {
    fc.assert(
      fc.property(typed(), typed(), typed(1e6), fc.constantFrom(1, 2), (x, y, q, legs) => {
        const [bid, ask] = x <= y ? [x, y] : [y, x];
        expect(num(spreadCost(bid, ask, q, legs))).toBeGreaterThanOrEqual(0);
      }),
      fcParams(),
    );
  });

  it('EXIT_VALUE is never above quantity × bid when fee, costs and haircut are ≥ 0', () => {
    fc.assert(
      fc.property(
        typed(1e6),
        typed(1e6),
        fraction,
        typed(1e6),
        typed(1e6),
        fraction,
        (q, bid, fee, cost, depth, haircut) => {
          const value = num(exitValue(q, bid, fee, cost, depth, haircut));
          const ceiling = new D(q).times(bid);
          expect(new D(value).lte(ceiling.times(1 + 1e-15))).toBe(true);
        },
      ),
      fcParams(),
    );
  });

  it('NOTE_STATUS is never action when a hard check fails', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 * 24 * 60 }),
        typed(1000),
        fc.integer({ min: -300, max: 300 }).map((x) => x / 1000),
        fc.constantFrom('up', 'down', 'flat'),
        fc.constantFrom('market', 'mixed', 'indicative', null),
        (ageMinutes, spread, change, direction, state) => {
          const quote = new Date(now.getTime() - ageMinutes * 60_000).toISOString();
          const out = noteStatus(
            quote,
            spread,
            change,
            null,
            direction,
            null,
            state,
            null,
            null,
            now,
          );
          const against =
            direction === 'up'
              ? change < -0.05
              : direction === 'down'
                ? change > 0.05
                : Math.abs(change) > 0.05;
          const failing =
            ageMinutes > 7 * 24 * 60 || spread > 300 || against || state === 'indicative';
          expect(out).toBe(failing ? 'watchlist' : 'action');
        },
      ),
      fcParams(),
    );
  });

  it('conversions round-trip (exactly in decimals, to a double’s precision in Excel)', () => {
    fc.assert(
      fc.property(positive(), unit, unit, positive(100), (x, from, to, fx) => {
        const there = convertPrice(new D(x), from, to, new D(fx));
        if (!there.ok) return false;
        const back = convertPrice(there.value, to, from, new D(fx));
        if (!back.ok) return false;
        expect(back.value.minus(x).abs().lte(new D(x).times('1e-30'))).toBe(true);
        const excel = num(convert(num(convert(x, from, to, fx)), to, from, fx));
        expect(Math.abs(excel - x)).toBeLessThanOrEqual(x * 4.5e-16);
        return true;
      }),
      fcParams(),
    );
  });

  it('the exact double shortcut gives the same Excel number as decimal.js', () => {
    fc.assert(
      fc.property(
        typed(),
        typed(),
        typed(1e5),
        fraction,
        fraction,
        unit,
        unit,
        positive(100),
        (a, b, q, f, h, u1, u2, fx) => {
          const [bid, ask] = a <= b ? [a, b] : [b, a];
          const cases: (() => Output)[] = [
            () => ratio(a, b),
            () => ratio(a, b, u1, u2, fx),
            () => spreadCost(bid, ask, q),
            () => spreadBps(bid, ask),
            () => premium(a, b),
            () => exitValue(q, bid, f, [[b, 0.5]], a, h),
            () => convert(a, u1, u2, fx, f),
          ];
          for (const run of cases) expect(run()).toEqual(decimalOnly(run));
        },
      ),
      fcParams(),
    );
  });
});
