/**
 * Schema version 2 → 3 (issue 10): a step that adds a table, DeskPrices, and no column. Creating
 * the desk tables in a v2 workbook adds it exactly as creation makes it (its own marked sheet,
 * headers, formats, validation) and restamps the version; not one existing cell changes, its
 * number format and validation included. A review write into a v2 workbook is not held back by
 * a migration that touches none of the tables it writes, and does not stamp the version itself.
 * Every prefix of the migration's requests (Excel applies a request's operations in order and
 * stops at the first that fails: runtime ClientRequestContext.syncPrivate, docs/TWIN.md) is
 * finished by the next try.
 */
import { columnList, TABLE_KEYS, TABLES } from '../../../src/core';
import {
  createMemoryDeskWorkbook,
  type MemoryDeskWorkbook,
  type SyncInfo,
} from '../../../src/excel/memory';
import { createOfficeDeskWorkbook, SHEET_MARK, VERSION_NAME } from '../../../src/excel/office';
import { submitReview } from '../../../src/taskpane/app';
import { orphans, type Colleague } from '../audit';
import { idMaker, reviewRows } from '../helpers';

const COLLEAGUE: Colleague = { sheets: ['Sheet1'], cells: ['Sheet1!A1', 'Sheet1!C9'] };

/** Every cell of every sheet: value, formula, number format, validation and quote prefix. */
function fullDigest(m: MemoryDeskWorkbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of m.model.sheets)
    for (const [k, c] of s.cells) out.set(`${s.name}!${k}`, JSON.stringify(c));
  return out;
}

/**
 * What a v2 add-in left: the three review tables with rows and a colleague's cells, version 2,
 * no DeskPrices (made here with today's add-in, its fourth sheet then removed).
 */
async function v2Workbook(): Promise<MemoryDeskWorkbook> {
  const m = createMemoryDeskWorkbook();
  m.user.typeCell('Sheet1', 'A1', 'desk notes');
  m.user.typeCell('Sheet1', 'C9', '=1+1');
  expect((await m.workbook.ensureTables()).ok).toBe(true);
  const newId = idMaker(7);
  expect((await m.workbook.appendReview(reviewRows(newId, { triggers: 2 }))).ok).toBe(true);
  expect((await m.workbook.appendReview(reviewRows(newId))).ok).toBe(true);
  m.model.deleteSheet(m.model.sheet(TABLES.prices.name)!);
  m.user.setName(VERSION_NAME, '=2');
  m.host.resetStats();
  return m;
}

/** DeskPrices as creation makes it: header texts and formats, the first row's formats and lists. */
function pricesShape(m: MemoryDeskWorkbook) {
  const sheet = m.view().sheets.find((s) => s.name === TABLES.prices.name);
  const t = sheet?.tables.find((x) => x.name === TABLES.prices.name);
  return {
    sheet: sheet?.name,
    mark: m.model.nameItem(SHEET_MARK, m.model.sheet(TABLES.prices.name))?.formula.split('|')[0],
    address: t?.address,
    headers: t?.headers,
    firstRow: t?.rows[0]?.map((c) => [c.value, c.numberFormat, c.validation ?? null]),
  };
}

describe('migrating a v2 workbook to v3 adds DeskPrices, changing no cell', () => {
  it('creates DeskPrices as a fresh creation does and restamps the version; every existing cell is as it was', async () => {
    const m = await v2Workbook();
    const before = fullDigest(m);
    const h = await m.workbook.health();
    expect(h.schema).toEqual({ kind: 'older', found: 2, current: 3 });
    expect(h.tables.prices).toEqual({ kind: 'missing' });
    const r = await m.workbook.ensureTables();
    expect(r).toMatchObject({
      ok: true,
      message: expect.stringMatching(
        /^Created DeskPrices on sheet DeskPrices; stamped schema version 3 \(no existing cell changed\)\.$/,
      ),
    });
    const after = fullDigest(m);
    for (const [cell, v] of before) expect([cell, after.get(cell)]).toEqual([cell, v]);
    // Only DeskPrices' own sheet gained cells.
    for (const cell of after.keys())
      if (!before.has(cell)) expect(cell.startsWith(`${TABLES.prices.name}!`)).toBe(true);
    const fresh = createMemoryDeskWorkbook();
    expect((await fresh.workbook.ensureTables()).ok).toBe(true);
    expect(pricesShape(m)).toEqual(pricesShape(fresh));
    expect(pricesShape(m).headers).toEqual(columnList('prices').map((c) => c.header));
    const again = await m.workbook.health();
    expect(again).toMatchObject({ writable: true, schema: { kind: 'current', version: 3 } });
    for (const key of TABLE_KEYS) expect([key, again.tables[key].kind]).toEqual([key, 'ok']);
    expect(orphans(m, COLLEAGUE)).toEqual([]);
  });

  it('lets a review be recorded into a v2 workbook first, in 2 round trips, without stamping v3', async () => {
    const m = await v2Workbook();
    const pane = createOfficeDeskWorkbook(m.host.run);
    const rows = reviewRows(idMaker(8));
    const outcome = await submitReview(pane, rows);
    expect(outcome).toMatchObject({ ok: true });
    expect(m.host.stats.syncs).toBe(2);
    // The version still says what the workbook is: v2, DeskPrices not there yet.
    expect(m.model.nameItem(VERSION_NAME)?.formula).toBe('=2');
    expect(m.model.tableNamed(TABLES.prices.name)).toBeUndefined();
    const read = await pane.read('snapshots');
    expect(read.ok && read.records.map((x) => x.values.recordId)).toContain(
      rows.snapshots[0]!.recordId,
    );
    expect((await pane.ensureTables()).ok).toBe(true);
    expect(m.model.nameItem(VERSION_NAME)?.formula).toBe('=3');
  });

  it('for every prefix of each migration request, the next try adds DeskPrices once and stamps v3', async () => {
    // The write requests of one migration, and how many operations each has.
    const sizes: number[] = [];
    {
      const m = await v2Workbook();
      m.host.faults = (info) => {
        if (info.writes > 0) sizes.push(info.ops.length);
        return undefined;
      };
      expect((await m.workbook.ensureTables()).ok).toBe(true);
    }
    expect(sizes.length).toBe(2); // the creation request, then the version's
    let runs = 0;
    for (const [which, size] of sizes.entries()) {
      for (let k = 0; k < size; k += 1) {
        const m = await v2Workbook();
        const before = fullDigest(m);
        let w = -1;
        m.host.faults = (info: SyncInfo) => {
          if (info.writes === 0) return undefined;
          w += 1;
          return w === which ? { kind: 'fail-partway', after: k } : undefined;
        };
        expect([which, k, (await m.workbook.ensureTables()).ok]).toEqual([which, k, false]);
        m.host.faults = null;
        // The version is restamped last: a prefix never claims v3 without DeskPrices.
        const stamped = m.model.nameItem(VERSION_NAME)?.formula === '=3';
        if (stamped) expect(m.model.tableNamed(TABLES.prices.name)).toBeDefined();
        const retried = await m.workbook.ensureTables();
        if (!retried.ok) throw new Error(`write ${which}, k=${k}: ${retried.message}`);
        const after = fullDigest(m);
        for (const [cell, v] of before) expect([cell, after.get(cell)]).toEqual([cell, v]);
        expect(m.model.tables.map((t) => t.name).sort()).toEqual(
          TABLE_KEYS.map((key) => TABLES[key].name).sort(),
        );
        expect(m.view().sheets.map((s) => s.name)).toEqual([
          'Sheet1',
          'DeskSnapshots',
          'DeskExposures',
          'DeskTriggers',
          'DeskPrices',
        ]);
        expect(m.model.nameItem(VERSION_NAME)?.formula).toBe('=3');
        expect((await m.workbook.health()).writable).toBe(true);
        expect(orphans(m, COLLEAGUE)).toEqual([]);
        runs += 1;
      }
    }
    expect(runs).toBe(sizes.reduce((a, b) => a + b, 0));
  }, 60_000);
});
