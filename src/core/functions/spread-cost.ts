import { D } from '../calc/decimal';
import { spreadCostExact } from '../calc/fast';
import { spreadCostOf } from '../calc/spread-cost';
import { ok } from '../errors';
import { evaluateGrid, type Arg, type Cell, type Output, type Scalar } from '../grid';
import { isMissing, parsePlainNumber } from '../price/parse';
import { textNumber } from '../price/exact-text';
import { absent, cell, readQuantity, readQuote, reader, usable } from './shared';

const SPREAD_COST_ARGS = ['bid', 'ask', 'quantity', 'legs'];
const TWO = new D(2);
const ONE = new D(1);
const readLegs = reader(parsePlainNumber, 'legs');

function spreadCostElement(v: Scalar[]): Cell {
  const v0 = v[0];
  const v1 = v[1];
  const v2 = v[2];
  const v3 = v[3];
  const bid = typeof v0 === 'number' ? v0 : textNumber(v0);
  const ask = typeof v1 === 'number' ? v1 : textNumber(v1);
  const q = typeof v2 === 'number' ? v2 : absent(v2) ? 1 : textNumber(v2);
  const legs = typeof v3 === 'number' ? v3 : absent(v3) ? 2 : textNumber(v3);
  if ((legs === 1 || legs === 2) && bid >= 0 && bid <= ask && q >= 0) {
    const r = spreadCostExact(bid, ask, q, legs);
    if (usable(r)) return r;
  }
  const quote = readQuote(v[0], v[1]);
  if (!quote.ok) return quote.error;
  const quantity = isMissing(v[2]) ? ok(ONE) : readQuantity(v[2]);
  if (!quantity.ok) return quantity.error;
  const legCount = isMissing(v[3]) ? ok(TWO) : readLegs(v[3]);
  if (!legCount.ok) return legCount.error;
  return cell(spreadCostOf({ ...quote.value, quantity: quantity.value, legs: legCount.value }));
}

/** DESK.SPREAD_COST: (ask − bid) / 2 × legs × quantity. */
export function spreadCost(bid: Arg, ask: Arg, quantity?: Arg, legs?: Arg): Output {
  return evaluateGrid([bid, ask, quantity, legs], SPREAD_COST_ARGS, spreadCostElement);
}
