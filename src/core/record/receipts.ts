/**
 * A receipt's check, pure: one row as the add-in wrote it against the same row's cells as read
 * back later. Both sides go through the same cell reading (`valueFromCell`), so a date written as
 * 'yyyy-mm-dd' and read back as an Excel serial compare equal, and text compares without its
 * quote prefix. Formula columns are not compared (Excel returns their result, not what was written).
 */
import { valueFromCell, type RecordValues } from './cells';
import { columnList } from './schema';
import type { TableKey } from './table-def';

export interface FieldDifference {
  readonly header: string;
  readonly written: string;
  readonly found: string;
}

/** What a cell shows in a sentence: blank as "(blank)", numbers and text as they are. */
export function shownValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(blank)';
  return String(v);
}

/**
 * Excel keeps 15 significant digits of a number typed or written; a value written with more
 * reads back rounded, which is not a colleague's correction.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Number(a.toPrecision(15)) === Number(b.toPrecision(15));
  }
  return a === b;
}

/**
 * The fields of one row that differ between what was written and what the table holds now.
 * `found` holds the row's cells by field; a field absent from it is a column the table no longer
 * has, which differs when something was written there.
 */
export function rowDifferences(
  key: TableKey,
  written: RecordValues,
  found: Readonly<Record<string, unknown>>,
): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const col of columnList(key)) {
    if (col.kind === 'formula') continue;
    const want = valueFromCell(col, written[col.field]);
    if (!(col.field in found)) {
      if (want !== null)
        out.push({
          header: col.header,
          written: shownValue(want),
          found: `(no '${col.header}' column)`,
        });
      continue;
    }
    const got = valueFromCell(col, found[col.field]);
    if (!sameValue(want, got))
      out.push({ header: col.header, written: shownValue(want), found: shownValue(got) });
  }
  return out;
}
