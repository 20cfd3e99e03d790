/**
 * The Office adapter: DeskWorkbook over Excel.run. Every operation reads the workbook in one round
 * trip, decides in plain code, then writes in one round trip (more only for imports over the 5 MB
 * request limit). Nothing throws out: Office errors become sentences with a reason.
 *
 *   probe.ts          reading tables and schema version in one sync
 *   schema-version.ts the version name: reading, refusing newer, stamping
 *   health.ts         drift and version as the pane shows them
 *   ensure.ts         creating missing tables, migrating forward
 *   repair.ts         adding missing columns (columns.ts: shared with migration)
 *   append.ts         one review: plan, write in batches (batches.ts), read back, select
 *   read.ts, select.ts, sample.ts
 */
import type { DeskWorkbook } from '../workbook';
import { appendReview } from './append';
import { ensureTables } from './ensure';
import { health } from './health';
import { read } from './read';
import { repair } from './repair';
import { randomId } from './marks';
import { insertSampleData } from './sample';
import { select } from './select';
import type { ExcelRun, Session } from './session';

export { CHUNK_BUDGET_BYTES } from './batches';
export { VERSION_NAME } from './schema-version';
export { SHEET_MARK, WORKBOOK_ID_NAME } from './marks';
export type { ExcelRun } from './session';

export interface OfficeOptions {
  /** Where new ids come from (random UUIDs unless given; the in-memory Excel counts). */
  readonly newId?: () => string;
}

export function createOfficeDeskWorkbook(run: ExcelRun, options: OfficeOptions = {}): DeskWorkbook {
  const session: Session = { run, knownIds: {}, idColumn: {}, newId: options.newId ?? randomId };
  return {
    health: () => health(session),
    ensureTables: () => ensureTables(session),
    repair: () => repair(session),
    appendReview: (rows, options) => appendReview(session, rows, options),
    read: (key) => read(session, key),
    select: (key, recordIds) => select(session, key, recordIds),
    insertSampleData: (reviews) => insertSampleData(session, reviews),
  };
}
