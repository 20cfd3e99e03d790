import { D } from '../calc/decimal';
import { fromNumber } from '../calc/decimal-fast';
import { decimalPlaces } from '../calc/exact';
import { fail, ok, type Result } from '../errors';
import type { Scalar } from '../grid';
import { isExcelObject, objectMessage, show } from '../show';
import { parseUnit, unitOf, type Unit } from './units';

export { show };

/** A price as typed: one value, or an agency's low–high range whose midpoint is the price. */
export interface ParsedPrice {
  readonly low: D;
  readonly high: D;
  readonly mid: D;
  readonly unit: Unit | null;
  readonly isRange: boolean;
}

/** A parsed price text, kept per distinct text; midNumber/midPlaces feed the exact double path. */
export interface CachedPrice extends ParsedPrice {
  readonly midNumber: number;
  /** Decimal places of midNumber when it stands exactly for mid; -1 otherwise. */
  readonly midPlaces: number;
}

// Thousands separators only in groups of three: "1,5" is a European decimal and is refused, not guessed.
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
const DASH = String.raw`\s*(?:-|–|—|‒|−|~|to)\s*`;
const PRICE_TEXT = new RegExp(String.raw`^([-−+]?)(${NUM})(?:${DASH}(${NUM}))?\s*(.*)$`, 'i');
// Plain numbers also take exponent notation ("1e3", "1E+03"); prices do not (a price is typed as quoted).
const NUMBER_TEXT = new RegExp(String.raw`^([-−+]?)((?:${NUM})(?:e[-+]?\d+)?)\s*(%?)$`, 'i');
// "1,5" or "1.234,56": a European decimal comma. Refused (never guessed), but the message says why.
const DECIMAL_COMMA = /^[-−+]?((?:\d{1,3}(?:\.\d{3})+|\d+),\d+)(?![\d.,])/;

export function isMissing(value: Scalar): value is null | undefined | '' {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

export const missing = (argName: string): Result<never> =>
  fail('na', `${argName} is required but the cell is empty`);

const logical = (value: boolean, argName: string, what: string): Result<never> =>
  fail('value', `${argName}: ${show(value)} is a logical value, not ${what}`);

/** Why text did not read, when there is a likely reason (a decimal comma); '' otherwise. */
function hintFor(value: unknown): string {
  if (typeof value !== 'string') return '';
  const comma = DECIMAL_COMMA.exec(value.trim());
  if (comma === null) return '';
  const example = (comma[1] ?? '').replace(/\./g, '').replace(',', '.');
  return `: it looks like a decimal comma; use a point, e.g. ${example}`;
}

const unreadable = (value: unknown, argName: string, what: string): Result<never> =>
  isExcelObject(value)
    ? fail('value', objectMessage(argName, what))
    : fail('value', `${argName}: cannot read ${show(value)} as ${what}${hintFor(value)}`);

const percentage = (text: string, argName: string, give: string): Result<never> =>
  fail('value', `${argName}: ${show(text)} is a percentage; give ${give}`);

const digits = (text: string): string => text.replace(/,/g, '');

const priceCache = new Map<string, CachedPrice>();

function cachePrice(text: string, price: ParsedPrice): CachedPrice {
  const midNumber = price.mid.toNumber();
  const places = decimalPlaces(midNumber);
  const cached: CachedPrice = {
    ...price,
    midNumber,
    midPlaces: places >= 0 && new D(midNumber).eq(price.mid) ? places : -1,
  };
  if (priceCache.size > 10000) priceCache.clear();
  priceCache.set(text, cached);
  return cached;
}

function parsePriceText(text: string, argName: string): Result<CachedPrice> {
  const hit = priceCache.get(text);
  if (hit !== undefined) return ok(hit);
  const match = PRICE_TEXT.exec(text.trim());
  if (match === null) return unreadable(text, argName, 'a price');
  const [, sign = '', first = '', second, rest = ''] = match;
  let unit: Unit | null = null;
  if (rest === '%') return percentage(text, argName, 'a price');
  if (rest !== '') {
    if (unitOf(rest) === null) {
      // A number followed by a word is most likely a unit we do not know; anything else is unreadable.
      // Only something shaped like "currency/mass" earns the unknown-unit message.
      if (!/^[a-z$¥￥元].*(?:\/|\sper\s)/i.test(rest)) return unreadable(text, argName, 'a price');
      const unknown = parseUnit(rest, argName);
      return unknown.ok ? unreadable(text, argName, 'a price') : unknown;
    }
    unit = unitOf(rest);
  }
  if (sign !== '' && sign !== '+') {
    if (second !== undefined) return unreadable(text, argName, 'a price');
    return fail('value', `${argName} must not be negative`);
  }
  const a = new D(digits(first));
  if (second === undefined) {
    return ok(cachePrice(text, { low: a, high: a, mid: a, unit, isRange: false }));
  }
  const b = new D(digits(second));
  // A range typed high–low still means its midpoint.
  const low = D.min(a, b);
  const high = D.max(a, b);
  return ok(cachePrice(text, { low, high, mid: low.plus(high).div(2), unit, isRange: true }));
}

/**
 * Reads a price: a number, a number as text ("747,000"), or a range text ("3,600–4,000 yuan/mt",
 * "64.5 - 65.5 USD/kg") meaning its midpoint, with an optional unit inside. Prices are never negative.
 */
export function parsePrice(input: Scalar, argName: string): Result<ParsedPrice> {
  return parsePriceCached(input, argName);
}

/** parsePrice with the cache fields exposed (internal to the core). */
export function parsePriceCached(input: Scalar, argName: string): Result<CachedPrice> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return unreadable(input, argName, 'a price');
    if (input < 0) return fail('value', `${argName} must not be negative`);
    const d = fromNumber(input);
    return ok({
      low: d,
      high: d,
      mid: d,
      unit: null,
      isRange: false,
      midNumber: input === 0 ? 0 : input,
      midPlaces: decimalPlaces(input),
    });
  }
  if (isMissing(input)) return missing(argName);
  if (typeof input === 'boolean') return logical(input, argName, 'a price');
  if (typeof input !== 'string') return unreadable(input, argName, 'a price');
  return parsePriceText(input, argName);
}

/** A single quoted value (bid or ask): a number or number text with an optional unit, never a range. */
export function parseQuote(
  input: Scalar,
  argName: string,
): Result<{ value: D; unit: Unit | null }> {
  const parsed = parsePriceCached(input, argName);
  if (!parsed.ok) return parsed;
  if (parsed.value.isRange) {
    return fail(
      'value',
      `${argName}: ${show(input)} is a low–high range; an agency's assessment range is not a bid/ask quote, so give a single ${argName}`,
    );
  }
  return ok({ value: parsed.value.mid, unit: parsed.value.unit });
}

const numberCache = new Map<string, D | null>();

function parseNumberText(text: string): D | null {
  const hit = numberCache.get(text);
  if (hit !== undefined) return hit;
  const match = NUMBER_TEXT.exec(text.trim());
  let value: D | null = null;
  if (match !== null) {
    const [, sign = '', body = '', percent] = match;
    value = new D(digits(body));
    if (sign === '-' || sign === '−') value = value.neg();
    if (percent === '%') value = value.div(100);
  }
  if (numberCache.size > 10000) numberCache.clear();
  numberCache.set(text, value);
  return value;
}

/** A plain number (number, or text such as "1,000", "-8%"); no ranges, no units. */
export function parseNumber(input: Scalar, argName: string): Result<D> {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? ok(fromNumber(input)) : unreadable(input, argName, 'a number');
  }
  if (isMissing(input)) return missing(argName);
  if (typeof input === 'boolean') return logical(input, argName, 'a number');
  if (typeof input !== 'string') return unreadable(input, argName, 'a number');
  const value = parseNumberText(input);
  if (value !== null) return ok(value);
  if (PRICE_TEXT.test(input.trim())) {
    const price = parsePriceText(input, argName);
    if (price.ok && price.value.isRange) {
      return fail('value', `${argName}: ${show(input)} is a range; give a single number`);
    }
  }
  return unreadable(input, argName, 'a number');
}

/**
 * A number that is not a fraction (basis points, quantities, legs, days, an fx rate): percent text
 * is refused, since "4.1%" of basis points would silently pass a spread check. `give` says what
 * to type instead, from the percentage's value (e.g. basis points for a spread).
 */
export function parsePlainNumber(
  input: Scalar,
  argName: string,
  give: (fraction: D) => string = () => 'a plain number',
): Result<D> {
  const value = parseNumber(input, argName);
  if (value.ok && typeof input === 'string' && input.trim().endsWith('%')) {
    return percentage(input, argName, give(value.value));
  }
  return value;
}

/** What to type for a basis-point argument given as percent text ("4.1%" → 410). */
export const inBasisPoints = (fraction: D): string =>
  `basis points, e.g. ${fraction.times(10000).toString()}`;

/** A quantity: a single number, not negative, not a percentage. */
export function parseQuantity(input: Scalar, argName: string): Result<D> {
  const value = parsePlainNumber(input, argName);
  if (value.ok && value.value.isNegative() && !value.value.isZero()) {
    return fail('value', `${argName} must not be negative`);
  }
  return value;
}

/** A fraction between 0 and 1 (fee_rate, vat_rate, depth_haircut); "13%" reads as 0.13. */
export function parseRate(input: Scalar, argName: string): Result<D> {
  const value = parseNumber(input, argName);
  if (value.ok && (value.value.lt(0) || value.value.gt(1))) {
    return fail('value', `${argName} must be between 0 and 1`);
  }
  return value;
}

/** An FX rate in CNY per USD: positive. */
export function parseFx(input: Scalar, argName: string): Result<D> {
  const value = parsePlainNumber(input, argName, () => 'CNY per USD, e.g. 7.1');
  if (value.ok && !value.value.gt(0)) return fail('value', `${argName} must be positive`);
  return value;
}

/** A unit argument (text); missing is left to the caller, which knows whether it is optional. */
export function parseUnitArg(input: Scalar, argName: string): Result<Unit> {
  if (isMissing(input)) return missing(argName);
  if (isExcelObject(input)) return fail('value', objectMessage(argName, "a unit such as 'USD/kg'"));
  if (typeof input !== 'string') {
    return fail('value', `${argName}: ${show(input)} is not a unit (use text such as 'USD/kg')`);
  }
  return parseUnit(input, argName);
}
