import { D } from './decimal';
import { placesOf, pow10 } from './scaled';

/**
 * Shortcuts to the very same Decimal values decimal.js would give (only speed differs), through
 * its public API.
 * decimal.js reads a non-integer number through its string form and divides by a divisor that
 * spans two base-10^7 words (any divisor ≥ 1 with a fraction, such as 64.5) by long division,
 * several times slower than its one-word short division.
 */

// 10^k and 10^-k as Decimals, built once: powers of ten only shift a value, so products are exact.
const UP: readonly D[] = Array.from({ length: 35 }, (_, k) => new D(`1e${k}`));
const DOWN: readonly D[] = Array.from({ length: 11 }, (_, k) => new D(`1e-${k}`));
const ONE = new D(1);
const MINUS_ONE = new D(-1);
/** decimal.js builds integers below 10^7 without a string (its small-integer fast path). */
const SMALL_INTEGER = 1e7;

/**
 * new D(x) for a finite number. decimal.js reads x as its shortest decimal string s. When
 * x = m·10^-k exactly with |m| < 2^50 (placesOf; see exact.ts for why s = m·10^-k then) and
 * |m| < 10^7, m is built without a string and shifted by 10^-k: a product of exact decimals with
 * at most 7 digits, so nothing rounds and the value is s.
 */
export function fromNumber(x: number): D {
  if (Number.isInteger(x) || x !== x) return new D(x);
  const k = placesOf(x);
  if (k < 0) return new D(x);
  const m = Math.round(x * pow10(k));
  if (Math.abs(m) >= SMALL_INTEGER) return new D(x);
  return new D(m).times(DOWN[k] as D);
}

/** A divisor y = whole × 10^-places with whole < 10^7: dividing by whole is decimal.js's short division. */
interface ShortDivisor {
  readonly whole: D;
  readonly scale: D;
}

// The last divisor and its short form (or null: none): a broadcast divisor (PREMIUM's reference,
// CONVERT's factor × (1 + VAT)) is the same Decimal on every row, so it is judged once per call.
let lastDivisor: D | null = null;
let lastShort: ShortDivisor | null = null;

function shortDivisor(y: D): ShortDivisor | null {
  if (lastDivisor !== y) {
    lastDivisor = y;
    lastShort = shortFormOf(y);
  }
  return lastShort;
}

function shortFormOf(y: D): ShortDivisor | null {
  // Plain division is as fast as it gets for an integer, a fraction below 1 whose digits fit
  // within the first 7 places (both one base-10^7 word), or too many digits for one word. Public
  // API only: decimalPlaces(), precision() and comparisons say what the words hold.
  if (!y.isFinite()) return null;
  const places = y.decimalPlaces();
  if (!(places > 0 && places < UP.length)) return null;
  if (places <= 7 && y.lt(ONE) && y.gt(MINUS_ONE)) return null;
  if (y.precision() > 7) return null;
  const scale = UP[places] as D;
  return { whole: y.times(scale), scale };
}

/**
 * x.div(y), the same value: x / y = (x / whole) × 10^places. Both divisions round the same exact
 * quotient to the configured significant digits once, and scaling by a power of ten moves the
 * decimal point only (no digit changes, so the product is exact and rounding commutes with it).
 */
export function divide(x: D, y: D): D {
  const short = shortDivisor(y);
  return short === null ? x.div(y) : x.div(short.whole).times(short.scale);
}
