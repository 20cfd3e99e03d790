import { fail, ok, type Result } from '../errors';
import { D } from './decimal';

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
