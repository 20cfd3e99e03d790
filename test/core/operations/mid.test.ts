/** DESK.MID: unit tests and the property that its exact double path agrees with decimal.js. */
import fc from 'fast-check';
import { mid, type Output } from '../../../src/core';
import { decimalOnly, expectError } from '../helpers';
import { fcParams } from '../fc-seed';
import { typed } from './arbitraries';

describe('MID', () => {
  it('MID gives the midpoint of a range text, or the number itself', () => {
    expect(mid('747,000-753,000')).toBe(750000);
    expect(mid('64.5 - 65.5 USD/kg')).toBe(65);
    expect(mid(61.5)).toBe(61.5);
    expectError(mid(''), 'na', 'price');
  });
});

describe('MID properties', () => {
  it('the exact double path gives the same Excel number as decimal.js', () => {
    fc.assert(
      fc.property(typed(), typed(), (a, b) => {
        const cases: (() => Output)[] = [() => mid(a), () => mid(`${a}-${a + b}`)];
        for (const run of cases) expect(run()).toEqual(decimalOnly(run));
      }),
      fcParams(),
    );
  });
});
