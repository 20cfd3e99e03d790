/**
 * Number and price text straight onto the exact double path (numbers/scaled.ts), without building a
 * Decimal: a value M·10^-q with |M| < 2^50 and q ≤ 10 is exactly what a cell holding the double
 * M / 10^q stands for, with q (or fewer) decimal places — the shortcut's own premise. So "1,061.37"
 * reads as the double 1061.37 and "747,000-753,000" as its mid 750000, the very values the decimal
 * path would reach, and the Decimals are built only if something still needs them.
 */
import { exactPath, pow10 } from '../numbers/scaled';
import type { Scalar } from '../grid/evaluate';
import { isSpace, TEXT_LIMIT } from '../text';
import { numberEnd } from './scan';

const MAX_DIGITS = 15;
const MAX_PLACES = 10;
const MANTISSA_LIMIT = 2 ** 50;

const fractionLength = (body: string): number => {
  const dot = body.indexOf('.');
  return dot < 0 ? 0 : body.length - dot - 1;
};

/** body·10^places as an exact integer (places ≥ its fraction digits); NaN past 15 digits. */
function scaledInteger(body: string, places: number): number {
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? '' : body.slice(dot + 1);
  const digits = whole + fraction.padEnd(places, '0');
  let lead = 0;
  while (lead < digits.length - 1 && digits.charCodeAt(lead) === 48) lead++;
  return digits.length - lead <= MAX_DIGITS ? Number(digits) : NaN;
}

/** body·10^-shift (a 1% text: shift 2) as its exact double; NaN when it cannot be shown exact. */
function exactScaled(body: string, shift: number): number {
  const p = fractionLength(body);
  const m = scaledInteger(body, p);
  return m < MANTISSA_LIMIT && p + shift <= MAX_PLACES ? m / pow10(p + shift) : NaN;
}

/**
 * The mid of one number (second undefined) or of a low–high pair, given as unsigned digit texts
 * without commas ("1640000", "64.5"), as its exact double; NaN when that cannot be shown exact
 * (then the caller computes it with decimal.js).
 */
export function exactMid(first: string, second: string | undefined): number {
  if (second === undefined) return exactScaled(first, 0);
  const p = Math.max(fractionLength(first), fractionLength(second));
  if (p > MAX_PLACES) return NaN;
  const s = scaledInteger(first, p) + scaledInteger(second, p); // < 2·10^15: exact
  // (a + b) / 2 = (s / 2)·10^-p when s is even, else (5s)·10^-(p+1).
  const even = s % 2 === 0;
  const m = even ? s / 2 : s * 5;
  const q = even ? p : p + 1;
  return m < MANTISSA_LIMIT && q <= MAX_PLACES ? m / pow10(q) : NaN;
}

/**
 * A plain number text ("1,061.37", "+5", "-0.5", ".5"; with `percent`, also "12.5%") as the exact
 * double a cell would hold for its value; NaN for anything else (exponents, units, ranges, more
 * than 15 digits, "-0") and with the shortcut switched off, so those keep the decimal path and its
 * messages. A sign is read as the decimal path reads it; whether a negative is allowed is the
 * caller's guard to check.
 */
export function exactNumberText(text: string, percent = false): number {
  if (!exactPath.enabled || text.length > TEXT_LIMIT) return NaN;
  const s = text.trim();
  const c = s.charCodeAt(0);
  const negative = c === 45 || c === 0x2212;
  const start = negative || c === 43 ? 1 : 0;
  let end = s.length;
  let shift = 0;
  if (percent && s.charCodeAt(end - 1) === 37) {
    end--;
    while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
    shift = 2;
  }
  if (end === start || numberEnd(s, start) !== end) return NaN;
  const x = exactScaled(s.slice(start, end).replace(/,/g, ''), shift);
  if (negative) return x > 0 ? -x : NaN;
  return x;
}

/**
 * A text cell as a number for the exact double path (exactNumberText), NaN for anything else.
 * Callers test `typeof v === 'number'` first, inline: a helper returning a cell's double would box
 * it per row when not inlined, garbage a 100k-row call then pays for in scavenges.
 */
export const textNumber = (v: Scalar): number => (typeof v === 'string' ? exactNumberText(v) : NaN);

/** textNumber for an argument that is a fraction, where percent text counts ("5%" is 0.05). */
export const textFraction = (v: Scalar): number =>
  typeof v === 'string' ? exactNumberText(v, true) : NaN;
