/**
 * DESK.SPREAD_COST: what crossing the spread costs against the mid, (ask − bid) / 2 × legs ×
 * quantity. The exact double path and the decimal.js path side by side, then the entry.
 */
import { D } from '../numbers/decimal';
import { add, decimalPlaces, mul, pow10, quotient, scaled } from '../numbers/scaled';
import { fail, ok, type Result } from '../errors';
import { evaluateGrid, isMissing } from '../grid/evaluate';
import type { Arg, Cell, Output, Scalar } from '../grid/evaluate';
import { textNumber } from '../price/exact-text';
import { parsePlainNumber } from '../price/parse';
import { cell, readQuantity, readQuote, reader, usable } from './arguments';

// ── exact path (scaled doubles; NaN means "take the decimal path") ──────────────────────────

/** (ask − bid) / 2 × legs × quantity. */
export function spreadCostExact(bid: number, ask: number, quantity: number, legs: number): number {
  const kb = decimalPlaces(bid);
  const ka = decimalPlaces(ask);
  const kq = decimalPlaces(quantity);
  if (kb < 0 || ka < 0 || kq < 0) return NaN;
  const k = Math.max(kb, ka);
  const n = mul(mul(add(scaled(ask, k), -scaled(bid, k)), legs), scaled(quantity, kq));
  return quotient(n, mul(2, pow10(k + kq)));
}

// ── decimal path ─────────────────────────────────────────────────────────────────────────────

// Built once: decimal.js would otherwise turn each number operand into a Decimal on every row.
const ONE = new D(1);
const TWO = new D(2);

export interface SpreadCostInput {
  bid: D;
  ask: D;
  quantity: D;
  legs: D;
}

/** Checks a bid/ask quote: both non-negative and not crossed. Shared by the spread functions. */
export function checkQuote(bid: D, ask: D): Result<true> {
  if (bid.isNegative() && !bid.isZero()) return fail('value', 'bid must not be negative');
  if (ask.isNegative() && !ask.isZero()) return fail('value', 'ask must not be negative');
  if (bid.gt(ask))
    return fail('value', `bid ${bid.toString()} is above ask ${ask.toString()} (crossed quote)`);
  return ok(true);
}

/** What crossing the spread costs against the mid: (ask − bid) / 2 × legs × quantity. */
export function spreadCostOf({ bid, ask, quantity, legs }: SpreadCostInput): Result<D> {
  const quote = checkQuote(bid, ask);
  if (!quote.ok) return quote;
  if (quantity.isNegative() && !quantity.isZero())
    return fail('value', 'quantity must not be negative');
  if (!legs.eq(ONE) && !legs.eq(TWO))
    return fail('value', `legs must be 1 or 2 (got ${legs.toString()})`);
  return ok(ask.minus(bid).times(legs).times(quantity).div(TWO));
}

// ── function entry ───────────────────────────────────────────────────────────────────────────

const SPREAD_COST_ARGS = ['bid', 'ask', 'quantity', 'legs'];
const readLegs = reader(parsePlainNumber, 'legs');

function spreadCostElement(v: Scalar[]): Cell {
  const v0 = v[0];
  const v1 = v[1];
  const v2 = v[2];
  const v3 = v[3];
  const bid = typeof v0 === 'number' ? v0 : textNumber(v0);
  const ask = typeof v1 === 'number' ? v1 : textNumber(v1);
  const q = typeof v2 === 'number' ? v2 : isMissing(v2) ? 1 : textNumber(v2);
  const legs = typeof v3 === 'number' ? v3 : isMissing(v3) ? 2 : textNumber(v3);
  if ((legs === 1 || legs === 2) && bid >= 0 && bid <= ask && q >= 0) {
    const r = spreadCostExact(bid, ask, q, legs);
    if (usable(r)) return r;
  }
  const quote = readQuote(v0, v1);
  if (!quote.ok) return quote.error;
  const quantity = isMissing(v2) ? ok(ONE) : readQuantity(v2);
  if (!quantity.ok) return quantity.error;
  const legCount = isMissing(v3) ? ok(TWO) : readLegs(v3);
  if (!legCount.ok) return legCount.error;
  return cell(spreadCostOf({ ...quote.value, quantity: quantity.value, legs: legCount.value }));
}

/** DESK.SPREAD_COST: (ask − bid) / 2 × legs × quantity. */
export function spreadCost(bid: Arg, ask: Arg, quantity?: Arg, legs?: Arg): Output {
  return evaluateGrid([bid, ask, quantity, legs], SPREAD_COST_ARGS, spreadCostElement);
}
