import { spreadBpsExact } from '../calc/fast';
import { spreadBpsOf } from '../calc/spread-bps';
import { evaluateGrid, type Arg, type Cell, type Output, type Scalar } from '../grid';
import { textNumber } from '../price/exact-text';
import { cell, readQuote, usable } from './shared';

function spreadBpsElement(v: Scalar[]): Cell {
  const b = v[0];
  const a = v[1];
  const bid = typeof b === 'number' ? b : textNumber(b);
  const ask = typeof a === 'number' ? a : textNumber(a);
  if (bid >= 0 && bid <= ask) {
    const r = spreadBpsExact(bid, ask);
    if (usable(r)) return r;
  }
  const quote = readQuote(v[0], v[1]);
  if (!quote.ok) return quote.error;
  return cell(spreadBpsOf(quote.value.bid, quote.value.ask));
}

/** DESK.SPREAD_BPS: (ask − bid) / mid × 10,000. */
export function spreadBps(bid: Arg, ask: Arg): Output {
  return evaluateGrid([bid, ask], ['bid', 'ask'], spreadBpsElement);
}
