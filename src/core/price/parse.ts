import { D } from '../numbers/decimal';
import { fromNumber } from '../numbers/decimal-shortcuts';
import { decimalPlaces, exactPath, placesOf } from '../numbers/scaled';
import { fail, ok, type Result } from '../errors';
import { isMissing, type Scalar } from '../grid/evaluate';
import { clip, isExcelObject, objectMessage, show } from '../show';
import { tooLong } from '../text';
import { exactMid } from './exact-text';
import { scanDecimalComma, scanNumber, scanPrice } from './scan';
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

export const missing = (argName: string): Result<never> =>
  fail('na', `${argName} is required but the cell is empty`);

const logical = (value: boolean, argName: string, what: string): Result<never> =>
  fail('value', `${argName}: ${show(value)} is a logical value, not ${what}`);

/**
 * Why text did not read, when there is a likely reason; '' otherwise. "1,5" and "1.234,56" are
 * European decimal commas: refused (never guessed), but the message says why.
 */
function hintFor(value: unknown): string {
  if (typeof value !== 'string') return '';
  const comma = scanDecimalComma(value.trim());
  if (comma === null) return '';
  const example = comma.replace(/\./g, '').replace(',', '.');
  return `: it looks like a decimal comma; use a point, e.g. ${clip(example)}`;
}

const unreadable = (value: unknown, argName: string, what: string): Result<never> =>
  isExcelObject(value)
    ? fail('value', objectMessage(argName, what))
    : fail('value', `${argName}: cannot read ${show(value)} as ${what}${hintFor(value)}`);

const percentage = (text: string, argName: string, give: string): Result<never> =>
  fail('value', `${argName}: ${show(text)} is a percentage; give ${give}`);

const digits = (text: string): string => text.replace(/,/g, '');

/** The midpoint of a low–high price: the mid a range text, a snapshot and an imported price all store. */
export const midpoint = (low: D, high: D): D => low.plus(high).div(2);

const priceCache = new Map<string, CachedPrice>();

/**
 * A price read from text. Its Decimals are built on first use: when the mid is provably exact as a
 * double (exact-text.ts) the exact path needs only midNumber, and a 100k-row column of distinct
 * range texts then builds no Decimal at all. Otherwise they are built at once, for midNumber.
 */
class TextPrice implements CachedPrice {
  readonly isRange: boolean;
  readonly midNumber: number;
  /** Places of midNumber when exact (-1 if not); read through the switch, as decimalPlaces is. */
  private readonly places: number;
  private decimals: { readonly low: D; readonly high: D; readonly mid: D } | null = null;

  constructor(
    private readonly first: string,
    private readonly second: string | undefined,
    readonly unit: Unit | null,
  ) {
    this.isRange = second !== undefined;
    const exact = exactMid(first, second);
    if (exact === exact) {
      this.midNumber = exact;
      this.places = placesOf(exact);
    } else {
      const midNumber = this.mid.toNumber();
      const places = placesOf(midNumber);
      this.midNumber = midNumber;
      this.places = places >= 0 && new D(midNumber).eq(this.mid) ? places : -1;
    }
  }

  // A cached text outlives a switch of the exact path (tests, the bench): it must follow the switch.
  get midPlaces(): number {
    return exactPath.enabled ? this.places : -1;
  }

  get low(): D {
    return this.values().low;
  }
  get high(): D {
    return this.values().high;
  }
  get mid(): D {
    return this.values().mid;
  }

  private values(): { readonly low: D; readonly high: D; readonly mid: D } {
    if (this.decimals === null) {
      const a = new D(this.first);
      if (this.second === undefined) {
        this.decimals = { low: a, high: a, mid: a };
      } else {
        const b = new D(this.second);
        // A range typed high–low still means its midpoint.
        const low = D.min(a, b);
        const high = D.max(a, b);
        this.decimals = { low, high, mid: midpoint(low, high) };
      }
    }
    return this.decimals;
  }
}

function cachePrice(text: string, price: CachedPrice): CachedPrice {
  if (priceCache.size > 10000) priceCache.clear();
  priceCache.set(text, price);
  return price;
}

/** Starts with a letter or currency sign and has a "/" or a " per " later: "EUR/kg", "usd per lb". */
function unitShaped(rest: string): boolean {
  const c = rest.charCodeAt(0);
  const first =
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 0 && '$¥￥元'.includes(rest.charAt(0)));
  return first && (rest.indexOf('/', 1) > 0 || /\sper\s/i.test(rest.slice(1)));
}

function parsePriceText(text: string, argName: string): Result<CachedPrice> {
  const hit = priceCache.get(text);
  if (hit !== undefined) return ok(hit);
  const parts = scanPrice(text.trim());
  if (parts === null) return unreadable(text, argName, 'a price');
  const { sign, first, second, rest } = parts;
  let unit: Unit | null = null;
  if (rest === '%') return percentage(text, argName, 'a price');
  if (rest !== '') {
    unit = unitOf(rest);
    if (unit === null) {
      // A number followed by a word is most likely a unit we do not know; anything else is unreadable.
      // Only something shaped like "currency/mass" earns the unknown-unit message.
      if (!unitShaped(rest)) return unreadable(text, argName, 'a price');
      const unknown = parseUnit(rest, argName);
      return unknown.ok ? unreadable(text, argName, 'a price') : unknown;
    }
  }
  if (sign !== '' && sign !== '+') {
    if (second !== undefined) return unreadable(text, argName, 'a price');
    return fail('value', `${argName} must not be negative`);
  }
  const price = new TextPrice(
    digits(first),
    second === undefined ? undefined : digits(second),
    unit,
  );
  return ok(cachePrice(text, price));
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
  return tooLong(input, argName, 'a price') ?? parsePriceText(input, argName);
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
  const parts = scanNumber(text.trim());
  let value: D | null = null;
  if (parts !== null) {
    value = new D(digits(parts.body));
    if (parts.sign === '-' || parts.sign === '−') value = value.neg();
    if (parts.percent) value = value.div(100);
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
  const long = tooLong(input, argName, 'a number');
  if (long !== null) return long;
  const value = parseNumberText(input);
  if (value !== null) return ok(value);
  if (scanPrice(input.trim()) !== null) {
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
  `basis points, e.g. ${clip(fraction.times(10000).toString())}`;

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
