import { D } from '../calc/decimal';
import { divide } from '../calc/decimal-fast';
import { fail, ok, type Result } from '../errors';
import { currencyOf, KG_PER, massOf, type Unit } from './units';

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

/**
 * Converts a price between units and currencies; vatRate strips VAT from a VAT-inclusive price
 * (price / (1 + vat)). Computed as one product over one product, so only the final division rounds.
 */
export function convertPrice(
  value: D,
  from: Unit,
  to: Unit,
  fx?: D | null,
  vatRate?: D | null,
): Result<D> {
  const fraction = rememberedFraction(from, to, fx ?? null, vatRate ?? null);
  if (!fraction.ok) return fraction;
  return ok(divide(value.times(fraction.value.numerator), fraction.value.denominator));
}
