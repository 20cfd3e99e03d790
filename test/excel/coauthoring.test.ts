/**
 * Co-authoring cannot lose a review (issue 8, item 6), case by case: each loss the co-authoring
 * model reproduces (test/excel/twin-coauthoring.test.ts) is noticed by the pane's receipts on a
 * later read and repaired by appending the review again; a colleague's correction is reported,
 * never overwritten. Model: learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins
 * (changes merge once synced; concurrent edits of one cell: the last stays).
 */
import { TABLES } from '../../src/core/record/schema';
import { createCoauthoring, type Coauthoring } from '../../src/excel/memory';
import { WORKBOOK_ID_NAME } from '../../src/excel/office-workbook';
import type { ReviewRows } from '../../src/excel/workbook';
import { HOLD_MS } from '../../src/taskpane/outbox';
import {
  auditWorkbook,
  paneOver,
  writtenRows,
  type ColleagueCell,
  type Pane,
} from './coauthoring-panes';
import { idMaker, reviewRows } from './helpers';

const A = 0;
const B = 1;
const SNAPSHOTS = TABLES.snapshots.name;

/** A clock the tests move past the outbox's hold time. */
function clock() {
  let t = Date.parse('2026-02-06T10:00:00Z');
  return { now: () => new Date(t), pass: (ms = HOLD_MS) => void (t += ms) };
}

async function twoPanes(): Promise<{
  co: Coauthoring;
  a: Pane;
  b: Pane;
  time: ReturnType<typeof clock>;
}> {
  const co = createCoauthoring({ replicas: 2, seed: 3 });
  expect((await co.replicas[A]!.workbook.ensureTables()).ok).toBe(true);
  co.merge();
  const time = clock();
  const a = paneOver(co.replicas[A]!, undefined, time.now);
  const b = paneOver(co.replicas[B]!, undefined, time.now);
  await a.check(); // pane open: each learns the workbook id
  await b.check();
  return { co, a, b, time };
}

const ids = (rows: ReviewRows) =>
  [...rows.snapshots, ...rows.exposures, ...rows.triggers].map((r) => String(r.recordId));

async function recordedIds(co: Coauthoring, replica: number): Promise<string[]> {
  const out: string[] = [];
  for (const key of ['snapshots', 'exposures', 'triggers'] as const) {
    const r = await co.replicas[replica]!.workbook.read(key);
    if (!r.ok) throw new Error(r.message);
    out.push(...r.records.map((x) => String(x.values.recordId)));
  }
  return out;
}

describe('receipts repair what a merge took', () => {
  it('two panes append below the same table: the loser’s review is re-added on its next read', async () => {
    const { co, a, b, time } = await twoPanes();
    const mine = reviewRows(idMaker(1));
    const theirs = reviewRows(idMaker(2));
    expect((await a.record(mine)).outcome.ok).toBe(true);
    expect((await b.record(theirs)).outcome.ok).toBe(true);
    co.merge(); // B wrote the same cells later: A's rows are gone everywhere
    expect(await recordedIds(co, A)).not.toContain(ids(mine)[0]);
    const report = await a.check();
    expect(report).toMatchObject({ checked: true, reappended: 1, rowsReappended: 3 });
    expect(a.outbox.summary()).toMatchObject({ pending: 1, reAdded: 1 });
    co.merge();
    time.pass();
    expect(await a.check()).toMatchObject({ confirmed: 1 });
    expect(await b.check()).toMatchObject({ confirmed: 1 });
    expect([a.outbox.summary().pending, b.outbox.summary().pending]).toEqual([0, 0]);
    co.settle();
    expect(auditWorkbook(co, writtenRows([mine, theirs]), [])).toEqual([]);
  });

  it('a merge between a pane’s read and its write: the rows it wrote over come back', async () => {
    const { co, a, b, time } = await twoPanes();
    const theirs = reviewRows(idMaker(2));
    expect((await b.record(theirs)).outcome.ok).toBe(true);
    co.onSync = (r, info) => {
      if (r.index === A && info.writes > 0) {
        co.onSync = null;
        co.deliver(B, A); // B's rows reach A after A read where the table ends
      }
    };
    const mine = reviewRows(idMaker(1), { triggers: 2 });
    expect((await a.record(mine)).outcome.ok).toBe(true);
    co.merge();
    expect(await b.check()).toMatchObject({ reappended: 1 });
    co.merge();
    time.pass();
    await a.check();
    await b.check();
    co.settle();
    expect(auditWorkbook(co, writtenRows([mine, theirs]), [])).toEqual([]);
  });

  it('rows left just below the table by a lost resize are adopted by the pane that wrote them', async () => {
    const { co, a, b, time } = await twoPanes();
    // A writes three triggers and resizes; B, from an older read, writes one and resizes later:
    // the table shrinks back, A's second and third trigger rows now sit below it.
    const mine = reviewRows(idMaker(1), { triggers: 3 });
    const theirs = reviewRows(idMaker(2), { triggers: 1 });
    expect((await a.record(mine)).outcome.ok).toBe(true);
    expect((await b.record(theirs)).outcome.ok).toBe(true);
    co.merge();
    const t = co.replicas[A]!.model.table(TABLES.triggers.name)!;
    expect(t.rows).toBe(2);
    expect(co.replicas[A]!.model.valueOf(t.sheet, 2, 0)).toBe(String(mine.triggers[1]!.recordId));
    // B's pane cannot write below: those cells are not its own.
    expect((await b.record(reviewRows(idMaker(3)), 1)).outcome).toMatchObject({
      ok: false,
      reason: 'blocked-below',
    });
    const report = await a.check();
    expect(report).toMatchObject({ rowsAdopted: 2, reappended: 1 });
    co.merge();
    time.pass();
    await a.check();
    await b.check();
    co.settle();
    // Header, A's three triggers (two adopted where they were, one added again), B's one.
    expect(co.replicas[A]!.model.table(TABLES.triggers.name)!.rows).toBe(5);
    expect(auditWorkbook(co, writtenRows([mine, theirs]), [])).toEqual([]);
  });

  it('a row a colleague corrected is reported, not overwritten, and leaves when dismissed', async () => {
    const { co, a, time } = await twoPanes();
    const mine = reviewRows(idMaker(1));
    expect((await a.record(mine)).outcome.ok).toBe(true);
    co.merge();
    co.replicas[B]!.user.typeInTable(SNAPSHOTS, 1, 'Price low', 748000);
    co.merge();
    time.pass();
    expect(await a.check()).toMatchObject({ differing: 1, reappended: 0 });
    const [differs] = a.outbox.summary().differing;
    expect(differs?.rows).toEqual([
      expect.objectContaining({
        table: 'snapshots',
        sheetRow: 2,
        fields: [{ header: 'Price low', written: '747000', found: '748000' }],
      }),
    ]);
    expect(a.outbox.summary().pending).toBe(0);
    co.settle();
    const m = co.replicas[A]!.model;
    const t = m.table(SNAPSHOTS)!;
    const priceLow = m.headers(t).indexOf('Price low');
    expect(m.valueOf(t.sheet, 2 - 1, t.col + priceLow)).toBe(748000); // the colleague's value stays
    a.outbox.dismiss(differs!.reviewId);
    expect(a.outbox.summary().differing).toEqual([]);
  });

  it('a receipt is held until a read two minutes after the write: a late merge is still caught', async () => {
    const { co, a, b, time } = await twoPanes();
    const mine = reviewRows(idMaker(1));
    const theirs = reviewRows(idMaker(2));
    expect((await a.record(mine)).outcome.ok).toBe(true);
    expect((await b.record(theirs)).outcome.ok).toBe(true);
    // A reads before B's write has reached it: its rows are there, the receipt stays.
    expect(await a.check()).toMatchObject({ checked: true, confirmed: 0, reappended: 0 });
    expect(a.outbox.summary().pending).toBe(1);
    co.merge(); // now B's later write arrives and takes the cells
    time.pass();
    expect(await a.check()).toMatchObject({ reappended: 1 });
  });

  it('two panes creating the tables at once: the losing id’s receipts follow the workbook’s id', async () => {
    const co = createCoauthoring({ replicas: 2, seed: 4 });
    const time = clock();
    const a = paneOver(co.replicas[A]!, undefined, time.now);
    const b = paneOver(co.replicas[B]!, undefined, time.now);
    const [ra, rb] = [reviewRows(idMaker(1)), reviewRows(idMaker(2))];
    await Promise.all([a.check(), b.check()]); // a fresh workbook: no id yet
    expect((await a.record(ra)).outcome.ok).toBe(true); // creates the tables and an id on A
    expect((await b.record(rb)).outcome.ok).toBe(true); // and on B, another
    await Promise.all([a.check(), b.check()]);
    co.settle();
    const id = co.replicas[A]!.model.nameItem(WORKBOOK_ID_NAME)?.formula;
    expect(co.replicas[B]!.model.nameItem(WORKBOOK_ID_NAME)?.formula).toBe(id);
    time.pass();
    for (
      let round = 0;
      round < 4 && a.outbox.summary().pending + b.outbox.summary().pending > 0;
      round += 1
    ) {
      await a.check();
      co.merge();
      await b.check();
      co.merge();
      time.pass();
    }
    expect([a.outbox.summary().pending, b.outbox.summary().pending]).toEqual([0, 0]);
    expect(await recordedIds(co, A)).toEqual(expect.arrayContaining(ids(ra)));
  });
});

/**
 * Adapter cases the simulation exposed whose fix belongs to append.ts / probe.ts (issue 8 items
 * 1 and 4, another helper's files). They stay here, skipped, to be enabled with that fix.
 */
describe.skip('needs append.ts/probe.ts (issue 8 items 1 and 4): not fixable by receipts', () => {
  it('a colleague typing just below the table between the pane’s read and its write keeps the cell', async () => {
    const { co, a, time } = await twoPanes();
    const colleague: ColleagueCell = { sheet: SNAPSHOTS, row: 1, col: 1, value: 'call broker' };
    co.onSync = (r, info) => {
      if (r.index !== A || info.writes === 0) return;
      co.onSync = null;
      co.replicas[B]!.user.typeCell(SNAPSHOTS, 'B2', 'call broker');
      co.deliver(B, A);
    };
    const mine = reviewRows(idMaker(1));
    await a.record(mine);
    co.merge();
    time.pass();
    await a.check();
    co.settle();
    // Today the pane's write is later and wins the cell: the colleague's text is gone.
    expect(auditWorkbook(co, writtenRows([mine]), [colleague])).toEqual([]);
  });

  it('two panes creating the tables at once: both reviews end up in the one set of desk tables', async () => {
    const co = createCoauthoring({ replicas: 2, seed: 4 });
    const [ra, rb] = [reviewRows(idMaker(1)), reviewRows(idMaker(2))];
    const a = paneOver(co.replicas[A]!);
    const b = paneOver(co.replicas[B]!);
    expect((await a.record(ra)).outcome.ok).toBe(true);
    expect((await b.record(rb)).outcome.ok).toBe(true);
    co.settle();
    // Today B's review sits in DeskSnapshots_2 on sheet 'DeskSnapshots (2)', B's own creation.
    expect(await recordedIds(co, A)).toEqual(expect.arrayContaining([...ids(ra), ...ids(rb)]));
    expect(co.replicas[A]!.model.tables).toHaveLength(3);
  });

  it('desk rows stranded below a table whose pane never returns do not block every other pane', async () => {
    const { co, a, b } = await twoPanes();
    const mine = reviewRows(idMaker(1), { triggers: 3 });
    expect((await a.record(mine)).outcome.ok).toBe(true);
    expect((await b.record(reviewRows(idMaker(2), { triggers: 1 }))).outcome.ok).toBe(true);
    co.merge(); // A's second and third trigger rows are below DeskTriggers; A's pane is closed
    // Today B is refused ('blocked-below') until A's pane reads again and adopts them.
    expect((await b.record(reviewRows(idMaker(3)), 1)).outcome.ok).toBe(true);
  });
});
