import { D } from '../calc/decimal';
import { fail, ok, type Result } from '../errors';
import { clip } from '../show';

export type Currency = 'USD' | 'CNY';
export type Mass = 'kg' | 't' | 'lb';
/** A price unit: currency per mass. CNY/lb is accepted when typed, though no desk source quotes it. */
export type Unit = `${Currency}/${Mass}`;

/** The units the desk quotes in (dropdown lists use this order). */
export const UNITS: readonly Unit[] = ['USD/kg', 'USD/t', 'CNY/kg', 'CNY/t', 'USD/lb'];

const ACCEPTED =
  'use USD/kg, USD/t, CNY/kg, CNY/t or USD/lb; aliases such as yuan/mt, RMB/t, $/kg, USD/mt work too';

const CURRENCY_ALIASES: Record<string, Currency> = {
  usd: 'USD',
  $: 'USD',
  us$: 'USD',
  usd$: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  cny: 'CNY',
  rmb: 'CNY',
  yuan: 'CNY',
  '¥': 'CNY',
  '￥': 'CNY',
  元: 'CNY',
};

// "ton"/"tons" are left out on purpose: a short ton is 907 kg, and guessing would move a price 10%.
const MASS_ALIASES: Record<string, Mass> = {
  kg: 'kg',
  kgs: 'kg',
  kilo: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  公斤: 'kg',
  千克: 'kg',
  t: 't',
  mt: 't',
  tonne: 't',
  tonnes: 't',
  'metric ton': 't',
  'metric tonne': 't',
  吨: 't',
  lb: 'lb',
  lbs: 'lb',
  pound: 'lb',
  pounds: 'lb',
};

/** Kilograms in one unit of mass, as exact decimals (1 lb = 0.45359237 kg by definition). */
export const KG_PER: Readonly<Record<Mass, D>> = {
  kg: new D(1),
  t: new D(1000),
  lb: new D('0.45359237'),
};

/** The same factors as integer fractions (kg per mass = numerator / denominator), for the exact double path. */
export const KG_PER_FRACTION: Readonly<Record<Mass, readonly [number, number]>> = {
  kg: [1, 1],
  t: [1000, 1],
  lb: [45359237, 100000000],
};

const unitCache = new Map<string, Unit | null>();

function lookupUnit(text: string): Unit | null {
  const cached = unitCache.get(text);
  if (cached !== undefined) return cached;
  const normal = text
    .trim()
    .toLowerCase()
    .replace(/\s+per\s+/g, '/')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ');
  const slash = normal.indexOf('/');
  let unit: Unit | null = null;
  if (slash > 0 && normal.indexOf('/', slash + 1) < 0) {
    const currency = CURRENCY_ALIASES[normal.slice(0, slash)];
    const mass = MASS_ALIASES[normal.slice(slash + 1)];
    if (currency !== undefined && mass !== undefined) unit = `${currency}/${mass}`;
  }
  if (unitCache.size > 1000) unitCache.clear();
  unitCache.set(text, unit);
  return unit;
}

/** Reads a unit as typed ("yuan/mt", "USD per kg", "$/lb"); the message names the argument. */
export function parseUnit(text: string, argName: string): Result<Unit> {
  const unit = lookupUnit(text);
  if (unit !== null) return ok(unit);
  return fail('value', `${argName}: unknown unit '${clip(text.trim())}' (${ACCEPTED})`);
}

/** Same lookup without building a message; null when the text is not a unit. */
export function unitOf(text: string): Unit | null {
  return lookupUnit(text);
}

export function currencyOf(unit: Unit): Currency {
  return unit.slice(0, 3) as Currency;
}

export function massOf(unit: Unit): Mass {
  return unit.slice(4) as Mass;
}
