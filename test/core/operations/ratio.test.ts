/** DESK.RATIO: unit tests and the property that its exact double path agrees with decimal.js. */
import fc from 'fast-check';
import { D, ratio, ratioOf, type Output } from '../../../src/core';
import { decimalOnly, expectError } from '../helpers';
import { fcParams } from '../fc-seed';
import { num, positive, unit } from './arbitraries';

describe('RATIO', () => {
  it('RATIO of two yuan/mt ranges is 2.2 exactly', () => {
    expect(ratio('1,640,000-1,660,000 yuan/mt', '747,000-753,000 yuan/mt')).toBe(2.2);
  });

  it('is a plain division without units, or with a unit on one side only', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio('750 USD/kg', 250)).toBe(3);
    expect(ratio(0.3, 0.1)).toBe(3);
  });

  it('converts the numerator into the denominator unit', () => {
    expect(ratio('750 USD/kg', '250000 USD/t')).toBe(3);
    expect(ratio(750, 250000, 'USD/kg', 'USD/t')).toBe(3);
    expect(ratio('7,100 CNY/t', '1 USD/kg', undefined, undefined, 7.1)).toBe(1);
  });

  it('ignores fx when both sides share a currency, even an invalid one', () => {
    expect(ratio('100 CNY/kg', '50 CNY/kg', undefined, undefined, -3)).toBe(2);
  });

  it('needs a positive fx across currencies', () => {
    expectError(ratio('7100 CNY/t', '1 USD/kg'), 'value', 'needs fx_cny_per_usd (CNY per USD)');
    expectError(
      ratio('7100 CNY/t', '1 USD/kg', null, null, 0),
      'value',
      'fx_cny_per_usd must be positive',
    );
    expectError(
      ratio('7100 CNY/t', '1 USD/kg', null, null, 'seven'),
      'value',
      "fx_cny_per_usd: cannot read 'seven'",
    );
  });

  it('refuses a unit argument that contradicts the unit in the text', () => {
    expectError(
      ratio('750 USD/kg', 1, 'CNY/t'),
      'value',
      'numerator: the unit written in the price (USD/kg) contradicts numerator_unit CNY/t',
    );
    expect(ratio('750 $/kg', 1, 'USD/kg')).toBe(750);
  });

  it('gives #DIV/0! for a zero denominator, #N/A for an empty one, #NUM! on overflow', () => {
    expectError(ratio(1, 0), 'div0');
    expectError(ratio(1, '0-0'), 'div0');
    expectError(ratio(1, null), 'na', 'denominator');
    expectError(ratio(1e300, 1e-300), 'num');
  });

  it('names the argument it cannot read', () => {
    expectError(ratio(1, 'n/a'), 'value', "denominator: cannot read 'n/a' as a price");
    expectError(ratio(true, 1), 'value', 'numerator: TRUE is a logical value, not a price');
    expectError(ratio(1, 2, 'EUR/kg'), 'value', "numerator_unit: unknown unit 'EUR/kg'");
  });
});

describe('RATIO properties', () => {
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

  it('the exact double path gives the same Excel number as decimal.js', () => {
    fc.assert(
      fc.property(positive(), positive(), unit, unit, positive(100), (a, b, u1, u2, fx) => {
        const cases: (() => Output)[] = [
          () => ratio(a, b),
          () => ratio(a, b, u1, u2, fx),
          () => ratio(`${a}-${a + b} USD/kg`, b, undefined, u2, fx),
        ];
        for (const run of cases) expect(run()).toEqual(decimalOnly(run));
      }),
      fcParams(),
    );
  });
});
