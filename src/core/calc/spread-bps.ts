import { fail, ok, type Result } from '../errors';
import type { D } from './decimal';
import { checkQuote } from './spread-cost';

/** Spread friction in basis points of the mid: (ask − bid) / mid × 10,000 = (ask − bid) × 20,000 / (ask + bid). */
export function spreadBpsOf(bid: D, ask: D): Result<D> {
  const quote = checkQuote(bid, ask);
  if (!quote.ok) return quote;
  const sum = ask.plus(bid);
  if (sum.isZero()) return fail('div0', 'bid and ask are both zero, so the mid is zero');
  return ok(ask.minus(bid).times(20000).div(sum));
}
