/** DESK.CONVERT: unit tests and the property that its exact double path agrees with decimal.js. */
import fc from 'fast-check';
import { convert, convertPrice, D, type Output } from '../../../src/core';
import { decimalOnly, expectError } from '../helpers';
import { fcParams } from '../fc-seed';
import { fraction, num, positive, typed, unit } from './arbitraries';

describe('CONVERT', () => {
  it('CONVERT between every unit pair, both ways', () => {
    expect(convert(1, 'USD/kg', 'USD/t')).toBe(1000);
    expect(convert(1000, 'USD/t', 'USD/kg')).toBe(1);
    expect(convert(1, 'USD/lb', 'USD/kg')).toBe(1 / 0.45359237);
    expect(convert(1, 'USD/kg', 'USD/lb')).toBe(0.45359237);
    expect(convert(7.1, 'CNY/kg', 'USD/kg', 7.1)).toBe(1);
    expect(convert(1, 'USD/kg', 'CNY/t', 7.1)).toBe(7100);
    expect(convert(7100, 'CNY/t', 'USD/kg', 7.1)).toBe(1);
    expect(convert(1, 'CNY/kg', 'CNY/t')).toBe(1000);
    expect(convert('747,000-753,000 yuan/mt', null, 'CNY/kg')).toBe(750);
  });

  it('CONVERT strips VAT from a VAT-inclusive price', () => {
    expect(convert(1130, 'CNY/t', 'CNY/t', null, 0.13)).toBe(1000);
    expect(convert('1,130 yuan/mt', 'CNY/t', 'CNY/kg', null, '13%')).toBe(1);
    expectError(
      convert(1130, 'CNY/t', 'CNY/t', null, 1.3),
      'value',
      'vat_rate must be between 0 and 1',
    );
  });

  it('CONVERT errors name the argument', () => {
    expectError(
      convert(1, 'CNY/t', 'USD/t'),
      'value',
      'converting CNY/t to USD/t needs fx_cny_per_usd',
    );
    expectError(convert(1, 'CNY/t', 'USD/t', -7), 'value', 'fx_cny_per_usd must be positive');
    expectError(convert('1 USD/kg', 'CNY/t', 'USD/t'), 'value', 'contradicts from_unit CNY/t');
    expectError(convert(1, null, 'USD/t'), 'na', 'from_unit');
    expectError(convert(1, 'USD/kg', null), 'na', 'to_unit');
    expectError(convert(1, 'USD/kg', 'gold/oz'), 'value', "to_unit: unknown unit 'gold/oz'");
    expectError(convert(1, 'USD/kg', 7), 'value', 'to_unit: 7 is not a unit');
  });
});

describe('CONVERT properties', () => {
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

  it('the exact double path gives the same Excel number as decimal.js', () => {
    fc.assert(
      fc.property(typed(), unit, unit, positive(100), fraction, (a, u1, u2, fx, f) => {
        const cases: (() => Output)[] = [
          () => convert(a, u1, u2, fx, f),
          () => convert(a, u1, u2, fx),
          () => convert(`${a} ${u1}`, null, u2, fx),
        ];
        for (const run of cases) expect(run()).toEqual(decimalOnly(run));
      }),
      fcParams(),
    );
  });
});
