/**
 * DESK.MID: the midpoint of a price or a price-range text. Parsing computes the midpoint (a
 * Decimal and its double); the exact path is the double itself when it is one.
 */
import { EXCEL_MAX } from '../numbers/decimal';
import { ok } from '../errors';
import { evaluateGrid, type Arg, type Cell, type Output, type Scalar } from '../grid/evaluate';
import { cell, readPrice } from './arguments';

function midElement(v: Scalar[]): Cell {
  const p = v[0];
  if (typeof p === 'number' && p >= 0 && p <= EXCEL_MAX) return p === 0 ? 0 : p; // a double's decimal is itself
  const price = readPrice(p);
  if (!price.ok) return price.error;
  if (Math.abs(price.value.midNumber) <= EXCEL_MAX) return price.value.midNumber; // mid.toNumber(), cached
  return cell(ok(price.value.mid));
}

/** DESK.MID: the midpoint of a price or a price-range text. */
export function mid(price: Arg): Output {
  return evaluateGrid([price], ['price'], midElement);
}
