/**
 * Price import figures (issue 10): a 10,000-row import into DeskPrices through
 * DeskWorkbook.appendPrices against the in-memory Excel (which meters each request as Excel on
 * the web limits it, 5 MB): its syncs, syncs per 5 MB of row cells, largest request; and, as the
 * baseline measured in the same run, the same 10,000 rows cancelled after the first batch (what
 * the take-out costs).
 */
import type { BenchRow } from './bench-row';
import { rowCells } from '../src/core/record/cells';
import { TABLES } from '../src/core/record/schema';
import { createMemoryDeskWorkbook, REQUEST_LIMIT_BYTES } from '../src/excel/memory';
import { CHUNK_BUDGET_BYTES } from '../src/excel/office';
import { idMaker, priceRows } from '../test/excel/helpers';

const MB = 1024 * 1024;
const ROWS = 10_000;

export async function run(): Promise<BenchRow[]> {
  const m = createMemoryDeskWorkbook();
  await m.workbook.ensureTables();
  m.host.resetStats();
  // Fresh ids per run (a cache keyed by rows could not answer), prices varied by row.
  const rows = priceRows(idMaker(Date.now() % 1000), ROWS);
  let batches = 0;
  const t0 = performance.now();
  const r = await m.workbook.appendPrices(rows, { onProgress: () => (batches += 1) });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(r.message);
  const s = { ...m.host.stats };
  const rowBytes = rows.reduce(
    (n, row) => n + JSON.stringify(rowCells('prices', row, TABLES.prices.order as string[])).length,
    0,
  );
  const per5mb = s.syncs / Math.max(1, rowBytes / (5 * MB));

  const c = createMemoryDeskWorkbook();
  await c.workbook.ensureTables();
  c.host.resetStats();
  let done = 0;
  const cancel = await c.workbook.appendPrices(priceRows(idMaker(7), ROWS), {
    onProgress: () => (done += 1),
    cancelled: () => done >= 1,
  });
  if (cancel.ok || cancel.reason !== 'cancelled') throw new Error('the cancel did not cancel');
  const left = c.model.table(TABLES.prices.name)?.rows ?? 0;
  if (left !== 2) throw new Error(`the cancelled import left ${left - 1} body rows`);

  return [
    {
      group: 'price import',
      name: `${ROWS.toLocaleString('en-US')} price rows: syncs`,
      value: String(s.syncs),
      note: `1 read + ${batches} batches; ${(rowBytes / MB).toFixed(2)} MB of row cells; ${ms.toFixed(0)} ms end to end in memory`,
    },
    {
      group: 'price import',
      name: 'price import: syncs per 5 MB of rows',
      value: per5mb.toFixed(2),
      target: '≤ 3',
    },
    {
      group: 'price import',
      name: 'price import: largest request',
      value: `${(s.largestRequestBytes / MB).toFixed(2)} MB`,
      target: `< ${(CHUNK_BUDGET_BYTES / MB).toFixed(0)} MB budget, ${(REQUEST_LIMIT_BYTES / MB).toFixed(0)} MB limit`,
      note: `total ${(s.totalRequestBytes / MB).toFixed(2)} MB`,
    },
    {
      group: 'price import',
      name: 'cancelled after batch 1, taken out: syncs',
      value: String(c.host.stats.syncs),
      note: 'read + batch 1, then the take-out: read, Import IDs, clear + shrink + read-back',
    },
  ];
}
