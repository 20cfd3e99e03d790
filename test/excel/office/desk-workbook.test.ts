/** The Office adapter over the in-memory Excel: creating, appending, reading, drift, injection. */
import { columnList } from '../../../src/core';
import { buildReviewRows } from '../../../src/core/record/build';
import { NUMBER_FORMATS } from '../../../src/core/record/schema';
import {
  cellDigest,
  createMemoryDeskWorkbook,
  type MemoryDeskWorkbook,
} from '../../../src/excel/memory';
import { VERSION_NAME, WORKBOOK_ID_NAME } from '../../../src/excel/office';
import { checked, HOSTILE, idMaker, NOW, reviewInput, reviewRows } from '../helpers';
import { deskReady, type ReadyWorkbook } from './ready';

const ready = (): Promise<ReadyWorkbook> => deskReady();

/** Every cell that existed before is still there with the same value and formula. */
function expectUnchanged(before: Map<string, string>, after: Map<string, string>): void {
  for (const [k, v] of before) expect([k, after.get(k)]).toEqual([k, v]);
}

const tableOf = (m: MemoryDeskWorkbook, name: string) =>
  m
    .view()
    .sheets.flatMap((s) => s.tables)
    .find((t) => t.name === name)!;

describe('creating the desk tables', () => {
  it('creates the four desk tables with headers, number formats, validation lists and a schema version', async () => {
    const m = createMemoryDeskWorkbook();
    const r = await m.workbook.ensureTables();
    expect(r).toMatchObject({ ok: true });
    expect(m.host.stats.syncs).toBe(2);
    const t = tableOf(m, 'DeskTriggers');
    expect(t.headers).toEqual(columnList('triggers').map((c) => c.header));
    const row = t.rows[0]!;
    columnList('triggers').forEach((c, j) =>
      expect([c.header, row[j]!.numberFormat]).toEqual([c.header, NUMBER_FORMATS[c.kind]]),
    );
    const state = columnList('triggers').findIndex((c) => c.field === 'state');
    expect(row[state]!.validation).toBe('open,met,cleared');
    // Issue 10: DeskPrices is made with the others, on its own sheet.
    expect(
      m
        .view()
        .sheets.map((s) => s.tables.map((x) => x.name))
        .flat(),
    ).toEqual(['DeskSnapshots', 'DeskExposures', 'DeskTriggers', 'DeskPrices']);
    expect(tableOf(m, 'DeskPrices').headers).toEqual(columnList('prices').map((c) => c.header));
    // The workbook's id (receipts are kept per workbook) and the schema version.
    expect(m.view().names).toEqual([
      { name: WORKBOOK_ID_NAME, formula: expect.stringMatching(/^="twin-\d+"$/) },
      { name: VERSION_NAME, formula: '=3' },
    ]);
    expect((await m.workbook.health()).writable).toBe(true);
  });

  it('never recreates or clears an existing table', async () => {
    const m = await ready();
    await m.workbook.appendReview(reviewRows(m.newId));
    const before = cellDigest(m.model);
    const r = await m.workbook.ensureTables();
    expect(r.ok && r.message).toMatch(/nothing changed/);
    expect(cellDigest(m.model)).toEqual(before);
  });

  it('refuses, writing nothing, when a colleague’s sheet of the same name has content', async () => {
    // Issue 8: it used to make "DeskSnapshots (2)" beside it; now the sheet is named as in the way.
    const m = createMemoryDeskWorkbook();
    m.user.typeCell('DeskSnapshots', 'B2', 'my notes');
    const before = cellDigest(m.model);
    const sheets = m.view().sheets.map((s) => s.name);
    const r = await m.workbook.ensureTables();
    expect(r).toEqual({
      ok: false,
      reason: 'name-taken',
      message:
        'Nothing was written. A sheet named DeskSnapshots already holds cells (DeskSnapshots!B2) and no desk table: the add-in creates its table DeskSnapshots on a sheet of that name. Rename that sheet (or move its cells to another sheet), then create the desk tables again.',
    });
    expect(cellDigest(m.model)).toEqual(before);
    expect(m.view().sheets.map((s) => s.name)).toEqual(sheets);
    expect(m.view().names).toEqual([]);
  });
});

describe('appending a review', () => {
  it.each([1, 3, 12])(
    'takes at most 2 round trips with %i triggers and lands every row',
    async (n) => {
      const m = await ready();
      const rows = reviewRows(m.newId, { triggers: n });
      const r = await m.workbook.appendReview(rows);
      expect(r.ok).toBe(true);
      expect(m.host.stats.syncs).toBeLessThanOrEqual(2);
      expect(tableOf(m, 'DeskTriggers').rows).toHaveLength(n);
      if (r.ok)
        expect(r.landed.map((l) => l.address)).toEqual([
          'DeskSnapshots!A2:AD2',
          'DeskExposures!A2:AH2',
          `DeskTriggers!A2:W${n + 1}`,
        ]);
    },
  );

  it('reads back exactly the records it wrote', async () => {
    const m = await ready();
    const rows = reviewRows(m.newId, { triggers: 2 });
    await m.workbook.appendReview(rows);
    await m.workbook.appendReview(reviewRows(m.newId));
    for (const key of ['snapshots', 'exposures', 'triggers'] as const) {
      const read = await m.workbook.read(key);
      expect(read.ok).toBe(true);
      if (!read.ok) continue;
      expect(read.problems).toEqual([]);
      const got = read.records.slice(0, rows[key].length).map((r) => r.values);
      // Status now reads as the formula's value; everything else exactly as built.
      expect(got.map((g) => (key === 'triggers' ? { ...g, statusNow: null } : g))).toEqual(
        rows[key].map((w) => (key === 'triggers' ? { ...w, statusNow: null } : w)),
      );
    }
    const status = (await m.workbook.read('triggers')) as unknown as {
      ok: true;
      records: { values: Record<string, unknown> }[];
    };
    expect(status.records[0]!.values.statusNow).toBe('watchlist');
  });

  it('writes a live Status now formula with structured references', async () => {
    const m = await ready();
    await m.workbook.appendReview(reviewRows(m.newId));
    const t = tableOf(m, 'DeskTriggers');
    expect(t.rows[0]!.at(-1)!.formula).toMatch(/^=DESK\.NOTE_STATUS\(\[@\[Quote time\]\]/);
  });

  it('keeps every hostile string as text, never a formula', async () => {
    const m = await ready();
    for (const s of HOSTILE) {
      const r = buildReviewRows(reviewInput({ slug: s, owner: s, question: `${s}?` }), {
        recordedBy: s,
        now: NOW,
        newId: m.newId,
      });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const w = await m.workbook.appendReview(r.rows);
      expect(w.ok).toBe(true);
    }
    const formulas = m
      .view()
      .sheets.flatMap((s) => s.tables)
      .flatMap((t) =>
        t.rows.flatMap((row) => row.filter((c) => c.formula !== null).map((c) => c.formula)),
      );
    // The only formulas in the workbook are the add-in's own Status now cells.
    expect(new Set(formulas)).toEqual(new Set([columnList('triggers').at(-1)!.formula]));
    const snaps = await m.workbook.read('snapshots');
    if (!snaps.ok) throw new Error(snaps.message);
    expect(snaps.problems).toEqual([]);
    expect(snaps.records.map((r) => r.values.articleSlug)).toEqual(HOSTILE.map((s) => s.trim()));
    expect(snaps.records.map((r) => r.values.recordedBy)).toEqual(HOSTILE.map((s) => s.trim()));
  });

  // An invalid row cannot reach appendReview (its records are checked where they are made): the
  // refusal of one now lives with the builder (form-logic.test.ts), checkRecord (schema.test.ts)
  // and receipts loaded from storage (outbox.test.ts, submit-state.test.ts). What append still
  // refuses itself writes zero cells too.
  it('writes zero cells and makes no round trip for a Record ID repeated within one review', async () => {
    const m = await ready();
    const rows = reviewRows(m.newId, { triggers: 2 });
    const before = cellDigest(m.model);
    const twice = checked('triggers', {
      ...rows.triggers[1]!,
      recordId: rows.triggers[0]!.recordId,
    });
    const r = await m.workbook.appendReview({ ...rows, triggers: [rows.triggers[0]!, twice] });
    expect(r).toEqual({
      ok: false,
      reason: 'invalid',
      message: `Nothing written: Record ID ${rows.triggers[0]!.recordId} appears twice in this review.`,
    });
    expect(m.host.stats.syncs).toBe(0);
    expect(cellDigest(m.model)).toEqual(before);
  });

  it('writes zero cells and makes no round trip for a review without rows', async () => {
    const m = await ready();
    const before = cellDigest(m.model);
    const r = await m.workbook.appendReview({ snapshots: [], exposures: [], triggers: [] });
    expect(r).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Nothing to write: the review has no rows.',
    });
    expect(m.host.stats.syncs).toBe(0);
    expect(cellDigest(m.model)).toEqual(before);
  });

  it('refuses to write over cells below a table, writing nothing anywhere', async () => {
    const m = await ready();
    await m.workbook.appendReview(reviewRows(m.newId));
    m.user.typeCell('DeskTriggers', 'C4', 'kept by a colleague');
    const before = cellDigest(m.model);
    const r = await m.workbook.appendReview(reviewRows(m.newId, { triggers: 3 }));
    expect(r.ok).toBe(false);
    // The occupied cell by address and what it holds; the sentence ends once.
    expect(!r.ok && r.message).toBe(
      "Nothing written: the cells below DeskTriggers are not empty: DeskTriggers!C4 holds 'kept by a colleague'; the add-in will not write over them. Move them or the table, then submit again.",
    );
    expect(cellDigest(m.model)).toEqual(before);
  });

  it('selects the landed rows', async () => {
    const m = await ready();
    const rows = reviewRows(m.newId, { triggers: 2 });
    await m.workbook.appendReview(rows);
    const r = await m.workbook.select(
      'triggers',
      rows.triggers.map((t) => String(t.recordId)),
    );
    expect(r.ok).toBe(true);
    expect(m.view().selection).toEqual({ sheet: 'DeskTriggers', address: 'DeskTriggers!A2:W3' });
  });

  it('inserts sample data only into a workbook without desk tables', async () => {
    const m = createMemoryDeskWorkbook();
    const newId = idMaker();
    const r = await m.workbook.insertSampleData({
      reviews: [reviewRows(newId), reviewRows(newId, { triggers: 2 })],
      prices: [],
    });
    expect(r.ok).toBe(true);
    expect(tableOf(m, 'DeskTriggers').rows).toHaveLength(3);
    const again = await m.workbook.insertSampleData({ reviews: [reviewRows(newId)], prices: [] });
    expect(again).toEqual({
      ok: false,
      reason: 'not-empty',
      message: expect.stringMatching(/already exist/),
    });
  });
});

describe('drift: a colleague changed the tables', () => {
  it('maps reordered columns by header name', async () => {
    const m = await ready();
    const headers = columnList('exposures').map((c) => c.header);
    m.user.reorderColumns('DeskExposures', [...headers].reverse());
    const before = cellDigest(m.model);
    const rows = reviewRows(m.newId);
    expect((await m.workbook.appendReview(rows)).ok).toBe(true);
    expectUnchanged(before, cellDigest(m.model));
    const read = await m.workbook.read('exposures');
    expect(read.ok && read.records[0]!.values).toEqual(rows.exposures[0]);
    expect(tableOf(m, 'DeskExposures').headers[0]).toBe(headers.at(-1));
  });

  it('keeps a user’s added column untouched and writes around it', async () => {
    const m = await ready();
    await m.workbook.appendReview(reviewRows(m.newId));
    m.user.addColumn('DeskSnapshots', 'My comment', ['looks thin']);
    const before = cellDigest(m.model);
    expect((await m.workbook.appendReview(reviewRows(m.newId))).ok).toBe(true);
    expectUnchanged(before, cellDigest(m.model));
    const h = await m.workbook.health();
    expect(h.tables.snapshots).toMatchObject({ kind: 'ok' });
    expect((await m.workbook.read('snapshots')).ok).toBe(true);
  });

  it('refuses to write when a required column was renamed, names it, and repair adds it back', async () => {
    const m = await ready();
    await m.workbook.appendReview(reviewRows(m.newId));
    m.user.renameColumn('DeskTriggers', 'Owner', 'Owner name');
    const before = cellDigest(m.model);
    const h = await m.workbook.health();
    expect(h.writable).toBe(false);
    expect(h.tables.triggers).toMatchObject({
      kind: 'drifted',
      missingRequired: ['Owner'],
      extra: ['Owner name'],
    });
    expect(h.messages.join(' ')).toMatch(/DeskTriggers has no 'Owner' column/);
    const w = await m.workbook.appendReview(reviewRows(m.newId));
    expect(w).toEqual({
      ok: false,
      reason: 'drift',
      message: expect.stringContaining("DeskTriggers has no 'Owner' column"),
    });
    expect(cellDigest(m.model)).toEqual(before);
    const r = await m.workbook.repair();
    expect(r).toMatchObject({
      ok: true,
      message: expect.stringContaining("DeskTriggers: added 'Owner'"),
    });
    expectUnchanged(before, cellDigest(m.model));
    expect((await m.workbook.health()).writable).toBe(true);
    expect((await m.workbook.appendReview(reviewRows(m.newId))).ok).toBe(true);
  });

  it('names a likely rename, and after a repair reports the rows that now break the schema', async () => {
    const m = await ready();
    await m.workbook.appendReview(reviewRows(m.newId));
    await m.workbook.appendReview(reviewRows(m.newId));
    m.user.renameColumn('DeskSnapshots', 'Product', 'Metal');
    const h = await m.workbook.health();
    const hint =
      "'Product' is missing and 'Metal' is new — if a colleague renamed it, rename it back to keep the rows' values; Repair would add an empty 'Product' column.";
    expect(h.tables.snapshots).toMatchObject({ kind: 'drifted', renameHint: hint });
    expect(h.messages).toContain(`DeskSnapshots: ${hint}`);
    expect((await m.workbook.repair()).ok).toBe(true);
    const after = await m.workbook.health();
    expect(after.writable).toBe(true);
    // The table has every column again, but its two rows have a blank Product: health says so.
    expect(after.tables.snapshots).toMatchObject({
      kind: 'ok', // every schema column is there ('Metal' stays, a colleague's own)
      broken: { sheetRows: [2, 3], firstReason: 'Product is required' },
    });
    expect(after.messages.join('\n')).toMatch(
      /DeskSnapshots: 2 rows break the schema \(sheet rows 2–3\): Product is required/,
    );
  });

  it('writes without a deleted optional column, and repair restores it without touching data', async () => {
    const m = await ready();
    await m.workbook.appendReview(reviewRows(m.newId));
    m.user.deleteColumn('DeskSnapshots', 'Storage note');
    const h = await m.workbook.health();
    expect(h.writable).toBe(true);
    expect(h.tables.snapshots).toMatchObject({
      kind: 'drifted',
      missingOptional: ['Storage note'],
      missingRequired: [],
    });
    expect((await m.workbook.appendReview(reviewRows(m.newId))).ok).toBe(true);
    const before = cellDigest(m.model);
    expect((await m.workbook.repair()).ok).toBe(true);
    expectUnchanged(before, cellDigest(m.model));
    expect(tableOf(m, 'DeskSnapshots').headers.at(-1)).toBe('Storage note');
  });

  it('refuses a repair that would push a colleague’s cells aside', async () => {
    const m = await ready();
    m.user.deleteColumn('DeskTriggers', 'Owner');
    // The table now ends at V; Repair would need W.
    m.user.typeCell('DeskTriggers', 'W1', 'notes right of the table');
    const before = cellDigest(m.model);
    const r = await m.workbook.repair();
    expect(r).toEqual({
      ok: false,
      reason: 'blocked-right',
      message:
        "Nothing changed: the cells right of DeskTriggers are not empty: DeskTriggers!W1 holds 'notes right of the table'; the add-in will not move or overwrite them. Clear or move them, then repair again.",
    });
    expect(cellDigest(m.model)).toEqual(before);
  });

  it('follows a renamed table by its id', async () => {
    const m = await ready();
    await m.workbook.health();
    m.user.renameTable('DeskExposures', 'Positions');
    const h = await m.workbook.health();
    expect(h.tables.exposures).toMatchObject({ kind: 'ok' });
    expect(h.messages).toContain(
      'DeskExposures was renamed to Positions; the add-in follows it by its table id.',
    );
    expect((await m.workbook.appendReview(reviewRows(m.newId))).ok).toBe(true);
    expect(tableOf(m, 'Positions').rows).toHaveLength(1);
  });

  it('reports a table deleted between reads and writes nothing', async () => {
    const m = await ready();
    await m.workbook.appendReview(reviewRows(m.newId));
    m.user.deleteTable('DeskTriggers');
    const before = cellDigest(m.model);
    expect((await m.workbook.health()).tables.triggers).toEqual({ kind: 'missing' });
    const w = await m.workbook.appendReview(reviewRows(m.newId));
    expect(w).toEqual({
      ok: false,
      reason: 'tables-missing',
      message: expect.stringContaining('DeskTriggers is missing'),
    });
    expect(cellDigest(m.model)).toEqual(before);
    expect(await m.workbook.read('triggers')).toEqual({
      ok: false,
      message: 'DeskTriggers is missing: there is nothing to read.',
    });
  });

  it('writes nothing to a workbook with a newer schema version, and says so', async () => {
    const m = await ready();
    await m.workbook.appendReview(reviewRows(m.newId));
    m.user.setName(VERSION_NAME, '=4');
    const before = cellDigest(m.model);
    const h = await m.workbook.health();
    expect(h).toMatchObject({ writable: false, schema: { kind: 'newer', found: 4, current: 3 } });
    for (const r of [
      await m.workbook.appendReview(reviewRows(m.newId)),
      await m.workbook.ensureTables(),
      await m.workbook.repair(),
    ]) {
      expect(r).toEqual({
        ok: false,
        reason: 'newer-schema',
        message: expect.stringContaining(
          'schema version 4; this add-in knows version 3, so it writes nothing',
        ),
      });
    }
    expect(cellDigest(m.model)).toEqual(before);
    expect((await m.workbook.read('snapshots')).ok).toBe(true);
  });

  it('migrates an older workbook (tables without a version) forward without changing a cell', async () => {
    const m = await ready();
    await m.workbook.appendReview(reviewRows(m.newId));
    m.user.deleteName(VERSION_NAME);
    const before = cellDigest(m.model);
    expect((await m.workbook.health()).schema).toEqual({ kind: 'older', found: 0, current: 3 });
    const r = await m.workbook.ensureTables();
    expect(r).toMatchObject({
      ok: true,
      message: expect.stringMatching(/stamped schema version 3/i),
    });
    expectUnchanged(before, cellDigest(m.model));
    expect((await m.workbook.health()).schema).toEqual({ kind: 'current', version: 3 });
  });

  it('migrates a v1 workbook to v3 by appending Price unit to DeskExposures, changing no cell', async () => {
    const m = await ready();
    await m.workbook.appendReview(reviewRows(m.newId));
    // What a v1 add-in made: DeskExposures without Price unit, version 1 stamped.
    m.user.deleteColumn('DeskExposures', 'Price unit');
    m.user.setName(VERSION_NAME, '=1');
    const before = cellDigest(m.model);
    const headersBefore = tableOf(m, 'DeskExposures').headers;
    expect((await m.workbook.health()).schema).toEqual({ kind: 'older', found: 1, current: 3 });
    const r = await m.workbook.ensureTables();
    expect(r).toMatchObject({
      ok: true,
      message: expect.stringMatching(/added 'Price unit'.*stamped schema version 3/i),
    });
    expectUnchanged(before, cellDigest(m.model));
    expect(tableOf(m, 'DeskExposures').headers).toEqual([...headersBefore, 'Price unit']);
    expect(m.view().names).toEqual([
      { name: WORKBOOK_ID_NAME, formula: expect.any(String) },
      { name: VERSION_NAME, formula: '=3' },
    ]);
    const h = await m.workbook.health();
    expect(h).toMatchObject({ writable: true, schema: { kind: 'current', version: 3 } });
    expect(h.tables.exposures.kind).toBe('ok');
    // The old rows read back with a blank Price unit; new reviews fill it.
    const read = await m.workbook.read('exposures');
    expect(read.ok && read.records.map((x) => x.values.priceUnit)).toEqual([null]);
    expect((await m.workbook.appendReview(reviewRows(m.newId))).ok).toBe(true);
  });

  it('reads rows a user typed by hand, reporting the bad ones by row number', async () => {
    const m = await ready();
    await m.workbook.appendReview(reviewRows(m.newId, { triggers: 3 }));
    m.user.typeInTable('DeskTriggers', 2, 'Spread bps', 'wide');
    m.user.typeInTable('DeskTriggers', 3, 'State', 'closed');
    const r = await m.workbook.read('triggers');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.records.map((x) => x.rowNumber)).toEqual([1]);
    expect(r.problems).toEqual([
      { rowNumber: 2, sheetRow: 3, reason: "Spread bps: expected a number, got 'wide'" },
      { rowNumber: 3, sheetRow: 4, reason: "State: 'closed' is not one of open, met, cleared" },
    ]);
  });
});

describe('Office errors', () => {
  it('become a sentence, not an exception', async () => {
    const m = await ready();
    m.host.faults = () => ({ kind: 'fail-before' });
    const r = await m.workbook.appendReview(reviewRows(m.newId));
    expect(r).toEqual({
      ok: false,
      reason: 'office',
      message: expect.stringMatching(
        /^Recording the review failed: Excel reported an internal error .*nothing is written twice\.$/,
      ),
    });
    const h = await m.workbook.health();
    expect(h.writable).toBe(false);
    expect(h.messages[0]).toMatch(/^Checking the workbook failed/);
  });
});
