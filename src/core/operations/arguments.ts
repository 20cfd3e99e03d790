import { EXCEL_MAX, toExcelNumber, type D } from '../numbers/decimal';
import { rememberLast } from '../grid/remember-last';
import { fail, ok, type Result } from '../errors';
import { isMissing, type Cell, type Scalar } from '../grid/evaluate';
import { FX_ARG, needsFx } from '../price/factor';
import { textNumber } from '../price/exact-text';
import {
  parseFx,
  parsePriceCached,
  parseQuantity,
  parseQuote,
  type CachedPrice,
} from '../price/parse';
import type { Unit } from '../price/units';

/**
 * Argument reading the DESK operations share. Each element tries its exact double path when
 * all its inputs are plain numbers, and otherwise — or when that path cannot prove exactness — the
 * decimal.js path, which is also where every error message comes from. Nothing here throws.
 *
 * Every argument is read through a reader that remembers its last input (grid/remember-last.ts): a single
 * value broadcast against a range is parsed once per call, not once per row.
 */

export function cell(result: Result<D>): Cell {
  if (!result.ok) return result.error;
  const n = toExcelNumber(result.value);
  return n.ok ? n.value : n.error;
}

/** A finite fast-path result is final; NaN (not provably exact) or an overflow goes the decimal way. */
export const usable = (x: number): boolean => x === x && Math.abs(x) <= EXCEL_MAX;

/** The unit that applies to a price: the unit argument, else the unit in the text; both must agree. */
export function unitFor(
  price: CachedPrice,
  unitArg: Scalar,
  readUnit: (input: Scalar) => Result<Unit>,
  priceName: string,
  unitName: string,
): Result<Unit | null> {
  if (isMissing(unitArg)) return ok(price.unit);
  const unit = readUnit(unitArg);
  if (!unit.ok) return unit;
  if (price.unit !== null && price.unit !== unit.value) {
    return fail(
      'value',
      `${priceName}: the unit written in the price (${price.unit}) contradicts ${unitName} ${unit.value}`,
    );
  }
  return unit;
}

/** A reader per argument, remembering its last input (shared where name and meaning agree). */
export const reader = <T>(parse: (input: Scalar, argName: string) => T, argName: string) =>
  rememberLast((input: Scalar) => parse(input, argName));
const readFx = reader(parseFx, FX_ARG);
export const readPrice = reader(parsePriceCached, 'price');
export const readBid = reader(parseQuote, 'bid');
const readAsk = reader(parseQuote, 'ask');
export const readQuantity = reader(parseQuantity, 'quantity');

/** fx is read only when a conversion crosses currencies; otherwise it is ignored, as the spec says. */
export function fxFor(from: Unit | null, to: Unit | null, fxArg: Scalar): Result<D | null> {
  if (from === null || to === null || !needsFx(from, to) || isMissing(fxArg)) return ok(null);
  return readFx(fxArg);
}

/** An fx argument usable by the exact path: a positive plain number, or NaN. */
export const fxNumber = (fxArg: Scalar): number => {
  const fx = typeof fxArg === 'number' ? fxArg : textNumber(fxArg);
  return fx > 0 ? fx : NaN;
};

/** Bid and ask as single values; units written in both must agree. */
export function readQuote(bidArg: Scalar, askArg: Scalar): Result<{ bid: D; ask: D }> {
  const bid = readBid(bidArg);
  if (!bid.ok) return bid;
  const ask = readAsk(askArg);
  if (!ask.ok) return ask;
  if (bid.value.unit !== null && ask.value.unit !== null && bid.value.unit !== ask.value.unit) {
    return fail(
      'value',
      `bid is in ${bid.value.unit} but ask is in ${ask.value.unit}; quote both in one unit`,
    );
  }
  return ok({ bid: bid.value.value, ask: ask.value.value });
}
