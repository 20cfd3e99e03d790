/** What the function benches share: a full collection between samples, medians, rates. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full collection before each sample, at every size alike, so a sample does not pay for the
// garbage the one before it left; collections during the sample still count.
setFlagsFromString('--expose-gc');
export const collect = runInNewContext('gc') as () => void;

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export const perSecond = (n: number, ms: number): string => {
  const rate = (n / ms) * 1000;
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(2)} M/s` : `${(rate / 1e3).toFixed(0)} k/s`;
};

/** Read after each sample so no call's result is dead code. */
export let lastResult: unknown;
export const keep = (value: unknown): void => {
  lastResult = value;
};

/** ms for one call of fn from a collected heap. */
export function timeOnce(fn: () => unknown): number {
  collect();
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  keep(out);
  return ms;
}

/** 747000 → "747,000" (inputs are built fast; toLocaleString would dominate building 100k texts). */
export function grouped(n: number): string {
  const s = String(Math.trunc(n));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s.charAt(i);
  }
  return out;
}
