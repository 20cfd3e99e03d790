/**
 * Name collisions are refused up front (issue 8, item 2): every name the add-in creates — its
 * table names, DESK_SCHEMA_VERSION, DESK_WORKBOOK_ID, the DESK_SHEET mark, the sheets — is probed
 * before anything is written; a colleague's object in the way is named with where it is, and the
 * workbook is left exactly as it was. Excel refuses a table name a defined name holds
 * (OfficeDev/office-js#551: InvalidArgument) and a second name or sheet of one name
 * (OfficeDev/office-js#2875, OfficeDev/office-scripts-docs#560: ItemAlreadyExists), part-way
 * through the request — which is what the probe avoids.
 */
import {
  cellDigest,
  createMemoryDeskWorkbook,
  type MemoryDeskWorkbook,
} from '../../../src/excel/memory';
import { SHEET_MARK, VERSION_NAME, WORKBOOK_ID_NAME } from '../../../src/excel/office';
import { orphans } from '../audit';
import { idMaker, reviewRows } from '../helpers';

/** ensureTables refused with name-taken, wrote nothing, and the message is exactly `message`. */
async function expectRefused(m: MemoryDeskWorkbook, message: string): Promise<void> {
  const before = cellDigest(m.model);
  const sheets = m.view().sheets.map((s) => s.name);
  const names = m.view().names;
  const syncs = m.host.stats.syncs;
  let writes = 0;
  m.host.faults = (info) => {
    writes += info.writes;
    return undefined;
  };
  expect(await m.workbook.ensureTables()).toEqual({ ok: false, reason: 'name-taken', message });
  m.host.faults = null;
  expect(writes).toBe(0);
  expect(m.host.stats.syncs - syncs).toBeLessThanOrEqual(2);
  expect(cellDigest(m.model)).toEqual(before);
  expect(m.view().sheets.map((s) => s.name)).toEqual(sheets);
  expect(m.view().names).toEqual(names);
}

const AGAIN = 'then create the desk tables again.';

describe('a colleague’s object in the way of a name the add-in creates', () => {
  it('a workbook name DeskTriggers: named with its scope and reference', async () => {
    const m = createMemoryDeskWorkbook();
    m.user.setName('DeskTriggers', '=Sheet1!$A$1');
    await expectRefused(
      m,
      `Nothing was written. A defined name DeskTriggers (workbook scope, refers to =Sheet1!$A$1) is in the way: the add-in names its table DeskTriggers. Rename or delete that name, ${AGAIN}`,
    );
  });

  it('a non-empty sheet named DeskTriggers without a desk table (no “DeskTriggers (2)”)', async () => {
    const m = createMemoryDeskWorkbook();
    m.user.typeCell('DeskTriggers', 'C4', 'my list');
    m.user.typeCell('DeskTriggers', 'A1', 'todo');
    await expectRefused(
      m,
      `Nothing was written. A sheet named DeskTriggers already holds cells (DeskTriggers!A1:C4) and no desk table: the add-in creates its table DeskTriggers on a sheet of that name. Rename that sheet (or move its cells to another sheet), ${AGAIN}`,
    );
  });

  it('a colleague’s DESK_SCHEMA_VERSION that is not a version', async () => {
    const m = createMemoryDeskWorkbook();
    m.user.setName(VERSION_NAME, '=Sheet1!$B$2');
    await expectRefused(
      m,
      `Nothing was written. A defined name DESK_SCHEMA_VERSION (workbook scope, refers to =Sheet1!$B$2) is in the way: the add-in keeps the schema version in it. Rename or delete that name, ${AGAIN}`,
    );
  });

  it('a colleague’s DESK_WORKBOOK_ID that is not the add-in’s text', async () => {
    const m = createMemoryDeskWorkbook();
    m.user.setName(WORKBOOK_ID_NAME, '=Sheet1!$B$2');
    await expectRefused(
      m,
      `Nothing was written. A defined name DESK_WORKBOOK_ID (workbook scope, refers to =Sheet1!$B$2) is in the way: the add-in keeps the workbook's id in it. Rename or delete that name, ${AGAIN}`,
    );
  });

  it('a table named like one of the add-in’s names', async () => {
    const m = createMemoryDeskWorkbook();
    m.model.addTable(m.model.sheet('Sheet1')!, { row: 4, col: 1, rows: 2, cols: 2 });
    m.user.renameTable('Table1', VERSION_NAME);
    await expectRefused(
      m,
      `Nothing was written. A table DESK_SCHEMA_VERSION on sheet Sheet1 is in the way: the add-in keeps a defined name of that name. Rename that table, ${AGAIN}`,
    );
  });

  it('a name scoped to the sheet DeskSnapshots: DeskSnapshots, or DESK_SHEET that is not a mark', async () => {
    const m = createMemoryDeskWorkbook();
    m.user.addSheet('DeskSnapshots');
    const sheet = m.model.sheet('DeskSnapshots')!;
    m.model.addName('DeskSnapshots', '=DeskSnapshots!$A$1', '', sheet);
    m.model.addName(SHEET_MARK, '=42', '', sheet);
    await expectRefused(
      m,
      `Nothing was written. A defined name DeskSnapshots (scoped to sheet DeskSnapshots, refers to =DeskSnapshots!$A$1) is in the way: inside that sheet it would hide the add-in's table DeskSnapshots. Rename or delete that name, ${AGAIN} A defined name DESK_SHEET (scoped to sheet DeskSnapshots, refers to =42) is in the way: the add-in marks the sheets it creates with that name. Rename or delete that name, ${AGAIN}`,
    );
  });

  it('a colleague’s table where the add-in puts its table, on an otherwise empty sheet of the name', async () => {
    const m = createMemoryDeskWorkbook();
    m.user.addSheet('DeskExposures');
    m.model.addTable(m.model.sheet('DeskExposures')!, { row: 0, col: 3, rows: 2, cols: 2 });
    await expectRefused(
      m,
      `Nothing was written. A table Table1 (DeskExposures!D1:E2) is in the way: the add-in puts its table DeskExposures at DeskExposures!A1:AH2. Move or rename that table's sheet, ${AGAIN}`,
    );
  });

  it('a colleague’s cells on the add-in’s own sheet where its table goes, after the table was deleted', async () => {
    const m = createMemoryDeskWorkbook();
    expect((await m.workbook.ensureTables()).ok).toBe(true);
    m.user.deleteTable('DeskTriggers');
    m.user.typeCell('DeskTriggers', 'B2', 'scratch');
    m.user.typeCell('DeskTriggers', 'C1', '=2*3');
    await expectRefused(
      m,
      `Nothing was written. The cells where the add-in puts its table DeskTriggers on its sheet DeskTriggers are not empty: DeskTriggers!C1 holds =2*3, DeskTriggers!B2 holds 'scratch'. Move them, ${AGAIN}`,
    );
  });

  it('lists every conflict at once', async () => {
    const m = createMemoryDeskWorkbook();
    m.user.setName('DeskTriggers', '=1');
    m.user.setName('DeskSnapshots', '=2');
    const r = await m.workbook.ensureTables();
    expect(r.ok === false && r.message.match(/A defined name/g)).toHaveLength(2);
  });

  it('a name in the way after the tables exist blocks nothing: the tables are found first', async () => {
    const m = createMemoryDeskWorkbook();
    expect((await m.workbook.ensureTables()).ok).toBe(true);
    expect((await m.workbook.appendReview(reviewRows(idMaker()))).ok).toBe(true);
    expect(orphans(m, { sheets: ['Sheet1'], cells: [] })).toEqual([]);
  });
});
