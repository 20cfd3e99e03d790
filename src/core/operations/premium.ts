/**
 * DESK.PREMIUM: price / reference − 1. The exact double path and the decimal.js path side by
 * side, then the entry.
 */
import type { D } from '../numbers/decimal';
import { divide } from '../numbers/decimal-shortcuts';
import { add, decimalPlaces, quotient, scaled } from '../numbers/scaled';
import { deskError, fail, ok, type Result } from '../errors';
import { evaluateGrid, type Arg, type Cell, type Output, type Scalar } from '../grid/evaluate';
import { parsePriceCached } from '../price/parse';
import { cell, readPrice, reader, usable } from './arguments';

// ── exact path (scaled doubles; NaN means "take the decimal path") ──────────────────────────

/** (price − reference) / reference. */
export function premiumExact(price: number, reference: number): number {
  const kp = decimalPlaces(price);
  const kr = decimalPlaces(reference);
  if (kp < 0 || kr < 0) return NaN;
  const k = Math.max(kp, kr);
  const r = scaled(reference, k);
  return quotient(add(scaled(price, k), -r), r);
}

// ── decimal path ─────────────────────────────────────────────────────────────────────────────

/** price / reference − 1, computed as (price − reference) / reference so only one step rounds. */
export function premiumOf(price: D, reference: D): Result<D> {
  if (reference.isZero()) return fail('div0', 'reference is zero');
  return ok(divide(price.minus(reference), reference));
}

// ── function entry ───────────────────────────────────────────────────────────────────────────

const readReference = reader(parsePriceCached, 'reference');

function premiumElement(v: Scalar[]): Cell {
  const p = v[0];
  const r = v[1];
  if (typeof p === 'number' && typeof r === 'number' && p >= 0 && r > 0) {
    const x = premiumExact(p, r);
    if (usable(x)) return x;
  }
  const price = readPrice(p);
  if (!price.ok) return price.error;
  const reference = readReference(r);
  if (!reference.ok) return reference.error;
  if (
    price.value.unit !== null &&
    reference.value.unit !== null &&
    price.value.unit !== reference.value.unit
  ) {
    return deskError(
      'value',
      `price is in ${price.value.unit} but reference is in ${reference.value.unit}; convert one first (DESK.CONVERT)`,
    );
  }
  if (
    price.value.midPlaces >= 0 &&
    reference.value.midPlaces >= 0 &&
    reference.value.midNumber > 0
  ) {
    const x = premiumExact(price.value.midNumber, reference.value.midNumber);
    if (usable(x)) return x;
  }
  return cell(premiumOf(price.value.mid, reference.value.mid));
}

/** DESK.PREMIUM: price / reference − 1. */
export function premium(price: Arg, reference: Arg): Output {
  return evaluateGrid([price, reference], ['price', 'reference'], premiumElement);
}
