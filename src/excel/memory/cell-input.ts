/**
 * One entry written through `values` or `formulas` (or typed by a user), read as Excel reads a
 * typed entry: a leading apostrophe is the quote prefix (the rest is text, the apostrophe is not
 * part of the value, and `formulas` reads back without it: OfficeDev/office-js#6687); in a cell
 * formatted '@' everything else is text; otherwise "=…", and "+…", "-…", "@…" that are not numbers,
 * become formulas ("If the returned value starts with a plus, minus, or equal sign, Excel
 * interprets this value as a formula": @types/office-js Range.values), numeric text a number,
 * TRUE/FALSE a boolean and yyyy-mm-dd a date serial.
 *
 * A formula Excel would refuse as malformed fails the request with InvalidArgument (see
 * formula-syntax.ts). A lone "+", "-" or "@" stays text, as Excel keeps it when typed.
 * A table header cell is static text in Excel: whatever is written there is stored as its text.
 */
import { invalidArgument } from './errors';
import { formulaSyntaxProblem } from './formula-syntax';

export type Scalar = string | number | boolean;

export interface Entry {
  readonly value: Scalar;
  readonly formula?: string;
  readonly quotePrefix?: boolean;
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?%?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Excel's limit on the characters a cell holds. */
export const MAX_CELL_CHARS = 32_767;

function formulaEntry(formula: string): Entry {
  const problem = formulaSyntaxProblem(formula);
  if (problem) throw invalidArgument(`Excel cannot enter the formula ${formula}: ${problem}`);
  return { value: '', formula };
}

/** A scalar entry → what the cell holds. `text` is true for a cell formatted '@'. */
export function readEntry(input: Scalar, text: boolean): Entry {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalidArgument(`${input} is not a number Excel stores`);
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  const s = input;
  if (s.length > MAX_CELL_CHARS) throw invalidArgument('a cell holds at most 32,767 characters');
  if (s.startsWith("'")) return { value: s.slice(1), quotePrefix: true };
  if (s === '' || text) return { value: s };
  if (s.startsWith('=')) return formulaEntry(s);
  const trimmed = s.trim();
  if (NUMERIC.test(trimmed)) {
    const n = Number(trimmed.replace('%', ''));
    return { value: trimmed.endsWith('%') ? n / 100 : n };
  }
  if (/^[+\-@]/.test(s) && s.length > 1)
    return formulaEntry(s.startsWith('@') ? `=${s.slice(1)}` : `=${s}`);
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  const date = ISO_DATE.exec(s);
  if (date) {
    const [, y, m, d] = date;
    return { value: Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86_400_000 + 25_569 };
  }
  return { value: s };
}

/** What a table header cell holds when `input` is written to it: its text, never a formula. */
export function headerText(input: Scalar): string {
  if (typeof input === 'boolean') return input ? 'TRUE' : 'FALSE';
  const s = String(input);
  return s.startsWith("'") ? s.slice(1) : s;
}
