/**
 * One workbook's audit, judged by the pane's own rules from the core: tables found by their desk
 * names, headers mapped by `mapHeaders`, the version by `schemaVersionOf`, rows by `readBodyRows`.
 * The triggers it yields are the rows the pane's queue would read (valid records only).
 */
import {
  mapHeaders,
  readBodyRows,
  schemaVersionOf,
  TABLE_KEYS,
  TABLES,
  VERSION_NAME,
  type BodyRecord,
  type TableKey,
  type TableName,
} from '../../core';
import type { Opened, TableRead, WorkbookRead } from '../xlsx/read-workbook';

export type WorkbookStatus =
  'ok' | 'drift' | 'invalid-rows' | 'newer-schema' | 'no-desk-tables' | 'unreadable';

export interface TableReport {
  /** Body rows holding anything (valid or not); empty rows are no record. */
  readonly rows: number;
  readonly missingColumns: readonly string[];
  readonly addedColumns: readonly string[];
  /** Sheet row and first reason; judged only when every required column is there (as the pane). */
  readonly invalidRows: readonly { readonly row: number; readonly reason: string }[];
}

export interface WorkbookReport {
  readonly path: string;
  readonly status: WorkbookStatus;
  /** The DESK_SCHEMA_VERSION found; 0 for desk tables without one; null when none can be told. */
  readonly schemaVersion: number | null;
  readonly error?: string;
  readonly tables: Partial<Record<TableName, TableReport>>;
}

export interface WorkbookAudit {
  readonly report: WorkbookReport;
  /** DeskTriggers' valid rows, for the review queue. */
  readonly triggers: readonly BodyRecord<'triggers'>[];
  /** Review ID → the snapshot's Product, so queue items can name the metal. */
  readonly products: ReadonlyMap<string, string>;
  /** Every Record ID in the desk tables (valid rows or not), for duplicates across workbooks. */
  readonly recordIds: ReadonlySet<string>;
}

/** A desk table by its name, as Excel matches table names (case-insensitively). */
const findTable = (wb: WorkbookRead, key: TableKey): TableRead | undefined =>
  wb.tables.find((t) => t.name.toLowerCase() === TABLES[key].name.toLowerCase());

/** The workbook-level DESK_SCHEMA_VERSION (a sheet-scoped name of that spelling is someone else's). */
const versionFormula = (wb: WorkbookRead): string | null =>
  wb.names.find((n) => n.name === VERSION_NAME && n.localSheetId === undefined)?.formula ?? null;

export function unreadable(path: string, error: string): WorkbookAudit {
  return {
    report: { path, status: 'unreadable', schemaVersion: null, error, tables: {} },
    triggers: [],
    products: new Map(),
    recordIds: new Set(),
  };
}

export function auditWorkbook(path: string, opened: Opened): WorkbookAudit {
  if (!opened.ok) return unreadable(path, opened.reason);
  const wb = opened.workbook;
  const tables: Partial<Record<TableName, TableReport>> = {};
  let triggers: BodyRecord<'triggers'>[] = [];
  const products = new Map<string, string>();
  const recordIds = new Set<string>();
  let drift = false;
  let invalid = false;
  let found = 0;
  for (const key of TABLE_KEYS) {
    const t = findTable(wb, key);
    if (!t) {
      drift = true;
      continue;
    }
    found += 1;
    const map = mapHeaders(key, t.headers);
    const { records, problems } = readBodyRows(key, map.fields, t.body, t.headerRow + 1);
    const readable = map.missing.every((c) => !c.required);
    if (map.missing.length > 0) drift = true;
    if (readable && problems.length > 0) invalid = true;
    tables[TABLES[key].name] = {
      rows: records.length + problems.length,
      missingColumns: map.missing.map((c) => c.header),
      addedColumns: map.extra,
      invalidRows: readable
        ? problems.map((p) => ({ row: p.sheetRow, reason: p.reasons[0] ?? p.reason }))
        : [],
    };
    collectIds(t, map.fields, recordIds);
    if (!readable) continue;
    if (key === 'triggers') triggers = records as BodyRecord<'triggers'>[];
    if (key === 'snapshots')
      for (const r of records) {
        const { reviewId, product } = r.values as { reviewId?: unknown; product?: unknown };
        if (typeof reviewId === 'string' && typeof product === 'string')
          products.set(reviewId, product);
      }
  }
  const version = schemaVersionOf(versionFormula(wb), found > 0);
  const schemaVersion =
    version.kind === 'current'
      ? version.version
      : version.kind === 'absent'
        ? null
        : Number.isNaN(version.found)
          ? null
          : version.found;
  if (version.kind === 'older') drift = true;
  const status: WorkbookStatus =
    version.kind === 'newer'
      ? 'newer-schema'
      : found === 0
        ? 'no-desk-tables'
        : drift
          ? 'drift'
          : invalid
            ? 'invalid-rows'
            : 'ok';
  return { report: { path, status, schemaVersion, tables }, triggers, products, recordIds };
}

/** Record IDs as typed in the column the headers map to recordId (any row, valid or not). */
function collectIds(t: TableRead, fields: readonly (string | null)[], into: Set<string>): void {
  const j = fields.indexOf('recordId');
  if (j < 0) return;
  for (const row of t.body) {
    const id = String(row[j] ?? '')
      .trim()
      .toLowerCase(); // a UUID's case means nothing
    if (id !== '') into.add(id);
  }
}
