import { convertExact } from '../calc/fast';
import { deskError, ok } from '../errors';
import { evaluateGrid, type Arg, type Cell, type Output, type Scalar } from '../grid';
import { convertPrice, FX_ARG } from '../price/convert';
import { textFraction } from '../price/exact-text';
import { isMissing, parseRate, parseUnitArg } from '../price/parse';
import { unitOf } from '../price/units';
import { absent, cell, fxFor, fxNumber, readPrice, reader, unitFor, usable } from './shared';

const CONVERT_ARGS = ['price', 'from_unit', 'to_unit', FX_ARG, 'vat_rate'];
const readFromUnit = reader(parseUnitArg, 'from_unit');
const readToUnit = reader(parseUnitArg, 'to_unit');
const readVatRate = reader(parseRate, 'vat_rate');

function convertElement(v: Scalar[]): Cell {
  const p = v[0];
  const vatArg = v[4];
  const vatNumber = typeof vatArg === 'number' ? vatArg : absent(vatArg) ? 0 : textFraction(vatArg);
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
