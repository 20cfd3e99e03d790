/**
 * DESK.SPREAD_BPS: spread friction in basis points of the mid. The exact double path and the
 * decimal.js path side by side, then the entry.
 */
import { D } from '../numbers/decimal';
import { divide } from '../numbers/decimal-shortcuts';
import { add, decimalPlaces, mul, quotient, scaled } from '../numbers/scaled';
import { fail, ok, type Result } from '../errors';
import { evaluateGrid, type Arg, type Cell, type Output, type Scalar } from '../grid/evaluate';
import { textNumber } from '../price/exact-text';
import { cell, readQuote, usable } from './arguments';
import { checkQuote } from './spread-cost';

// ── exact path (scaled doubles; NaN means "take the decimal path") ──────────────────────────

/** (ask − bid) × 20,000 / (ask + bid). */
export function spreadBpsExact(bid: number, ask: number): number {
  const kb = decimalPlaces(bid);
  const ka = decimalPlaces(ask);
  if (kb < 0 || ka < 0) return NaN;
  const k = Math.max(kb, ka);
  const a = scaled(ask, k);
  const b = scaled(bid, k);
  return quotient(mul(add(a, -b), 20000), add(a, b));
}

// ── decimal path ─────────────────────────────────────────────────────────────────────────────

const BPS_OF_HALF = new D(20000);

/** Spread friction in basis points of the mid: (ask − bid) / mid × 10,000 = (ask − bid) × 20,000 / (ask + bid). */
export function spreadBpsOf(bid: D, ask: D): Result<D> {
  const quote = checkQuote(bid, ask);
  if (!quote.ok) return quote;
  const sum = ask.plus(bid);
  if (sum.isZero()) return fail('div0', 'bid and ask are both zero, so the mid is zero');
  return ok(divide(ask.minus(bid).times(BPS_OF_HALF), sum));
}

// ── function entry ───────────────────────────────────────────────────────────────────────────

function spreadBpsElement(v: Scalar[]): Cell {
  const b = v[0];
  const a = v[1];
  const bid = typeof b === 'number' ? b : textNumber(b);
  const ask = typeof a === 'number' ? a : textNumber(a);
  if (bid >= 0 && bid <= ask) {
    const r = spreadBpsExact(bid, ask);
    if (usable(r)) return r;
  }
  const quote = readQuote(b, a);
  if (!quote.ok) return quote.error;
  return cell(spreadBpsOf(quote.value.bid, quote.value.ask));
}

/** DESK.SPREAD_BPS: (ask − bid) / mid × 10,000. */
export function spreadBps(bid: Arg, ask: Arg): Output {
  return evaluateGrid([bid, ask], ['bid', 'ask'], spreadBpsElement);
}
