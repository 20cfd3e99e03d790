import { fail, ok, type Result } from '../errors';
import { rememberedFraction } from '../price/convert';
import type { Unit } from '../price/units';
import type { D } from './decimal';
import { divide } from './decimal-fast';

export interface RatioInput {
  numerator: D;
  denominator: D;
  /** Units of each side; when either is unknown the ratio is a plain division. */
  numeratorUnit?: Unit | null;
  denominatorUnit?: Unit | null;
  fx?: D | null;
}

/** Numerator price over denominator price, the numerator first converted into the denominator's unit. */
export function ratioOf({
  numerator,
  denominator,
  numeratorUnit,
  denominatorUnit,
  fx,
}: RatioInput): Result<D> {
  if (denominator.isZero()) return fail('div0', 'denominator is zero');
  if (numeratorUnit && denominatorUnit && numeratorUnit !== denominatorUnit) {
    const factor = rememberedFraction(numeratorUnit, denominatorUnit, fx ?? null, null);
    if (!factor.ok) return factor;
    return ok(
      divide(numerator.times(factor.value.numerator), denominator.times(factor.value.denominator)),
    );
  }
  return ok(divide(numerator, denominator));
}
