import { D } from '../numbers/decimal';
import { fail, ok, type Result } from '../errors';
import { clip } from '../show';
import { isSpace, spacesEnd, TEXT_LIMIT, tooLong } from '../text';

export type Currency = 'USD' | 'CNY';
export type Mass = 'kg' | 't' | 'lb';
/** A price unit: currency per mass. CNY/lb is accepted when typed, though no desk source quotes it. */
export type Unit = `${Currency}/${Mass}`;

/** The units the desk quotes in (dropdown lists use this order). */
export const UNITS = [
  'USD/kg',
  'USD/t',
  'CNY/kg',
  'CNY/t',
  'USD/lb',
] as const satisfies readonly Unit[];

const ACCEPTED =
  'use USD/kg, USD/t, CNY/kg, CNY/t or USD/lb; aliases such as yuan/mt, RMB/t, $/kg, USD/mt work too';

/** A Map, not an object lookup: "constructor/kg" must not find Object.prototype.constructor. */
const aliases = <T>(table: Record<string, T>): ReadonlyMap<string, T> =>
  new Map(Object.entries(table));

const CURRENCY_ALIASES: ReadonlyMap<string, Currency> = aliases({
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
});

// "ton"/"tons" are left out on purpose: a short ton is 907 kg, and guessing would move a price 10%.
const MASS_ALIASES: ReadonlyMap<string, Mass> = aliases({
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
});

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

/**
 * A unit text in canonical form: trimmed, lower case, " per " and any space around "/" turned into
 * a bare "/", every other run of spaces into one " " ("USD  per  kg" → "usd/kg", "metric  ton" →
 * "metric ton"). One pass over the words; a "per" takes the spaces on both its sides, so in
 * "a per per b" only the first is a separator.
 */
export function normalUnit(text: string): string {
  const t = text.trim().toLowerCase();
  let out = '';
  let i = 0;
  let words = 0;
  let prevPer = false;
  while (i < t.length) {
    const start = i;
    while (i < t.length && !isSpace(t.charCodeAt(i))) i++;
    let word = t.slice(start, i);
    i = spacesEnd(t, i);
    // "per" between spaces (never first or last: the text is trimmed) is a "/".
    const per: boolean = word === 'per' && words > 0 && i < t.length && !prevPer;
    if (per) word = '/';
    if (words > 0 && !per && !prevPer && !out.endsWith('/') && !word.startsWith('/')) out += ' ';
    out += word;
    prevPer = per;
    words++;
  }
  return out;
}

function lookupUnit(text: string): Unit | null {
  if (text.length > TEXT_LIMIT) return null;
  const cached = unitCache.get(text);
  if (cached !== undefined) return cached;
  const normal = normalUnit(text);
  const slash = normal.indexOf('/');
  let unit: Unit | null = null;
  if (slash > 0 && normal.indexOf('/', slash + 1) < 0) {
    const currency = CURRENCY_ALIASES.get(normal.slice(0, slash));
    const mass = MASS_ALIASES.get(normal.slice(slash + 1));
    if (currency !== undefined && mass !== undefined) unit = `${currency}/${mass}`;
  }
  if (unitCache.size > 1000) unitCache.clear();
  unitCache.set(text, unit);
  return unit;
}

/** Reads a unit as typed ("yuan/mt", "USD per kg", "$/lb"); the message names the argument. */
export function parseUnit(text: string, argName: string): Result<Unit> {
  const long = tooLong(text, argName, 'a unit');
  if (long !== null) return long;
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
