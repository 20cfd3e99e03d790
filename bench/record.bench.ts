/**
 * Desk record figures: round trips per submit, the syncs and largest request of a 10,000-row
 * import against the in-memory Excel (which meters request size as Excel on the web limits it),
 * and the time our code takes to turn 10,000 records into cells.
 */
import type { BenchRow } from './bench-row';
import { buildReviewRows } from '../src/core/record/build';
import { checkRecord, rowCells } from '../src/core/record/cells';
import { TABLES } from '../src/core/record/schema';
import { createMemoryDeskWorkbook, REQUEST_LIMIT_BYTES } from '../src/excel/memory';
import { createOfficeDeskWorkbook } from '../src/excel/office';
import type { ReviewRecords } from '../src/excel/workbook';
import { memoryStorage } from '../src/taskpane/draft-store';
import { createOutbox, readHealth } from '../src/taskpane/outbox';
import { recordReview, submitReview } from '../src/taskpane/submit';
import { idMaker, NOW, reviewInput } from '../test/excel/helpers';

const MB = 1024 * 1024;
const IMPORT_ROWS = 10_000;

function bigReview(newId: () => string, triggers: number): ReviewRecords {
  const r = buildReviewRows(reviewInput({ triggers }), { recordedBy: 'bench', now: NOW, newId });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.rows;
}

/**
 * The pane's submit (append + selection of the new rows, receipt kept), as a user presses
 * Record; receipts are held for the whole run, so each health read checks all of them.
 */
async function submits(): Promise<BenchRow[]> {
  const m = createMemoryDeskWorkbook();
  await m.workbook.ensureTables();
  const pane = createOfficeDeskWorkbook(m.host.run); // as the task pane opens on the workbook
  const outbox = createOutbox(memoryStorage(), { now: () => NOW, holdMs: Number.MAX_SAFE_INTEGER });
  await readHealth(pane, outbox);
  const newId = idMaker();
  let worst = 0;
  let total = 0;
  const n = 200;
  for (let i = 0; i < n; i += 1) {
    const before = m.host.stats.syncs;
    const r = await recordReview(pane, outbox, bigReview(newId, 1 + (i % 5)));
    if (!r.ok) throw new Error(r.message);
    if (!r.selection?.ok) throw new Error('the new rows were not selected');
    const used = m.host.stats.syncs - before;
    worst = Math.max(worst, used);
    total += used;
  }
  const pending = outbox.summary().pending;
  const beforeCheck = m.host.stats.syncs;
  const checked = await readHealth(pane, outbox);
  const checkSyncs = m.host.stats.syncs - beforeCheck;
  if (checked.health.receipts?.some((c) => c.kind !== 'confirmed'))
    throw new Error('a receipt was not confirmed');
  const empty = createMemoryDeskWorkbook();
  const first = await submitReview(
    createOfficeDeskWorkbook(empty.host.run),
    bigReview(idMaker(9), 3),
  );
  if (!first.ok) throw new Error(first.message);
  return [
    {
      group: 'desk record',
      name: 'round trips per submit, pane path incl. selection (worst of 200, 1–5 triggers)',
      value: String(worst),
      target: '≤ 2',
      note: `mean ${(total / n).toFixed(2)}; 1 read + 1 write, read-back and select; receipts on`,
    },
    {
      group: 'desk record',
      name: `round trips of the health read checking ${pending} receipts`,
      value: String(checkSyncs),
      target: '1',
      note: 'the check rides on the read of the bodies health makes anyway',
    },
    {
      group: 'desk record',
      name: 'round trips, first submit into an empty workbook',
      value: String(empty.host.stats.syncs),
      note: 'append finds no tables (1), ensureTables (2), append again (2)',
    },
  ];
}

async function bigImport(): Promise<BenchRow[]> {
  const m = createMemoryDeskWorkbook();
  await m.workbook.ensureTables();
  m.host.resetStats();
  const rows = bigReview(idMaker(), IMPORT_ROWS);
  const t0 = performance.now();
  const r = await m.workbook.appendReview(rows);
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(r.message);
  const s = m.host.stats;
  const rowBytes = rows.triggers.reduce(
    (n, row) =>
      n + JSON.stringify(rowCells('triggers', row, TABLES.triggers.order as string[])).length,
    0,
  );
  const per5mb = s.syncs / Math.max(1, rowBytes / (5 * MB));
  return [
    {
      group: 'desk record',
      name: `${IMPORT_ROWS.toLocaleString('en-US')}-row import: syncs`,
      value: String(s.syncs),
      note: `${(rowBytes / MB).toFixed(2)} MB of row cells; ${ms.toFixed(0)} ms end to end in memory`,
    },
    {
      group: 'desk record',
      name: 'import: syncs per 5 MB of rows',
      value: per5mb.toFixed(2),
      target: '≤ 3',
    },
    {
      group: 'desk record',
      name: 'import: largest request',
      value: `${(s.largestRequestBytes / MB).toFixed(2)} MB`,
      target: `< ${(REQUEST_LIMIT_BYTES / MB).toFixed(0)} MB`,
      note: `total ${(s.totalRequestBytes / MB).toFixed(2)} MB; chunk budget 4 MB`,
    },
  ];
}

function payload(): BenchRow[] {
  const rows = bigReview(idMaker(), IMPORT_ROWS).triggers;
  const fields = TABLES.triggers.order as string[];
  const times: number[] = [];
  for (let rep = 0; rep < 5; rep += 1) {
    const t0 = performance.now();
    for (const row of rows) {
      if (!checkRecord('triggers', row).ok) throw new Error('invalid');
      rowCells('triggers', row, fields);
    }
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return [
    {
      group: 'desk record',
      name: `build the payload for ${IMPORT_ROWS.toLocaleString('en-US')} rows`,
      value: `${(times[2] as number).toFixed(0)} ms`,
      note: 'validate each record (zod) + cells with quote prefixes and serial dates; median of 5',
    },
  ];
}

/** The same one-review write through table.rows.add, to compare request sizes (the chosen path is Range.values). */
async function rowsAddComparison(): Promise<BenchRow[]> {
  const m = createMemoryDeskWorkbook();
  await m.workbook.ensureTables();
  const rows = bigReview(idMaker(), 3);
  await m.workbook.appendReview(rows); // fills the empty first row, so the next write is a true append
  const again = bigReview(idMaker(5), 3);
  m.host.resetStats();
  await m.workbook.appendReview(again);
  const ours = m.host.stats.lastRequestBytes;
  m.host.resetStats();
  await m.host.run(async (ctx) => {
    for (const key of ['snapshots', 'exposures', 'triggers'] as const) {
      const t = ctx.workbook.tables.getItem(TABLES[key].name);
      t.rows.add(
        undefined,
        again[key].map((r) => rowCells(key, r, TABLES[key].order as string[])),
      );
      t.getRange().load('rowCount');
    }
    await ctx.sync();
  });
  return [
    {
      group: 'desk record',
      name: 'request bytes, one review: Range.values below table vs rows.add',
      value: `${ours} vs ${m.host.stats.lastRequestBytes}`,
      note: 'ours adds formats, validation and read-back; rows.add would shift a colleague’s cells below the table and conflicts when co-authoring',
    },
  ];
}

export async function run(): Promise<BenchRow[]> {
  return [
    ...(await submits()),
    ...(await bigImport()),
    ...payload(),
    ...(await rowsAddComparison()),
  ];
}
