/**
 * Co-authoring cannot lose a review (issue 8, item 6), case by case: each loss the co-authoring
 * model reproduces (test/excel/twin-coauthoring.test.ts) is noticed by the pane's receipts on a
 * later read and repaired by appending the review again; a colleague's correction is reported,
 * never overwritten. Model: learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins
 * (changes merge once synced; concurrent edits of one cell: the last stays).
 */
import { TABLES } from '../../src/core';
import { createCoauthoring, type Coauthoring } from '../../src/excel/memory';
import { VERSION_NAME, WORKBOOK_ID_NAME } from '../../src/excel/office';
import type { ReviewRecords } from '../../src/excel/workbook';
import { HOLD_MS, MISSING_MS } from '../../src/taskpane/outbox';
import {
  auditWorkbook,
  deleteTableRow,
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

/** The review `lostResize` records first, so the tables hold a row (per Coauthoring). */
const firsts = new WeakMap<Coauthoring, ReviewRecords>();
const first = (co: Coauthoring): ReviewRecords => firsts.get(co) as ReviewRecords;

/**
 * A resize lost in a merge: with a review in the tables, A writes three triggers and resizes; B,
 * from the same read, writes one and resizes later — the table shrinks back under A's second and
 * third trigger, which now sit just below it (A's first was overwritten by B's).
 */
async function lostResize(
  co: Coauthoring,
  a: Pane,
  b: Pane,
): Promise<{ mine: ReviewRecords; theirs: ReviewRecords }> {
  const earlier = reviewRows(idMaker(9));
  firsts.set(co, earlier);
  expect((await a.record(earlier)).outcome.ok).toBe(true);
  co.merge();
  const mine = reviewRows(idMaker(1), { triggers: 3 });
  const theirs = reviewRows(idMaker(2), { triggers: 1 });
  expect((await a.record(mine)).outcome.ok).toBe(true);
  expect((await b.record(theirs)).outcome.ok).toBe(true);
  co.merge();
  const m = co.replicas[A]!.model;
  const t = m.table(TABLES.triggers.name)!;
  expect(t.rows).toBe(3); // header, the first review, B's trigger
  expect(m.valueOf(t.sheet, 3, 0)).toBe(String(mine.triggers[1]!.recordId));
  expect(m.valueOf(t.sheet, 4, 0)).toBe(String(mine.triggers[2]!.recordId));
  return { mine, theirs };
}

const ids = (rows: ReviewRecords) =>
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
    // The first read that misses the rows waits (a pane putting back cells it wrote over may
    // have that change on its way); a read MISSING_MS later that still misses them re-adds them.
    expect(await a.check()).toMatchObject({ checked: true, reappended: 0 });
    time.pass(MISSING_MS);
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

  it('a merge between a pane’s read and its write: the write puts back what it would have covered', async () => {
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
    // The write request reads its cells again first (office/guard.ts): B's rows are there, so it
    // puts them back and refuses; the pane's retry, on the same Record IDs, lands below them.
    expect(await a.record(mine)).toMatchObject({ outcome: { ok: true }, tries: 2 });
    co.merge();
    expect(await b.check()).toMatchObject({ reappended: 0 }); // B lost nothing
    co.merge();
    time.pass();
    await a.check();
    await b.check();
    co.settle();
    expect(auditWorkbook(co, writtenRows([mine, theirs]), [])).toEqual([]);
  });

  it('rows left just below the table by a lost resize are adopted by the pane that wrote them', async () => {
    const { co, a, b, time } = await twoPanes();
    const { mine, theirs } = await lostResize(co, a, b);
    expect(await a.check()).toMatchObject({ reappended: 0 }); // missed once: waits
    time.pass(MISSING_MS);
    const report = await a.check();
    expect(report).toMatchObject({ rowsAdopted: 2, reappended: 1 });
    co.merge();
    time.pass();
    await a.check();
    await b.check();
    co.settle();
    // Header, the first review, B's trigger, A's three (two adopted where they were, one again).
    expect(co.replicas[A]!.model.table(TABLES.triggers.name)!.rows).toBe(6);
    expect(auditWorkbook(co, writtenRows([first(co), mine, theirs]), [])).toEqual([]);
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
    expect(await a.check()).toMatchObject({ confirmed: 0, reappended: 0 }); // missed: waits
    time.pass(MISSING_MS);
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
 * Cases the simulation exposed that receipts alone could not settle; the adapter now does
 * (office/guard.ts, office/duplicates.ts, office/stranded.ts).
 */
describe('what the adapter settles itself', () => {
  it('a colleague typing just below the table between the pane’s read and its write keeps the cell', async () => {
    const { co, a, time } = await twoPanes();
    const earlier = reviewRows(idMaker(9));
    expect((await a.record(earlier)).outcome.ok).toBe(true);
    co.merge();
    // Just below the table (sheet row 3), typed on B and arriving on A after A read the sheet.
    const colleague: ColleagueCell = { sheet: SNAPSHOTS, row: 2, col: 1, value: 'call broker' };
    co.onSync = (r, info) => {
      if (r.index !== A || info.writes === 0) return;
      co.onSync = null;
      co.replicas[B]!.user.typeCell(SNAPSHOTS, 'B3', 'call broker');
      co.deliver(B, A);
    };
    const mine = reviewRows(idMaker(1));
    const refused = await a.record(mine, 1);
    expect(refused.outcome).toMatchObject({
      ok: false,
      reason: 'blocked-below',
      message: expect.stringContaining("DeskSnapshots!B3 holds 'call broker'"),
    });
    co.settle();
    expect(auditWorkbook(co, writtenRows([earlier]), [colleague])).toEqual([]);
    // The colleague moves the note; the pane's next submit, same Record IDs, records the review.
    const moved: ColleagueCell = { sheet: 'Sheet1', row: 0, col: 0, value: 'call broker' };
    co.replicas[B]!.user.typeCell(SNAPSHOTS, 'B3', '');
    co.replicas[B]!.user.typeCell('Sheet1', 'A1', 'call broker');
    co.merge();
    expect((await a.record(mine)).outcome.ok).toBe(true);
    co.merge();
    time.pass();
    expect(await a.check()).toMatchObject({ confirmed: 2, reappended: 0 }); // both reviews
    co.settle();
    expect(auditWorkbook(co, writtenRows([earlier, mine]), [moved])).toEqual([]);
  });

  it('two panes creating the tables at once: both reviews end up in the one set of desk tables', async () => {
    const co = createCoauthoring({ replicas: 2, seed: 4 });
    const time = clock();
    const [ra, rb] = [reviewRows(idMaker(1)), reviewRows(idMaker(2))];
    const a = paneOver(co.replicas[A]!, undefined, time.now);
    const b = paneOver(co.replicas[B]!, undefined, time.now);
    expect((await a.record(ra)).outcome.ok).toBe(true);
    expect((await b.record(rb)).outcome.ok).toBe(true);
    co.settle();
    expect(co.replicas[A]!.model.tables).toHaveLength(8); // two sets of four, as co-authoring kept both
    // The next read of the pane whose tables lost the names merges them (ensureTables).
    for (let round = 0; round < 4; round += 1) {
      await a.check();
      co.merge();
      await b.check();
      co.merge();
      time.pass();
    }
    co.settle();
    expect([a.outbox.summary().pending, b.outbox.summary().pending]).toEqual([0, 0]);
    expect(await recordedIds(co, A)).toEqual(expect.arrayContaining([...ids(ra), ...ids(rb)]));
    const m = co.replicas[A]!.model;
    expect(m.tables.map((t) => t.name).sort()).toEqual(
      [
        TABLES.exposures.name,
        TABLES.snapshots.name,
        TABLES.triggers.name,
        TABLES.prices.name,
      ].sort(),
    );
    expect(m.sheets).toHaveLength(5); // Sheet1 and the four desk sheets: no stray sheet
    expect([...m.names.values()].map((n) => n.name).sort()).toEqual(
      [VERSION_NAME, WORKBOOK_ID_NAME].sort(),
    );
    expect(auditWorkbook(co, writtenRows([ra, rb]), [])).toEqual([]);
  });

  it('desk rows stranded below a table whose pane never returns do not block every other pane', async () => {
    const { co, a, b } = await twoPanes();
    const { mine } = await lostResize(co, a, b); // A's pane closes: it never checks again
    const next = reviewRows(idMaker(3));
    const { outcome } = await b.record(next, 1);
    expect(outcome).toMatchObject({
      ok: true,
      adopted: [
        { table: 'triggers', recordIds: ids({ ...mine, snapshots: [], exposures: [] }).slice(1) },
      ],
    });
    expect(outcome.ok && outcome.message).toMatch(
      /DeskTriggers took in 2 desk rows left just below it/,
    );
    co.settle();
    const m = co.replicas[A]!.model;
    const t = m.table(TABLES.triggers.name)!;
    expect(t.rows).toBe(1 + 5); // header, first, B's, A's two (as they were), the next review
    expect(m.valueOf(t.sheet, 3, 0)).toBe(String(mine.triggers[1]!.recordId));
    expect(m.valueOf(t.sheet, 5, 0)).toBe(String(next.triggers[0]!.recordId));
  });

  it('two panes merging the same second table at once: the row twice inside the table is named with both sheet rows', async () => {
    const C = 2;
    const co = createCoauthoring({ replicas: 3, seed: 4 });
    const time = clock();
    const [ra, rb, rc, rd] = [1, 2, 3, 4].map((n) => reviewRows(idMaker(n))) as ReviewRecords[];
    const [a, b, c] = [A, B, C].map((i) => paneOver(co.replicas[i]!, undefined, time.now));
    // Three panes create the desk tables at once: A's set keeps the desk's names, B's and C's
    // become second sets, and B's and C's panes each merge both into the desk's tables.
    expect((await a!.record(ra!)).outcome.ok).toBe(true);
    expect((await b!.record(rb!)).outcome.ok).toBe(true);
    expect((await c!.record(rc!)).outcome.ok).toBe(true);
    co.merge();
    // B records one more review that has not reached C when both merge the second sets: C puts
    // their rows right below ra's, B below rd's; B's resize, the later, covers both.
    expect((await b!.record(rd!)).outcome.ok).toBe(true);
    expect((await c!.checkTidying()).tidied?.ok).toBe(true);
    expect((await b!.checkTidying()).tidied?.ok).toBe(true);
    co.settle();
    const m = co.replicas[A]!.model;
    const t = m.table(SNAPSHOTS)!;
    const id = String(m.valueOf(t.sheet, 2, 0));
    expect(id).toBe(String(m.valueOf(t.sheet, 3, 0))); // sheet rows 3 and 4: one Record ID twice
    expect([rb, rc].map((r) => String(r!.snapshots[0]!.recordId))).toContain(id);

    // Health names it, with both sheet rows, as an identical second copy.
    const { health } = await a!.checkTidying();
    expect(health.messages).toContain(
      `${SNAPSHOTS} holds Record ID ${id} twice, at sheet rows 3 and 4, every cell the same: a second copy (two panes added the same row at once). Delete the lower one (sheet row 4) with Delete › Table Rows; the review stays recorded once.`,
    );
    // The user deletes each lower copy it names (Delete › Table Rows); receipts re-add rd.
    for (const message of health.messages) {
      const named =
        /^(\S+) holds Record ID \S+ twice, at sheet rows \d+ and (\d+), every cell the same/.exec(
          message,
        );
      if (named) deleteTableRow(m, m.table(named[1]!)!, Number(named[2]) - 1);
    }
    co.merge();
    for (let round = 0; round < 4; round += 1) {
      time.pass();
      for (const p of [a, b, c]) {
        await p!.check();
        co.merge();
      }
    }
    expect([a, b, c].map((p) => p!.outbox.summary().pending)).toEqual([0, 0, 0]);
    const after = (await a!.checkTidying()).health.messages;
    expect(after.filter((x) => /holds Record ID/.test(x))).toEqual([]);
    expect(auditWorkbook(co, writtenRows([ra!, rb!, rc!, rd!]), [])).toEqual([]);
  });
});
