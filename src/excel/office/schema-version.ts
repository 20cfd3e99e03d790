/**
 * The workbook's schema version: a workbook-level name, visible in Name Manager and readable as
 * =DESK_SCHEMA_VERSION. Absent in a fresh workbook; absent beside existing tables means version 0
 * (tables from before the version was stamped).
 */
import { SCHEMA_VERSION } from '../../core';
import type { SchemaVersionState } from '../workbook';
import { failure, type Failure } from './outcome';
import type { State } from './session';

export const VERSION_NAME = 'DESK_SCHEMA_VERSION';
const VERSION_COMMENT = 'Metals Desk Record schema version (written by the add-in; do not edit).';

export function versionState(name: Excel.NamedItem, anyTable: boolean): SchemaVersionState {
  if (name.isNullObject)
    return anyTable ? { kind: 'older', found: 0, current: SCHEMA_VERSION } : { kind: 'absent' };
  const n = Number(String(name.formula).replace(/^=/, '').trim());
  if (!Number.isInteger(n) || n > SCHEMA_VERSION) {
    return { kind: 'newer', found: Number.isInteger(n) ? n : NaN, current: SCHEMA_VERSION };
  }
  return n === SCHEMA_VERSION
    ? { kind: 'current', version: n }
    : { kind: 'older', found: n, current: SCHEMA_VERSION };
}

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
