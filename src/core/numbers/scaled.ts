/**
 * An exactness-preserving shortcut for plain-number inputs, used only where it provably gives the
 * same Excel number as the decimal path.
 *
 * Why it is exact: a double x typed in a cell stands for its shortest decimal representation s
 * (what `new D(x)` reads). If m = round(x·10^k) satisfies m / 10^k === x with |m| < 2^50, then
 * s = m·10^-k exactly: m·10^-k rounds to x, the rounding interval of x is narrower than 10^-k
 * (ulp(x) ≤ |x|·2^-52 < 10^-k/4), so no other k-place decimal and no shorter decimal can round to x.
 * Integer arithmetic on such scaled values is exact while every intermediate stays within
 * ±(2^53 − 1) (checked at each step; NaN means "fall back to decimal.js"). A final n / d of two
 * exact integers is the correctly rounded double of the exact rational — the best Excel number
 * there is, and what the decimal path returns too (it rounds to 34 digits, then to a double).
 */

const POW10: readonly number[] = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];
const MAX_PLACES = 10;
const PLACES_LIMIT = 2 ** 50;
const SCALED_LIMIT = 2 ** 51;
const SAFE = Number.MAX_SAFE_INTEGER;

/** 10^k as an exact double, or NaN beyond 10^15 (then the caller falls back). */
export function pow10(k: number): number {
  return POW10[k] ?? NaN;
}

/**
 * Switch for tests and the benchmark: with the shortcut off every element takes the decimal.js
 * path, so tests can check both paths agree and the bench can show what the shortcut buys.
 */
export const exactPath = { enabled: true };

/** Decimal places of x as typed (smallest k ≤ 10 with x = m·10^-k, |m| < 2^50), or -1; -1 with the shortcut off. */
export function decimalPlaces(x: number): number {
  return exactPath.enabled ? placesOf(x) : -1;
}

/** decimalPlaces regardless of the switch: also used to build a Decimal quickly (decimal-shortcuts.ts). */
export function placesOf(x: number): number {
  if (Number.isInteger(x)) return Math.abs(x) < PLACES_LIMIT ? 0 : -1;
  for (let k = 0; k <= MAX_PLACES; k++) {
    const p = POW10[k] as number;
    const m = Math.round(x * p);
    if (m / p === x) return Math.abs(m) < PLACES_LIMIT ? k : -1;
  }
  return -1;
}

/** x·10^k as an exact integer, for k at least decimalPlaces(x); NaN when it could be inexact. */
export function scaled(x: number, k: number): number {
  const m = Math.round(x * (POW10[k] ?? NaN));
  return Math.abs(m) < SCALED_LIMIT ? m : NaN;
}

/** Exact integer product, or NaN if it could have rounded (rounding is monotone, so a true |p| ≥ 2^53 shows as ≥ 2^53). */
export function mul(a: number, b: number): number {
  const p = a * b;
  return Math.abs(p) <= SAFE ? p : NaN;
}

/** Exact integer sum or difference, or NaN. */
export function add(a: number, b: number): number {
  const s = a + b;
  return Math.abs(s) <= SAFE ? s : NaN;
}

/** Correctly rounded n / d for exact integers; NaN when either is not exact or d is 0. -0 becomes 0. */
export function quotient(n: number, d: number): number {
  if (d === 0) return NaN;
  const q = n / d;
  return q === 0 ? 0 : q;
}
