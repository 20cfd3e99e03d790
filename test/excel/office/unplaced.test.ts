/**
 * Nothing typed is dropped silently (issue 8, item 5): a value whose column a colleague renamed or
 * deleted is refused with reason 'unplaced' in the append's first read — nothing written, one
 * round trip — unless the user chose "record without these" (`dropUnplaced`), and then the
 * outcome names what was not written.
 */
import { buildReviewRows } from '../../../src/core/record/build';
import { cellDigest } from '../../../src/excel/memory';
import type { ReviewRecords } from '../../../src/excel/workbook';
import { idMaker, NOW, reviewInput, reviewRows } from '../helpers';
import { deskReady, type ReadyWorkbook } from './ready';

const STORAGE = 'bonded warehouse, Rotterdam';

const ready = (): Promise<ReadyWorkbook> => deskReady();

function rowsWith(
  snapshot: Record<string, unknown>,
  newId = idMaker(3),
  exposure: Record<string, unknown> = {},
): ReviewRecords {
  const input = reviewInput();
  const r = buildReviewRows(
    {
      ...input,
      snapshot: { ...input.snapshot, ...snapshot },
      exposure: { ...input.exposure, ...exposure },
    },
    { recordedBy: 'ana', now: NOW, newId },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.rows;
}

const snapshotCell = (
  m: Awaited<ReturnType<typeof ready>>,
  header: string,
): string | number | boolean | undefined => {
  const t = m
    .view()
    .sheets.flatMap((s) => s.tables)
    .find((x) => x.name === 'DeskSnapshots')!;
  return t.rows.at(-1)?.[t.headers.indexOf(header)]?.value;
};

describe('a typed value whose column a colleague renamed', () => {
  it('is refused in the first read, naming the value, the table and the likely new name; nothing is written', async () => {
    const m = await ready();
    m.user.renameColumn('DeskSnapshots', 'Storage note', 'Storage');
    const before = cellDigest(m.model);
    const rows = rowsWith({ storageNote: STORAGE });
    const r = await m.workbook.appendReview(rows);
    expect(r).toMatchObject({
      ok: false,
      reason: 'unplaced',
      unplaced: [
        {
          table: 'snapshots',
          field: 'storageNote',
          header: 'Storage note',
          recordId: String(rows.snapshots[0]!.recordId),
          value: STORAGE,
          renamedTo: 'Storage',
        },
      ],
    });
    expect(r.message).toContain(
      `Storage note: '${STORAGE}' — DeskSnapshots has no 'Storage note' column (renamed to 'Storage'?)`,
    );
    expect(m.host.stats.syncs).toBe(1); // decided on the read, no extra round trip
    expect(cellDigest(m.model)).toEqual(before);
  });

  it('with the user’s word ("record without these") writes the rest and names what was not written', async () => {
    const m = await ready();
    m.user.renameColumn('DeskSnapshots', 'Storage note', 'Storage');
    const rows = rowsWith({ storageNote: STORAGE });
    const r = await m.workbook.appendReview(rows, { dropUnplaced: true });
    if (!r.ok) throw new Error(r.message);
    expect(r.notWritten).toEqual([
      expect.objectContaining({ field: 'storageNote', value: STORAGE }),
    ]);
    expect(r.message).toMatch(/Not written, as you chose: Storage note: 'bonded warehouse/);
    expect(m.host.stats.syncs).toBe(2);
    expect(snapshotCell(m, 'Record ID')).toBe(String(rows.snapshots[0]!.recordId));
    // The colleague's renamed column is theirs: the add-in never writes it.
    expect(snapshotCell(m, 'Storage')).toBe('');
  });

  it('a blank value for the missing column writes as before: there is nothing to lose', async () => {
    const m = await ready();
    m.user.renameColumn('DeskSnapshots', 'Storage note', 'Storage');
    const r = await m.workbook.appendReview(reviewRows(idMaker(4)));
    expect(r.ok).toBe(true);
    expect(r.ok && r.notWritten).toBeUndefined();
  });

  it('Repair, then the same rows: every value lands', async () => {
    const m = await ready();
    m.user.deleteColumn('DeskSnapshots', 'Storage note');
    const rows = rowsWith({ storageNote: STORAGE });
    expect((await m.workbook.appendReview(rows)).ok).toBe(false);
    expect((await m.workbook.repair()).ok).toBe(true);
    expect((await m.workbook.appendReview(rows)).ok).toBe(true);
    expect(snapshotCell(m, 'Storage note')).toBe(STORAGE);
  });

  it('lists every value without a column, across tables', async () => {
    const m = await ready();
    m.user.renameColumn('DeskSnapshots', 'Storage note', 'Storage');
    m.user.deleteColumn('DeskSnapshots', 'Bid check');
    m.user.deleteColumn('DeskExposures', 'Liquidity note');
    const rows = rowsWith({ storageNote: STORAGE, bidCheck: 'two bids at 61.5' }, idMaker(5), {
      liquidityNote: 'LME hours only',
    });
    const r = await m.workbook.appendReview(rows);
    expect(r.ok === false && r.unplaced?.map((u) => [u.table, u.header])).toEqual([
      ['snapshots', 'Bid check'],
      ['snapshots', 'Storage note'],
      ['exposures', 'Liquidity note'],
    ]);
  });
});

describe('values the writer computes or writes itself', () => {
  it('a computed value (Spread cost) whose column is gone is unplaced too', async () => {
    const m = await ready();
    m.user.deleteColumn('DeskExposures', 'Spread cost');
    const rows = reviewRows(idMaker(6));
    expect(rows.exposures[0]!.spreadCost).not.toBeNull();
    const r = await m.workbook.appendReview(rows);
    expect(r).toMatchObject({
      ok: false,
      reason: 'unplaced',
      unplaced: [
        { table: 'exposures', header: 'Spread cost', value: rows.exposures[0]!.spreadCost },
      ],
    });
  });

  it('the live Status now formula without its column is unplaced, though nothing was typed for it', async () => {
    const m = await ready();
    m.user.renameColumn('DeskTriggers', 'Status now', 'Status (live)');
    const rows = reviewRows(idMaker(7), { triggers: 2 });
    const r = await m.workbook.appendReview(rows);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.unplaced?.map((u) => [u.header, u.renamedTo])).toEqual([
      ['Status now', 'Status (live)'],
      ['Status now', 'Status (live)'],
    ]);
    expect(r.message).toContain('Status now: the live Status now formula — DeskTriggers has no');
    const dropped = await m.workbook.appendReview(rows, { dropUnplaced: true });
    expect(dropped.ok && dropped.notWritten).toHaveLength(2);
  });
});

describe('what comes first', () => {
  it('cells below the table block the write before any choice is asked', async () => {
    const m = await ready();
    expect((await m.workbook.appendReview(reviewRows(idMaker(8)))).ok).toBe(true);
    m.user.renameColumn('DeskSnapshots', 'Storage note', 'Storage');
    m.user.typeCell('DeskSnapshots', 'B3', 'call broker');
    const r = await m.workbook.appendReview(rowsWith({ storageNote: STORAGE }, idMaker(9)));
    expect(r).toMatchObject({ ok: false, reason: 'blocked-below' });
  });

  it('a retry after the rows landed asks nothing: nothing is left to write', async () => {
    const m = await ready();
    const rows = rowsWith({ storageNote: STORAGE }, idMaker(10));
    expect((await m.workbook.appendReview(rows)).ok).toBe(true);
    m.user.renameColumn('DeskSnapshots', 'Storage note', 'Storage');
    const again = await m.workbook.appendReview(rows);
    expect(again).toMatchObject({ ok: true, message: expect.stringMatching(/^Already recorded/) });
  });
});
