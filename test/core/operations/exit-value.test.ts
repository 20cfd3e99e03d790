/** DESK.EXIT_VALUE: unit tests and the property that its exact double path agrees with decimal.js. */
import fc from 'fast-check';
import { D, exitValue, type Output } from '../../../src/core';
import { decimalOnly, expectError } from '../helpers';
import { fcParams } from '../fc-seed';
import { fraction, num, typed } from './arbitraries';

describe('EXIT_VALUE', () => {
  it('EXIT_VALUE(1000, 60, 0.01, {500,300}, 600, 0.1) → 56224', () => {
    expect(exitValue(1000, 60, 0.01, [[500, 300]], 600, 0.1)).toBe(56224);
  });

  it('defaults: no fee, no costs, whole quantity at the bid', () => {
    expect(exitValue(1000, 60)).toBe(60000);
    expect(exitValue(1000, 60, null, null, 5000, 0.5)).toBe(60000);
  });

  it('sums fixed costs given as one number or a range, skipping blanks', () => {
    expect(exitValue(10, 60, 0, 100)).toBe(500);
    expect(exitValue(10, 60, 0, [[100], [null], ['50']])).toBe(450);
  });

  it('returns a negative net as is', () => {
    expect(exitValue(1, 60, 0, 100)).toBe(-40);
  });

  it('keeps decimal exactness', () => {
    expect(exitValue(3, 0.1, 0.1)).toBe(0.27);
  });

  it.each([
    [[-1, 60], 'quantity must not be negative'],
    [[1, 60, 1.5], 'fee_rate must be between 0 and 1'],
    [[1, 60, -0.1], 'fee_rate must be between 0 and 1'],
    [[1, 60, 0, 0, -5], 'bid_depth must not be negative'],
    [[1, 60, 0, 0, 1, 2], 'depth_haircut must be between 0 and 1'],
    [[1, '60-62'], "bid: '60-62' is a low–high range"],
    [[1, 60, 0, [['storage']]], "fixed_costs: cannot read 'storage' as a number"],
    [[false, 60], 'quantity: FALSE is a logical value, not a number'],
  ] as const)('EXIT_VALUE(%j) → #VALUE! naming the argument', (args, message) => {
    expectError((exitValue as (...a: unknown[]) => unknown)(...args) as never, 'value', message);
  });

  it('reads fee rates written as percent text', () => {
    expect(exitValue(1000, 60, '1%')).toBe(59400);
  });
});

describe('EXIT_VALUE properties', () => {
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

  it('the exact double path gives the same Excel number as decimal.js', () => {
    fc.assert(
      fc.property(typed(1e5), typed(), typed(), fraction, fraction, typed(), (q, a, b, f, h, d) => {
        const cases: (() => Output)[] = [
          () => exitValue(q, a, f, [[b, 0.5]], d, h),
          () => exitValue(q, a),
          () => exitValue(String(q), String(a), f),
        ];
        for (const run of cases) expect(run()).toEqual(decimalOnly(run));
      }),
      fcParams(),
    );
  });
});
