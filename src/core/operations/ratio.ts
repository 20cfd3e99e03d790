/**
 * DESK.RATIO: numerator price over denominator price, the numerator first converted into the
 * denominator's unit. The exact double path and the decimal.js path side by side, then the entry.
 */
import { D } from '../numbers/decimal';
import { divide } from '../numbers/decimal-shortcuts';
import { decimalPlaces, mul, quotient, scaled } from '../numbers/scaled';
import { fail, ok, type Result } from '../errors';
import { evaluateGrid, isMissing } from '../grid/evaluate';
import type { Arg, Cell, Output, Scalar } from '../grid/evaluate';
import { exactFactor, FX_ARG, rememberedFraction } from '../price/factor';
import { parsePriceCached, parseUnitArg } from '../price/parse';
import type { Unit } from '../price/units';
import { cell, fxFor, fxNumber, reader, unitFor, usable } from './arguments';

// ── exact path (scaled doubles; NaN means "take the decimal path") ──────────────────────────

/** a / b for non-negative a, b > 0. */
export function ratioExact(a: number, b: number): number {
  const ka = decimalPlaces(a);
  const kb = decimalPlaces(b);
  if (ka < 0 || kb < 0) return NaN;
  const k = Math.max(ka, kb);
  return quotient(scaled(a, k), scaled(b, k));
}

/** (a converted from → to) / b, each price given as a double that stands exactly for its decimal. */
export function ratioConvertedExact(
  a: number,
  b: number,
  from: Unit,
  to: Unit,
  fx: number,
): number {
  const factor = exactFactor(from, to, fx);
  if (factor === null) return NaN;
  const ka = decimalPlaces(a);
  const kb = decimalPlaces(b);
  if (ka < 0 || kb < 0) return NaN;
  const k = Math.max(ka, kb);
  return quotient(mul(scaled(a, k), factor.numerator), mul(scaled(b, k), factor.denominator));
}

// ── decimal path ─────────────────────────────────────────────────────────────────────────────

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

// ── function entry ───────────────────────────────────────────────────────────────────────────

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
    isMissing(v[2]) &&
    isMissing(v[3]) &&
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
