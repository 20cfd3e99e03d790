/**
 * The workbook's schema version, kept in a workbook-level name (DESK_SCHEMA_VERSION, visible in
 * Name Manager and readable as =DESK_SCHEMA_VERSION). One judgement for every reader: the pane's
 * probe reads the name through Office.js, the CLI from the file.
 */
import { SCHEMA_VERSION } from './schema';

export const VERSION_NAME = 'DESK_SCHEMA_VERSION';

export type SchemaVersionState =
  | { readonly kind: 'absent' } // fresh workbook: no tables, no version yet
  | { readonly kind: 'current'; readonly version: number }
  | { readonly kind: 'older'; readonly found: number; readonly current: number } // migratable
  | { readonly kind: 'newer'; readonly found: number; readonly current: number }; // read-only

/**
 * The state from the name's formula ("=3"), or null when there is no such name. Absent beside
 * existing tables means version 0 (tables from before the version was stamped); a formula that is
 * not a whole number is treated as newer (unreadable), so nothing writes over it.
 */
export function schemaVersionOf(formula: unknown, anyTable: boolean): SchemaVersionState {
  if (formula === null || formula === undefined)
    return anyTable ? { kind: 'older', found: 0, current: SCHEMA_VERSION } : { kind: 'absent' };
  const n = Number(String(formula).replace(/^=/, '').trim());
  if (!Number.isInteger(n) || n > SCHEMA_VERSION) {
    return { kind: 'newer', found: Number.isInteger(n) ? n : NaN, current: SCHEMA_VERSION };
  }
  return n === SCHEMA_VERSION
    ? { kind: 'current', version: n }
    : { kind: 'older', found: n, current: SCHEMA_VERSION };
}
