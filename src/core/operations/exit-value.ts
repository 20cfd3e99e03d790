/**
 * DESK.EXIT_VALUE: what a position realises if sold now, bid-depth-aware, less fees and fixed
 * costs. The exact double path and the decimal.js path side by side, then the entry.
 */
import { D } from '../numbers/decimal';
import { add, decimalPlaces, mul, pow10, quotient, scaled } from '../numbers/scaled';
import { fail, isDeskError, ok, type Result } from '../errors';
import { cellsOf, evaluateGrid, isMissing } from '../grid/evaluate';
import type { Arg, Cell, Output, Scalar } from '../grid/evaluate';
import { rememberLast } from '../grid/remember-last';
import { textFraction, textNumber } from '../price/exact-text';
import { parseQuantity, parseRate } from '../price/parse';
import { cell, readBid, readQuantity, reader, usable } from './arguments';

// ── exact path (scaled doubles; NaN means "take the decimal path") ──────────────────────────

/**
 * Exit value: bid × (atBid + beyond × (1 − haircut)) × (1 − fee) − costs, with bidDepth NaN meaning
 * "the whole quantity". costs is the pre-summed fixed costs with costPlaces decimal places.
 */
export function exitValueExact(
  quantity: number,
  bid: number,
  fee: number,
  bidDepth: number,
  haircut: number,
  costs: number,
  costPlaces: number,
): number {
  const wholeAtBid = bidDepth !== bidDepth;
  const kq = Math.max(decimalPlaces(quantity), wholeAtBid ? 0 : decimalPlaces(bidDepth));
  const kb = decimalPlaces(bid);
  const kh = decimalPlaces(haircut);
  const kf = decimalPlaces(fee);
  if (kq < 0 || kb < 0 || kh < 0 || kf < 0 || costPlaces < 0) return NaN;
  if (!wholeAtBid && decimalPlaces(quantity) < 0) return NaN;
  const q = scaled(quantity, kq);
  const atBid = wholeAtBid ? q : Math.min(q, scaled(bidDepth, kq));
  const beyond = add(q, -atBid);
  const oneH = pow10(kh);
  const units = add(mul(atBid, oneH), mul(beyond, add(oneH, -scaled(haircut, kh))));
  const gross = mul(scaled(bid, kb), units); // scaled by 10^(kq + kb + kh)
  const total = kq + kb + kh + kf;
  if (total > 15 || costPlaces > total) return NaN;
  const oneF = pow10(kf);
  const net = add(
    mul(gross, add(oneF, -scaled(fee, kf))),
    -mul(scaled(costs, costPlaces), pow10(total - costPlaces)),
  );
  return quotient(net, pow10(total));
}

// ── decimal path ─────────────────────────────────────────────────────────────────────────────

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

// ── function entry ───────────────────────────────────────────────────────────────────────────

const EXIT_VALUE_ARGS = ['quantity', 'bid', 'fee_rate', 'bid_depth', 'depth_haircut'];
const readFeeRate = reader(parseRate, 'fee_rate');
const readBidDepth = reader(parseQuantity, 'bid_depth');
const readDepthHaircut = reader(parseRate, 'depth_haircut');

/** fixed_costs read whole: blanks skipped, every other cell a cost (a number, not negative). */
function readFixedCosts(arg: Arg): Result<D[]> {
  const cells = cellsOf(arg, 'fixed_costs');
  if (isDeskError(cells)) return { ok: false, error: cells };
  const costs: D[] = [];
  for (const c of cells) {
    if (isMissing(c)) continue;
    const cost = parseQuantity(c, 'fixed_costs');
    if (!cost.ok) return cost;
    costs.push(cost.value);
  }
  return ok(costs);
}

/** The fixed costs' total, once per call: as a Decimal, and as an exact double with its places (or -1). */
interface CostTotal {
  readonly total: D;
  readonly number: number;
  readonly places: number;
}

/** One row on the exact double path, or NaN (then the decimal path decides). */
function exitElementExact(v: Scalar[], costs: CostTotal): number {
  const v0 = v[0];
  const v1 = v[1];
  const v2 = v[2];
  const v3 = v[3];
  const v4 = v[4];
  const q = typeof v0 === 'number' ? v0 : textNumber(v0);
  const b = typeof v1 === 'number' ? v1 : textNumber(v1);
  const fee = typeof v2 === 'number' ? v2 : isMissing(v2) ? 0 : textFraction(v2);
  const depth = typeof v3 === 'number' ? v3 : isMissing(v3) ? NaN : textNumber(v3);
  const haircut = typeof v4 === 'number' ? v4 : isMissing(v4) ? 0 : textFraction(v4);
  if (
    (isMissing(v3) || depth === depth) &&
    q >= 0 &&
    b >= 0 &&
    fee >= 0 &&
    fee <= 1 &&
    !(depth < 0) &&
    haircut >= 0 &&
    haircut <= 1
  ) {
    return exitValueExact(q, b, fee, depth, haircut, costs.number, costs.places);
  }
  return NaN;
}

/** One row on the decimal.js path, which also words every error. */
function exitElementDecimal(v: Scalar[], costs: CostTotal): Cell {
  const qty = readQuantity(v[0]);
  if (!qty.ok) return qty.error;
  const bidValue = readBid(v[1]);
  if (!bidValue.ok) return bidValue.error;
  const feeRateValue = isMissing(v[2]) ? ok(ZERO) : readFeeRate(v[2]);
  if (!feeRateValue.ok) return feeRateValue.error;
  const depthValue = isMissing(v[3]) ? ok(null) : readBidDepth(v[3]);
  if (!depthValue.ok) return depthValue.error;
  const haircutValue = isMissing(v[4]) ? ok(ZERO) : readDepthHaircut(v[4]);
  if (!haircutValue.ok) return haircutValue.error;
  return cell(
    netExitValue(
      {
        quantity: qty.value,
        bid: bidValue.value.value,
        feeRate: feeRateValue.value,
        bidDepth: depthValue.value,
        depthHaircut: haircutValue.value,
      },
      costs.total,
    ),
  );
}

/** DESK.EXIT_VALUE: bid-depth-aware gross, less fees and fixed costs. */
export function exitValue(
  quantity: Arg,
  bid: Arg,
  feeRate?: Arg,
  fixedCosts?: Arg,
  bidDepth?: Arg,
  depthHaircut?: Arg,
): Output {
  const read = readFixedCosts(fixedCosts);
  if (!read.ok) return read.error;
  const total = read.value.reduce((sum, c) => sum.plus(c), ZERO);
  const totalNumber = total.toNumber();
  const costs: CostTotal = {
    total,
    number: totalNumber,
    places: new D(totalNumber).eq(total) ? decimalPlaces(totalNumber) : -1,
  };
  const element = (v: Scalar[]): Cell => {
    const r = exitElementExact(v, costs);
    return usable(r) ? r : exitElementDecimal(v, costs);
  };
  return evaluateGrid([quantity, bid, feeRate, bidDepth, depthHaircut], EXIT_VALUE_ARGS, element);
}
