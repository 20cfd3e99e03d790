import { D } from '../calc/decimal';
import { fail, ok, type Result } from '../errors';
import { currencyOf, KG_PER, massOf, type Unit } from './units';

export const FX_ARG = 'fx_cny_per_usd';

/** A conversion factor kept as a fraction so the caller divides once (one rounding, at the end). */
export interface Factor {
  readonly numerator: D;
  readonly denominator: D;
}

const ONE = new D(1);

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
    if (!fx.gt(0)) return fail('value', `${FX_ARG} must be positive`);
    if (currencyOf(from) === 'USD') numerator = numerator.times(fx);
    else denominator = denominator.times(fx);
  }
  return ok({ numerator, denominator });
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
  const factor = conversionFactor(from, to, fx);
  if (!factor.ok) return factor;
  let denominator = factor.value.denominator;
  if (vatRate !== undefined && vatRate !== null) {
    if (vatRate.lt(0) || vatRate.gt(1)) return fail('value', 'vat_rate must be between 0 and 1');
    denominator = denominator.times(ONE.plus(vatRate));
  }
  return ok(value.times(factor.value.numerator).div(denominator));
}
