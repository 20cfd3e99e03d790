/**
 * A table's header row → schema fields, the one mapping every reader uses (the pane's probe, the
 * CLI's audit): headers match case- and space-insensitively, in any order, other columns allowed.
 */
import { columnList } from './schema';
import type { ColumnSpec, TableKey } from './table-def';

export type SchemaColumn = ColumnSpec & { readonly field: string };

/** Headers match case- and space-insensitively, as a user retyping one would expect. */
export const normHeader = (h: unknown): string =>
  String(h ?? '')
    .trim()
    .toLowerCase();

export interface HeaderMap {
  /** Table column index → schema field (null for a user's own column). */
  readonly fields: readonly (string | null)[];
  /** Schema columns no header names, in schema order. */
  readonly missing: readonly SchemaColumn[];
  /** Headers the schema does not know, as written. */
  readonly extra: readonly string[];
}

/** Headers → schema fields, and what is missing or extra. */
export function mapHeaders(key: TableKey, headers: readonly string[]): HeaderMap {
  const byHeader = new Map(headers.map((h, i) => [normHeader(h), i]));
  const cols = columnList(key);
  const fields: (string | null)[] = headers.map(() => null);
  const missing: SchemaColumn[] = [];
  for (const c of cols) {
    const i = byHeader.get(normHeader(c.header));
    if (i === undefined) missing.push(c);
    else fields[i] = c.field;
  }
  const known = new Set(cols.map((c) => normHeader(c.header)));
  return { fields, missing, extra: headers.filter((h) => !known.has(normHeader(h))) };
}
