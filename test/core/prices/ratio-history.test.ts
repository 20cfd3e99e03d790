/** The ratio over time: per price date, both legs' latest prices in one unit and DESK.RATIO of them. */
import fc from 'fast-check';
import { convert, ratio, ratioHistory, type RecordValues } from '../../../src/core';
import { fcParams } from '../fc-seed';
import { record, type Row } from './price-rows';

const rowsOf = (rows: Row[]): RecordValues[] => rows.map((r, i) => record(r, i));

const NDPR_DY: Row[] = [
  { date: '2025-01-02', product: 'NdPr oxide', mid: 430_000, source: 'SMM' },
  { date: '2025-01-09', product: 'Dy oxide', mid: 1_640_000, source: 'SMM' },
  { date: '2025-01-09', product: 'NdPr oxide', mid: 440_000, source: 'SMM' },
  { date: '2025-01-16', product: 'Dy oxide', mid: 1_600_000, source: 'SMM' },
  { date: '2025-01-23', product: 'NdPr oxide', mid: 450_000, source: 'SMM (corrected)' },
];

describe('ratioHistory', () => {
  it('has a point per price date on which both legs have a latest price, never a later one', () => {
    const out = ratioHistory(rowsOf(NDPR_DY), { numerator: 'NdPr oxide', denominator: 'Dy oxide' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.points.map((p) => [p.date, p.numerator, p.denominator])).toEqual([
      // 2025-01-02: Dy has no price yet, so no point.
      ['2025-01-09', 440_000, 1_640_000],
      ['2025-01-16', 440_000, 1_600_000],
      ['2025-01-23', 450_000, 1_600_000],
    ]);
    expect(out.points.every((p) => p.unit === 'CNY/t')).toBe(true);
  });

  it('gives each point its sources, with a leg’s own date when its price is older', () => {
    const out = ratioHistory(rowsOf(NDPR_DY), { numerator: 'ndpr OXIDE', denominator: 'dy oxide' });
    if (!out.ok) throw new Error(out.message);
    const at16 = out.points.find((p) => p.date === '2025-01-16');
    expect(at16?.numeratorSource).toBe('SMM (2025-01-09)');
    expect(at16?.denominatorSource).toBe('SMM');
  });

  it('each ratio is what =DESK.RATIO gives on the point’s numerator and denominator cells', () => {
    const out = ratioHistory(rowsOf(NDPR_DY), { numerator: 'NdPr oxide', denominator: 'Dy oxide' });
    if (!out.ok) throw new Error(out.message);
    for (const p of out.points) expect(p.ratio).toBe(ratio(p.numerator, p.denominator));
    expect(out.points[0]?.ratio).toBe(440_000 / 1_640_000);
  });

  it('converts both legs into one unit with DESK.CONVERT’s calculation (fx when currencies differ)', () => {
    const rows = rowsOf([
      {
        date: '2025-01-09',
        code: 'MB-NDP-0001',
        product: 'NdPr oxide',
        basis: 'fob China',
        mid: 60.5,
        unit: 'USD/kg',
        source: 'Fastmarkets',
      },
      {
        date: '2025-01-09',
        code: 'MB-DY-0001',
        product: 'Dy oxide',
        basis: 'fob China',
        mid: 230,
        unit: 'USD/kg',
        source: 'Fastmarkets',
      },
      {
        date: '2025-01-16',
        code: 'MB-DY-0001',
        product: 'Dy oxide',
        basis: 'fob China',
        mid: 1_650_000,
        unit: 'CNY/t',
        source: 'a colleague (illustrative)',
      },
    ]);
    const q = { numerator: 'MB-NDP-0001', denominator: 'MB-DY-0001', fx: 7.3 };
    const out = ratioHistory(rows, q);
    if (!out.ok) throw new Error(out.message);
    expect(out.points.map((p) => p.unit)).toEqual(['USD/kg', 'USD/kg']);
    expect(out.points[1]?.denominator).toBe(convert(1_650_000, 'CNY/t', 'USD/kg', 7.3));
    const inTonnes = ratioHistory(rows, { ...q, unit: 'CNY/t' });
    if (!inTonnes.ok) throw new Error(inTonnes.message);
    expect(inTonnes.points[0]?.numerator).toBe(convert(60.5, 'USD/kg', 'CNY/t', 7.3));
    expect(inTonnes.points[1]?.denominator).toBe(1_650_000);
    const noFx = ratioHistory(rows, { numerator: 'MB-NDP-0001', denominator: 'MB-DY-0001' });
    expect(noFx).toEqual({
      ok: false,
      message:
        'DeskPrices row 3 is in CNY/t and the ratio is shown in USD/kg: give an FX rate (CNY per USD)',
    });
  });

  it('strips VAT from a China domestic incl. VAT price, as the review form compares prices', () => {
    const rows = rowsOf([
      {
        date: '2025-01-09',
        product: 'NdPr oxide',
        basis: 'China domestic incl. VAT',
        mid: 452_000,
        source: 'SMM',
      },
      {
        date: '2025-01-09',
        code: 'MB-DY-0001',
        product: 'Dy oxide',
        basis: 'fob China',
        mid: 230,
        unit: 'USD/kg',
        source: 'Fastmarkets',
      },
    ]);
    const out = ratioHistory(rows, { numerator: 'NdPr oxide', denominator: 'MB-DY-0001', fx: 7.3 });
    if (!out.ok) throw new Error(out.message);
    expect(out.points[0]?.numerator).toBe(convert(452_000, 'CNY/t', 'USD/kg', 7.3, 0.13));
  });

  it('a leg at several bases is refused naming them; locationBasis keeps one', () => {
    const rows = rowsOf([
      ...NDPR_DY.map((r) => ({ ...r, basis: 'China domestic incl. VAT' })),
      {
        date: '2025-01-09',
        product: 'Dy oxide',
        basis: 'fob China',
        mid: 230,
        unit: 'USD/kg',
        source: 'Fastmarkets',
      },
    ]);
    const q = { numerator: 'NdPr oxide', denominator: 'Dy oxide' };
    const both = ratioHistory(rows, q);
    expect(both.ok).toBe(false);
    expect(!both.ok && both.message).toBe(
      "'Dy oxide' has prices at several location bases on or before 2025-01-09 ('China domestic incl. VAT', 'fob China'); give a location basis",
    );
    const one = ratioHistory(rows, { ...q, locationBasis: 'China domestic incl. VAT' });
    expect(one.ok && one.points).toHaveLength(3);
  });

  it('refuses an unknown key, a blank key, or a row it cannot read, naming it', () => {
    const rows = rowsOf(NDPR_DY);
    expect(ratioHistory(rows, { numerator: 'Tb oxide', denominator: 'Dy oxide' })).toEqual({
      ok: false,
      message: "no price for 'Tb oxide': no row's Price code or Product is 'Tb oxide'",
    });
    expect(ratioHistory(rows, { numerator: '', denominator: 'Dy oxide' }).ok).toBe(false);
    const bad = rowsOf([
      ...NDPR_DY,
      { date: '2025-01-30', product: 'Dy oxide', mid: 'n/a', source: 'x' },
    ]);
    expect(ratioHistory(bad, { numerator: 'NdPr oxide', denominator: 'Dy oxide' })).toEqual({
      ok: false,
      message: "DeskPrices row 6: Price mid is 'n/a', not a number",
    });
  });

  it('property: every point’s legs are the latest prices on or before its date', () => {
    const day = (d: number) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
    const arb = fc.array(
      fc.record({
        d: fc.integer({ min: 0, max: 20 }),
        leg: fc.boolean(),
        mid: fc.integer({ min: 1, max: 10_000 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (drawn) => {
        const rows = drawn.map((x) => ({
          date: day(x.d),
          product: x.leg ? 'NdPr oxide' : 'Dy oxide',
          mid: x.mid,
          source: 's',
        }));
        const out = ratioHistory(rowsOf(rows), {
          numerator: 'NdPr oxide',
          denominator: 'Dy oxide',
        });
        if (!drawn.some((x) => x.leg) || !drawn.some((x) => !x.leg)) {
          expect(!out.ok && out.message).toMatch(/^no price for '(NdPr|Dy) oxide'/);
          return;
        }
        if (!out.ok) throw new Error(out.message);
        const latestMid = (product: string, date: string) => {
          const on = drawn
            .map((x, i) => ({ ...x, i, date: day(x.d) }))
            .filter((x) => (x.leg ? 'NdPr oxide' : 'Dy oxide') === product && x.date <= date);
          if (on.length === 0) return undefined;
          const best = on.reduce((a, b) =>
            b.date > a.date || (b.date === a.date && b.i > a.i) ? b : a,
          );
          return best.mid;
        };
        const dates = [...new Set(rows.map((r) => r.date))].sort();
        const expected = dates
          .map((date) => [date, latestMid('NdPr oxide', date), latestMid('Dy oxide', date)])
          .filter(([, n, d]) => n !== undefined && d !== undefined);
        expect(out.points.map((p) => [p.date, p.numerator, p.denominator])).toEqual(expected);
      }),
      fcParams(200),
    );
  });
});
