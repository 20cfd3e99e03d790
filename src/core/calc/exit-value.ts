import { fail, ok, type Result } from '../errors';
import { D } from './decimal';

export interface ExitValueInput {
  quantity: D;
  bid: D;
  feeRate: D;
  fixedCosts: readonly D[];
  /** Units that go at the bid; null means the whole quantity. */
  bidDepth: D | null;
  depthHaircut: D;
}

const ONE = new D(1);

const outside01 = (d: D): boolean => d.lt(0) || d.gt(1);

/**
 * What the position realises if sold now: the first bid_depth units at the bid, the rest at
 * bid × (1 − haircut); net = gross × (1 − fee) − Σ fixed costs. A negative net is returned as is.
 */
export function exitValueOf({
  quantity,
  bid,
  feeRate,
  fixedCosts,
  bidDepth,
  depthHaircut,
}: ExitValueInput): Result<D> {
  if (quantity.lt(0)) return fail('value', 'quantity must not be negative');
  if (bid.lt(0)) return fail('value', 'bid must not be negative');
  if (outside01(feeRate)) return fail('value', 'fee_rate must be between 0 and 1');
  if (bidDepth !== null && bidDepth.lt(0)) return fail('value', 'bid_depth must not be negative');
  if (outside01(depthHaircut)) return fail('value', 'depth_haircut must be between 0 and 1');
  const atBid = bidDepth === null ? quantity : D.min(quantity, bidDepth);
  const beyond = quantity.minus(atBid);
  const gross = atBid.times(bid).plus(beyond.times(bid).times(ONE.minus(depthHaircut)));
  let costs = new D(0);
  for (const cost of fixedCosts) costs = costs.plus(cost);
  return ok(gross.times(ONE.minus(feeRate)).minus(costs));
}
