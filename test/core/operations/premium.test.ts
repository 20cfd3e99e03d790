/** DESK.PREMIUM: unit tests and the property that its exact double path agrees with decimal.js. */
import fc from 'fast-check';
import { premium, type Output } from '../../../src/core';
import { decimalOnly, expectError } from '../helpers';
import { fcParams } from '../fc-seed';
import { positive, typed } from './arbitraries';

describe('PREMIUM', () => {
  it('PREMIUM is price / reference − 1, ranges meaning midpoints', () => {
    expect(premium(110, 100)).toBe(0.1);
    expect(premium('760,000', '747,000-753,000')).toBe(10000 / 750000);
    expect(premium(0.3, 0.1)).toBe(2);
    expectError(premium(1, 0), 'div0');
    expectError(
      premium('1 USD/kg', '1 CNY/kg'),
      'value',
      'price is in USD/kg but reference is in CNY/kg',
    );
  });
});

describe('PREMIUM properties', () => {
  it('the exact double path gives the same Excel number as decimal.js', () => {
    fc.assert(
      fc.property(typed(), positive(), (a, b) => {
        const cases: (() => Output)[] = [
          () => premium(a, b),
          () => premium(String(a), `${b}-${b * 2}`),
        ];
        for (const run of cases) expect(run()).toEqual(decimalOnly(run));
      }),
      fcParams(),
    );
  });
});
