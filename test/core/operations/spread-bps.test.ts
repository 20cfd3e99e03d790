/** DESK.SPREAD_BPS: unit tests and the property that its exact double path agrees with decimal.js. */
import fc from 'fast-check';
import { spreadBps, type Output } from '../../../src/core';
import { decimalOnly, expectError } from '../helpers';
import { fcParams } from '../fc-seed';
import { typed } from './arbitraries';

describe('SPREAD_BPS', () => {
  it('SPREAD_BPS is (ask − bid) / mid × 10,000', () => {
    expect(spreadBps(99, 101)).toBe(200);
    expect(spreadBps(0.1, 0.3)).toBe(10000);
    expectError(spreadBps(0, 0), 'div0');
    expectError(spreadBps(64, 61.5), 'value', 'crossed quote');
  });
});

describe('SPREAD_BPS properties', () => {
  it('the exact double path gives the same Excel number as decimal.js', () => {
    fc.assert(
      fc.property(typed(), typed(), (x, y) => {
        const [bid, ask] = x <= y ? [x, y] : [y, x];
        const cases: (() => Output)[] = [
          () => spreadBps(bid, ask),
          () => spreadBps(String(bid), String(ask)),
        ];
        for (const run of cases) expect(run()).toEqual(decimalOnly(run));
      }),
      fcParams(),
    );
  });
});
