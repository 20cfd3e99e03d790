/**
 * Importing price rows (issue 10): DeskWorkbook.appendPrices writes one import's rows into
 * DeskPrices all or none, in batches under Excel on the web's 5 MB request limit
 * (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins;
 * large ranges written in parts: learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large),
 * each batch read back by Record ID. A cancel between batches, a failed batch, or a request Excel
 * stopped part-way (its operations apply in order and the first failure stops the rest, earlier
 * ones staying applied: runtime ClientRequestContext.syncPrivate, docs/TWIN.md) leaves no row of
 * the import in the table and no cell it wrote below it (Range.clear, ClearApplyTo "All": "Clears
 * everything in the range", learn.microsoft.com/javascript/api/excel/excel.clearapplyto); a
 * colleague's cell is never cleared or moved; a retry never writes a row twice.
 */
import { columnList, TABLES } from '../../../src/core';
import {
  cellDigest,
  REQUEST_LIMIT_BYTES,
  type Fault,
  type MemoryDeskWorkbook,
  type SyncInfo,
} from '../../../src/excel/memory';
import { CHUNK_BUDGET_BYTES } from '../../../src/excel/office';
import type { DeskRecord, WriteOutcome } from '../../../src/excel/workbook';
import { orphans, type Colleague } from '../audit';
import { idMaker, priceRows, reviewRows } from '../helpers';
import { deskReady } from './ready';

const PRICES = TABLES.prices.name;
const COLLEAGUE: Colleague = { sheets: ['Sheet1'], cells: ['Sheet1!A1'] };

/** A desk workbook with a review and a first import in, a colleague's cell on Sheet1. */
async function withHistory(): Promise<MemoryDeskWorkbook & { newId: () => string }> {
  const m = await deskReady({ firstReview: true });
  m.user.typeCell('Sheet1', 'A1', 'desk notes');
  expect((await m.workbook.appendPrices(priceRows(m.newId, 5))).ok).toBe(true);
  m.host.resetStats();
  return m;
}

/** Every cell of every sheet (value, formula, format, validation): nothing else may change. */
function fullDigest(m: MemoryDeskWorkbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of m.model.sheets)
    for (const [k, c] of s.cells)
      if (c.value !== '' || c.formula || c.numberFormat || c.validation)
        out.set(`${s.name}!${k}`, JSON.stringify(c));
  return out;
}

const tableRows = (m: MemoryDeskWorkbook): number => m.model.table(PRICES)!.rows - 1;

/** Record IDs in DeskPrices, read through the adapter. */
async function idsIn(m: MemoryDeskWorkbook): Promise<string[]> {
  const r = await m.workbook.read('prices');
  if (!r.ok) throw new Error(r.message);
  expect(r.problems).toEqual([]);
  return r.records.map((x) => String(x.values.recordId));
}

/** The k-th write request (0-based) of the import fails as `fault`; the rest go through. */
function failWrite(m: MemoryDeskWorkbook, k: number, fault: Fault): void {
  let w = -1;
  m.host.faults = (info: SyncInfo) => {
    if (info.writes === 0) return undefined;
    w += 1;
    return w === k ? fault : undefined;
  };
}

/** The write requests of a clean import, and how many operations each has. */
async function writeSizes(rows: readonly DeskRecord<'prices'>[]): Promise<number[]> {
  const m = await withHistory();
  const sizes: number[] = [];
  m.host.faults = (info) => {
    if (info.writes > 0) sizes.push(info.ops.length);
    return undefined;
  };
  expect((await m.workbook.appendPrices(rows)).ok).toBe(true);
  return sizes;
}

/** After a failed or cancelled import: the workbook is exactly as before it, then a retry lands it once. */
async function expectTakenOutThenRetried(
  m: MemoryDeskWorkbook,
  r: WriteOutcome,
  before: Map<string, string>,
  idsBefore: readonly string[],
  rows: readonly DeskRecord<'prices'>[],
): Promise<void> {
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.message).toMatch(/nothing of this import is in DeskPrices/i);
  m.host.faults = null;
  const after = fullDigest(m);
  expect([...after.entries()].filter(([k, v]) => before.get(k) !== v)).toEqual([]);
  expect([...before.keys()].filter((k) => !after.has(k))).toEqual([]);
  expect(await idsIn(m)).toEqual(idsBefore);
  expect(orphans(m, COLLEAGUE)).toEqual([]);
  const again = await m.workbook.appendPrices(rows);
  expect(again).toMatchObject({ ok: true });
  expect(await idsIn(m)).toEqual([...idsBefore, ...rows.map((x) => x.recordId)]);
}

describe('appendPrices', () => {
  it('writes an import in 2 round trips (read, one batch), read back by Record ID; a retry writes nothing twice', async () => {
    const m = await withHistory();
    const idsBefore = await idsIn(m);
    const rows = priceRows(m.newId, 40);
    m.host.resetStats();
    const seen: [number, number][] = [];
    const r = await m.workbook.appendPrices(rows, { onProgress: (w, t) => seen.push([w, t]) });
    expect(r).toEqual({
      ok: true,
      landed: [
        { table: 'prices', address: `${PRICES}!A7:P46`, recordIds: rows.map((x) => x.recordId) },
      ],
      message: `Imported 40 price rows into ${PRICES} (${PRICES}!A7:P46).`,
    });
    expect(m.host.stats.syncs).toBe(2);
    expect(seen).toEqual([[40, 40]]);
    expect(await idsIn(m)).toEqual([...idsBefore, ...rows.map((x) => x.recordId)]);
    // Read back as written: the checked records, every column.
    const read = await m.workbook.read('prices');
    const back = read.ok ? read.records.slice(-40).map((x) => x.values) : [];
    expect(back).toEqual(rows);
    m.host.resetStats();
    expect(await m.workbook.appendPrices(rows)).toMatchObject({
      ok: true,
      message: `Already imported 40 price rows into ${PRICES} (${PRICES}!A7:P46); nothing written twice.`,
    });
    expect(m.host.stats.syncs).toBe(1);
    expect(tableRows(m)).toBe(45);
  });

  it('imports 10,000 rows in 3 round trips, every request under the 4 MB budget and the 5 MB limit', async () => {
    const m = await deskReady();
    const rows = priceRows(m.newId, 10_000);
    const sizes: number[] = [];
    m.host.onRequest = (info) => sizes.push(info.requestBytes);
    const seen: number[] = [];
    const r = await m.workbook.appendPrices(rows, { onProgress: (w) => seen.push(w) });
    expect(r).toMatchObject({ ok: true });
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(
      `10,000 price rows: ${m.host.stats.syncs} syncs, largest request ${m.host.stats.largestRequestBytes} B, total ${total} B`,
    );
    expect(m.host.stats.syncs).toBe(3);
    expect(m.host.stats.largestRequestBytes).toBeLessThan(CHUNK_BUDGET_BYTES);
    expect(CHUNK_BUDGET_BYTES).toBeLessThan(REQUEST_LIMIT_BYTES);
    // The bound: at most 3 syncs per 5 MB of rows written.
    expect(m.host.stats.syncs).toBeLessThanOrEqual(3 * Math.ceil(total / (5 * 1024 * 1024)));
    expect(seen.length).toBe(2);
    expect(seen.at(-1)).toBe(10_000);
    expect(seen[0]).toBeGreaterThan(0);
    expect(tableRows(m)).toBe(10_000);
    expect((await idsIn(m)).length).toBe(10_000);
  }, 60_000);

  it('refuses an import whose rows do not share one Import ID, or repeat a Record ID, writing nothing', async () => {
    const m = await withHistory();
    const before = fullDigest(m);
    const newId = idMaker(40);
    const mixed = [...priceRows(newId, 2), ...priceRows(newId, 2)];
    expect(await m.workbook.appendPrices(mixed)).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Nothing written: the rows of one import must share one Import ID.',
    });
    const one = priceRows(newId, 2);
    expect(await m.workbook.appendPrices([...one, one[0]!])).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: `Nothing written: Record ID ${one[0]!.recordId} appears twice in this import.`,
    });
    expect(await m.workbook.appendPrices([])).toMatchObject({ ok: false, reason: 'invalid' });
    expect(m.host.stats.syncs).toBe(0);
    expect(fullDigest(m)).toEqual(before);
  });

  it('refuses, naming them, when a colleague’s cells are below DeskPrices; nothing is written', async () => {
    const m = await withHistory();
    m.user.typeCell(PRICES, 'C9', 'my note');
    m.user.typeCell(PRICES, 'F12', '=1+1');
    const before = fullDigest(m);
    const r = await m.workbook.appendPrices(priceRows(m.newId, 10));
    expect(r).toEqual({
      ok: false,
      reason: 'blocked-below',
      message: `Nothing written: the cells below ${PRICES} are not empty: ${PRICES}!C9 holds 'my note', ${PRICES}!F12 holds =1+1; the add-in will not write over them. Move them or the table, then submit again.`,
    });
    expect(fullDigest(m)).toEqual(before);
  });

  it('needs DeskPrices: missing, it says so and writes nothing (creating the desk tables adds it)', async () => {
    const m = await withHistory();
    m.model.deleteSheet(m.model.sheet(PRICES)!);
    const before = fullDigest(m);
    expect(await m.workbook.appendPrices(priceRows(m.newId, 3))).toMatchObject({
      ok: false,
      reason: 'tables-missing',
    });
    expect(fullDigest(m)).toEqual(before);
  });

  describe('all or none', () => {
    const many = () => priceRows(idMaker(60), 10_000);

    it('a cancel before the first batch writes nothing', async () => {
      const m = await withHistory();
      const before = fullDigest(m);
      const r = await m.workbook.appendPrices(many(), { cancelled: () => true });
      expect(r).toEqual({
        ok: false,
        reason: 'cancelled',
        message: 'Import cancelled before any row was written; nothing changed.',
      });
      expect(fullDigest(m)).toEqual(before);
    });

    it('a cancel after batch 1 takes out what batch 1 wrote; a retry lands the import once', async () => {
      const m = await withHistory();
      const idsBefore = await idsIn(m);
      const before = fullDigest(m);
      const rows = many();
      let batches = 0;
      const r = await m.workbook.appendPrices(rows, {
        onProgress: () => (batches += 1),
        cancelled: () => batches >= 1,
      });
      expect(r).toMatchObject({ reason: 'cancelled' });
      if (!r.ok)
        expect(r.message).toMatch(
          /^Import cancelled \(after \d+ rows of 10,000\)\. The [\d,]+ price rows it had written were taken out again/,
        );
      await expectTakenOutThenRetried(m, r, before, idsBefore, rows);
    }, 60_000);

    it.each([
      ['fails before it applies', { kind: 'fail-before' }],
      ['applies, then fails', { kind: 'fail-after' }],
      ['applies, then its answer never comes', { kind: 'timeout-after' }],
    ] as [string, Fault][])(
      'when batch 2 %s, batch 1 is taken out; a retry lands it once',
      async (_w, fault) => {
        const m = await withHistory();
        const idsBefore = await idsIn(m);
        const before = fullDigest(m);
        const rows = many();
        failWrite(m, 1, fault);
        const r = await m.workbook.appendPrices(rows);
        expect(r).toMatchObject({ ok: false, reason: 'office' });
        await expectTakenOutThenRetried(m, r, before, idsBefore, rows);
      },
      60_000,
    );

    it('for a request stopped part-way after each of its operations (a small import), nothing of it stays', async () => {
      const rows = priceRows(idMaker(70), 4);
      const sizes = await writeSizes(rows);
      expect(sizes.length).toBe(1);
      for (let k = 0; k < sizes[0]!; k += 1) {
        const m = await withHistory();
        const idsBefore = await idsIn(m);
        const before = fullDigest(m);
        failWrite(m, 0, { kind: 'fail-partway', after: k });
        const r = await m.workbook.appendPrices(rows);
        expect([k, r.ok]).toEqual([k, false]);
        await expectTakenOutThenRetried(m, r, before, idsBefore, rows);
      }
    }, 60_000);

    it('a part-way failure of batch 2 of a large import (its values written, the table not yet grown) leaves nothing', async () => {
      const rows = many();
      const sizes = await writeSizes(rows);
      expect(sizes.length).toBeGreaterThanOrEqual(2);
      const ops = sizes[1]!;
      for (const k of [1, Math.floor(ops / 2), ops - 3, ops - 1]) {
        const m = await withHistory();
        const idsBefore = await idsIn(m);
        const before = fullDigest(m);
        failWrite(m, 1, { kind: 'fail-partway', after: k });
        const r = await m.workbook.appendPrices(rows);
        expect([k, r.ok]).toEqual([k, false]);
        await expectTakenOutThenRetried(m, r, before, idsBefore, rows);
      }
    }, 120_000);

    it('a retry after a take-out that failed too completes the import without a row twice', async () => {
      const m = await withHistory();
      const idsBefore = await idsIn(m);
      const rows = many();
      // Batch 2 fails, and so does every request after it: the take-out cannot run.
      let w = -1;
      m.host.faults = (info) => {
        if (info.writes > 0) w += 1;
        return w >= 1 ? { kind: 'fail-before' } : undefined;
      };
      const r = await m.workbook.appendPrices(rows);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.message).toMatch(
          /Taking its rows out again failed too .*Importing the same rows again completes it without writing any twice\./,
        );
      m.host.faults = null;
      expect(tableRows(m)).toBeGreaterThan(5); // batch 1 is still in
      expect(await m.workbook.appendPrices(rows)).toMatchObject({ ok: true });
      const ids = await idsIn(m);
      expect(ids).toEqual([...idsBefore, ...rows.map((x) => x.recordId)]);
      expect(new Set(ids).size).toBe(ids.length);
    }, 60_000);

    it('a colleague typing into batch 2’s cells: put back, batch 1 taken out, the cell named', async () => {
      const m = await withHistory();
      const idsBefore = await idsIn(m);
      const rows = many();
      const sizes = await writeSizes(rows);
      expect(sizes.length).toBeGreaterThanOrEqual(2);
      let w = -1;
      let typed = '';
      let at = { row: 0, col: 2 };
      const before = fullDigest(m);
      m.host.onRequest = (info) => {
        if (info.writes === 0) return;
        w += 1;
        if (w !== 1) return;
        // Between the add-in's read and batch 2: a cell of the last row batch 2 writes.
        const t = m.model.table(PRICES)!;
        at = { row: t.row + 1 + 5 + rows.length - 1, col: 2 };
        typed = `${PRICES}!C${at.row + 1}`;
        m.user.typeCell(PRICES, `C${at.row + 1}`, 'mine');
      };
      const r = await m.workbook.appendPrices(rows);
      m.host.onRequest = null;
      expect(r).toMatchObject({ ok: false, reason: 'blocked-below' });
      if (!r.ok) {
        expect(r.message).toMatch(
          new RegExp(
            `^Import stopped: the cells below DeskPrices are not empty: ${typed} holds 'mine'; it was typed after the add-in read the sheet`,
          ),
        );
        expect(r.message).toMatch(/nothing of this import is in DeskPrices\.$/);
      }
      const sheet = m.model.sheet(PRICES)!;
      expect(m.model.valueOf(sheet, at.row, at.col)).toBe('mine');
      const after = fullDigest(m);
      for (const [k, v] of before) expect([k, after.get(k)]).toEqual([k, v]);
      expect([...after.keys()].filter((k) => !before.has(k))).toEqual([
        `${PRICES}!${at.row},${at.col}`,
      ]);
      expect(await idsIn(m)).toEqual(idsBefore);
    }, 60_000);

    it('never clears a review table or a row of another import', async () => {
      const m = await withHistory();
      const reviews = reviewRows(m.newId);
      expect((await m.workbook.appendReview(reviews)).ok).toBe(true);
      const other = priceRows(m.newId, 3);
      expect((await m.workbook.appendPrices(other)).ok).toBe(true);
      const before = cellDigest(m.model);
      const idsBefore = await idsIn(m);
      const rows = many();
      failWrite(m, 1, { kind: 'fail-after' });
      const r = await m.workbook.appendPrices(rows);
      expect(r.ok).toBe(false);
      m.host.faults = null;
      expect(cellDigest(m.model)).toEqual(before);
      expect(await idsIn(m)).toEqual(idsBefore);
      expect(columnList('prices').length).toBe(m.model.table(PRICES)!.cols);
    }, 60_000);
  });
});
