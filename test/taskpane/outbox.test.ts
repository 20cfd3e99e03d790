/**
 * The pane's receipts and its submit, without a DOM (src/taskpane/outbox.ts, submit.ts): kept in
 * localStorage per workbook, checked on the health read the pane makes anyway, surviving a
 * reload, refusing to act on another workbook's read, carrying on when storage is full; the
 * unplaced choice (Repair / record without / keep editing) before anything is written.
 */
import { buildReviewRows } from '../../src/core/record/build';
import { cellDigest, createMemoryDeskWorkbook } from '../../src/excel/memory';
import { WORKBOOK_ID_NAME } from '../../src/excel/office';
import type { ReviewRecords } from '../../src/excel/workbook';
import { memoryStorage, type DraftStorage } from '../../src/taskpane/draft-store';
import {
  createOutbox,
  HOLD_MS,
  MISSING_MS,
  readHealth,
  RECEIPTS_KEY,
} from '../../src/taskpane/outbox';
import { recordReview, submitReview, type UnplacedChoice } from '../../src/taskpane/submit';
import { idMaker, NOW, reviewInput, reviewRows } from '../excel/helpers';

const STORAGE_NOTE = 'bonded warehouse, Rotterdam';

function clock() {
  let t = NOW.getTime();
  return { now: () => new Date(t), pass: (ms: number = HOLD_MS) => void (t += ms) };
}

async function desk() {
  const m = createMemoryDeskWorkbook();
  expect((await m.workbook.ensureTables()).ok).toBe(true);
  return m;
}

function withStorageNote(newId = idMaker(5)): ReviewRecords {
  const input = reviewInput();
  const r = buildReviewRows(
    { ...input, snapshot: { ...input.snapshot, storageNote: STORAGE_NOTE } },
    { recordedBy: 'ana', now: NOW, newId },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.rows;
}

const storedKeys = (s: { map: Map<string, string> }) =>
  [...s.map.keys()].filter((k) => k.startsWith(`${RECEIPTS_KEY}/`) && !k.endsWith('last-workbook'));

describe('receipts in the pane', () => {
  it('a recorded review is kept under the workbook’s id until a read after the hold time finds it', async () => {
    const m = await desk();
    const storage = memoryStorage();
    const time = clock();
    const outbox = createOutbox(storage, { now: time.now });
    const { health } = await readHealth(m.workbook, outbox);
    expect((await recordReview(m.workbook, outbox, reviewRows(idMaker(1)))).ok).toBe(true);
    expect(storedKeys(storage)).toEqual([`${RECEIPTS_KEY}/${health.workbookId}`]);
    expect((await readHealth(m.workbook, outbox)).report).toMatchObject({ confirmed: 0 });
    expect(outbox.summary().pending).toBe(1);
    time.pass();
    expect((await readHealth(m.workbook, outbox)).report).toMatchObject({ confirmed: 1 });
    expect(outbox.summary().pending).toBe(0);
    expect(storedKeys(storage)).toEqual([]); // nothing left to keep
  });

  it('round trips: a submit is 2 with receipts on; the read after it (1) carries the check', async () => {
    const m = await desk();
    const outbox = createOutbox(memoryStorage(), { now: clock().now });
    await readHealth(m.workbook, outbox);
    m.host.resetStats();
    expect((await recordReview(m.workbook, outbox, reviewRows(idMaker(1)))).ok).toBe(true);
    const submit = m.host.stats.syncs;
    m.host.resetStats();
    await readHealth(m.workbook, outbox);
    const check = m.host.stats.syncs;
    console.log(
      `round trips per submit with receipts on: ${submit}; the health read after it: ${check}`,
    );
    expect([submit, check]).toEqual([2, 1]);
  });

  it('survives a reload: the next pane checks the receipts on its first read (one round trip), and re-adds what is still missing a while later', async () => {
    const m = await desk();
    const storage = memoryStorage();
    const time = clock();
    const first = createOutbox(storage, { now: time.now });
    await readHealth(m.workbook, first);
    const rows = reviewRows(idMaker(1));
    expect((await recordReview(m.workbook, first, rows)).ok).toBe(true);
    m.user.deleteTable('DeskSnapshots'); // the pane closes; the rows vanish meanwhile
    m.user.deleteTable('DeskExposures');
    m.user.deleteTable('DeskTriggers');
    await m.workbook.ensureTables();
    time.pass();
    const reopened = createOutbox(storage, { now: time.now });
    m.host.resetStats();
    // The first read misses the rows and waits: a take-back in flight may yet bring them back.
    expect((await readHealth(m.workbook, reopened)).report).toMatchObject({
      checked: true,
      reappended: 0,
    });
    expect(m.host.stats.syncs).toBe(1);
    time.pass(MISSING_MS);
    m.host.resetStats();
    const { report } = await readHealth(m.workbook, reopened);
    expect(report).toMatchObject({ checked: true, reappended: 1, rowsReappended: 3 });
    expect(m.host.stats.syncs).toBe(1 + 2); // the read, then the re-append (read + write)
  });

  it('reopened in another workbook: the first one’s receipts are never applied there, and kept', async () => {
    const one = await desk();
    const two = createMemoryDeskWorkbook();
    // Excel's ids are random; the in-memory Excel counts them per workbook, so tell them apart.
    two.model.idPrefix = 'second-';
    expect((await two.workbook.ensureTables()).ok).toBe(true);
    const storage = memoryStorage();
    const time = clock();
    const a = createOutbox(storage, { now: time.now });
    await readHealth(one.workbook, a);
    const rows = reviewRows(idMaker(1));
    expect((await recordReview(one.workbook, a, rows)).ok).toBe(true);
    time.pass();
    const before = cellDigest(two.model);
    const b = createOutbox(storage, { now: time.now });
    const { report, health } = await readHealth(two.workbook, b);
    expect(report.checked).toBe(false); // read with the first workbook's receipts: not acted on
    expect(health.workbookId).not.toBe((await one.workbook.health()).workbookId);
    expect(cellDigest(two.model)).toEqual(before);
    expect(b.summary().pending).toBe(0);
    expect(storedKeys(storage)).toHaveLength(1); // the first workbook's receipt is still kept
    const c = createOutbox(storage, { now: time.now });
    expect((await readHealth(one.workbook, c)).report).toMatchObject({ confirmed: 1 });
  });

  it('storage full or blocked: says so, and keeps the receipt for the session', async () => {
    const m = await desk();
    const storage: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const time = clock();
    const outbox = createOutbox(storage, { now: time.now });
    await readHealth(m.workbook, outbox);
    expect((await recordReview(m.workbook, outbox, reviewRows(idMaker(1)))).ok).toBe(true);
    expect(outbox.summary()).toMatchObject({
      pending: 1,
      storageProblem: expect.stringMatching(
        /could not be saved.*quota.*only while this pane stays open/i,
      ),
    });
    time.pass();
    expect((await readHealth(m.workbook, outbox)).report).toMatchObject({ confirmed: 1 });
  });

  it('a host that blocks localStorage (page-lifetime storage): says so from the start', () => {
    const outbox = createOutbox(memoryStorage(), { persistent: false });
    expect(outbox.summary().storageProblem).toMatch(
      /keeps no storage.*only while this pane stays open/,
    );
  });

  // Moved from desk-workbook.test.ts ('writes zero cells … for an invalid row'): a row reaches
  // appendReview only as a checked record, so the receipt's row is refused where it comes back in.
  it('a saved receipt whose row breaks the schema is reported for that review and never written', async () => {
    const m = await desk();
    const storage = memoryStorage();
    const time = clock();
    const first = createOutbox(storage, { now: time.now });
    await readHealth(m.workbook, first);
    const rows = reviewRows(idMaker(1));
    expect((await recordReview(m.workbook, first, rows)).ok).toBe(true);
    const id = (await m.workbook.health()).workbookId!;
    // Edited in the browser profile (or by an older add-in): a trigger's Owner is gone.
    const kept = JSON.parse(storage.getItem(`${RECEIPTS_KEY}/${id}`)!);
    kept.pending[0].rows.triggers[0].owner = null;
    storage.setItem(`${RECEIPTS_KEY}/${id}`, JSON.stringify(kept));
    m.user.deleteTable('DeskSnapshots'); // the rows vanish meanwhile
    m.user.deleteTable('DeskExposures');
    m.user.deleteTable('DeskTriggers');
    await m.workbook.ensureTables();
    time.pass();
    const reopened = createOutbox(storage, { now: time.now });
    await readHealth(m.workbook, reopened);
    time.pass(MISSING_MS);
    const before = cellDigest(m.model);
    const { report } = await readHealth(m.workbook, reopened);
    expect(report).toMatchObject({ checked: true, reappended: 0, stillPending: 1 });
    expect(reopened.summary().problems).toEqual([
      expect.stringMatching(
        /DeskTriggers row 1 is invalid — Owner is required.*Nothing was written/,
      ),
    ]);
    expect(cellDigest(m.model)).toEqual(before);
  });

  it('saved receipts that cannot be read are set aside, never silently replaced', async () => {
    const m = await desk();
    const id = (await m.workbook.health()).workbookId!;
    const storage = memoryStorage();
    storage.setItem(`${RECEIPTS_KEY}/${id}`, '{"pending": "garbled"');
    const outbox = createOutbox(storage);
    await readHealth(m.workbook, outbox);
    expect(outbox.summary().storageProblem).toMatch(/could not be read.*set aside/);
    expect(storage.getItem(`${RECEIPTS_KEY}/${id}/unreadable`)).toBe('{"pending": "garbled"');
  });

  it('a workbook without an id (tables made before ids): the read after the first submit gives it one', async () => {
    const m = await desk();
    m.user.deleteName(WORKBOOK_ID_NAME);
    const storage = memoryStorage();
    const outbox = createOutbox(storage, { now: clock().now });
    await readHealth(m.workbook, outbox);
    expect(m.model.nameItem(WORKBOOK_ID_NAME)).toBeUndefined(); // nothing waits: nothing written
    expect((await recordReview(m.workbook, outbox, reviewRows(idMaker(1)))).ok).toBe(true);
    expect(outbox.summary()).toMatchObject({ pending: 1, sessionOnly: true });
    m.host.resetStats();
    const { health, tidied } = await readHealth(m.workbook, outbox);
    // Once per workbook: the read, creation's read and its one write (the name), the read again.
    expect(m.host.stats.syncs).toBe(4);
    expect(tidied).toMatchObject({ ok: true, message: expect.stringMatching(/desk id/) });
    expect(health.workbookId).toMatch(/^twin-/);
    expect(outbox.summary()).toMatchObject({ pending: 1, sessionOnly: false });
    expect(storedKeys(storage)).toEqual([`${RECEIPTS_KEY}/${health.workbookId}`]);
    m.host.resetStats();
    await readHealth(m.workbook, outbox);
    expect(m.host.stats.syncs).toBe(1);
  });

  it('a colleague’s DESK_WORKBOOK_ID: asked once, refused, receipts live for the session', async () => {
    const m = await desk();
    m.user.setName(WORKBOOK_ID_NAME, '=42');
    const outbox = createOutbox(memoryStorage(), { now: clock().now });
    expect((await recordReview(m.workbook, outbox, reviewRows(idMaker(1)))).ok).toBe(true);
    const first = await readHealth(m.workbook, outbox);
    expect(first.tidied).toMatchObject({ ok: false, reason: 'name-taken' });
    m.host.resetStats();
    expect((await readHealth(m.workbook, outbox)).tidied).toBeUndefined();
    expect(m.host.stats.syncs).toBe(1);
    expect(outbox.summary()).toMatchObject({ pending: 1, sessionOnly: true });
    expect(m.model.nameItem(WORKBOOK_ID_NAME)?.formula).toBe('=42');
  });
});

describe('values without a column (the unplaced choice)', () => {
  const asked = (choice: UnplacedChoice) => {
    const calls: string[][] = [];
    return {
      calls,
      decide: async (unplaced: readonly { header: string }[]) => {
        calls.push(unplaced.map((u) => u.header));
        return choice;
      },
    };
  };

  it('keep editing: nothing is written and the review is not kept as recorded', async () => {
    const m = await desk();
    m.user.renameColumn('DeskSnapshots', 'Storage note', 'Storage');
    const before = cellDigest(m.model);
    const user = asked('keep-editing');
    const outbox = createOutbox(memoryStorage());
    const r = await recordReview(m.workbook, outbox, withStorageNote(), { decide: user.decide });
    expect(user.calls).toEqual([['Storage note']]);
    expect(r).toMatchObject({ ok: false, reason: 'unplaced' });
    expect(r.ok === false && r.message).toMatch(/^Nothing was written/);
    expect(cellDigest(m.model)).toEqual(before);
    expect(outbox.summary().pending).toBe(0);
  });

  it('record without these: written, the outcome names what was not, the receipt confirms', async () => {
    const m = await desk();
    m.user.renameColumn('DeskSnapshots', 'Storage note', 'Storage');
    const time = clock();
    const outbox = createOutbox(memoryStorage(), { now: time.now });
    await readHealth(m.workbook, outbox);
    const r = await recordReview(m.workbook, outbox, withStorageNote(), asked('drop'));
    expect(r.ok && r.notWritten?.map((u) => u.value)).toEqual([STORAGE_NOTE]);
    time.pass();
    // The receipt holds the rows as written (the note left out): found as written, not "differs".
    expect((await readHealth(m.workbook, outbox)).report).toMatchObject({
      confirmed: 1,
      differing: 0,
    });
  });

  it('Repair: the missing columns are added, then every value lands (1 + repair 3 + 2 round trips)', async () => {
    const m = await desk();
    m.user.deleteColumn('DeskSnapshots', 'Storage note');
    m.host.resetStats();
    const r = await submitReview(m.workbook, withStorageNote(), asked('repair'));
    expect(r.ok).toBe(true);
    // The refused append's read; repair's read, read right of the table and write; the append.
    expect(m.host.stats.syncs).toBe(1 + 3 + 2);
    const read = await m.workbook.read('snapshots');
    expect(read.ok && read.records.at(-1)?.values.storageNote).toBe(STORAGE_NOTE);
  });

  it('a re-append leaves out only what the user had left out; a newly missing value is not dropped', async () => {
    const m = await desk();
    m.user.renameColumn('DeskSnapshots', 'Storage note', 'Storage');
    const time = clock();
    const outbox = createOutbox(memoryStorage(), { now: time.now });
    await readHealth(m.workbook, outbox);
    expect((await recordReview(m.workbook, outbox, withStorageNote(), asked('drop'))).ok).toBe(
      true,
    );
    m.user.deleteTable('DeskSnapshots'); // the rows vanish…
    await m.workbook.ensureTables();
    m.user.renameColumn('DeskSnapshots', 'Storage note', 'Storage'); // …the column is still renamed
    m.user.deleteColumn('DeskSnapshots', 'Article slug'); // and another with a value is gone too
    await readHealth(m.workbook, outbox); // missed: waits MISSING_MS
    time.pass(MISSING_MS);
    const { report } = await readHealth(m.workbook, outbox);
    expect(report.reappended).toBe(0);
    expect(outbox.summary().problems.join(' ')).toMatch(/could not be added again.*Article slug/);
    m.user.addColumn('DeskSnapshots', 'Article slug');
    expect((await readHealth(m.workbook, outbox)).report).toMatchObject({ reappended: 1 });
  });
});
