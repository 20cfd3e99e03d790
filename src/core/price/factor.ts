/**
 * Unit and currency conversion factors, as decimals (for the decimal.js paths) and as scaled
 * integers (for the exact double paths). DESK.CONVERT and DESK.RATIO both convert through here.
 */
import { D } from '../numbers/decimal';
import { decimalPlaces, mul, pow10, scaled } from '../numbers/scaled';
import { fail, ok, type Result } from '../errors';
import { currencyOf, KG_PER, KG_PER_FRACTION, massOf, type Unit } from './units';

export const FX_ARG = 'fx_cny_per_usd';

/** A conversion factor kept as a fraction so the caller divides once (one rounding, at the end). */
export interface Factor {
  readonly numerator: D;
  readonly denominator: D;
}

const ONE = new D(1);
const ZERO = new D(0);

export const needsFx = (from: Unit, to: Unit): boolean => currencyOf(from) !== currencyOf(to);

/** from → to as numerator/denominator. fx is CNY per USD, needed (and checked) only across currencies. */
export function conversionFactor(from: Unit, to: Unit, fx?: D | null): Result<Factor> {
  // price per from-mass → per kg (÷ kg per from-mass) → per to-mass (× kg per to-mass)
  let numerator = KG_PER[massOf(to)];
  let denominator = KG_PER[massOf(from)];
  if (needsFx(from, to)) {
    if (fx === undefined || fx === null) {
      return fail('value', `converting ${from} to ${to} needs ${FX_ARG} (CNY per USD)`);
    }
    if (!fx.gt(ZERO)) return fail('value', `${FX_ARG} must be positive`);
    if (currencyOf(from) === 'USD') numerator = numerator.times(fx);
    else denominator = denominator.times(fx);
  }
  return ok({ numerator, denominator });
}

/** The factor with VAT folded into its denominator: what a price is multiplied by, then divided by. */
function conversionFraction(from: Unit, to: Unit, fx: D | null, vatRate: D | null): Result<Factor> {
  const factor = conversionFactor(from, to, fx);
  if (!factor.ok || vatRate === null) return factor;
  if (vatRate.lt(ZERO) || vatRate.gt(ONE)) return fail('value', 'vat_rate must be between 0 and 1');
  return ok({
    numerator: factor.value.numerator,
    denominator: factor.value.denominator.times(ONE.plus(vatRate)),
  });
}

// The last fraction asked for. DESK.CONVERT's units, fx and VAT are usually single values, the
// same on every row (the same Decimals once parsed), so a 100k-row call builds the fraction once.
let last: {
  from: Unit;
  to: Unit;
  fx: D | null;
  vatRate: D | null;
  fraction: Result<Factor>;
} | null = null;

/** conversionFraction, remembered for the last arguments (compared by identity). */
export function rememberedFraction(
  from: Unit,
  to: Unit,
  fx: D | null,
  vatRate: D | null,
): Result<Factor> {
  if (
    last === null ||
    last.from !== from ||
    last.to !== to ||
    last.fx !== fx ||
    last.vatRate !== vatRate
  ) {
    last = { from, to, fx, vatRate, fraction: conversionFraction(from, to, fx, vatRate) };
  }
  return last.fraction;
}

/** An exact factor as two integers; one scratch object, read right after the call, never retained. */
interface ExactFactor {
  numerator: number;
  denominator: number;
}
const exactOut: ExactFactor = { numerator: NaN, denominator: NaN };

/**
 * The from → to factor as integers numerator / denominator; fx (CNY per USD) only across
 * currencies. Null when it cannot be exact (fx with too many places, or not positive).
 */
export function exactFactor(from: Unit, to: Unit, fx: number): Readonly<ExactFactor> | null {
  const [pTo, qTo] = KG_PER_FRACTION[massOf(to)];
  const [pFrom, qFrom] = KG_PER_FRACTION[massOf(from)];
  let num = pTo * qFrom;
  let den = qTo * pFrom;
  if (currencyOf(from) !== currencyOf(to)) {
    const kf = decimalPlaces(fx);
    if (kf < 0 || !(fx > 0)) return null;
    const scaledFx = scaled(fx, kf);
    if (currencyOf(from) === 'USD') {
      num = mul(num, scaledFx);
      den = mul(den, pow10(kf));
    } else {
      num = mul(num, pow10(kf));
      den = mul(den, scaledFx);
    }
  }
  if (num !== num || den !== den) return null;
  exactOut.numerator = num;
  exactOut.denominator = den;
  return exactOut;
}
