/**
 * Values the writer cannot place: a value for a column the table lacks (a colleague renamed or
 * deleted an optional column), and the live Status now formula when its column is gone. Decided
 * on the state appendReview has already read (no extra sync); nothing is dropped without the
 * user's word (`dropUnplaced`).
 */
import { tableNoun } from '../../core';
import { unplacedSentence, type RecordValues, type UnplacedValue } from '../workbook';
import { plural } from './messages';
import { failure, type Failure } from './outcome';
import { norm, type Col, type Found } from './session';

/**
 * The user's own column a missing one was probably renamed to: the only unknown header, or the
 * one sharing a word with the missing header ('Storage note' → 'Storage').
 */
export function likelyRename(f: Found, header: string): string | undefined {
  if (f.extra.length === 0) return undefined;
  const missing = f.missingRequired.length + f.missingOptional.length;
  if (missing === 1 && f.extra.length === 1) return f.extra[0];
  const words = new Set(norm(header).split(/\s+/));
  const alike = f.extra.filter((h) =>
    norm(h)
      .split(/\s+/)
      .some((w) => w.length > 2 && words.has(w)),
  );
  return alike.length === 1 ? alike[0] : undefined;
}

const hasValue = (v: unknown): v is string | number | boolean =>
  v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');

/** One table's values without a column: typed or computed values, and formulas it would write. */
function unplacedIn(f: Found, rows: readonly RecordValues[]): UnplacedValue[] {
  const out: UnplacedValue[] = [];
  const missing: readonly Col[] = f.missingOptional;
  for (const row of rows) {
    for (const c of missing) {
      const value = c.kind === 'formula' ? (c.formula ?? '') : row[c.field];
      if (!hasValue(value)) continue;
      const renamedTo = likelyRename(f, c.header);
      out.push({
        table: f.key,
        field: c.field,
        header: c.header,
        recordId: String(row.recordId),
        value,
        ...(renamedTo ? { renamedTo } : {}),
      });
    }
  }
  return out;
}

/** The rows an append is about to write into each table (rows already there are not rewritten). */
export interface Placement {
  readonly f: Found;
  readonly missing: readonly RecordValues[];
}

/** Every value of the rows to write that the tables as read cannot hold. */
export const unplacedValues = (plan: readonly Placement[]): UnplacedValue[] =>
  plan.flatMap((p) => unplacedIn(p.f, p.missing));

/**
 * The refusal when values cannot be placed and the user has not agreed to leave them out; null
 * when everything has a column or `drop` says to record without them.
 */
export function refuseUnplaced(plan: readonly Placement[], drop: boolean): Failure | null {
  if (drop) return null;
  const unplaced = unplacedValues(plan);
  if (unplaced.length === 0) return null;
  const tables = [...new Set(unplaced.map((u) => u.table))];
  const rowsNoun = tables.map((t) => tableNoun(t)).join(', ');
  return {
    ...failure(
      'unplaced',
      `Nothing written: ${plural(unplaced.length, 'value')} of this review ${unplaced.length === 1 ? 'has' : 'have'} no column in the ${rowsNoun} table${tables.length === 1 ? '' : 's'}: ${unplaced.map(unplacedSentence).join('; ')}. Repair adds the missing columns; or record the review without ${unplaced.length === 1 ? 'it' : 'them'}.`,
    ),
    unplaced,
  };
}
