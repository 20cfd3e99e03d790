import { ratioConvertedExact, ratioExact } from '../calc/fast';
import { ratioOf } from '../calc/ratio';
import { evaluateGrid, type Arg, type Cell, type Output, type Scalar } from '../grid';
import { FX_ARG } from '../price/convert';
import { parsePriceCached, parseUnitArg } from '../price/parse';
import { cell, fxFor, fxNumber, reader, unitFor, usable, absent } from './shared';

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
