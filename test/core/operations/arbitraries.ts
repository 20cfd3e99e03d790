/** Inputs the operations' property tests share. */
import fc from 'fast-check';
import { UNITS, type Output } from '../../../src/core';

/** A value as typed in a cell: up to 4 decimals, so m / 10^k is the double Excel holds. */
export const typed = (max = 1e9) =>
  fc
    .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 4 }))
    .map(([m, k]) => m / 10 ** k);
export const positive = (max = 1e9) => typed(max).filter((x) => x > 0);
export const fraction = fc.integer({ min: 0, max: 10000 }).map((m) => m / 10000);
export const unit = fc.constantFrom(...UNITS);

export const num = (out: Output): number => {
  if (typeof out !== 'number') throw new Error(`expected a number, got ${JSON.stringify(out)}`);
  return out;
};
