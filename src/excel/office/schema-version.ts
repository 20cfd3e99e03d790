/**
 * The workbook's schema version: a workbook-level name, visible in Name Manager and readable as
 * =DESK_SCHEMA_VERSION. Absent in a fresh workbook; absent beside existing tables means version 0
 * (tables from before the version was stamped).
 */
import { SCHEMA_VERSION, schemaVersionOf, VERSION_NAME, type SchemaVersionState } from '../../core';
import { failure, type Failure } from './outcome';
import type { State } from './session';

export { VERSION_NAME };
const VERSION_COMMENT = 'Metals Desk Record schema version (written by the add-in; do not edit).';

/** The core's judgement (shared with the CLI) on the name as Office.js reads it. */
export const versionState = (name: Excel.NamedItem, anyTable: boolean): SchemaVersionState =>
  schemaVersionOf(name.isNullObject ? null : name.formula, anyTable);

export const newerMessage = (s: SchemaVersionState): string =>
  s.kind === 'newer'
    ? `This workbook's desk record is schema version ${Number.isNaN(s.found) ? '(unreadable)' : s.found}; this add-in knows version ${s.current}, so it writes nothing. Update the add-in to write here (reading still works).`
    : '';

/** Refusal that applies to any write, checked first: a newer add-in's workbook is read-only. */
export function refuseNewer(s: State): Failure | null {
  return s.schema.kind === 'newer' ? failure('newer-schema', newerMessage(s.schema)) : null;
}

/** Queues writing the current version; changes no cell. */
export function stampVersion(ctx: Excel.RequestContext, s: SchemaVersionState): void {
  if (s.kind === 'absent' || (s.kind === 'older' && s.found === 0)) {
    ctx.workbook.names.add(VERSION_NAME, `=${SCHEMA_VERSION}`, VERSION_COMMENT);
  } else if (s.kind === 'older') {
    ctx.workbook.names.getItem(VERSION_NAME).formula = `=${SCHEMA_VERSION}`;
  }
}
