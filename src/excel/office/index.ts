/**
 * The Office adapter: DeskWorkbook over Excel.run. Every operation reads the workbook in one round
 * trip, decides in plain code, then writes in one round trip (more only for imports over the 5 MB
 * request limit). Nothing throws out: Office errors become sentences with a reason.
 *
 *   probe.ts          reading tables and schema version in one sync
 *   schema-version.ts the version name: reading, refusing newer, stamping
 *   health.ts         drift and version as the pane shows them; receipts.ts checks receipts
 *                     against the bodies health read (unplaced.ts: values without a column)
 *   ensure.ts         creating missing tables, migrating forward
 *   identify.ts       the workbook id for workbooks made before it existed
 *   repair.ts         adding missing columns (columns.ts: shared with migration)
 *   append.ts         one review: plan, write in batches (batches.ts), read back, select
 *   read.ts, select.ts, sample.ts
 */
import type { DeskWorkbook } from '../workbook';
import { appendReview } from './append';
import { ensureTables } from './ensure';
import { health } from './health';
import { identify } from './identify';
import { read } from './read';
import { repair } from './repair';
import { insertSampleData } from './sample';
import { select } from './select';
import type { ExcelRun, Session } from './session';

export { CHUNK_BUDGET_BYTES } from './batches';
export { VERSION_NAME, WORKBOOK_ID_NAME } from './schema-version';
export type { ExcelRun } from './session';

export function createOfficeDeskWorkbook(run: ExcelRun): DeskWorkbook {
  const session: Session = { run, knownIds: {} };
  return {
    health: (receipts) => health(session, receipts),
    identify: () => identify(session),
    ensureTables: () => ensureTables(session),
    repair: () => repair(session),
    appendReview: (rows, options) => appendReview(session, rows, options),
    read: (key) => read(session, key),
    select: (key, recordIds) => select(session, key, recordIds),
    insertSampleData: (reviews) => insertSampleData(session, reviews),
  };
}
