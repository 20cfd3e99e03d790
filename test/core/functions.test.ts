import { convert, exitValue, mid, premium, ratio, spreadBps, spreadCost } from '../../src/core';
import { expectError } from './helpers';

describe('spec examples', () => {
  it('RATIO of two yuan/mt ranges is 2.2 exactly', () => {
    expect(ratio('1,640,000-1,660,000 yuan/mt', '747,000-753,000 yuan/mt')).toBe(2.2);
  });
  it('SPREAD_COST(0.1, 0.3) is exactly 0.2 (no binary drift)', () => {
    expect(spreadCost(0.1, 0.3)).toBe(0.2);
  });
  it('SPREAD_COST(61.5, 64, 1000) → 2500; one leg → 1250', () => {
    expect(spreadCost(61.5, 64, 1000)).toBe(2500);
    expect(spreadCost(61.5, 64, 1000, 1)).toBe(1250);
  });
  it('EXIT_VALUE(1000, 60, 0.01, {500,300}, 600, 0.1) → 56224', () => {
    expect(exitValue(1000, 60, 0.01, [[500, 300]], 600, 0.1)).toBe(56224);
  });
});

describe('RATIO', () => {
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

describe('SPREAD_COST', () => {
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

describe('EXIT_VALUE', () => {
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

describe('MID, CONVERT, SPREAD_BPS, PREMIUM', () => {
  it('MID gives the midpoint of a range text, or the number itself', () => {
    expect(mid('747,000-753,000')).toBe(750000);
    expect(mid('64.5 - 65.5 USD/kg')).toBe(65);
    expect(mid(61.5)).toBe(61.5);
    expectError(mid(''), 'na', 'price');
  });

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

  it('SPREAD_BPS is (ask − bid) / mid × 10,000', () => {
    expect(spreadBps(99, 101)).toBe(200);
    expect(spreadBps(0.1, 0.3)).toBe(10000);
    expectError(spreadBps(0, 0), 'div0');
    expectError(spreadBps(64, 61.5), 'value', 'crossed quote');
  });

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
