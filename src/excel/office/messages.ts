/** Sentences more than one operation says, so they read the same wherever they appear. */
import { TABLES } from '../../core/record/schema';
import type { TableKey } from '../../core/record/table-def';
import { formatAddress, type Box } from '../a1';
import type { Found } from './session';

export const tableName = (key: TableKey): string => TABLES[key].name;

export const quoteList = (cols: readonly { header: string }[]): string =>
  cols.map((c) => `'${c.header}'`).join(', ');

export const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

export const NOUN: Readonly<Record<TableKey, string>> = {
  snapshots: 'snapshot',
  exposures: 'exposure',
  triggers: 'trigger',
};

/** "DeskTriggers has no 'Owner' column": the start of every refusal over a missing required column. */
export function lacksRequired(f: Found): string {
  const n = f.missingRequired.length;
  return `${tableName(f.key)} has no ${quoteList(f.missingRequired)} column${n > 1 ? 's' : ''}`;
}

/** A colleague's cells where the add-in would write: named by address, never moved or overwritten. */
export function occupied(f: Found, side: 'below' | 'right of', box: Box, advice: string): string {
  return `the cells ${side} ${tableName(f.key)} (${formatAddress(f.sheet, box)}) are not empty; ${advice}`;
}

/** "3 rows break the schema (sheet rows 2–4): Product is required" — said by health and the pane. */
export function brokenSentence(b: { sheetRows: readonly number[]; firstReason: string }): string {
  const rows = b.sheetRows;
  const first = rows[0] ?? 0;
  const last = rows[rows.length - 1] ?? 0;
  const contiguous = rows.every((r, i) => r === first + i);
  const where =
    rows.length === 1
      ? `sheet row ${first}`
      : contiguous
        ? `sheet rows ${first}–${last}`
        : `sheet rows ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ', …' : ''}`;
  return `${plural(rows.length, 'row')} break${rows.length === 1 ? 's' : ''} the schema (${where}): ${b.firstReason}${rows.length > 1 ? ' (first row)' : ''}. The review queue cannot use ${rows.length === 1 ? 'it' : 'them'} until fixed.`;
}
