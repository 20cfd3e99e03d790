/**
 * The workbook's schema version: a workbook-level name, visible in Name Manager and readable as
 * =DESK_SCHEMA_VERSION. Absent in a fresh workbook; absent beside existing tables means version 0
 * (tables from before the version was stamped).
 */
import { SCHEMA_VERSION } from '../../core/record/schema';
import type { SchemaVersionState } from '../workbook';
import { failure, type Failure } from './outcome';
import type { State } from './session';

export const VERSION_NAME = 'DESK_SCHEMA_VERSION';
const VERSION_COMMENT = 'Metals Desk Record schema version (written by the add-in; do not edit).';

/**
 * The workbook's own id, a UUID in a workbook-level name written with the version: the pane keeps
 * its receipts per workbook under it. Co-authoring keeps a name like any other change.
 */
export const WORKBOOK_ID_NAME = 'DESK_WORKBOOK_ID';
const WORKBOOK_ID_COMMENT =
  'Metals Desk Record workbook id: the task pane keeps its receipts under it (written by the add-in; do not edit).';

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

/** A fresh UUID (crypto.randomUUID exists in every browser Office supports and in Node 20). */
function newWorkbookId(): string {
  return globalThis.crypto.randomUUID();
}

/** `="…"` as a name's formula → the id, or null when the name holds something else. */
export function workbookIdOf(name: Excel.NamedItem): string | null {
  if (name.isNullObject) return null;
  const m = /^="([^"]+)"$/.exec(String(name.formula).trim());
  return m?.[1] ?? null;
}

/**
 * Queues writing the current version and, in a workbook that had neither version nor tables, the
 * workbook id — after the version, so a request that fails part-way leaves at most a version
 * without an id, never an id a retry would add twice. Elsewhere the read did not say whether an
 * id exists (a colleague may have deleted only the version), and adding a name that exists fails
 * the whole write: `identify` gives such a workbook its id when the pane first needs it.
 * Changes no cell.
 */
export function stampVersion(ctx: Excel.RequestContext, s: SchemaVersionState): void {
  if (s.kind === 'absent' || (s.kind === 'older' && s.found === 0)) {
    ctx.workbook.names.add(VERSION_NAME, `=${SCHEMA_VERSION}`, VERSION_COMMENT);
  } else if (s.kind === 'older') {
    ctx.workbook.names.getItem(VERSION_NAME).formula = `=${SCHEMA_VERSION}`;
  }
  if (s.kind === 'absent') queueWorkbookId(ctx);
}

/** Queues adding the workbook id name (the caller knows it is absent). */
export function queueWorkbookId(ctx: Excel.RequestContext): string {
  const id = newWorkbookId();
  ctx.workbook.names.add(WORKBOOK_ID_NAME, `="${id}"`, WORKBOOK_ID_COMMENT);
  return id;
}
