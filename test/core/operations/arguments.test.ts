import {
  convert,
  exitValue,
  mid,
  parsePrice,
  ratio,
  spreadBps,
  spreadCost,
  type Arg,
} from '../../../src/core';
import { TEXT_LIMIT } from '../../../src/core/text';
import { expectError } from '../helpers';

/** How the DESK functions read what a user types or Excel passes (QA findings on input). */

/** An Excel data-type entity or error value, as it arrives in an `any` matrix argument. */
const entity = (basicValue: unknown): Arg => ({ type: 'Double', basicValue }) as unknown as Arg;

describe('percent text only where the argument is a fraction', () => {
  it('refuses percent text for quantities, legs, bid depth, prices, bid/ask and fx', () => {
    expectError(spreadCost(60, 64, '10%'), 'value', "quantity: '10%' is a percentage");
    expectError(spreadCost(60, 64, 1, '100%'), 'value', "legs: '100%' is a percentage");
    expectError(exitValue(1000, 60, 0, 0, '50%'), 'value', "bid_depth: '50%' is a percentage");
    expectError(exitValue(1000, 60, 0, [['5%']]), 'value', "fixed_costs: '5%' is a percentage");
    expectError(spreadBps('4%', 64), 'value', "bid: '4%' is a percentage; give a price");
    expectError(ratio('4%', 2), 'value', "numerator: '4%' is a percentage");
    expectError(
      convert(100, 'CNY/kg', 'USD/kg', '7%'),
      'value',
      "fx_cny_per_usd: '7%' is a percentage",
    );
  });

  it('still reads percent text for fee, VAT and haircut rates', () => {
    expect(exitValue(1000, 60, '1%')).toBe(59400);
    expect(exitValue(1000, 60, 0, 0, 600, '10%')).toBe(57600);
    expect(convert('1,130 yuan/mt', 'CNY/t', 'CNY/kg', null, '13%')).toBe(1);
  });
});

describe('Excel data-type and error values', () => {
  it('say so instead of "[object Object]", naming the argument', () => {
    expectError(
      (mid([[entity(65) as never]]) as unknown[][])[0]![0] as never,
      'value',
      'price: cannot read an Excel data-type or error value; give a price',
    );
    expectError(
      convert(100, 'CNY/kg', 'USD/kg', entity(7.1)),
      'value',
      'fx_cny_per_usd: cannot read an Excel data-type or error value; give a number',
    );
    expectError(
      convert(100, entity('USD/kg'), 'USD/t'),
      'value',
      "from_unit: cannot read an Excel data-type or error value; give a unit such as 'USD/kg'",
    );
    const out = spreadCost([[60], [entity(61) as never]], 64) as unknown[][];
    expect(out[0]).toEqual([4]);
    expectError(out[1]![0] as never, 'value', 'bid: cannot read an Excel data-type');
  });
});

describe('EXIT_VALUE fixed costs', () => {
  it('refuses a negative fixed cost (it would raise the exit value)', () => {
    expectError(
      exitValue(1000, 60, null, [[500, -100]]),
      'value',
      'fixed_costs must not be negative',
    );
    expectError(exitValue(1000, 60, null, -1), 'value', 'fixed_costs must not be negative');
    expect(exitValue(1000, 60, null, [[500, 0]])).toBe(59500);
  });
});

describe('messages quote user input briefly', () => {
  it('cuts long input to 40 characters with an ellipsis', () => {
    // Under the text limit, so it is read (and refused) rather than refused as too long.
    const long = 'x'.repeat(TEXT_LIMIT);
    const out = mid(long);
    expectError(out, 'value', `price: cannot read '${'x'.repeat(40)}…' as a price`);
    expect((out as { message: string }).message.length).toBeLessThan(100);
    const unit = convert(1, `USD/${'k'.repeat(200)}`, 'USD/t');
    expectError(unit, 'value', 'from_unit: unknown unit');
    expect((unit as { message: string }).message.length).toBeLessThan(200);
  });
});

describe('number text', () => {
  it('says why a European decimal comma is refused', () => {
    expectError(
      mid('1.234,56'),
      'value',
      "price: cannot read '1.234,56' as a price: it looks like a decimal comma; use a point, e.g. 1234.56",
    );
    expectError(
      spreadCost(60, 64, '1,5'),
      'value',
      "quantity: cannot read '1,5' as a number: it looks like a decimal comma; use a point, e.g. 1.5",
    );
    const r = parsePrice('1,5 USD/kg', 'numerator');
    expect(!r.ok && r.error.message).toContain('decimal comma; use a point, e.g. 1.5');
  });

  it('accepts a leading plus sign and exponent notation for plain numbers', () => {
    expect(mid('+5')).toBe(5);
    expect(ratio('+65 USD/kg', 65)).toBe(1);
    expect(spreadCost(60, 64, '+10')).toBe(40);
    expect(spreadCost(60, 64, '1e3')).toBe(4000);
    expect(spreadCost(60, 64, '1E+03')).toBe(4000);
  });
});

describe('unit text', () => {
  it('names of JavaScript object properties are unknown units, not a lookup hit', () => {
    expectError(
      convert(1, 'USD/constructor', 'USD/kg'),
      'value',
      "from_unit: unknown unit 'USD/constructor'",
    );
    expectError(
      convert(1, '__proto__/kg', 'USD/kg'),
      'value',
      "from_unit: unknown unit '__proto__/kg'",
    );
    expectError(mid('5 toString/kg'), 'value', "price: unknown unit 'toString/kg'");
  });
});
