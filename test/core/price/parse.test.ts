import { parsePrice, parseUnit, UNITS, type Unit } from '../../../src/core';

function priceOf(input: string | number): {
  low: string;
  high: string;
  mid: string;
  unit: Unit | null;
  isRange: boolean;
} {
  const r = parsePrice(input, 'price');
  if (!r.ok) throw new Error(r.error.message);
  return {
    low: r.value.low.toString(),
    high: r.value.high.toString(),
    mid: r.value.mid.toString(),
    unit: r.value.unit,
    isRange: r.value.isRange,
  };
}

describe('price texts', () => {
  it.each([
    ['747,000', '747000', '747000', '747000', null, false],
    [' 747000 ', '747000', '747000', '747000', null, false],
    ['747,000-753,000', '747000', '753000', '750000', null, true],
    ['3,600–4,000 yuan/mt', '3600', '4000', '3800', 'CNY/t', true],
    ['3,600—4,000 RMB/t', '3600', '4000', '3800', 'CNY/t', true],
    ['3600 to 4000 CNY/t', '3600', '4000', '3800', 'CNY/t', true],
    ['64.5 - 65.5 USD/kg', '64.5', '65.5', '65', 'USD/kg', true],
    ['65.5-64.5 $/kg', '64.5', '65.5', '65', 'USD/kg', true],
    ['1,640,000-1,660,000 yuan/mt', '1640000', '1660000', '1650000', 'CNY/t', true],
    ['12.5 USD/lb', '12.5', '12.5', '12.5', 'USD/lb', false],
    ['61.5USD/mt', '61.5', '61.5', '61.5', 'USD/t', false],
    ['.5', '0.5', '0.5', '0.5', null, false],
    ['3600~4000 元/吨', '3600', '4000', '3800', 'CNY/t', true],
  ])('%s → low %s, high %s, mid %s, %s', (text, low, high, mid, unit, isRange) => {
    expect(priceOf(text)).toEqual({ low, high, mid, unit, isRange });
  });

  it('reads plain numbers as a single price', () => {
    expect(priceOf(61.5)).toEqual({
      low: '61.5',
      high: '61.5',
      mid: '61.5',
      unit: null,
      isRange: false,
    });
  });

  it.each([
    ['n/a', "denominator: cannot read 'n/a' as a price"],
    ['1,5', "denominator: cannot read '1,5' as a price"],
    ['1,2345', "denominator: cannot read '1,2345' as a price"],
    ['64 EUR/kg', "denominator: unknown unit 'EUR/kg'"],
    ['60-', "denominator: cannot read '60-' as a price"],
    ['-5', 'denominator must not be negative'],
    ['1e5', "denominator: cannot read '1e5' as a price"],
  ])('refuses %s with a message naming the argument', (text, message) => {
    const r = parsePrice(text, 'denominator');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('value');
      expect(r.error.message).toContain(message);
    }
  });

  it('says an empty price is missing (#N/A) and a logical is not a price', () => {
    const empty = parsePrice('  ', 'numerator');
    expect(!empty.ok && empty.error.code).toBe('na');
    expect(!empty.ok && empty.error.message).toContain('numerator');
    const logical = parsePrice(true, 'numerator');
    expect(!logical.ok && logical.error.message).toBe(
      'numerator: TRUE is a logical value, not a price',
    );
  });
});

describe('units', () => {
  it.each([
    ['USD/kg', 'USD/kg'],
    ['usd / kg', 'USD/kg'],
    ['$/kg', 'USD/kg'],
    ['USD per kg', 'USD/kg'],
    ['USD/t', 'USD/t'],
    ['USD/mt', 'USD/t'],
    ['USD/tonne', 'USD/t'],
    ['$/t', 'USD/t'],
    ['CNY/kg', 'CNY/kg'],
    ['RMB/kg', 'CNY/kg'],
    ['CNY/t', 'CNY/t'],
    ['yuan/mt', 'CNY/t'],
    ['yuan/t', 'CNY/t'],
    ['RMB/t', 'CNY/t'],
    ['CNY/mt', 'CNY/t'],
    ['USD/lb', 'USD/lb'],
    ['$/lb', 'USD/lb'],
    ['USD/lbs', 'USD/lb'],
  ])('%s is %s', (text, unit) => {
    expect(parseUnit(text, 'unit')).toEqual({ ok: true, value: unit });
  });

  it('lists the desk units and refuses the ambiguous short ton', () => {
    expect(UNITS).toEqual(['USD/kg', 'USD/t', 'CNY/kg', 'CNY/t', 'USD/lb']);
    const ton = parseUnit('USD/ton', 'to_unit');
    expect(!ton.ok && ton.error.message).toContain("to_unit: unknown unit 'USD/ton'");
  });
});
