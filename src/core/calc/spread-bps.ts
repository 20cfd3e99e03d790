import { fail, ok, type Result } from '../errors';
import { D } from './decimal';
import { divide } from './decimal-fast';
import { checkQuote } from './spread-cost';

const BPS_OF_HALF = new D(20000);

/** Spread friction in basis points of the mid: (ask − bid) / mid × 10,000 = (ask − bid) × 20,000 / (ask + bid). */
export function spreadBpsOf(bid: D, ask: D): Result<D> {
  const quote = checkQuote(bid, ask);
  if (!quote.ok) return quote;
  const sum = ask.plus(bid);
  if (sum.isZero()) return fail('div0', 'bid and ask are both zero, so the mid is zero');
  return ok(divide(ask.minus(bid).times(BPS_OF_HALF), sum));
}
