/**
 * Receipts checked against the tables health has just read (bodies included): no extra sync.
 * A row is found by its Record ID inside its table; a row below or beside the table (a resize lost
 * in a co-authoring merge) is not in the record and counts as missing.
 */
import { REVIEW_KEYS, rowDifferences, type TableKey } from '../../core';
import type { DifferingRow, Receipt, ReceiptCheck, RecordValues } from '../workbook';
import { lacksRequired, tableName } from './messages';
import type { Found, State } from './session';

/** Record ID → body row index (the first, if a colleague pasted a row twice). */
function rowsById(f: Found): Map<string, number> {
  const idCol = f.fields.indexOf('recordId');
  const out = new Map<string, number>();
  (f.body ?? []).forEach((cells, i) => {
    const id = String(cells[idCol] ?? '').trim();
    if (id !== '' && !out.has(id)) out.set(id, i);
  });
  return out;
}

/** The row's cells by schema field; columns the table lacks are absent. */
function cellsByField(f: Found, cells: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  f.fields.forEach((field, j) => {
    if (field !== null) out[field] = cells[j];
  });
  return out;
}

/** Why a table cannot be judged (missing, a required column gone, body not read), or null. */
function unjudgeable(key: TableKey, f: Found | undefined): string | null {
  if (!f) return `${tableName(key)} is not in the workbook`;
  if (f.missingRequired.length > 0) return lacksRequired(f);
  return f.body ? null : `${tableName(key)} was not read`;
}

export function checkReceipt(s: State, receipt: Receipt): ReceiptCheck {
  const missing: { table: TableKey; recordId: string }[] = [];
  const differing: DifferingRow[] = [];
  for (const key of REVIEW_KEYS) {
    const written: readonly RecordValues[] = receipt.rows[key];
    if (written.length === 0) continue;
    const f = s.tables[key];
    const why = unjudgeable(key, f);
    if (why !== null || !f) return { kind: 'unknown', reason: why ?? '' };
    const at = rowsById(f);
    for (const row of written) {
      const recordId = String(row.recordId);
      const i = at.get(recordId);
      if (i === undefined) {
        missing.push({ table: key, recordId });
        continue;
      }
      const fields = rowDifferences(key, row, cellsByField(f, f.body?.[i] ?? []));
      if (fields.length > 0)
        differing.push({ table: key, recordId, sheetRow: f.headerRow + 2 + i, fields });
    }
  }
  if (missing.length > 0) return { kind: 'missing', missing };
  if (differing.length > 0) return { kind: 'differs', rows: differing };
  return { kind: 'confirmed' };
}

export const checkReceipts = (s: State, receipts: readonly Receipt[]): ReceiptCheck[] =>
  receipts.map((r) => checkReceipt(s, r));
