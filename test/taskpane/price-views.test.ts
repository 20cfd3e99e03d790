/**
 * "Use latest price" and the ratio chart's geometry, without a browser. The lookup is run over a
 * workbook whose DeskPrices holds random dated rows: whatever the review date, the row it fills
 * from is the latest dated on or before that day — never a later one.
 */
import fc from 'fast-check';
import type { RecordValues } from '../../src/core';
import type { DeskWorkbook, ReadOutcome } from '../../src/excel/workbook';
import { createLatestLookup, snapshotFill } from '../../src/taskpane/pane/latest';
import { niceTicks, plotRatio, VIEW } from '../../src/taskpane/prices/chart-geometry';
import { fcParams } from '../core/fc-seed';

/** A workbook whose DeskPrices reads back these rows (the only call the lookup makes when it succeeds). */
function pricesWorkbook(rows: readonly RecordValues[]): DeskWorkbook {
  const read = async (): Promise<ReadOutcome> => ({
    ok: true,
    records: rows.map((values, i) => ({ rowNumber: i + 1, sheetRow: i + 2, values })),
    problems: [],
  });
  return { read } as unknown as DeskWorkbook;
}

const row = (date: string, low: number, i: number): RecordValues => ({
  recordId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  priceDate: date,
  priceCode: null,
  product: 'NdPr oxide',
  locationBasis: null,
  priceLow: low,
  priceHigh: low + 10,
  priceMid: low + 5,
  unit: 'CNY/t',
  sourceLabel: 'SMM',
  sourceState: 'market',
  dataBasis: 'indication',
});

const day = (n: number): string =>
  new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

describe('Use latest price', () => {
  it('fills from the latest row dated on or before the review day, never a later one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: -5, max: 65 }),
        async (days, reviewDay) => {
          const rows = days.map((d, i) => row(day(d), 1000 + i, i));
          const lookup = createLatestLookup(pricesWorkbook(rows));
          const answer = await lookup({
            key: 'ndpr OXIDE',
            reviewDate: day(reviewDay),
            locationBasis: null,
          });
          const eligible = days.filter((d) => d <= reviewDay);
          if (eligible.length === 0) {
            expect(answer.ok).toBe(false);
            return;
          }
          const latest = Math.max(...eligible);
          // Of several rows on that day, the last in the table.
          const expected = rows[days.lastIndexOf(latest)] as RecordValues;
          expect(answer).toMatchObject({ ok: true, fields: snapshotFill(expected) });
        },
      ),
      fcParams(100),
    );
  });

  it('says which row it used, and why none when nothing is on or before the review date', async () => {
    const rows = [row('2025-01-09', 747000, 1), row('2026-02-05', 750000, 2)];
    const lookup = createLatestLookup(pricesWorkbook(rows));
    const used = await lookup({ key: 'NdPr oxide', reviewDate: '2026-02-04', locationBasis: null });
    expect(used.ok && used.used).toBe(
      'DeskPrices sheet row 2: NdPr oxide, 747,000–747,010 CNY/t, dated 2025-01-09, SMM — the latest on or before 2026-02-04.',
    );
    expect(used.ok && used.fields.quoteTime).toBe('2025-01-09T00:00');
    const none = await lookup({ key: 'NdPr oxide', reviewDate: '2024-12-31', locationBasis: null });
    expect(none.ok === false && none.message).toMatch(/NdPr oxide/);
    const blank = await lookup({ key: ' ', reviewDate: '2026-02-04', locationBasis: null });
    expect(blank.ok === false && blank.message).toMatch(/Type a Product or a Price code first/);
  });
});

describe('the ratio chart geometry', () => {
  it('round ticks cover every value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (a, span) => {
          const ticks = niceTicks(a, a + span);
          expect(ticks[0]).toBeLessThanOrEqual(a);
          expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(a + span * (1 - 1e-9));
          expect(ticks.length).toBeLessThanOrEqual(12);
        },
      ),
      fcParams(200),
    );
  });

  it('places dates in proportion, inside the plot, higher ratios higher', () => {
    const plot = plotRatio([
      { date: '2025-01-01', ratio: 3 },
      { date: '2025-01-02', ratio: 4 },
      { date: '2025-01-11', ratio: 2 },
    ]);
    const [a, b, c] = plot.points;
    expect(a!.x).toBeCloseTo(VIEW.left);
    expect(c!.x).toBeCloseTo(VIEW.width - VIEW.right);
    expect((b!.x - a!.x) / (c!.x - a!.x)).toBeCloseTo(0.1);
    expect(b!.y).toBeLessThan(a!.y);
    expect(c!.y).toBeGreaterThan(a!.y);
    for (const p of plot.points) {
      expect(p.y).toBeGreaterThanOrEqual(VIEW.top - 1e-9);
      expect(p.y).toBeLessThanOrEqual(VIEW.height - VIEW.bottom + 1e-9);
    }
    expect(plotRatio([{ date: '2025-01-01', ratio: 3 }]).points[0]?.x).toBeCloseTo(
      (VIEW.left + VIEW.width - VIEW.right) / 2,
    );
  });
});
