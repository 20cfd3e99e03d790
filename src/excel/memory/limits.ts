/**
 * Excel's grid and naming limits, as the in-memory Excel enforces them:
 * - the grid is 1,048,576 rows × 16,384 columns (A..XFD), Excel's worksheet size;
 * - a sheet name is 1–31 characters, none of : \ / ? * [ ], not starting or ending with an
 *   apostrophe, not "History" (@types/office-js Worksheet.name: "fewer than 32 characters");
 * - a table or defined name starts with a letter, "_" or "\", continues with letters, digits,
 *   "_", "." or "\", is at most 255 characters, is not "C"/"R" and does not look like a cell
 *   reference (A1 or R1C1) — Microsoft's "Rename an Excel table" rules, which @types/office-js
 *   Table.name links (support.microsoft.com/office/fbf49a4f-82a3-43eb-8ba2-44d21233b114).
 */
import type { Box } from '../a1';
import { invalidArgument } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Fails (InvalidArgument) for a box that is empty or reaches outside the worksheet. */
export function checkBox(box: Box, what = 'range'): Box {
  const ok =
    Number.isInteger(box.row) &&
    Number.isInteger(box.col) &&
    Number.isInteger(box.rows) &&
    Number.isInteger(box.cols) &&
    box.row >= 0 &&
    box.col >= 0 &&
    box.rows >= 1 &&
    box.cols >= 1 &&
    box.row + box.rows <= MAX_ROWS &&
    box.col + box.cols <= MAX_COLS;
  if (!ok) throw invalidArgument(`the ${what} is outside the worksheet`);
  return box;
}

const SHEET_FORBIDDEN = /[:\\/?*[\]]/;

/** Why `name` cannot name a worksheet, or null. */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'a sheet name cannot be blank';
  if (name.length > 31) return `the sheet name '${name}' is longer than 31 characters`;
  if (SHEET_FORBIDDEN.test(name)) return `the sheet name '${name}' contains one of : \\ / ? * [ ]`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `the sheet name '${name}' starts or ends with an apostrophe`;
  if (name.toLowerCase() === 'history') return "'History' is reserved by Excel";
  return null;
}

const A1_LIKE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const R1C1_LIKE = /^[Rr](\d*)[Cc](\d*)$/;
const RC_ONLY = /^([Rr]\d*|[Cc]\d*)$/;

const colNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** "A1", "xfd1048576", "R1C1", "R2", "C" — what Excel would read as a reference, not a name. */
export function looksLikeCellReference(name: string): boolean {
  const a1 = A1_LIKE.exec(name);
  if (a1) {
    const col = colNumber(a1[1] as string);
    const row = Number(a1[2]);
    return col <= MAX_COLS && row >= 1 && row <= MAX_ROWS;
  }
  return R1C1_LIKE.test(name) || RC_ONLY.test(name);
}

const NAME_SHAPE = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;

/** Why `name` cannot name a table or a defined name, or null. */
export function definedNameProblem(name: unknown, what: 'table' | 'name'): string | null {
  const label = what === 'table' ? 'table name' : 'defined name';
  if (typeof name !== 'string' || name.length === 0) return `a ${label} cannot be blank`;
  if (name.length > 255)
    return `the ${label} '${name.slice(0, 20)}…' is longer than 255 characters`;
  if (!NAME_SHAPE.test(name))
    return `'${name}' is not a valid ${label} (start with a letter, _ or \\; then letters, digits, _ . \\)`;
  if (looksLikeCellReference(name))
    return `'${name}' is not a valid ${label}: it reads as a cell reference`;
  return null;
}
