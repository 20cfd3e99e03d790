/**
 * Receipts (issue 8, item 6), adapter side: health(receipts) checks each review the pane recorded
 * against the bodies it reads anyway — confirmed, missing (append again), differs (report, never
 * overwrite) or unknown — in the same single round trip; the workbook carries its own id.
 */
import fc from 'fast-check';
import {
  cellDigest,
  createCoauthoring,
  createMemoryDeskWorkbook,
  type MemoryDeskWorkbook,
} from '../../../src/excel/memory';
import { createOfficeDeskWorkbook, WORKBOOK_ID_NAME } from '../../../src/excel/office';
import type { Receipt, ReviewRecords } from '../../../src/excel/workbook';
import { fcParams } from '../../core/fc-seed';
import { HOSTILE, idMaker, reviewRows } from '../helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const receipt = (rows: ReviewRecords): Receipt => ({
  rows,
  recordedAt: '2026-02-06T10:00:00.000Z',
});

async function recorded(rows = reviewRows(idMaker(1))): Promise<{
  m: MemoryDeskWorkbook;
  rows: ReviewRecords;
}> {
  const m = createMemoryDeskWorkbook();
  expect((await m.workbook.ensureTables()).ok).toBe(true);
  expect((await m.workbook.appendReview(rows)).ok).toBe(true);
  m.host.resetStats();
  return { m, rows };
}

describe('the workbook id', () => {
  it('is null in a fresh workbook and set once the desk tables exist, the same on every read', async () => {
    const m = createMemoryDeskWorkbook();
    expect((await m.workbook.health()).workbookId).toBeNull();
    await m.workbook.ensureTables();
    const id = (await m.workbook.health()).workbookId;
    expect(id).toMatch(/^twin-/); // the in-memory Excel counts its ids, so seeded runs replay
    expect((await m.workbook.health()).workbookId).toBe(id);
  });

  it('is a random UUID in Excel (the adapter without an id source of its own)', async () => {
    const m = createMemoryDeskWorkbook();
    const office = createOfficeDeskWorkbook(m.host.run);
    await office.ensureTables();
    expect((await office.health()).workbookId).toMatch(UUID);
  });

  it('ensureTables gives desk tables made before ids their id (a name, no cell), then only reads it', async () => {
    const { m } = await recorded();
    m.user.deleteName(WORKBOOK_ID_NAME); // desk tables made before the id existed
    const before = cellDigest(m.model);
    expect((await m.workbook.health()).workbookId).toBeNull();
    m.host.resetStats();
    const made = await m.workbook.ensureTables();
    expect(made).toMatchObject({ ok: true, message: expect.stringMatching(/desk id/) });
    expect(m.host.stats.syncs).toBe(2); // the read, the name
    const id = (await m.workbook.health()).workbookId;
    expect(id).toMatch(/^twin-/);
    m.host.resetStats();
    expect((await m.workbook.ensureTables()).message).toMatch(/nothing changed/);
    expect(m.host.stats.syncs).toBe(1);
    expect((await m.workbook.health()).workbookId).toBe(id);
    expect(cellDigest(m.model)).toEqual(before);
  });

  it('never replaces a colleague’s name of the same spelling: refused, naming it', async () => {
    const { m } = await recorded();
    m.user.setName(WORKBOOK_ID_NAME, '=42');
    expect((await m.workbook.health()).workbookId).toBeNull();
    const r = await m.workbook.ensureTables();
    expect(r).toMatchObject({ ok: false, reason: 'name-taken' });
    expect(r.ok === false && r.message).toMatch(
      /DESK_WORKBOOK_ID \(workbook scope, refers to =42\)/,
    );
    expect(m.model.nameItem(WORKBOOK_ID_NAME)?.formula).toBe('=42');
  });
});

describe('health(receipts)', () => {
  it('without receipts has no checks; with them, one per receipt, in the same single round trip', async () => {
    const { m, rows } = await recorded();
    expect('receipts' in (await m.workbook.health())).toBe(false);
    m.host.resetStats();
    const h = await m.workbook.health([receipt(rows), receipt(rows)]);
    expect(h.receipts).toEqual([{ kind: 'confirmed' }, { kind: 'confirmed' }]);
    expect(m.host.stats.syncs).toBe(1);
  });

  it('a review whose rows are gone is missing, by table and Record ID; appending it again confirms it', async () => {
    const co = createCoauthoring({ replicas: 2, seed: 8 });
    expect((await co.replicas[0]!.workbook.ensureTables()).ok).toBe(true);
    co.merge();
    const mine = reviewRows(idMaker(1));
    expect((await co.replicas[0]!.workbook.appendReview(mine)).ok).toBe(true);
    expect((await co.replicas[1]!.workbook.appendReview(reviewRows(idMaker(2)))).ok).toBe(true);
    co.settle(); // the colleague's rows won the same cells
    const a = co.replicas[0]!.workbook;
    const [check] = (await a.health([receipt(mine)])).receipts ?? [];
    expect(check).toEqual({
      kind: 'missing',
      missing: [
        { table: 'snapshots', recordId: String(mine.snapshots[0]!.recordId) },
        { table: 'exposures', recordId: String(mine.exposures[0]!.recordId) },
        { table: 'triggers', recordId: String(mine.triggers[0]!.recordId) },
      ],
    });
    expect((await a.appendReview(mine)).ok).toBe(true);
    expect((await a.health([receipt(mine)])).receipts).toEqual([{ kind: 'confirmed' }]);
  });

  it('a row outside its table (a resize lost in a merge) is not in the record: missing', async () => {
    const { m, rows: first } = await recorded();
    const second = reviewRows(idMaker(2));
    expect((await m.workbook.appendReview(second)).ok).toBe(true);
    // As if the resize over the second review's rows never arrived: they sit just below the table.
    const t = m.model.table('DeskSnapshots')!;
    m.model.resizeTable(t, t.sheet, { row: t.row, col: t.col, rows: 2, cols: t.cols });
    expect(m.model.valueOf(t.sheet, 2, t.col)).toBe(String(second.snapshots[0]!.recordId));
    const h = await m.workbook.health([receipt(first), receipt(second)]);
    expect(h.receipts).toEqual([
      { kind: 'confirmed' },
      {
        kind: 'missing',
        missing: [{ table: 'snapshots', recordId: String(second.snapshots[0]!.recordId) }],
      },
    ]);
  });

  it('a value a colleague corrected differs: named by sheet row and header, written and found', async () => {
    const { m, rows } = await recorded();
    m.user.typeInTable('DeskSnapshots', 1, 'Price low', 748000);
    m.user.typeInTable('DeskTriggers', 1, 'Owner', 'Li Wei');
    const [check] = (await m.workbook.health([receipt(rows)])).receipts ?? [];
    expect(check).toEqual({
      kind: 'differs',
      rows: [
        {
          table: 'snapshots',
          recordId: String(rows.snapshots[0]!.recordId),
          sheetRow: 2,
          fields: [{ header: 'Price low', written: '747000', found: '748000' }],
        },
        {
          table: 'triggers',
          recordId: String(rows.triggers[0]!.recordId),
          sheetRow: 2,
          fields: [{ header: 'Owner', written: 'Ana Ruiz', found: 'Li Wei' }],
        },
      ],
    });
  });

  it('a written value whose column was renamed since differs ("no such column"); a blank one does not', async () => {
    const { m, rows } = await recorded();
    m.user.renameColumn('DeskSnapshots', 'Article slug', 'Slug');
    m.user.renameColumn('DeskSnapshots', 'Storage note', 'Storage');
    const [check] = (await m.workbook.health([receipt(rows)])).receipts ?? [];
    expect(check).toMatchObject({
      kind: 'differs',
      rows: [
        {
          table: 'snapshots',
          fields: [
            {
              header: 'Article slug',
              written: 'rare-earth-by-product-coupling',
              found: "(no 'Article slug' column)",
            },
          ],
        },
      ],
    });
  });

  it('cannot judge without the table or a required column: unknown, with the reason', async () => {
    const { m, rows } = await recorded();
    m.user.renameColumn('DeskTriggers', 'Owner', 'Who');
    const [renamed] = (await m.workbook.health([receipt(rows)])).receipts ?? [];
    expect(renamed).toEqual({ kind: 'unknown', reason: "DeskTriggers has no 'Owner' column" });
    m.user.deleteTable('DeskTriggers');
    const [gone] = (await m.workbook.health([receipt(rows)])).receipts ?? [];
    expect(gone).toEqual({ kind: 'unknown', reason: 'DeskTriggers is not in the workbook' });
  });

  it('a failed read judges nothing: every receipt unknown, with the sentence', async () => {
    const { m, rows } = await recorded();
    m.host.faults = () => ({ kind: 'fail-before', code: 'GeneralException' });
    const h = await m.workbook.health([receipt(rows)]);
    expect(h.receipts).toEqual([{ kind: 'unknown', reason: expect.stringMatching(/Checking/) }]);
  });

  it('confirms what it wrote, whatever the text, dates and numbers (property)', async () => {
    const m = createMemoryDeskWorkbook();
    await m.workbook.ensureTables();
    const newId = idMaker(11);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ minLength: 1, maxLength: 30 })),
        fc.integer({ min: 1, max: 3 }),
        async (text, triggers) => {
          const slug = text.trim() === '' ? 'x' : text;
          const rows = reviewRows(newId, { slug, question: slug, triggers });
          expect((await m.workbook.appendReview(rows)).ok).toBe(true);
          expect((await m.workbook.health([receipt(rows)])).receipts).toEqual([
            { kind: 'confirmed' },
          ]);
        },
      ),
      fcParams(60),
    );
  });
});
