import { clip, type DeskError, type DeskErrorCode, isDeskError, type Output } from '../core';

/** What a DESK function hands back to Excel: a plain value or a CustomFunctions.Error per cell. */
export type ExcelCell = number | string | boolean | CustomFunctions.Error;

/** The Excel error value each core error code shows as (Excel's own strings). */
export const EXCEL_ERROR: Readonly<Record<DeskErrorCode, string>> = {
  value: '#VALUE!',
  na: '#N/A',
  div0: '#DIV/0!',
  num: '#NUM!',
};
/** Excel shows a custom message only for #VALUE! and #N/A, so only those carry ours. */
export const SHOWS_MESSAGE: ReadonlySet<DeskErrorCode> = new Set<DeskErrorCode>(['value', 'na']);

/** One core error as the Excel error a user sees in the cell. */
export function toFunctionError(error: DeskError): CustomFunctions.Error {
  // ErrorCode is a string enum, so Excel's own strings are its values: this module needs
  // nothing from the runtime but the Error class itself.
  const code = EXCEL_ERROR[error.code] as CustomFunctions.ErrorCode;
  return SHOWS_MESSAGE.has(error.code)
    ? new CustomFunctions.Error(code, error.message)
    : new CustomFunctions.Error(code);
}

function toExcelCell(cell: unknown): ExcelCell {
  if (isDeskError(cell)) return toFunctionError(cell);
  if (typeof cell === 'number' || typeof cell === 'string' || typeof cell === 'boolean')
    return cell;
  // The core promises Cell values only; anything else is a bug we report in the cell, not a throw.
  return new CustomFunctions.Error(
    '#VALUE!' as CustomFunctions.ErrorCode,
    `internal: unexpected result ${String(cell)}`,
  );
}

/**
 * Core output → the matrix every DESK function returns (its metadata result is a matrix, so a
 * single value goes back as 1×1, which Excel shows as a plain value). Errors stay per cell.
 */
export function toExcelResult(output: Output): ExcelCell[][] {
  if (!Array.isArray(output)) return [[toExcelCell(output)]];
  return output.map((row) => row.map(toExcelCell));
}

/**
 * The guarantee that nothing throws out of a DESK function: the core returns errors as values,
 * and if it ever threw anyway, the user gets #VALUE! naming the function instead of a stuck cell.
 */
export function runFunction(name: string, evaluate: () => Output): ExcelCell[][] {
  try {
    return toExcelResult(evaluate());
  } catch (thrown) {
    const reason = clip(
      thrown instanceof Error
        ? thrown.message
        : typeof thrown === 'string'
          ? thrown
          : typeof thrown,
    );
    return [
      [
        new CustomFunctions.Error(
          '#VALUE!' as CustomFunctions.ErrorCode,
          `${name}: internal error (${reason})`,
        ),
      ],
    ];
  }
}
