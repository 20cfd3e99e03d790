import { D, toExcelNumber } from './calc/decimal';
import { netExitValue } from './calc/exit-value';
import {
  convertExact,
  exitValueExact,
  premiumExact,
  ratioConvertedExact,
  ratioExact,
  spreadBpsExact,
  spreadCostExact,
} from './calc/fast';
import { decimalPlaces } from './calc/exact';
import { rememberLast } from './calc/memo';
import { premiumOf } from './calc/premium';
import { ratioOf } from './calc/ratio';
import { spreadBpsOf } from './calc/spread-bps';
import { spreadCostOf } from './calc/spread-cost';
import { deskError, fail, ok, type DeskError, type Result } from './errors';
import {
  cellsOf,
  evaluateGrid,
  isRange,
  type Arg,
  type Cell,
  type Output,
  type Scalar,
} from './grid';
import { convertPrice, FX_ARG, needsFx } from './price/convert';
import {
  isMissing,
  parseFx,
  parseNumber,
  parsePriceCached,
  parseQuantity,
  parseQuote,
  parseRate,
  parseUnitArg,
  type CachedPrice,
} from './price/parse';
import { unitOf, type Unit } from './price/units';
import { noteStatusCell, prepareNoteStatus } from './status/note-status-grid';

/**
 * The whole-argument entry points behind the DESK custom functions: one call evaluates a single
 * value or a 100,000-row range. Each element tries the exact double path (calc/fast.ts) when all
 * its inputs are plain numbers, and otherwise — or when that path cannot prove exactness — the
 * decimal.js path, which is also where every error message comes from. Nothing here throws.
 *
 * Every argument is read through a reader that remembers its last input (calc/memo.ts): a single
 * value broadcast against a range is parsed once per call, not once per row.
 */

const EXCEL_MAX = 9.99999999999999e307;

function cell(result: Result<D>): Cell {
  if (!result.ok) return result.error;
  const n = toExcelNumber(result.value);
  return n.ok ? n.value : n.error;
}

/** A finite fast-path result is final; NaN (not provably exact) or an overflow goes the decimal way. */
const usable = (x: number): boolean => x === x && Math.abs(x) <= EXCEL_MAX;

const absent = (v: Scalar): boolean => v === null || v === undefined || v === '';

/** The unit that applies to a price: the unit argument, else the unit in the text; both must agree. */
function unitFor(
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

// Readers per argument, each remembering its last input (shared where name and meaning agree).
const reader = <T>(parse: (input: Scalar, argName: string) => T, argName: string) =>
  rememberLast((input: Scalar) => parse(input, argName));
const readFx = reader(parseFx, FX_ARG);
const readPrice = reader(parsePriceCached, 'price');
const readBid = reader(parseQuote, 'bid');
const readAsk = reader(parseQuote, 'ask');
const readQuantity = reader(parseQuantity, 'quantity');

/** fx is read only when a conversion crosses currencies; otherwise it is ignored, as the spec says. */
function fxFor(from: Unit | null, to: Unit | null, fxArg: Scalar): Result<D | null> {
  if (from === null || to === null || !needsFx(from, to) || isMissing(fxArg)) return ok(null);
  return readFx(fxArg);
}

/** An fx argument usable by the exact path: a positive plain number, or NaN. */
const fxNumber = (fxArg: Scalar): number => (typeof fxArg === 'number' && fxArg > 0 ? fxArg : NaN);

// ---------------------------------------------------------------- RATIO

const RATIO_ARGS = ['numerator', 'denominator', 'numerator_unit', 'denominator_unit', FX_ARG];
const readNumerator = reader(parsePriceCached, 'numerator');
const readDenominator = reader(parsePriceCached, 'denominator');
const readNumeratorUnit = reader(parseUnitArg, 'numerator_unit');
const readDenominatorUnit = reader(parseUnitArg, 'denominator_unit');

function ratioElement(v: Scalar[]): Cell {
  const a = v[0];
  const b = v[1];
  if (
    typeof a === 'number' &&
    typeof b === 'number' &&
    absent(v[2]) &&
    absent(v[3]) &&
    a >= 0 &&
    b > 0
  ) {
    const r = ratioExact(a, b);
    if (usable(r)) return r;
  }
  const num = readNumerator(a);
  if (!num.ok) return num.error;
  const den = readDenominator(b);
  if (!den.ok) return den.error;
  const numUnit = unitFor(num.value, v[2], readNumeratorUnit, 'numerator', 'numerator_unit');
  if (!numUnit.ok) return numUnit.error;
  const denUnit = unitFor(den.value, v[3], readDenominatorUnit, 'denominator', 'denominator_unit');
  if (!denUnit.ok) return denUnit.error;
  const from = numUnit.value;
  const to = denUnit.value;
  if (num.value.midPlaces >= 0 && den.value.midPlaces >= 0 && den.value.midNumber > 0) {
    const r =
      from === null || to === null || from === to
        ? ratioExact(num.value.midNumber, den.value.midNumber)
        : ratioConvertedExact(num.value.midNumber, den.value.midNumber, from, to, fxNumber(v[4]));
    if (usable(r)) return r;
  }
  const fx = fxFor(from, to, v[4]);
  if (!fx.ok) return fx.error;
  return cell(
    ratioOf({
      numerator: num.value.mid,
      denominator: den.value.mid,
      numeratorUnit: from,
      denominatorUnit: to,
      fx: fx.value,
    }),
  );
}

/** DESK.RATIO: numerator price over denominator price, converted into the denominator's unit. */
export function ratio(
  numerator: Arg,
  denominator: Arg,
  numeratorUnit?: Arg,
  denominatorUnit?: Arg,
  fx?: Arg,
): Output {
  return evaluateGrid(
    [numerator, denominator, numeratorUnit, denominatorUnit, fx],
    RATIO_ARGS,
    ratioElement,
  );
}

// ---------------------------------------------------------------- SPREAD_COST

const SPREAD_COST_ARGS = ['bid', 'ask', 'quantity', 'legs'];

/** Bid and ask as single values; units written in both must agree. */
function readQuote(bidArg: Scalar, askArg: Scalar): Result<{ bid: D; ask: D }> {
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

const TWO = new D(2);
const ONE = new D(1);
const readLegs = reader(parseNumber, 'legs');

function spreadCostElement(v: Scalar[]): Cell {
  const bid = v[0];
  const ask = v[1];
  const q = absent(v[2]) ? 1 : v[2];
  const legs = absent(v[3]) ? 2 : v[3];
  if (
    typeof bid === 'number' &&
    typeof ask === 'number' &&
    typeof q === 'number' &&
    (legs === 1 || legs === 2) &&
    bid >= 0 &&
    bid <= ask &&
    q >= 0
  ) {
    const r = spreadCostExact(bid, ask, q, legs);
    if (usable(r)) return r;
  }
  const quote = readQuote(bid, ask);
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

// ---------------------------------------------------------------- EXIT_VALUE

const EXIT_VALUE_ARGS = ['quantity', 'bid', 'fee_rate', 'bid_depth', 'depth_haircut'];
const ZERO = new D(0);
const readFeeRate = reader(parseRate, 'fee_rate');
const readBidDepth = reader(parseQuantity, 'bid_depth');
const readDepthHaircut = reader(parseRate, 'depth_haircut');

/** fixed_costs read whole: blanks skipped, every other cell a number. */
function readFixedCosts(arg: Arg): Result<D[]> {
  const costs: D[] = [];
  for (const c of cellsOf(arg)) {
    if (isMissing(c)) continue;
    const cost = parseNumber(c, 'fixed_costs');
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
    const q = v[0];
    const b = v[1];
    const fee = absent(v[2]) ? 0 : v[2];
    const depth = absent(v[3]) ? NaN : v[3];
    const haircut = absent(v[4]) ? 0 : v[4];
    if (
      typeof q === 'number' &&
      typeof b === 'number' &&
      typeof fee === 'number' &&
      typeof depth === 'number' &&
      typeof haircut === 'number' &&
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
    const qty = readQuantity(q);
    if (!qty.ok) return qty.error;
    const bidValue = readBid(b);
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

// ---------------------------------------------------------------- MID

function midElement(v: Scalar[]): Cell {
  const p = v[0];
  if (typeof p === 'number' && p >= 0 && p <= EXCEL_MAX) return p === 0 ? 0 : p; // a double's decimal is itself
  const price = readPrice(p);
  if (!price.ok) return price.error;
  if (Math.abs(price.value.midNumber) <= EXCEL_MAX) return price.value.midNumber; // mid.toNumber(), cached
  return cell(ok(price.value.mid));
}

/** DESK.MID: the midpoint of a price or a price-range text. */
export function mid(price: Arg): Output {
  return evaluateGrid([price], ['price'], midElement);
}

// ---------------------------------------------------------------- CONVERT

const CONVERT_ARGS = ['price', 'from_unit', 'to_unit', FX_ARG, 'vat_rate'];
const readFromUnit = reader(parseUnitArg, 'from_unit');
const readToUnit = reader(parseUnitArg, 'to_unit');
const readVatRate = reader(parseRate, 'vat_rate');

function convertElement(v: Scalar[]): Cell {
  const p = v[0];
  const vatArg = v[4];
  if (
    typeof p === 'number' &&
    p >= 0 &&
    typeof v[1] === 'string' &&
    typeof v[2] === 'string' &&
    (absent(vatArg) || (typeof vatArg === 'number' && vatArg >= 0 && vatArg <= 1))
  ) {
    const from = unitOf(v[1]);
    const to = unitOf(v[2]);
    if (from !== null && to !== null) {
      const r = convertExact(p, from, to, fxNumber(v[3]), typeof vatArg === 'number' ? vatArg : 0);
      if (usable(r)) return r;
    }
  }
  const price = readPrice(p);
  if (!price.ok) return price.error;
  const from = unitFor(price.value, v[1], readFromUnit, 'price', 'from_unit');
  if (!from.ok) return from.error;
  if (from.value === null) return deskError('na', 'from_unit is required but the cell is empty');
  const to = readToUnit(v[2]);
  if (!to.ok) return to.error;
  if (
    price.value.midPlaces >= 0 &&
    (absent(vatArg) || (typeof vatArg === 'number' && vatArg >= 0 && vatArg <= 1))
  ) {
    const r = convertExact(
      price.value.midNumber,
      from.value,
      to.value,
      fxNumber(v[3]),
      absent(vatArg) ? 0 : (vatArg as number),
    );
    if (usable(r)) return r;
  }
  const fx = fxFor(from.value, to.value, v[3]);
  if (!fx.ok) return fx.error;
  const vat = isMissing(vatArg) ? ok(null) : readVatRate(vatArg);
  if (!vat.ok) return vat.error;
  return cell(convertPrice(price.value.mid, from.value, to.value, fx.value, vat.value));
}

/** DESK.CONVERT: unit and currency conversion, optionally stripping VAT. */
export function convert(price: Arg, fromUnit: Arg, toUnit: Arg, fx?: Arg, vatRate?: Arg): Output {
  return evaluateGrid([price, fromUnit, toUnit, fx, vatRate], CONVERT_ARGS, convertElement);
}

// ---------------------------------------------------------------- SPREAD_BPS

function spreadBpsElement(v: Scalar[]): Cell {
  const bid = v[0];
  const ask = v[1];
  if (typeof bid === 'number' && typeof ask === 'number' && bid >= 0 && bid <= ask) {
    const r = spreadBpsExact(bid, ask);
    if (usable(r)) return r;
  }
  const quote = readQuote(bid, ask);
  if (!quote.ok) return quote.error;
  return cell(spreadBpsOf(quote.value.bid, quote.value.ask));
}

/** DESK.SPREAD_BPS: (ask − bid) / mid × 10,000. */
export function spreadBps(bid: Arg, ask: Arg): Output {
  return evaluateGrid([bid, ask], ['bid', 'ask'], spreadBpsElement);
}

// ---------------------------------------------------------------- PREMIUM

const readReference = reader(parsePriceCached, 'reference');

function premiumElement(v: Scalar[]): Cell {
  const p = v[0];
  const r = v[1];
  if (typeof p === 'number' && typeof r === 'number' && p >= 0 && r > 0) {
    const x = premiumExact(p, r);
    if (usable(x)) return x;
  }
  const price = readPrice(p);
  if (!price.ok) return price.error;
  const reference = readReference(r);
  if (!reference.ok) return reference.error;
  if (
    price.value.unit !== null &&
    reference.value.unit !== null &&
    price.value.unit !== reference.value.unit
  ) {
    return deskError(
      'value',
      `price is in ${price.value.unit} but reference is in ${reference.value.unit}; convert one first (DESK.CONVERT)`,
    );
  }
  if (
    price.value.midPlaces >= 0 &&
    reference.value.midPlaces >= 0 &&
    reference.value.midNumber > 0
  ) {
    const x = premiumExact(price.value.midNumber, reference.value.midNumber);
    if (usable(x)) return x;
  }
  return cell(premiumOf(price.value.mid, reference.value.mid));
}

/** DESK.PREMIUM: price / reference − 1. */
export function premium(price: Arg, reference: Arg): Output {
  return evaluateGrid([price, reference], ['price', 'reference'], premiumElement);
}

// ---------------------------------------------------------------- NOTE_STATUS

const NOTE_STATUS_ARGS = [
  'quote_time',
  'spread_bps',
  'ratio_change',
  'as_of',
  'expected_direction',
  'source_state',
  'explain',
];

/**
 * DESK.NOTE_STATUS: research / watchlist / action. limits and closeout are read whole; `now` is
 * injected (the default as_of) so the core stays pure — see dates.ts on wall-clock time.
 */
export function noteStatus(
  quoteTime: Arg,
  spreadBpsArg: Arg,
  ratioChange: Arg,
  asOf: Arg,
  expectedDirection: Arg,
  limits: Arg,
  sourceState: Arg,
  closeout: Arg,
  explain: Arg,
  now: Date,
): Output {
  const prepared = prepareNoteStatus(limits, closeout, now);
  if (!prepared.ok) return prepared.error;
  const context = prepared.value;
  return evaluateGrid(
    [quoteTime, spreadBpsArg, ratioChange, asOf, expectedDirection, sourceState, explain],
    NOTE_STATUS_ARGS,
    (v) => noteStatusCell(v, context),
  );
}

export type { DeskError };
export { isRange };
