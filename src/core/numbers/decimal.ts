import Decimal from 'decimal.js';
import { deskError, type Result } from '../errors';

/**
 * The one configured decimal constructor. A clone keeps the global Decimal untouched, so a
 * library that shares the page cannot change our precision or rounding.
 * 34 significant digits (IEEE decimal128) is far beyond any price or quantity a desk types.
 */
export const D = Decimal.clone({
  precision: 34,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});
export type D = InstanceType<typeof D>;

/** Largest magnitude Excel stores (about 1.8e308 is the double limit; Excel itself caps at 9.99e307). */
export const EXCEL_MAX = 9.99999999999999e307;
const EXCEL_MAX_D = new D(EXCEL_MAX);
const EXCEL_MIN_D = EXCEL_MAX_D.neg();

/** The one place a decimal becomes an Excel number: overflow is #NUM!, never Infinity. */
export function toExcelNumber(value: D): Result<number> {
  // Two comparisons rather than abs(), which would copy the value on every row.
  if (!value.isFinite() || value.gt(EXCEL_MAX_D) || value.lt(EXCEL_MIN_D)) {
    return { ok: false, error: deskError('num', 'result is too large for Excel') };
  }
  const n = value.toNumber();
  return { ok: true, value: Object.is(n, -0) ? 0 : n };
}
