/**
 * Two panes create the desk tables at once (co-authoring): both succeed in their own copy, and
 * the merge leaves two of each (the twin settles same-name creations as "Name (2)" sheets and
 * "Name_2" tables; how Excel settles them is not documented — docs/TWIN.md). The adapter writes
 * to the table under the desk's name, and the next ensureTables merges the other one into it:
 * an empty duplicate is removed; one holding rows the add-in wrote has them appended to the desk
 * table first (idempotent by Record ID) and is removed only when every row is there, the same.
 */
import { TABLES } from '../../../src/core';
import { createCoauthoring, type Coauthoring, type Replica } from '../../../src/excel/memory';
import { createMemoryDeskWorkbook } from '../../../src/excel/memory';
import { SHEET_MARK } from '../../../src/excel/office/marks';
import { orphans } from '../audit';
import { idMaker, reviewRows } from '../helpers';

const SEED = Number(process.env.DESK_SEED ?? Date.now() % 2 ** 31);
const SNAP = TABLES.snapshots.name;

async function createdAtOnce(): Promise<Coauthoring> {
  const co = createCoauthoring({ replicas: 2, seed: SEED });
  const made = await Promise.all(co.replicas.map((r) => r.workbook.ensureTables()));
  expect(made.map((r) => r.ok)).toEqual([true, true]);
  return co;
}

const tableNames = (co: Coauthoring) =>
  co
    .settle()
    .sheets.flatMap((s) => s.tables.map((t) => t.name))
    .sort();

async function ids(r: Replica, key: 'snapshots' | 'triggers'): Promise<string[]> {
  const read = await r.workbook.read(key);
  if (!read.ok) throw new Error(read.message);
  return read.records.map((x) => String(x.values.recordId));
}

describe('desk tables created by two panes at once converge to one set', () => {
  it('removes the empty duplicates on the next ensureTables', async () => {
    const co = await createdAtOnce();
    expect(tableNames(co)).toEqual([
      'DeskExposures',
      'DeskExposures_2',
      'DeskPrices',
      'DeskPrices_2',
      'DeskSnapshots',
      'DeskSnapshots_2',
      'DeskTriggers',
      'DeskTriggers_2',
    ]);
    const r = await co.replicas[1]!.workbook.ensureTables();
    expect(r).toMatchObject({
      ok: true,
      message: expect.stringContaining(`emoved the empty sheet ${SNAP} (2) (table ${SNAP}_2)`),
    });
    expect(tableNames(co)).toEqual([
      'DeskExposures',
      'DeskPrices',
      'DeskSnapshots',
      'DeskTriggers',
    ]);
    expect(co.replicas[0]!.view().sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      'DeskSnapshots',
      'DeskExposures',
      'DeskTriggers',
      'DeskPrices',
    ]);
    expect(co.tableProblems(0)).toEqual([]);
    expect(orphans(co.replicas[0]!, { sheets: ['Sheet1'], cells: [] })).toEqual([]);
  });

  it('a pane following its own (now duplicate) table writes to the desk’s one instead', async () => {
    const co = await createdAtOnce();
    co.settle();
    const rows = reviewRows(idMaker(4));
    const b = co.replicas[1]!;
    const r = await b.workbook.appendReview(rows);
    expect(r).toMatchObject({ ok: true });
    co.settle();
    expect(await ids(co.replicas[0]!, 'snapshots')).toEqual([String(rows.snapshots[0]!.recordId)]);
    const h = await b.workbook.health();
    expect(h.messages.join(' ')).not.toMatch(/_2/); // B now follows the desk's table by name
  });

  it('merges a duplicate holding rows into the desk table, loses none, then removes it', async () => {
    const co = await createdAtOnce();
    // Each pane records a review in its own copy before the copies merge.
    const rowsA = reviewRows(idMaker(1), { triggers: 2 });
    const rowsB = reviewRows(idMaker(2), { triggers: 3 });
    expect((await co.replicas[0]!.workbook.appendReview(rowsA)).ok).toBe(true);
    expect((await co.replicas[1]!.workbook.appendReview(rowsB)).ok).toBe(true);
    co.settle();
    const r = await co.replicas[0]!.workbook.ensureTables();
    expect(r).toMatchObject({
      ok: true,
      message: expect.stringContaining(
        `merged the second table ${TABLES.triggers.name}_2 (sheet ${TABLES.triggers.name} (2)) into ${TABLES.triggers.name} (3 rows, none lost) and removed it`,
      ),
    });
    expect(tableNames(co)).toEqual([
      'DeskExposures',
      'DeskPrices',
      'DeskSnapshots',
      'DeskTriggers',
    ]);
    for (const replica of co.replicas) {
      expect((await ids(replica, 'triggers')).sort()).toEqual(
        [...rowsA.triggers, ...rowsB.triggers].map((t) => String(t.recordId)).sort(),
      );
    }
    expect(co.tableProblems(1)).toEqual([]);
    expect(orphans(co.replicas[1]!, { sheets: ['Sheet1'], cells: [] })).toEqual([]);
  });

  it('keeps a duplicate whose row differs from the desk table’s, and says which', async () => {
    const co = await createdAtOnce();
    const rows = reviewRows(idMaker(1));
    expect((await co.replicas[0]!.workbook.appendReview(rows)).ok).toBe(true);
    expect((await co.replicas[1]!.workbook.appendReview(rows)).ok).toBe(true);
    co.settle();
    // A colleague corrects the copy in the duplicate table.
    co.replicas[1]!.user.typeInTable(`${SNAP}_2`, 1, 'Product', 'Dy oxide');
    co.settle();
    const r = await co.replicas[0]!.workbook.ensureTables();
    expect(r).toMatchObject({
      ok: true,
      message: expect.stringContaining(
        `ept the second table ${SNAP}_2 (sheet ${SNAP} (2)): 1 row (Record ID ${String(rows.snapshots[0]!.recordId)}) differs from ${SNAP}; compare them and delete ${SNAP}_2 by hand`,
      ),
    });
    expect(tableNames(co)).toContain(`${SNAP}_2`);
  });

  // What a merge can leave with no pane remembering it (coauthoring-sim seed 839168575): the
  // second set's sheet, marked, its table gone. Any pane's health read finds it in the workbook.
  it('removes an emptied sheet the add-in made for a merged second table, and nothing of a colleague’s', async () => {
    const m = createMemoryDeskWorkbook();
    expect((await m.workbook.ensureTables()).ok).toBe(true);
    const mark = (sheet: string) =>
      m.model.addName(SHEET_MARK, '="DeskTriggers|twinr21|created"', '', m.model.sheet(sheet)!);
    m.user.addSheet('DeskTriggers (2)');
    mark('DeskTriggers (2)');
    m.user.addSheet('DeskTriggers (3)'); // marked, but a colleague has typed on it since
    mark('DeskTriggers (3)');
    m.user.typeCell('DeskTriggers (3)', 'B4', 'keep me');
    m.user.addSheet('Scratch'); // empty, not the add-in's
    const h = await m.workbook.health();
    expect(h.tidy).toEqual([
      'the empty sheet DeskTriggers (2), which the add-in made for a second DeskTriggers table that has since been merged, is removed',
    ]);
    const r = await m.workbook.ensureTables();
    expect(r).toMatchObject({
      ok: true,
      message: expect.stringContaining(
        'emoved the empty sheet DeskTriggers (2) (made for a second DeskTriggers table, since merged)',
      ),
    });
    expect(m.view().sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      'DeskSnapshots',
      'DeskExposures',
      'DeskTriggers',
      'DeskPrices',
      'DeskTriggers (3)',
      'Scratch',
    ]);
    expect((await m.workbook.health()).tidy).toBeUndefined();
  });
});
