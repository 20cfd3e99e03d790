/**
 * Text stays text on every row (issue 8, item 3): every text cell the add-in writes carries
 * Excel's Text format '@' and its value the quote prefix — in appends (every row, not only the
 * first), repairs (a new column over existing rows), migration and sample insert — so a colleague
 * retyping "=1+1" or "1-2" into one later still gets text. '@' is Excel's Text number format
 * (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member).
 */
import { columnList, TABLE_KEYS, TABLES } from '../../../src/core';
import { buildSampleData } from '../../../src/core/sample';
import { TEXT_KINDS } from '../../../src/core/record/schema';
import { createMemoryDeskWorkbook, type MemoryDeskWorkbook } from '../../../src/excel/memory';
import { VERSION_NAME } from '../../../src/excel/office';
import { idMaker, reviewRows } from '../helpers';

/** Text-column cells of every body row: those not formatted '@', and written text without the quote prefix. */
function audit(m: MemoryDeskWorkbook): { notText: string[]; unprefixed: string[] } {
  const notText: string[] = [];
  const unprefixed: string[] = [];
  for (const key of TABLE_KEYS) {
    const t = m.model.table(TABLES[key].name)!;
    const kinds = new Map(columnList(key).map((c) => [c.header, c.kind]));
    m.model.headers(t).forEach((h, j) => {
      const kind = kinds.get(h);
      if (!kind || !TEXT_KINDS.has(kind)) return;
      for (let r = t.row + 1; r < t.row + t.rows; r += 1) {
        const cell = m.model.cell(t.sheet, r, t.col + j);
        if (cell?.numberFormat !== '@') notText.push(`${t.name} sheet row ${r + 1} ${h}`);
        if (typeof cell?.value === 'string' && cell.value !== '' && !cell.quotePrefix)
          unprefixed.push(`${t.name} sheet row ${r + 1} ${h}`);
      }
    });
  }
  return { notText, unprefixed };
}

const notText = (m: MemoryDeskWorkbook): string[] => audit(m).notText;

describe('every text cell the add-in writes is text', () => {
  it('a 10,000-row import: every text cell of every row has @', async () => {
    const m = createMemoryDeskWorkbook();
    expect((await m.workbook.ensureTables()).ok).toBe(true);
    const rows = reviewRows(idMaker(), { triggers: 10_000 });
    expect((await m.workbook.appendReview(rows)).ok).toBe(true);
    const triggers = m
      .view()
      .sheets.flatMap((s) => s.tables)
      .find((t) => t.name === 'DeskTriggers')!;
    expect(triggers.rows).toHaveLength(10_000);
    expect(audit(m)).toEqual({ notText: [], unprefixed: [] });
  }, 60_000);

  it('rows appended one review at a time', async () => {
    const m = createMemoryDeskWorkbook();
    expect((await m.workbook.ensureTables()).ok).toBe(true);
    const newId = idMaker();
    for (let i = 0; i < 4; i += 1)
      expect((await m.workbook.appendReview(reviewRows(newId, { triggers: 2 }))).ok).toBe(true);
    expect(audit(m)).toEqual({ notText: [], unprefixed: [] });
  });

  it('a repaired column over existing rows, and a migrated one', async () => {
    const m = createMemoryDeskWorkbook();
    expect((await m.workbook.ensureTables()).ok).toBe(true);
    const newId = idMaker();
    for (let i = 0; i < 3; i += 1)
      expect((await m.workbook.appendReview(reviewRows(newId))).ok).toBe(true);
    m.user.deleteColumn('DeskSnapshots', 'Storage note');
    m.user.deleteColumn('DeskTriggers', 'Owner');
    expect((await m.workbook.repair()).ok).toBe(true);
    m.user.deleteColumn('DeskExposures', 'Price unit');
    m.user.setName(VERSION_NAME, '=1');
    expect((await m.workbook.ensureTables()).ok).toBe(true);
    expect(notText(m)).toEqual([]);
  });

  it('sample data', async () => {
    const m = createMemoryDeskWorkbook();
    const b = buildSampleData({ recordedBy: 'Sample data', newId: idMaker() });
    if (!b.ok) throw new Error(b.message);
    expect((await m.workbook.insertSampleData(b)).ok).toBe(true);
    expect(notText(m)).toEqual([]);
  });

  it('a colleague retyping a text cell of an appended row gets text, not a formula', async () => {
    const m = createMemoryDeskWorkbook();
    expect((await m.workbook.ensureTables()).ok).toBe(true);
    const newId = idMaker();
    for (let i = 0; i < 3; i += 1)
      expect((await m.workbook.appendReview(reviewRows(newId))).ok).toBe(true);
    m.user.typeInTable('DeskSnapshots', 3, 'Product', '=1+1');
    const s = m.model.sheet('DeskSnapshots')!;
    const j = columnList('snapshots').findIndex((c) => c.header === 'Product');
    expect(m.model.cell(s, 3, j)).toMatchObject({ value: '=1+1' });
    expect(m.model.cell(s, 3, j)?.formula).toBeUndefined();
  });
});
