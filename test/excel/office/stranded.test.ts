/**
 * Desk rows left just below a table (a co-author's resize that won a merge, or a pane that stopped
 * after writing and never came back) are adopted by the next append: the table is resized over
 * them, their cells never rewritten or moved — but only rows that are complete, valid desk records
 * with a Record ID the table does not hold yet. Anything else there is refused as before, and a
 * desk-looking row that cannot be adopted is named as a desk row waiting, with why. Office.js:
 * Table.resize (learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1))
 * changes only the table's range; the cells stay as they are.
 */
import fc from 'fast-check';
import { columnList, rowCells, type TableKey, TABLES } from '../../../src/core';
import { cellDigest, type MemoryDeskWorkbook } from '../../../src/excel/memory';
import type { RecordValues } from '../../../src/excel/workbook';
import { fcParams } from '../../core/fc-seed';
import { idMaker, reviewRows } from '../helpers';
import { deskReady, type ReadyWorkbook } from './ready';

const TRIGGERS = TABLES.triggers.name;

const ready = (): Promise<ReadyWorkbook> => deskReady({ firstReview: true, idPrefix: 1 });

/** Writes `row` as the add-in writes it, `offset` rows below the table (0: directly below). */
function writeBelow(m: MemoryDeskWorkbook, key: TableKey, row: RecordValues, offset = 0): number {
  const t = m.model.table(TABLES[key].name)!;
  const fields = m.model
    .headers(t)
    .map((h) => columnList(key).find((c) => c.header === h)?.field ?? null);
  const r = t.row + t.rows + offset;
  rowCells(key, row, fields).forEach((v, j) => m.model.write(t.sheet, r, t.col + j, v));
  return r;
}

const ids = async (m: MemoryDeskWorkbook, key: TableKey) => {
  const read = await m.workbook.read(key);
  if (!read.ok) throw new Error(read.message);
  return read.records.map((r) => String(r.values.recordId));
};

describe('desk rows left just below a table', () => {
  it('are taken in as they are, with one more read for the rows under them (3 round trips)', async () => {
    const m = await ready();
    const stranded = reviewRows(idMaker(7)).triggers[0]!;
    writeBelow(m, 'triggers', stranded);
    const before = cellDigest(m.model);
    const next = reviewRows(m.newId, { triggers: 2 });
    m.host.resetStats();
    const r = await m.workbook.appendReview(next);
    expect(r).toMatchObject({
      ok: true,
      adopted: [{ table: 'triggers', recordIds: [String(stranded.recordId)] }],
      message: expect.stringContaining('DeskTriggers took in 1 desk row left just below it'),
    });
    // The first read covers the two rows the review needs; the stranded row pushes the write one
    // row down, so the row under them is read too before the one write.
    expect(m.host.stats.syncs).toBe(3);
    for (const [k, v] of before) expect([k, cellDigest(m.model).get(k)]).toEqual([k, v]);
    expect(await ids(m, 'triggers')).toEqual([
      expect.any(String),
      String(stranded.recordId),
      ...next.triggers.map((t) => String(t.recordId)),
    ]);
  });

  it('a pane that adopts every row of its own review writes nothing but the resize', async () => {
    const m = await ready();
    const mine = reviewRows(m.newId, { triggers: 2 });
    // As if its write landed but the resize over it was lost in a merge.
    for (const key of ['snapshots', 'exposures', 'triggers'] as const)
      mine[key].forEach((row, i) => writeBelow(m, key, row, i));
    const before = cellDigest(m.model);
    const r = await m.workbook.appendReview(mine);
    expect(r).toMatchObject({ ok: true, message: expect.stringMatching(/^Already recorded/) });
    expect(r.ok && r.adopted?.map((a) => a.recordIds.length)).toEqual([1, 1, 2]);
    expect(cellDigest(m.model)).toEqual(before); // not a cell rewritten
    expect(await ids(m, 'triggers')).toHaveLength(3);
  });

  it('a colleague’s row that looks like a desk row but is not a complete record is refused, untouched', async () => {
    const m = await ready();
    const look: RecordValues = { ...reviewRows(idMaker(8)).triggers[0]!, owner: null }; // required
    const r0 = writeBelow(m, 'triggers', look);
    const before = cellDigest(m.model);
    const r = await m.workbook.appendReview(reviewRows(m.newId));
    expect(r).toMatchObject({ ok: false, reason: 'blocked-below' });
    expect(r.ok === false && r.message).toContain(
      `DeskTriggers!A${r0 + 1}:W${r0 + 1} holds a desk row waiting to be taken into DeskTriggers (Record ID ${String(look.recordId)})`,
    );
    expect(r.ok === false && r.message).toContain(
      `sheet row ${r0 + 1}: it is not a complete, valid record (Owner is required)`,
    );
    expect(r.ok === false && r.message).not.toMatch(/a colleague|are not empty/);
    expect(cellDigest(m.model)).toEqual(before);
  });

  it('a complete row with a value in a column of the colleague’s own is not the add-in’s: refused', async () => {
    const m = await ready();
    m.user.addColumn(TRIGGERS, 'My notes');
    const row = reviewRows(idMaker(9)).triggers[0]!;
    const r0 = writeBelow(m, 'triggers', row);
    const t = m.model.table(TRIGGERS)!;
    m.model.write(t.sheet, r0, t.col + t.cols - 1, 'mine');
    const before = cellDigest(m.model);
    const r = await m.workbook.appendReview(reviewRows(m.newId));
    expect(r.ok === false && r.message).toContain("'My notes' holds a value");
    expect(cellDigest(m.model)).toEqual(before);
  });

  it('a copy of a row already in the table is not taken in twice', async () => {
    const m = await ready();
    const read = await m.workbook.read('triggers');
    if (!read.ok) throw new Error(read.message);
    writeBelow(m, 'triggers', read.records[0]!.values);
    const before = cellDigest(m.model);
    const r = await m.workbook.appendReview(reviewRows(m.newId));
    expect(r.ok === false && r.message).toContain(
      'its Record ID is already in the table, at sheet row 2: it is a second copy',
    );
    expect(cellDigest(m.model)).toEqual(before);
  });

  it('a desk row behind a colleague’s cell is named as waiting, the cell as theirs', async () => {
    const m = await ready();
    const t = m.model.table(TRIGGERS)!;
    m.user.typeCell(TRIGGERS, `B${t.row + t.rows + 1}`, 'call broker');
    writeBelow(m, 'triggers', reviewRows(idMaker(10)).triggers[0]!, 1);
    const r = await m.workbook.appendReview(reviewRows(m.newId, { triggers: 2 }));
    expect(r.ok === false && r.message).toContain("holds 'call broker'");
    expect(r.ok === false && r.message).toContain('it is not directly below the table');
  });

  it('never changes a cell it did not write: anything below is adopted as it is or refused (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 22 }), { maxLength: 6 }),
        fc.constantFrom('note', 42, '=A1*2', ''),
        fc.boolean(),
        async (blank, junk, complete) => {
          const m = await ready();
          const row = reviewRows(idMaker(11)).triggers[0]!;
          const r0 = writeBelow(m, 'triggers', row);
          const t = m.model.table(TRIGGERS)!;
          // Knock out some cells of the desk row, or put something else there.
          if (!complete) for (const j of blank) m.model.write(t.sheet, r0, t.col + j, junk);
          const before = cellDigest(m.model);
          const r = await m.workbook.appendReview(reviewRows(m.newId));
          const after = cellDigest(m.model);
          for (const [k, v] of before) expect([k, after.get(k)]).toEqual([k, v]);
          const adopted = r.ok ? (r.adopted ?? []).flatMap((a) => a.recordIds) : [];
          if (adopted.length > 0) {
            // Only a row that reads back as a complete, valid record is ever taken in.
            const read = await m.workbook.read('triggers');
            expect(read.ok && read.problems).toEqual([]);
            expect(adopted).toEqual([String(row.recordId)]);
          } else if (!r.ok) expect(r.reason).toBe('blocked-below');
        },
      ),
      fcParams(40),
    );
  });
});
