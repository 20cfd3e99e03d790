/**
 * "The cells below are empty" is read, not inferred (issue 8, item 4). Microsoft documents
 * Range.getUsedRangeOrNullObject only as "the used range of the given range object"
 * (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getusedrangeornullobject-member(1));
 * whether an empty sub-range inside the sheet's used area yields a null object is not pinned
 * down, so the adapter reads the target cells' values and formulas in its first sync and names
 * the occupied ones. A colleague typing there between the pane's read and its write is caught by
 * the write request's own read of those cells, made before it writes (office/guard.ts).
 */
import { TABLES } from '../../../src/core';
import {
  cellDigest,
  createMemoryDeskWorkbook,
  type MemoryDeskWorkbook,
} from '../../../src/excel/memory';
import { createOfficeDeskWorkbook } from '../../../src/excel/office';
import { orphans } from '../audit';
import { idMaker, reviewRows } from '../helpers';
import { deskReady, type ReadyWorkbook } from './ready';

const ready = (): Promise<ReadyWorkbook> => deskReady({ firstReview: true });

const table = (m: MemoryDeskWorkbook, name: string) =>
  m
    .view()
    .sheets.flatMap((s) => s.tables)
    .find((t) => t.name === name)!;

describe('the cells below a table, read cell by cell', () => {
  it('names each occupied cell and what it holds, in one sentence', async () => {
    const m = await ready();
    m.user.typeCell('DeskSnapshots', 'F3', 'call broker');
    m.user.typeCell('DeskSnapshots', 'G3', '=A1*2');
    const before = cellDigest(m.model);
    const r = await m.workbook.appendReview(reviewRows(m.newId));
    expect(r).toEqual({
      ok: false,
      reason: 'blocked-below',
      message:
        "Nothing written: the cells below DeskSnapshots are not empty: DeskSnapshots!F3 holds 'call broker', DeskSnapshots!G3 holds =A1*2; the add-in will not write over them. Move them or the table, then submit again.",
    });
    expect(cellDigest(m.model)).toEqual(before);
  });

  it('lists a few, then says how many more', async () => {
    const m = await ready();
    for (const col of ['A', 'B', 'C', 'D', 'E']) m.user.typeCell('DeskTriggers', `${col}3`, 7);
    const r = await m.workbook.appendReview(reviewRows(m.newId));
    expect(r.ok === false && r.message).toContain(
      'DeskTriggers!A3 holds 7, DeskTriggers!B3 holds 7, DeskTriggers!C3 holds 7 and 2 more;',
    );
  });

  it('lets a colleague keep cells lower on the sheet, or beside the table, out of the way', async () => {
    const m = await ready();
    m.user.typeCell('DeskSnapshots', 'B40', 'far below'); // below, but past the rows needed
    m.user.typeCell('DeskSnapshots', 'AE3', 'beside'); // right of the table's last column (AD)
    const before = cellDigest(m.model);
    expect((await m.workbook.appendReview(reviewRows(m.newId, { triggers: 2 }))).ok).toBe(true);
    for (const [k, v] of before) expect([k, cellDigest(m.model).get(k)]).toEqual([k, v]);
  });

  it('writes over its own rows left below the table by an interrupted try (same Record IDs)', async () => {
    const m = await ready();
    const rows = reviewRows(m.newId, { triggers: 2 });
    m.host.faults = (info) =>
      info.writes > 0
        ? { kind: 'fail-partway', after: info.ops.findIndex((o) => o.kind === 'table.resize') }
        : undefined;
    expect((await m.workbook.appendReview(rows)).ok).toBe(false);
    m.host.faults = null;
    // The snapshot row sits below DeskSnapshots, outside it: the retry recognises it by Record ID.
    expect(orphans(m, { sheets: ['Sheet1'], cells: [] }).length).toBeGreaterThan(0);
    expect((await m.workbook.appendReview(rows)).ok).toBe(true);
    expect(orphans(m, { sheets: ['Sheet1'], cells: [] })).toEqual([]);
    expect(table(m, 'DeskTriggers').rows).toHaveLength(3);
  });

  it('a table at the bottom of the sheet: reads work, an append says there is no room', async () => {
    const m = await ready();
    // DeskExposures moved by hand to the last two rows of a sheet of its own.
    const bottom = m.model.addSheet('Bottom');
    const t = m.model.table('DeskExposures')!;
    const headers = m.model.headers(t);
    m.user.deleteTable('DeskExposures');
    headers.forEach((h, j) => m.model.write(bottom, 1_048_574, j, h));
    const moved = m.model.addTable(bottom, {
      row: 1_048_574,
      col: 0,
      rows: 2,
      cols: headers.length,
    });
    m.model.renameTable(moved, 'DeskExposures');
    const pane = createOfficeDeskWorkbook(m.host.run);
    expect((await pane.health()).tables.exposures).toMatchObject({ kind: 'ok' });
    expect(await pane.read('exposures')).toMatchObject({ ok: true, records: [] });
    // The table's one empty row takes the first review; then nothing fits.
    expect((await pane.appendReview(reviewRows(m.newId))).ok).toBe(true);
    const before = cellDigest(m.model);
    expect(await pane.appendReview(reviewRows(m.newId))).toEqual({
      ok: false,
      reason: 'blocked-below',
      message:
        'Nothing written: DeskExposures ends at row 1,048,576, the last row of the sheet: there is no room below it for new rows. Move the table up or start a new sheet for it, then submit again.',
    });
    expect(cellDigest(m.model)).toEqual(before);
  });
});

describe('a colleague typing into those cells between the pane’s read and its write', () => {
  /** Types into `cell` of `sheet` when the write request arrives (after the read sync). */
  function typeBetween(m: MemoryDeskWorkbook, sheet: string, cell: string, input: string | number) {
    m.host.onRequest = (info) => {
      if (info.writes === 0) return;
      m.host.onRequest = null;
      m.user.typeCell(sheet, cell, input);
    };
  }

  it.each([
    ['text', 'call broker', "'call broker'"],
    ['a formula', '=A1*2', '=A1*2'],
    ['a number', 42, '42'],
  ])(
    'keeps %s, takes back the whole review, and names the cell (two more syncs)',
    async (_, input, shown) => {
      const m = await ready();
      const before = cellDigest(m.model);
      const sizes = Object.fromEntries(
        Object.values(TABLES).map((t) => [t.name, table(m, t.name).rows.length]),
      );
      typeBetween(m, 'DeskTriggers', 'E3', input);
      const syncs = m.host.stats.syncs;
      const r = await m.workbook.appendReview(reviewRows(m.newId));
      expect(m.host.stats.syncs - syncs).toBe(4);
      expect(r).toEqual({
        ok: false,
        reason: 'blocked-below',
        message: `Nothing written: the cells below DeskTriggers are not empty: DeskTriggers!E3 holds ${shown}; it was typed after the add-in read the sheet and before it wrote, so the add-in put back what it held and took back what it had written there. Move it or the table, then submit again.`,
      });
      // Their cell as they typed it; every other cell as before; every table its old size.
      const after = cellDigest(m.model);
      expect(after.size).toBe(before.size + 1);
      for (const [k, v] of before) expect([k, after.get(k)]).toEqual([k, v]);
      const typed = createMemoryDeskWorkbook();
      typed.user.typeCell('Sheet1', 'A1', input);
      expect(after.get('DeskTriggers!2,4')).toBe(cellDigest(typed.model).get('Sheet1!0,0'));
      for (const [name, n] of Object.entries(sizes))
        expect([name, table(m, name).rows.length]).toEqual([name, n]);
      expect(
        m
          .view()
          .sheets.find((s) => s.name === 'DeskTriggers')!
          .looseCells.map((c) => c.address),
      ).toEqual(['DeskTriggers!E3']);
      // Its number format is back too.
      expect(m.model.formatOf(m.model.sheet('DeskTriggers')!, 2, 4)).toBe('General');
    },
  );

  it('puts back a cell typed into the empty row of a new table', async () => {
    const m = createMemoryDeskWorkbook();
    expect((await m.workbook.ensureTables()).ok).toBe(true);
    const newId = idMaker();
    typeBetween(m, 'DeskSnapshots', 'B2', 'mine');
    const r = await m.workbook.appendReview(reviewRows(newId));
    expect(r).toMatchObject({ ok: false, reason: 'blocked-below' });
    expect(m.model.valueOf(m.model.sheet('DeskSnapshots')!, 1, 1)).toBe('mine');
    expect(table(m, 'DeskSnapshots').rows).toHaveLength(1);
    const empty = await m.workbook.read('exposures');
    expect(empty).toMatchObject({ ok: true, records: [] });
  });

  it('keeps a number format the colleague’s cell had', async () => {
    const m = await ready();
    m.host.onRequest = (info) => {
      if (info.writes === 0) return;
      m.host.onRequest = null;
      const s = m.model.sheet('DeskSnapshots')!;
      m.model.setNumberFormat(s, 2, 3, '0.00%');
      m.user.typeCell('DeskSnapshots', 'D3', 0.25);
    };
    expect((await m.workbook.appendReview(reviewRows(m.newId))).ok).toBe(false);
    const s = m.model.sheet('DeskSnapshots')!;
    expect([m.model.valueOf(s, 2, 3), m.model.formatOf(s, 2, 3)]).toEqual([0.25, '0.00%']);
  });

  it('repair: a cell typed right of the table in between is put back and the repair refused', async () => {
    const m = await ready();
    m.user.deleteColumn('DeskTriggers', 'Owner');
    m.host.onRequest = (info) => {
      if (info.writes === 0) return;
      m.host.onRequest = null;
      m.user.typeCell('DeskTriggers', 'W2', 'note');
    };
    const before = cellDigest(m.model);
    const r = await m.workbook.repair();
    expect(r).toMatchObject({
      ok: false,
      reason: 'blocked-right',
      message: expect.stringContaining(
        "the cells right of DeskTriggers are not empty: DeskTriggers!W2 holds 'note'; it was typed after the add-in read the sheet",
      ),
    });
    const after = cellDigest(m.model);
    for (const [k, v] of before) expect([k, after.get(k)]).toEqual([k, v]);
    expect(table(m, 'DeskTriggers').headers).not.toContain('Owner');
    expect(
      m
        .view()
        .sheets.find((s) => s.name === 'DeskTriggers')!
        .looseCells.map((c) => c.address),
    ).toEqual(['DeskTriggers!W2']);
  });
});

describe('Record IDs are read from the column the headers map, whatever its spacing', () => {
  it.each([
    ['a trailing space', 'Record ID '],
    ['other case', 'record id'],
  ])('with %s, a retry after a lost reply adds nothing twice', async (_, header) => {
    const m = await ready();
    m.user.renameColumn('DeskSnapshots', 'Record ID', header);
    const rows = reviewRows(m.newId, { triggers: 2 });
    m.host.faults = (info) => (info.writes > 0 ? { kind: 'timeout-after' } : undefined);
    expect((await m.workbook.appendReview(rows)).ok).toBe(false);
    m.host.faults = null;
    // A new pane (nothing remembered) retries.
    const pane = createOfficeDeskWorkbook(m.host.run);
    expect(await pane.appendReview(rows)).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Already recorded/),
    });
    expect(table(m, 'DeskSnapshots').rows).toHaveLength(2);
  });

  it('after the Record ID column moved and its header got a space: one more read, no duplicate', async () => {
    const m = await ready();
    const t = m.model.table('DeskSnapshots')!;
    const headers = m.model.headers(t);
    m.user.reorderColumns('DeskSnapshots', [...headers.slice(1), headers[0]!]);
    m.user.renameColumn('DeskSnapshots', 'Record ID', 'Record ID ');
    const rows = reviewRows(m.newId);
    const pane = createOfficeDeskWorkbook(m.host.run);
    expect((await pane.appendReview(rows)).ok).toBe(true);
    const syncs = m.host.stats.syncs;
    expect(await pane.appendReview(rows)).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Already recorded/),
    });
    // The pane now knows where the column is: one read finds the rows (nothing left to write).
    expect(m.host.stats.syncs - syncs).toBe(1);
    expect(table(m, 'DeskSnapshots').rows).toHaveLength(2);
  });
});
