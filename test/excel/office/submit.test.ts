/**
 * The pane's submit (src/taskpane/app.ts submitReview) against the in-memory Excel: what it costs
 * in round trips, including selecting the new rows, and how it recovers when tables are missing.
 */
import {
  createOfficeDeskWorkbook,
  VERSION_NAME,
  WORKBOOK_ID_NAME,
} from '../../../src/excel/office';
import { createMemoryDeskWorkbook, type MemoryDeskWorkbook } from '../../../src/excel/memory';
import { selectionNote, submitReview } from '../../../src/taskpane/app';
import { idMaker, reviewRows } from '../helpers';

async function withTables(): Promise<MemoryDeskWorkbook> {
  const m = createMemoryDeskWorkbook();
  expect((await m.workbook.ensureTables()).ok).toBe(true);
  return m;
}

/** Syncs one submit costs on a fresh pane (a new adapter, as when the task pane opens). */
async function submitCost(m: MemoryDeskWorkbook, rows: ReturnType<typeof reviewRows>) {
  const pane = createOfficeDeskWorkbook(m.host.run);
  const before = m.host.stats.syncs;
  const outcome = await submitReview(pane, rows);
  return { outcome, syncs: m.host.stats.syncs - before };
}

describe('submitting a review from the pane', () => {
  it.each([1, 2, 3, 4, 5])(
    'costs exactly 2 round trips with %i triggers into existing tables, selection included',
    async (n) => {
      const m = await withTables();
      const newId = idMaker();
      // The first review fills the empty row Excel gives a new table; the second is a true append.
      for (const round of [1, 2]) {
        const rows = reviewRows(newId, { triggers: n });
        const { outcome, syncs } = await submitCost(m, rows);
        expect(syncs).toBe(2);
        if (!outcome.ok) throw new Error(outcome.message);
        const snapshot = outcome.landed.find((l) => l.table === 'snapshots')!;
        expect(snapshot.address).toBe(`DeskSnapshots!A${1 + round}:AD${1 + round}`);
        expect(outcome.selection).toEqual({
          ok: true,
          table: 'snapshots',
          address: snapshot.address,
        });
        expect(m.view().selection).toEqual({ sheet: 'DeskSnapshots', address: snapshot.address });
        expect(selectionNote(outcome.selection)).toBe('DeskSnapshots row selected.');
      }
      const triggers = await m.workbook.read('triggers');
      expect(triggers.ok && triggers.records).toHaveLength(2 * n);
    },
  );

  it('lands every row of a first submit into an empty workbook, creating the tables', async () => {
    const m = createMemoryDeskWorkbook();
    const rows = reviewRows(idMaker(), { triggers: 3 });
    const { outcome, syncs } = await submitCost(m, rows);
    if (!outcome.ok) throw new Error(outcome.message);
    // A read that finds no tables, ensureTables (read + write), then the append (read + write).
    expect(syncs).toBe(5);
    expect(outcome.landed.map((l) => [l.table, l.recordIds.length])).toEqual([
      ['snapshots', 1],
      ['exposures', 1],
      ['triggers', 3],
    ]);
    for (const key of ['snapshots', 'exposures', 'triggers'] as const) {
      const r = await m.workbook.read(key);
      expect(r.ok && r.records.map((x) => x.values.recordId)).toEqual(
        rows[key].map((x) => x.recordId),
      );
    }
    expect(outcome.selection).toMatchObject({ ok: true, table: 'snapshots' });
    expect(m.view().names.map((n) => n.name)).toEqual([WORKBOOK_ID_NAME, VERSION_NAME]);
  });

  it('refuses a newer workbook in one round trip, without trying to create tables', async () => {
    const m = await withTables();
    m.user.setName(VERSION_NAME, '=4');
    const { outcome, syncs } = await submitCost(m, reviewRows(idMaker()));
    expect(outcome).toMatchObject({ ok: false, reason: 'newer-schema' });
    expect(syncs).toBe(1);
  });

  it('refuses a table missing a required column in one round trip, naming it', async () => {
    const m = await withTables();
    m.user.renameColumn('DeskTriggers', 'Owner', 'Owner name');
    const { outcome, syncs } = await submitCost(m, reviewRows(idMaker()));
    expect(outcome).toEqual({
      ok: false,
      reason: 'drift',
      message: expect.stringContaining("DeskTriggers has no 'Owner' column"),
    });
    expect(syncs).toBe(1);
  });

  it('a retry after a lost answer adds nothing twice and still selects, in 2 round trips', async () => {
    const m = await withTables();
    const rows = reviewRows(idMaker(), { triggers: 2 });
    // The write lands but its answer never comes back (the submit's second sync).
    const writeSync = m.host.stats.syncs + 2;
    m.host.faults = (info) => (info.sync === writeSync ? { kind: 'timeout-after' } : undefined);
    const lost = await submitCost(m, rows);
    expect(lost.outcome).toMatchObject({ ok: false, reason: 'office' });
    m.host.faults = null;
    const retry = await submitCost(m, rows);
    expect(retry.syncs).toBe(2);
    expect(retry.outcome).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Already recorded/),
      selection: { ok: true, table: 'snapshots', address: 'DeskSnapshots!A2:AD2' },
    });
    const triggers = await m.workbook.read('triggers');
    expect(triggers.ok && triggers.records).toHaveLength(2);
  });

  it('a colleague typing below the table between its read and write: two more round trips, their cell kept', async () => {
    const m = await withTables();
    const newId = idMaker();
    expect((await submitCost(m, reviewRows(newId))).syncs).toBe(2);
    m.host.onRequest = (info) => {
      if (info.writes === 0) return;
      m.host.onRequest = null;
      m.user.typeCell('DeskSnapshots', 'F3', 'call broker');
    };
    const { outcome, syncs } = await submitCost(m, reviewRows(newId));
    // Read, write (which re-reads the cells first), then the take-back: the cells read once more
    // (so nothing changed since the write is touched) and their cell put back.
    expect(syncs).toBe(4);
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'blocked-below',
      message: expect.stringContaining("DeskSnapshots!F3 holds 'call broker'"),
    });
    expect(m.model.valueOf(m.model.sheet('DeskSnapshots')!, 2, 5)).toBe('call broker');
  });

  it('writes the rows but says why it cannot select them on a hidden sheet', async () => {
    const m = await withTables();
    m.model.sheet('DeskSnapshots')!.visibility = 'Hidden';
    const { outcome, syncs } = await submitCost(m, reviewRows(idMaker()));
    expect(syncs).toBe(2);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.selection).toMatchObject({ ok: false });
    expect(selectionNote(outcome.selection)).toBe(
      'The rows were written but could not be selected: the sheet DeskSnapshots is hidden; unhide it to see the rows',
    );
    expect(m.view().selection).toBeNull();
  });
});
