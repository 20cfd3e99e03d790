/** DESK.SPREAD_COST: unit tests and the property that its exact double path agrees with decimal.js. */
import fc from 'fast-check';
import { spreadCost, type Output } from '../../../src/core';
import { decimalOnly, expectError } from '../helpers';
import { fcParams } from '../fc-seed';
import { num, typed } from './arbitraries';

describe('SPREAD_COST', () => {
  it('SPREAD_COST(0.1, 0.3) is exactly 0.2 (no binary drift)', () => {
    expect(spreadCost(0.1, 0.3)).toBe(0.2);
  });

  it('SPREAD_COST(61.5, 64, 1000) → 2500; one leg → 1250', () => {
    expect(spreadCost(61.5, 64, 1000)).toBe(2500);
    expect(spreadCost(61.5, 64, 1000, 1)).toBe(1250);
  });

  it('accepts numbers as text and units that agree', () => {
    expect(spreadCost('61.5', '64 USD/kg', '1,000')).toBe(2500);
  });

  it.each([
    [[64, 61.5], 'value', 'bid 64 is above ask 61.5 (crossed quote)'],
    [
      ['60-62', 64],
      'value',
      "bid: '60-62' is a low–high range; an agency's assessment range is not a bid/ask quote",
    ],
    [[60, '61-63'], 'value', 'ask: '],
    [[61.5, 64, -1], 'value', 'quantity must not be negative'],
    [[61.5, 64, 1, 3], 'value', 'legs must be 1 or 2'],
    [[null, 64], 'na', 'bid is required'],
    [[61.5, ''], 'na', 'ask is required'],
    [[true, 64], 'value', 'bid: TRUE is a logical value'],
    [[61.5, 64, '10 t'], 'value', "quantity: cannot read '10 t' as a number"],
    [['61 USD/kg', '64 CNY/kg'], 'value', 'bid is in USD/kg but ask is in CNY/kg'],
    [[-1, 64], 'value', 'bid must not be negative'],
  ] as const)('SPREAD_COST(%j) → #%s', (args, code, message) => {
    expectError((spreadCost as (...a: unknown[]) => unknown)(...args) as never, code, message);
  });

  it('treats an empty quantity or legs as the default, not zero', () => {
    expect(spreadCost(61.5, 64, null, null)).toBe(2.5);
    expect(spreadCost([[61.5]], [[64]], [['']], [[null]])).toEqual([[2.5]]);
  });
});

describe('SPREAD_COST properties', () => {
  it('SPREAD_COST is never negative for a valid quote', () => {
    fc.assert(
      fc.property(typed(), typed(), typed(1e6), fc.constantFrom(1, 2), (x, y, q, legs) => {
        const [bid, ask] = x <= y ? [x, y] : [y, x];
        expect(num(spreadCost(bid, ask, q, legs))).toBeGreaterThanOrEqual(0);
      }),
      fcParams(),
    );
  });

  it('the exact double path gives the same Excel number as decimal.js', () => {
    fc.assert(
      fc.property(typed(), typed(), typed(1e5), fc.constantFrom(1, 2), (x, y, q, legs) => {
        const [bid, ask] = x <= y ? [x, y] : [y, x];
        const cases: (() => Output)[] = [
          () => spreadCost(bid, ask, q),
          () => spreadCost(bid, ask, q, legs),
          () => spreadCost(String(bid), String(ask)),
        ];
        for (const run of cases) expect(run()).toEqual(decimalOnly(run));
      }),
      fcParams(),
    );
  });
});
