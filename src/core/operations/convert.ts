/**
 * DESK.CONVERT: a price between units and currencies, optionally stripping VAT. The exact double
 * path and the decimal.js path side by side, then the entry.
 */
import type { D } from '../numbers/decimal';
import { divide } from '../numbers/decimal-shortcuts';
import { add, decimalPlaces, mul, pow10, quotient, scaled } from '../numbers/scaled';
import { deskError, ok, type Result } from '../errors';
import { evaluateGrid, isMissing } from '../grid/evaluate';
import type { Arg, Cell, Output, Scalar } from '../grid/evaluate';
import { textFraction } from '../price/exact-text';
import { exactFactor, FX_ARG, rememberedFraction } from '../price/factor';
import { parseRate, parseUnitArg } from '../price/parse';
import { unitOf, type Unit } from '../price/units';
import { cell, fxFor, fxNumber, readPrice, reader, unitFor, usable } from './arguments';

// ── exact path (scaled doubles; NaN means "take the decimal path") ──────────────────────────

/** price converted from → to, VAT stripped: price × factor / (1 + vat). */
export function convertExact(price: number, from: Unit, to: Unit, fx: number, vat: number): number {
  const factor = exactFactor(from, to, fx);
  if (factor === null) return NaN;
  const kp = decimalPlaces(price);
  const kv = decimalPlaces(vat);
  if (kp < 0 || kv < 0) return NaN;
  const oneScaled = pow10(kv);
  return quotient(
    mul(mul(scaled(price, kp), factor.numerator), oneScaled),
    mul(mul(factor.denominator, pow10(kp)), add(oneScaled, scaled(vat, kv))),
  );
}

// ── decimal path ─────────────────────────────────────────────────────────────────────────────

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

// ── function entry ───────────────────────────────────────────────────────────────────────────

const CONVERT_ARGS = ['price', 'from_unit', 'to_unit', FX_ARG, 'vat_rate'];
const readFromUnit = reader(parseUnitArg, 'from_unit');
const readToUnit = reader(parseUnitArg, 'to_unit');
const readVatRate = reader(parseRate, 'vat_rate');

function convertElement(v: Scalar[]): Cell {
  const p = v[0];
  const vatArg = v[4];
  const vatNumber =
    typeof vatArg === 'number' ? vatArg : isMissing(vatArg) ? 0 : textFraction(vatArg);
  const vatOk = vatNumber >= 0 && vatNumber <= 1;
  if (
    typeof p === 'number' &&
    p >= 0 &&
    typeof v[1] === 'string' &&
    typeof v[2] === 'string' &&
    vatOk
  ) {
    const from = unitOf(v[1]);
    const to = unitOf(v[2]);
    if (from !== null && to !== null) {
      const r = convertExact(p, from, to, fxNumber(v[3]), vatNumber);
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
  if (price.value.midPlaces >= 0 && vatOk) {
    const r = convertExact(price.value.midNumber, from.value, to.value, fxNumber(v[3]), vatNumber);
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
