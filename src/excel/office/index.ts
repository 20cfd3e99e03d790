/**
 * The Office adapter: DeskWorkbook over Excel.run. Every operation reads the workbook (one round
 * trip), decides in plain code, then writes (one round trip; more only for imports over the 5 MB
 * limits, for creation beside other tables, or to put back a colleague's cell). Nothing throws
 * out: Office errors become sentences with a reason, explained by operation (../office-errors.ts).
 * Every write request is ordered so that any prefix of it (Excel may fail part-way) is recognised
 * and finished by the next try.
 *
 *   session.ts        what operations share: the run, table ids followed, the tables as found
 *   probe.ts          reading tables, schema version and the cells below them (values, formulas)
 *   schema-version.ts the version name: reading, refusing newer, stamping
 *   marks.ts          DESK_SHEET (the add-in's sheets) and DESK_WORKBOOK_ID (written only here)
 *   health.ts         drift, version and workbook id as the pane shows them; receipts.ts checks
 *                     the pane's receipts against the bodies health read; copies.ts names a
 *                     Record ID found on two rows of a table
 *   ensure.ts         creating missing tables, migrating forward, merging duplicates:
 *     surroundings.ts   what is around: names, desk-named sheets, other tables
 *     create.ts         leftovers adopted, names in the way refused, the creation request
 *     duplicates.ts     a second set made by two panes at once, merged into the desk's
 *   repair.ts         adding missing columns (columns.ts: right of the table, shared with migration)
 *   append.ts         one review: plan (unplaced.ts: values without a column; stranded.ts: desk
 *                     rows left just below a table, adopted), write in batches (batches.ts),
 *                     read back, select
 *   guard.ts          a cell a colleague typed between read and write: put back, write refused
 *   prices.ts         an import's price rows: the append's write in batches with progress and
 *                     cancel, all or none (what a cancel or failure wrote is taken out again)
 *   ratio.ts          the DeskRatioHistory table and its line chart, made or updated in place
 *   read.ts, select.ts, sample.ts (sample rows, and what an interrupted insert left), messages.ts
 */
import type { DeskWorkbook } from '../workbook';
import { appendReview } from './append';
import { ensureTables } from './ensure';
import { health } from './health';
import { read } from './read';
import { repair } from './repair';
import { randomId } from './marks';
import { failure } from './outcome';
import { select } from './select';
import type { ExcelRun, Session } from './session';

export { CHUNK_BUDGET_BYTES } from './batches';
export { VERSION_NAME } from './schema-version';
export { SHEET_MARK, WORKBOOK_ID_NAME } from './marks';
export type { ExcelRun } from './session';

/**
 * The price import and the ratio history, fetched when first used: the same webpack chunk as the
 * pane's price tabs, so taskpane.js carries neither. A chunk that cannot be fetched is an outcome.
 */
const priceWrites = () =>
  Promise.all([
    import(/* webpackChunkName: "prices" */ './prices'),
    import(/* webpackChunkName: "prices" */ './ratio'),
  ]).then(([p, r]) => ({ appendPrices: p.appendPrices, insertRatioHistory: r.insertRatioHistory }));
/** "Insert sample data"'s write, fetched on first use with the pane's sample chunk. */
const sampleWrites = () => import(/* webpackChunkName: "sample" */ './sample');
const notLoaded =
  (doing: string, what = 'price code') =>
  () =>
    failure(
      'office',
      `${doing} failed: the add-in's ${what} could not be loaded from its server, so nothing was written. Check the connection and try again.`,
    );

export interface OfficeOptions {
  /** Where new ids come from (random UUIDs unless given; the in-memory Excel counts). */
  readonly newId?: () => string;
}

export function createOfficeDeskWorkbook(run: ExcelRun, options: OfficeOptions = {}): DeskWorkbook {
  const session: Session = {
    run,
    knownIds: {},
    idColumn: {},
    newId: options.newId ?? randomId,
    seconds: new Set(),
    interrupted: false,
  };
  return {
    health: (receipts) => health(session, receipts),
    ensureTables: () => ensureTables(session),
    repair: () => repair(session),
    appendReview: (rows, options) => appendReview(session, rows, options),
    read: (key) => read(session, key),
    select: (key, recordIds) => select(session, key, recordIds),
    insertSampleData: (sample) =>
      sampleWrites().then(
        (m) => m.insertSampleData(session, sample),
        notLoaded('Inserting sample data', 'sample data code'),
      ),
    appendPrices: (rows, o) =>
      priceWrites().then((m) => m.appendPrices(session, rows, o), notLoaded('Importing prices')),
    insertRatioHistory: (h) =>
      priceWrites().then(
        (m) => m.insertRatioHistory(session, h),
        notLoaded('Inserting the ratio history'),
      ),
  };
}
