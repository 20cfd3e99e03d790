/**
 * The grammar of price and number text, as hand scanners: one pass, no backtracking, so a
 * 32,767-character cell costs one look at each character (a regex with `\s*(.*)` or `\s*\/\s*`
 * backtracks quadratically over a long run of spaces). Callers trim first and bound the length
 * (text.ts). The accepted language is exactly that of the regexes these replaced; a property test
 * (test/core/scan.test.ts) checks them against each other.
 *
 *   number   = grouped | digits, then optional "." digits; or "." digits
 *   grouped  = 1–3 digits, then one or more "," + exactly 3 digits   ("1,5" is not grouped)
 *   price    = [sign] number [spaces dash spaces number] spaces rest   (rest: a unit, or nothing)
 *   dash     = - – — ‒ − ~ or "to" (any case)
 *   plain    = [sign] number [e|E [+|-] digits] spaces [%]
 */
import { digitsEnd, isDigit, isLineEnd, spacesEnd } from '../text';

const COMMA = 44;
const DOT = 46;

/** The index after the number starting at i, or -1 when none starts there. */
export function numberEnd(s: string, i: number): number {
  let j = digitsEnd(s, i);
  if (j === i) {
    if (s.charCodeAt(i) !== DOT) return -1;
    const k = digitsEnd(s, i + 1);
    return k > i + 1 ? k : -1;
  }
  if (j - i <= 3) {
    // Thousands groups: each "," must be followed by exactly three digits to count.
    while (
      s.charCodeAt(j) === COMMA &&
      isDigit(s.charCodeAt(j + 1)) &&
      isDigit(s.charCodeAt(j + 2)) &&
      isDigit(s.charCodeAt(j + 3))
    ) {
      j += 4;
    }
  }
  if (s.charCodeAt(j) === DOT) {
    const k = digitsEnd(s, j + 1);
    if (k > j + 1) j = k;
  }
  return j;
}

/** Length of the sign at i ("-", "−" or "+"), 0 when none. */
function signLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c === 45 || c === 0x2212 || c === 43 ? 1 : 0;
}

/** Length of the range dash at i, 0 when none. */
export function dashLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  // - – — ‒ − ~
  if (c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2012 || c === 0x2212 || c === 126) {
    return 1;
  }
  const d = s.charCodeAt(i + 1);
  return (c === 116 || c === 84) && (d === 111 || d === 79) ? 2 : 0;
}

/** A price text's parts: sign, the number or the two ends of a range, and what follows. */
export interface PriceParts {
  readonly sign: string;
  readonly first: string;
  readonly second: string | undefined;
  readonly rest: string;
}

/** Splits a trimmed price text; null when it does not start with a number (or rest spans lines). */
export function scanPrice(s: string): PriceParts | null {
  const signEnd = signLength(s, 0);
  const firstEnd = numberEnd(s, signEnd);
  if (firstEnd < 0) return null;
  let end = firstEnd;
  let second: string | undefined;
  const dashAt = spacesEnd(s, firstEnd);
  const dash = dashLength(s, dashAt);
  if (dash > 0) {
    const secondStart = spacesEnd(s, dashAt + dash);
    const secondEnd = numberEnd(s, secondStart);
    if (secondEnd >= 0) {
      second = s.slice(secondStart, secondEnd);
      end = secondEnd;
    }
  }
  const restStart = spacesEnd(s, end);
  for (let i = restStart; i < s.length; i++) if (isLineEnd(s.charCodeAt(i))) return null;
  return {
    sign: s.slice(0, signEnd),
    first: s.slice(signEnd, firstEnd),
    second,
    rest: s.slice(restStart),
  };
}

/** A plain number text's parts: sign, the number (exponent included), and whether "%" ends it. */
export interface NumberParts {
  readonly sign: string;
  readonly body: string;
  readonly percent: boolean;
}

/** Splits a trimmed plain-number text ("-1,000.5", "1e3", "13 %"); null when it is not one. */
export function scanNumber(s: string): NumberParts | null {
  const signEnd = signLength(s, 0);
  let end = numberEnd(s, signEnd);
  if (end < 0) return null;
  const e = s.charCodeAt(end);
  if (e === 101 || e === 69) {
    const expSign = s.charCodeAt(end + 1) === 43 || s.charCodeAt(end + 1) === 45 ? 1 : 0;
    const expEnd = digitsEnd(s, end + 1 + expSign);
    if (expEnd > end + 1 + expSign) end = expEnd;
  }
  let i = spacesEnd(s, end);
  const percent = s.charCodeAt(i) === 37;
  if (percent) i++;
  if (i !== s.length) return null;
  return { sign: s.slice(0, signEnd), body: s.slice(signEnd, end), percent };
}

/**
 * The number part of a European decimal-comma text at the start of a trimmed text ("1,5",
 * "1.234,56"), or null. Groups use "." here, so "1.234,56" is one number; whatever follows must not
 * continue it (a digit, "." or ",").
 */
export function scanDecimalComma(s: string): string | null {
  const start = signLength(s, 0);
  let j = digitsEnd(s, start);
  if (j === start) return null;
  if (s.charCodeAt(j) !== COMMA && j - start <= 3) {
    while (
      s.charCodeAt(j) === DOT &&
      isDigit(s.charCodeAt(j + 1)) &&
      isDigit(s.charCodeAt(j + 2)) &&
      isDigit(s.charCodeAt(j + 3))
    ) {
      j += 4;
    }
  }
  if (s.charCodeAt(j) !== COMMA) return null;
  const end = digitsEnd(s, j + 1);
  if (end === j + 1) return null;
  const next = s.charCodeAt(end);
  if (isDigit(next) || next === DOT || next === COMMA) return null;
  return s.slice(start, end);
}
