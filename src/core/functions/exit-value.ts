import { D } from '../calc/decimal';
import { decimalPlaces } from '../calc/exact';
import { netExitValue } from '../calc/exit-value';
import { exitValueExact } from '../calc/fast';
import { isDeskError, ok, type Result } from '../errors';
import { cellsOf, evaluateGrid, type Arg, type Cell, type Output, type Scalar } from '../grid';
import { textFraction, textNumber } from '../price/exact-text';
import { isMissing, parseQuantity, parseRate } from '../price/parse';
import { absent, cell, readBid, readQuantity, reader, usable } from './shared';

const EXIT_VALUE_ARGS = ['quantity', 'bid', 'fee_rate', 'bid_depth', 'depth_haircut'];
const ZERO = new D(0);
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

/** DESK.EXIT_VALUE: bid-depth-aware gross, less fees and fixed costs. */
export function exitValue(
  quantity: Arg,
  bid: Arg,
  feeRate?: Arg,
  fixedCosts?: Arg,
  bidDepth?: Arg,
  depthHaircut?: Arg,
): Output {
  const costs = readFixedCosts(fixedCosts);
  if (!costs.ok) return costs.error;
  const costList = costs.value;
  const total = costList.reduce((sum, c) => sum.plus(c), ZERO);
  const totalNumber = total.toNumber();
  const totalPlaces = new D(totalNumber).eq(total) ? decimalPlaces(totalNumber) : -1;

  const element = (v: Scalar[]): Cell => {
    const v0 = v[0];
    const v1 = v[1];
    const v2 = v[2];
    const v3 = v[3];
    const v4 = v[4];
    const q = typeof v0 === 'number' ? v0 : textNumber(v0);
    const b = typeof v1 === 'number' ? v1 : textNumber(v1);
    const fee = typeof v2 === 'number' ? v2 : absent(v2) ? 0 : textFraction(v2);
    const depth = typeof v3 === 'number' ? v3 : absent(v3) ? NaN : textNumber(v3);
    const haircut = typeof v4 === 'number' ? v4 : absent(v4) ? 0 : textFraction(v4);
    if (
      (absent(v[3]) || depth === depth) &&
      q >= 0 &&
      b >= 0 &&
      fee >= 0 &&
      fee <= 1 &&
      !(depth < 0) &&
      haircut >= 0 &&
      haircut <= 1
    ) {
      const r = exitValueExact(q, b, fee, depth, haircut, totalNumber, totalPlaces);
      if (usable(r)) return r;
    }
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
        total,
      ),
    );
  };
  return evaluateGrid([quantity, bid, feeRate, bidDepth, depthHaircut], EXIT_VALUE_ARGS, element);
}
