import { KG_PER_FRACTION, currencyOf, massOf, type Unit } from '../price/units';
import { add, decimalPlaces, mul, pow10, quotient, scaled } from './exact';

/**
 * The exact double paths of the functions (see exact.ts for why they are exact). Each returns the
 * result, or NaN when the inputs fall outside what can be proved exact — then the caller takes the
 * decimal.js path, which also produces every error message. Inputs are already known valid here.
 */

/** a / b for non-negative a, b > 0. */
export function ratioExact(a: number, b: number): number {
  const ka = decimalPlaces(a);
  const kb = decimalPlaces(b);
  if (ka < 0 || kb < 0) return NaN;
  const k = Math.max(ka, kb);
  return quotient(scaled(a, k), scaled(b, k));
}

// Scratch outputs of conversionExact: single-threaded, read right after the call, never retained.
let factorNum = NaN;
let factorDen = NaN;

/**
 * The from → to factor as integers factorNum / factorDen; fx (CNY per USD) only across currencies.
 * Returns false when it cannot be exact (fx with too many places).
 */
function conversionExact(from: Unit, to: Unit, fx: number): boolean {
  const [pTo, qTo] = KG_PER_FRACTION[massOf(to)];
  const [pFrom, qFrom] = KG_PER_FRACTION[massOf(from)];
  factorNum = pTo * qFrom;
  factorDen = qTo * pFrom;
  if (currencyOf(from) !== currencyOf(to)) {
    const kf = decimalPlaces(fx);
    if (kf < 0 || !(fx > 0)) return false;
    const scaledFx = scaled(fx, kf);
    if (currencyOf(from) === 'USD') {
      factorNum = mul(factorNum, scaledFx);
      factorDen = mul(factorDen, pow10(kf));
    } else {
      factorNum = mul(factorNum, pow10(kf));
      factorDen = mul(factorDen, scaledFx);
    }
  }
  return factorNum === factorNum && factorDen === factorDen;
}

/** (a converted from → to) / b, each price given as a double that stands exactly for its decimal. */
export function ratioConvertedExact(
  a: number,
  b: number,
  from: Unit,
  to: Unit,
  fx: number,
): number {
  if (!conversionExact(from, to, fx)) return NaN;
  const ka = decimalPlaces(a);
  const kb = decimalPlaces(b);
  if (ka < 0 || kb < 0) return NaN;
  const k = Math.max(ka, kb);
  return quotient(mul(scaled(a, k), factorNum), mul(scaled(b, k), factorDen));
}

/** price converted from → to, VAT stripped: price × factor / (1 + vat). */
export function convertExact(price: number, from: Unit, to: Unit, fx: number, vat: number): number {
  if (!conversionExact(from, to, fx)) return NaN;
  const kp = decimalPlaces(price);
  const kv = decimalPlaces(vat);
  if (kp < 0 || kv < 0) return NaN;
  const oneScaled = pow10(kv);
  return quotient(
    mul(mul(scaled(price, kp), factorNum), oneScaled),
    mul(mul(factorDen, pow10(kp)), add(oneScaled, scaled(vat, kv))),
  );
}

/** (ask − bid) / 2 × legs × quantity. */
export function spreadCostExact(bid: number, ask: number, quantity: number, legs: number): number {
  const kb = decimalPlaces(bid);
  const ka = decimalPlaces(ask);
  const kq = decimalPlaces(quantity);
  if (kb < 0 || ka < 0 || kq < 0) return NaN;
  const k = Math.max(kb, ka);
  const n = mul(mul(add(scaled(ask, k), -scaled(bid, k)), legs), scaled(quantity, kq));
  return quotient(n, mul(2, pow10(k + kq)));
}

/** (ask − bid) × 20,000 / (ask + bid). */
export function spreadBpsExact(bid: number, ask: number): number {
  const kb = decimalPlaces(bid);
  const ka = decimalPlaces(ask);
  if (kb < 0 || ka < 0) return NaN;
  const k = Math.max(kb, ka);
  const a = scaled(ask, k);
  const b = scaled(bid, k);
  return quotient(mul(add(a, -b), 20000), add(a, b));
}

/** (price − reference) / reference. */
export function premiumExact(price: number, reference: number): number {
  const kp = decimalPlaces(price);
  const kr = decimalPlaces(reference);
  if (kp < 0 || kr < 0) return NaN;
  const k = Math.max(kp, kr);
  const r = scaled(reference, k);
  return quotient(add(scaled(price, k), -r), r);
}

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
