import { fail, ok, type Result } from '../errors';
import { D } from './decimal';
import { rememberLast } from './memo';

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
const ZERO = new D(0);

// Constants and a broadcast fee or haircut is the same Decimal on every row: its complement is computed once.
const keptAfterFee = rememberLast((feeRate: D) => ONE.minus(feeRate));
const keptAfterHaircut = rememberLast((haircut: D) => ONE.minus(haircut));

/** Σ fixed costs, added in order from zero as exitValueOf always has. */
export function totalCostsOf(fixedCosts: readonly D[]): D {
  let total = ZERO;
  for (const cost of fixedCosts) total = total.plus(cost);
  return total;
}

const outside01 = (d: D): boolean => d.lt(ZERO) || d.gt(ONE);

/**
 * What the position realises if sold now: the first bid_depth units at the bid, the rest at
 * bid × (1 − haircut); net = gross × (1 − fee) − Σ fixed costs. A negative net is returned as is.
 */
export function exitValueOf(input: ExitValueInput): Result<D> {
  // A negative "cost" would raise the exit value: storage, shipping and insurance only cost.
  if (input.fixedCosts.some((c) => c.isNegative() && !c.isZero())) {
    return fail('value', 'fixed_costs must not be negative');
  }
  return netExitValue(input, totalCostsOf(input.fixedCosts));
}

/** exitValueOf with the fixed costs already totalled (DESK.EXIT_VALUE totals them once per call). */
export function netExitValue(
  { quantity, bid, feeRate, bidDepth, depthHaircut }: Omit<ExitValueInput, 'fixedCosts'>,
  totalCosts: D,
): Result<D> {
  if (quantity.lt(ZERO)) return fail('value', 'quantity must not be negative');
  if (bid.lt(ZERO)) return fail('value', 'bid must not be negative');
  if (outside01(feeRate)) return fail('value', 'fee_rate must be between 0 and 1');
  if (bidDepth !== null && bidDepth.lt(ZERO))
    return fail('value', 'bid_depth must not be negative');
  if (outside01(depthHaircut)) return fail('value', 'depth_haircut must be between 0 and 1');
  const atBid = bidDepth === null || quantity.lte(bidDepth) ? quantity : bidDepth;
  const beyond = quantity.minus(atBid);
  const gross = atBid.times(bid).plus(beyond.times(bid).times(keptAfterHaircut(depthHaircut)));
  return ok(gross.times(keptAfterFee(feeRate)).minus(totalCosts));
}
