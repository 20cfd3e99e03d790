/**
 * The add-in's DESK functions as a formula engine calls them: each name bound to the same core
 * entry point src/functions/functions.ts registers with Excel, with `now` read here, at the edge,
 * and core errors turned into Excel's error values (with the message Excel shows for #VALUE! and
 * #N/A). The in-memory workbook loads this registry, so its cells give what Excel with our add-in
 * loaded gives — one evaluator per rule.
 */
import {
  type Arg,
  type Cell,
  convert,
  exitValue,
  isDeskError,
  mid,
  noteStatus,
  type Output,
  premium,
  ratio,
  spreadBps,
  spreadCost,
  wallClockAsUtc,
} from '../core';
import { EXCEL_ERROR, SHOWS_MESSAGE } from './function-errors';

type Value = string | number | boolean;
type ExcelValue = Value | { readonly error: string; readonly message?: string };
type DeskFunction = (
  args: readonly (Value | undefined | Value[][])[],
) => ExcelValue | ExcelValue[][];

function excelValue(cell: Cell): ExcelValue {
  if (!isDeskError(cell)) return cell;
  const error = EXCEL_ERROR[cell.code];
  return SHOWS_MESSAGE.has(cell.code) ? { error, message: cell.message } : { error };
}

const excelOutput = (out: Output): ExcelValue | ExcelValue[][] =>
  Array.isArray(out) ? out.map((row) => row.map(excelValue)) : excelValue(out);

/** A core entry point over positional arguments (omitted optional ones arrive undefined). */
const bind =
  (fn: (...args: Arg[]) => Output): DeskFunction =>
  (args) =>
    excelOutput(fn(...(args as Arg[])));

export const DESK_FUNCTIONS: Readonly<Record<string, DeskFunction>> = {
  'DESK.RATIO': bind(ratio),
  'DESK.SPREAD_COST': bind(spreadCost),
  'DESK.EXIT_VALUE': bind(exitValue),
  'DESK.MID': bind(mid),
  'DESK.CONVERT': bind(convert),
  'DESK.SPREAD_BPS': bind(spreadBps),
  'DESK.PREMIUM': bind(premium),
  // As functions.ts: "now" is the wall clock read as UTC, like the Excel serials it is compared with.
  'DESK.NOTE_STATUS': (args) => {
    const [q, s, r, asOf, dir, limits, state, closeout, explain] = args as Arg[];
    return excelOutput(
      noteStatus(q, s, r, asOf, dir, limits, state, closeout, explain, wallClockAsUtc(new Date())),
    );
  },
};
