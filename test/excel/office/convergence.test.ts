/**
 * Part-way failures converge (issue 8, item 1): Excel can fail a request after applying part of
 * it — its operations run in order and the first that fails stops the rest, earlier ones staying
 * applied (OfficeExtension's request is not a transaction: runtime ClientRequestContext.syncPrivate;
 * docs/TWIN.md). For every write path, the request is stopped after each k of its operations in
 * turn; the retry must leave exactly one set of desk tables, no stray sheet, table, name or cell,
 * and every colleague's cell as it was. Random sequences of several failures follow, seeded.
 */
import { columnList, TABLE_KEYS, TABLES, type SampleRecords } from '../../../src/core';
import { buildSampleData } from '../../../src/core/sample';
import { NUMBER_FORMATS } from '../../../src/core/record/schema';
import {
  cellDigest,
  createMemoryDeskWorkbook,
  type MemoryDeskWorkbook,
  type SyncInfo,
} from '../../../src/excel/memory';
import {
  createOfficeDeskWorkbook,
  VERSION_NAME,
  WORKBOOK_ID_NAME,
} from '../../../src/excel/office';
import type { WriteOutcome } from '../../../src/excel/workbook';
import { OrphanLedger, orphans, type Colleague } from '../audit';
import { idMaker, prng, reviewRows } from '../helpers';

const SEED = Number(process.env.DESK_SEED ?? Date.now() % 2 ** 31);
const COLLEAGUE: Colleague = { sheets: ['Sheet1'], cells: ['Sheet1!A1', 'Sheet1!C9'] };

function fresh(): MemoryDeskWorkbook {
  const m = createMemoryDeskWorkbook();
  m.user.typeCell('Sheet1', 'A1', 'desk notes');
  m.user.typeCell('Sheet1', 'C9', '=1+1');
  return m;
}

async function withRows(): Promise<MemoryDeskWorkbook> {
  const m = fresh();
  expect((await m.workbook.ensureTables()).ok).toBe(true);
  const newId = idMaker(3);
  expect((await m.workbook.appendReview(reviewRows(newId, { triggers: 2 }))).ok).toBe(true);
  expect((await m.workbook.appendReview(reviewRows(newId))).ok).toBe(true);
  return m;
}

/** The desk tables are whole: each once, schema headers, the version and the workbook id. */
async function expectOneDeskSet(m: MemoryDeskWorkbook): Promise<void> {
  const tables = m.view().sheets.flatMap((s) => s.tables);
  for (const key of TABLE_KEYS) {
    const t = tables.filter((x) => x.name === TABLES[key].name);
    expect(t).toHaveLength(1);
    // Repaired or migrated columns sit at the right: the set of headers is the schema's.
    expect([...t[0]!.headers].sort()).toEqual(
      columnList(key)
        .map((c) => c.header)
        .sort(),
    );
  }
  expect(tables).toHaveLength(4); // DeskPrices too (issue 10)
  expect(m.view().names.map((n) => n.name)).toEqual(
    expect.arrayContaining([VERSION_NAME, WORKBOOK_ID_NAME]),
  );
  const h = await m.workbook.health();
  expect(h).toMatchObject({ writable: true, schema: { kind: 'current', version: 3 } });
  for (const key of TABLE_KEYS) expect(h.tables[key].kind).toBe('ok');
}

/** The write requests of one operation: how many operations each has. */
async function writeRequests(
  setup: () => Promise<MemoryDeskWorkbook>,
  act: (m: MemoryDeskWorkbook) => Promise<WriteOutcome>,
): Promise<number[]> {
  const m = await setup();
  const sizes: number[] = [];
  m.host.faults = (info) => {
    if (info.writes > 0) sizes.push(info.ops.length);
    return undefined;
  };
  const r = await act(m);
  if (!r.ok) throw new Error(r.message);
  return sizes;
}

const totals = { runs: 0, found: 0, adopted: 0, removed: 0 };
const byKind: Record<string, number> = {};

/**
 * For the `which`-th write request of `act`, and each k: stop it after k operations, retry
 * without faults, and check the workbook converged.
 */
async function everyPrefix(
  setup: () => Promise<MemoryDeskWorkbook>,
  act: (m: MemoryDeskWorkbook) => Promise<WriteOutcome>,
  check: (m: MemoryDeskWorkbook) => Promise<void>,
): Promise<{ ops: number; adopted: number; removed: number }> {
  const sizes = await writeRequests(setup, act);
  let adopted = 0;
  let removed = 0;
  let ops = 0;
  for (const [which, size] of sizes.entries()) {
    for (let k = 0; k < size; k += 1) {
      ops += 1;
      const m = await setup();
      const before = cellDigest(m.model);
      let w = -1;
      m.host.faults = (info: SyncInfo) => {
        if (info.writes === 0) return undefined;
        w += 1;
        return w === which ? { kind: 'fail-partway', after: k } : undefined;
      };
      const failed = await act(m);
      m.host.faults = null;
      const ledger = new OrphanLedger();
      ledger.record(m, COLLEAGUE);
      const retried = await act(m);
      if (!retried.ok) throw new Error(`k=${k} of write ${which}: ${retried.message}`);
      expect([k, failed.ok]).toEqual([k, false]);
      const settled = ledger.settle(m, COLLEAGUE);
      expect([k, settled.left]).toEqual([k, []]);
      adopted += settled.adopted;
      removed += settled.removed;
      totals.found += ledger.found.size;
      for (const [kind, n] of Object.entries(ledger.byKind()))
        byKind[kind] = (byKind[kind] ?? 0) + n;
      // No colleague cell changed (their cells: Sheet1).
      const after = cellDigest(m.model);
      for (const [cell, v] of before)
        if (cell.startsWith('Sheet1!')) expect([cell, after.get(cell)]).toEqual([cell, v]);
      await check(m);
    }
  }
  totals.runs += ops;
  totals.adopted += adopted;
  totals.removed += removed;
  return { ops, adopted, removed };
}

afterAll(() => {
  console.log(
    `convergence: ${totals.runs} part-way failures, ${totals.found} orphans found (${JSON.stringify(byKind)}), ${totals.adopted} adopted, ${totals.removed} removed, 0 left (seed ${SEED})`,
  );
});

describe('creating the desk tables converges after a part-way failure', () => {
  it('for every prefix of the creation request, in a fresh workbook', async () => {
    const r = await everyPrefix(
      async () => fresh(),
      (m) => m.workbook.ensureTables(),
      expectOneDeskSet,
    );
    expect(r.ops).toBeGreaterThan(60);
    expect(r.adopted).toBeGreaterThan(0);
  }, 60_000);

  it('for every prefix, taking over an empty sheet of a desk name', async () => {
    const setup = async () => {
      const m = fresh();
      m.user.addSheet('DeskTriggers');
      return m;
    };
    await everyPrefix(
      setup,
      (m) => m.workbook.ensureTables(),
      async (m) => {
        await expectOneDeskSet(m);
        expect(m.view().sheets.map((s) => s.name)).toEqual([
          'Sheet1',
          'DeskTriggers',
          'DeskSnapshots',
          'DeskExposures',
          'DeskPrices',
        ]);
      },
    );
  }, 60_000);

  it(`after random sequences of failures at random points (seed ${SEED})`, async () => {
    const rand = prng(SEED);
    for (let run = 0; run < 40; run += 1) {
      const m = fresh();
      const ledger = new OrphanLedger();
      const failures = 1 + Math.floor(rand() * 4);
      let left = failures;
      m.host.faults = (info) => {
        if (left === 0) return undefined;
        const x = rand();
        if (info.writes === 0 && x > 0.2) return undefined;
        left -= 1;
        if (x < 0.1) return { kind: 'fail-before' };
        if (x < 0.2) return { kind: 'timeout-after' };
        if (x < 0.3) return { kind: 'fail-after' };
        return { kind: 'fail-partway', after: Math.floor(rand() * info.ops.length) };
      };
      let ok = false;
      for (let attempt = 0; attempt < 10 && !ok; attempt += 1) {
        ok = (await m.workbook.ensureTables()).ok;
        ledger.record(m, COLLEAGUE);
      }
      expect(ok).toBe(true);
      m.host.faults = null;
      expect(ledger.settle(m, COLLEAGUE).left).toEqual([]);
      await expectOneDeskSet(m);
    }
  }, 60_000);
});

describe('repair, migration and sample insert converge after a part-way failure', () => {
  it('repair: for every prefix, the missing columns come back once, formulas filled', async () => {
    const setup = async () => {
      const m = await withRows();
      m.user.deleteColumn('DeskTriggers', 'Owner');
      m.user.deleteColumn('DeskTriggers', 'Status now');
      m.user.deleteColumn('DeskSnapshots', 'Storage note');
      return m;
    };
    await everyPrefix(
      setup,
      (m) => m.workbook.repair(),
      async (m) => {
        await expectOneDeskSet(m);
        const triggers = m
          .view()
          .sheets.flatMap((s) => s.tables)
          .find((t) => t.name === 'DeskTriggers')!;
        // Every Status now cell holds the formula again, however the repair was interrupted.
        expect(triggers.rows.map((row) => row.at(-1)!.formula)).toEqual(
          triggers.rows.map(() => columnList('triggers').at(-1)!.formula),
        );
      },
    );
  }, 60_000);

  it('migration from version 1: for every prefix, Price unit once and version 3', async () => {
    const setup = async () => {
      const m = await withRows();
      m.user.deleteColumn('DeskExposures', 'Price unit');
      m.user.setName(VERSION_NAME, '=1');
      return m;
    };
    await everyPrefix(setup, (m) => m.workbook.ensureTables(), expectOneDeskSet);
  }, 60_000);

  it('sample insert: for every prefix of either request, every sample once and nothing else', async () => {
    let ids = 0;
    // The pane builds the samples with new ids on every click (src/taskpane/env.ts).
    const samples = (): SampleRecords => {
      const b = buildSampleData({ recordedBy: 'Sample data', newId: idMaker(50 + (ids += 1)) });
      if (!b.ok) throw new Error(b.message);
      return b;
    };
    const counts = samples().reviews.map((r) => r.triggers.length);
    const priceCount = samples().prices.length;
    // A retry after an insert that landed whole (only its read-back was cut off) says so.
    const insert = async (m: MemoryDeskWorkbook): Promise<WriteOutcome> => {
      const r = await m.workbook.insertSampleData(samples());
      return !r.ok && /already in this workbook/.test(r.message)
        ? { ok: true, landed: [], message: r.message }
        : r;
    };
    await everyPrefix(
      async () => fresh(),
      insert,
      async (m) => {
        await expectOneDeskSet(m);
        const snaps = await m.workbook.read('snapshots');
        const triggers = await m.workbook.read('triggers');
        if (!snaps.ok || !triggers.ok) throw new Error('unreadable');
        expect(snaps.records).toHaveLength(counts.length);
        expect(triggers.records).toHaveLength(counts.reduce((a, b) => a + b, 0));
        expect(triggers.problems).toEqual([]);
        // The sample's prices are in with the reviews (the same write: all or none), each once.
        const prices = await m.workbook.read('prices');
        if (!prices.ok) throw new Error('unreadable');
        expect(prices.records).toHaveLength(priceCount);
        expect(new Set(prices.records.map((r) => r.values.importId)).size).toBe(1);
        // Each trigger still belongs to a snapshot of the same review.
        const reviews = new Set(snaps.records.map((r) => r.values.reviewId));
        for (const t of triggers.records) expect(reviews.has(t.values.reviewId)).toBe(true);
      },
    );
  }, 120_000);

  it('sample insert refuses next to a desk’s own rows, and a second time, saying the samples are there', async () => {
    const m = await withRows();
    const b = buildSampleData({ recordedBy: 'Sample data', newId: idMaker(80) });
    if (!b.ok) throw new Error(b.message);
    expect(await m.workbook.insertSampleData(b)).toMatchObject({
      ok: false,
      reason: 'not-empty',
    });
    const empty = fresh();
    expect((await empty.workbook.insertSampleData(b)).ok).toBe(true);
    const again = buildSampleData({ recordedBy: 'Sample data', newId: idMaker(81) });
    if (!again.ok) throw new Error(again.message);
    const before = cellDigest(empty.model);
    expect(await empty.workbook.insertSampleData(again)).toEqual({
      ok: false,
      reason: 'not-empty',
      message: 'The sample data is already in this workbook, each row once; nothing was written.',
    });
    expect(cellDigest(empty.model)).toEqual(before);
    expect(orphans(empty, COLLEAGUE)).toEqual([]);
  });
});

describe('what creation leaves is recognised, never a colleague’s', () => {
  it('keeps the first body row’s formats when the table was finished by a retry', async () => {
    const m = fresh();
    m.host.faults = (info) =>
      info.writes > 0
        ? { kind: 'fail-partway', after: info.ops.findIndex((o) => o.kind === 'table.rename') }
        : undefined;
    expect((await m.workbook.ensureTables()).ok).toBe(false);
    m.host.faults = null;
    // The sheet is there with Table1 on it, its name not yet given: the retry renames it.
    expect(m.view().sheets.flatMap((s) => s.tables.map((t) => t.name))).toEqual(['Table1']);
    expect(await m.workbook.ensureTables()).toMatchObject({
      ok: true,
      message: expect.stringMatching(
        /^Created DeskSnapshots on sheet DeskSnapshots, finishing what an interrupted attempt left;/,
      ),
    });
    const row = m
      .view()
      .sheets.flatMap((s) => s.tables)
      .find((t) => t.name === 'DeskSnapshots')!.rows[0]!;
    columnList('snapshots').forEach((c, j) =>
      expect(row[j]!.numberFormat).toBe(NUMBER_FORMATS[c.kind]),
    );
    expect(orphans(m, COLLEAGUE)).toEqual([]);
  });

  it('follows a desk table a colleague renamed on its marked sheet, in a new session, creating nothing', async () => {
    const m = await withRows();
    m.user.renameTable('DeskExposures', 'Positions');
    // A pane opened later knows no table id: the mark on the sheet says whose table it is.
    const fresh2 = createOfficeDeskWorkbook(m.host.run);
    const before = cellDigest(m.model);
    const r = await fresh2.ensureTables();
    expect(r).toMatchObject({
      ok: true,
      message: expect.stringContaining(
        'DeskExposures was renamed to Positions; the add-in follows it by its table id',
      ),
    });
    expect(cellDigest(m.model)).toEqual(before);
    expect(m.view().sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      'DeskSnapshots',
      'DeskExposures',
      'DeskTriggers',
      'DeskPrices',
    ]);
    expect((await fresh2.appendReview(reviewRows(idMaker(9)))).ok).toBe(true);
  });
});
