import { D } from '../calc/decimal';
import { decimalPlaces } from '../calc/exact';
import { netExitValue } from '../calc/exit-value';
import { exitValueExact } from '../calc/fast';
import { isDeskError, ok, type Result } from '../errors';
import { cellsOf, evaluateGrid, type Arg, type Cell, type Output, type Scalar } from '../grid';
import { isMissing, parseQuantity, parseRate } from '../price/parse';
import {
  absent,
  asFraction,
  asNumber,
  cell,
  readBid,
  readQuantity,
  reader,
  usable,
} from './shared';

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
    const q = asNumber(v[0]);
    const b = asNumber(v[1]);
    const fee = absent(v[2]) ? 0 : asFraction(v[2]);
    const depth = absent(v[3]) ? NaN : asNumber(v[3]);
    const haircut = absent(v[4]) ? 0 : asFraction(v[4]);
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
