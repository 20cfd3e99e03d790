/** Sentences more than one operation says, so they read the same wherever they appear. */
import { formatAddress } from '../a1';
import { tableName } from '../workbook';
import type { Found } from './session';

export { tableName };

export const quoteList = (cols: readonly { header: string }[]): string =>
  cols.map((c) => `'${c.header}'`).join(', ');

export const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "DeskTriggers has no 'Owner' column": the start of every refusal over a missing required column. */
export function lacksRequired(f: Found): string {
  const n = f.missingRequired.length;
  return `${tableName(f.key)} has no ${quoteList(f.missingRequired)} column${n > 1 ? 's' : ''}`;
}

/** A cell as a person would read it back: its formula, 'its text', or its number. */
export function cellContent(value: unknown, formula: unknown): string {
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value)
    return clip(formula);
  if (typeof value === 'string') return `'${clip(value)}'`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

export interface OccupiedCell {
  readonly row: number;
  readonly col: number;
  readonly value: unknown;
  readonly formula: unknown;
}

/** How many occupied cells a message names before "and N more". */
const NAMED_CELLS = 3;

/** "DeskSnapshots!F3 holds 'call broker', DeskSnapshots!G3 holds =A1*2 and 4 more". */
export function cellList(sheet: string, cells: readonly OccupiedCell[]): string {
  const named = cells.slice(0, NAMED_CELLS).map((c) => {
    const at = formatAddress(sheet, { row: c.row, col: c.col, rows: 1, cols: 1 });
    return `${at} holds ${cellContent(c.value, c.formula)}`;
  });
  const rest = cells.length - named.length;
  return rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(', ');
}

/**
 * A colleague's cells where the add-in would write, named cell by cell with what they hold; they
 * are never moved or overwritten. `advice` is a full sentence (ends with a period).
 */
export function occupied(
  f: Found,
  side: 'below' | 'right of',
  cells: readonly OccupiedCell[],
  advice: string,
): string {
  return `the cells ${side} ${tableName(f.key)} are not empty: ${cellList(f.sheet, cells)}; ${advice}`;
}

/** Joins refusals into one sentence without doubling a final period. */
export const sentence = (parts: readonly string[]): string =>
  `${parts.map((p) => p.replace(/\.$/, '')).join('; ')}.`;

/** Non-empty cells of a read (values and formulas), in sheet coordinates. */
export function occupiedCells(
  read: {
    row: number;
    col: number;
    values: readonly (readonly unknown[])[];
    formulas: readonly (readonly unknown[])[];
  },
  rows?: (i: number) => boolean,
): OccupiedCell[] {
  const out: OccupiedCell[] = [];
  read.values.forEach((line, i) => {
    if (rows && !rows(i)) return;
    line.forEach((value, j) => {
      const formula = read.formulas[i]?.[j];
      const empty =
        (value === '' || value === null || value === undefined) &&
        (formula === '' || formula === null || formula === undefined);
      if (!empty) out.push({ row: read.row + i, col: read.col + j, value, formula });
    });
  });
  return out;
}
