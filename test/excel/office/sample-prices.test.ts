/**
 * "Insert sample data" puts the seeds' prices into DeskPrices with the reviews, so the pane's
 * DESK.LATEST-equivalent ("Use latest price") and the Ratio view work on the sample out of the box.
 */
import { latestPrice, ratioHistory, type RecordValues } from '../../../src/core';
import { buildSampleData, ILLUSTRATIVE, SMM_QUOTES } from '../../../src/core/sample';
import { createMemoryDeskWorkbook } from '../../../src/excel/memory';
import { idMaker } from '../helpers';

async function insertedPrices(): Promise<RecordValues[]> {
  const m = createMemoryDeskWorkbook();
  const sample = buildSampleData({ recordedBy: 'Sample data', newId: idMaker() });
  if (!sample.ok) throw new Error(sample.message);
  const r = await m.workbook.insertSampleData(sample);
  expect(r.ok).toBe(true);
  const read = await m.workbook.read('prices');
  if (!read.ok) throw new Error(read.message);
  expect(read.problems).toEqual([]);
  expect(read.records).toHaveLength(sample.prices.length);
  return read.records.map((x) => x.values);
}

describe('sample prices', () => {
  it('latest price of a seed product on its date is the seed’s range, from SMM', async () => {
    const rows = await insertedPrices();
    const ndpr = SMM_QUOTES.find((q) => q.product === 'Pr-Nd oxide');
    expect(ndpr?.range).toBe('747,000-753,000 yuan/mt');
    const latest = latestPrice(rows, { key: 'NdPr oxide', asOf: new Date(2026, 1, 5, 12) });
    if (!latest.ok) throw new Error(latest.message);
    expect(latest.row).toMatchObject({
      priceLow: 747000,
      priceHigh: 753000,
      priceMid: 750000,
      unit: 'CNY/t',
      sourceLabel: 'SMM Rare Earth Weekly Review, Feb 5 2026',
    });
    const la = latestPrice(rows, { key: 'la OXIDE', asOf: new Date(2025, 0, 9) });
    if (!la.ok) throw new Error(la.message);
    expect(la.row).toMatchObject({ priceLow: 3600, priceHigh: 4000, unit: 'CNY/t' });
    // Never a later price: the day before the review, there is none.
    expect(latestPrice(rows, { key: 'La oxide', asOf: new Date(2025, 0, 8) }).ok).toBe(false);
  });

  it('a Fastmarkets code reads by its code, and says it is illustrative', async () => {
    const rows = await insertedPrices();
    const tb = latestPrice(rows, { key: 'mb-tb-0001', asOf: new Date(2026, 1, 6) });
    if (!tb.ok) throw new Error(tb.message);
    expect(tb.row).toMatchObject({
      product: 'Tb oxide',
      locationBasis: 'fob China',
      unit: 'USD/kg',
    });
    expect(String(tb.row.sourceLabel)).toContain(ILLUSTRATIVE);
  });

  it('every price the seeds do not give says illustrative in its Source label', async () => {
    const rows = await insertedPrices();
    const seeded = new Set(SMM_QUOTES.map((q) => q.source));
    for (const r of rows) {
      const label = String(r.sourceLabel);
      expect(seeded.has(label) || label.startsWith(ILLUSTRATIVE)).toBe(true);
    }
    expect(rows.filter((r) => seeded.has(String(r.sourceLabel)))).toHaveLength(SMM_QUOTES.length);
  });

  it('the Ratio view’s default pair, NdPr oxide over Dy oxide, has a history to chart', async () => {
    const rows = await insertedPrices();
    const h = ratioHistory(rows, { numerator: 'NdPr oxide', denominator: 'Dy oxide' });
    if (!h.ok) throw new Error(h.message);
    expect(h.points.length).toBeGreaterThanOrEqual(2);
    const last = h.points.at(-1);
    expect(last?.date).toBe('2026-02-05');
    expect(last?.numeratorSource).toBe('SMM Rare Earth Weekly Review, Feb 5 2026');
    for (const p of h.points) expect(p.ratio).toBeCloseTo(p.numerator / p.denominator, 12);
  });
});
