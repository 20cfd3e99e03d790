/**
 * Re-imports and corrections against the rows already in DeskPrices, and the checked records an
 * import writes: duplicates skipped and counted, corrections appended naming the row they
 * correct, hostile text kept as text all the way to the cells.
 */
import {
  candidatesFromGrid,
  guessMapping,
  markCandidates,
  priceRecords,
  rowCells,
  columnList,
  type ImportMark,
  type PriceCandidate,
  type RecordValues,
} from '../../../src/core';
import { DEFAULTS, idMaker } from './helpers';

const H = ['Code', 'Product', 'Location', 'Low', 'High', 'Unit', 'Date', 'Source'];
const row = (code: string, product: string, low: string, high: string, date = '2025-01-09') => [
  code,
  product,
  code === '' ? '' : 'fob China',
  low,
  high,
  'USD/kg',
  date,
  'Fastmarkets',
];
const candidates = (...rows: string[][]): PriceCandidate[] =>
  candidatesFromGrid([H, ...rows], guessMapping(H).mapping, DEFAULTS);

function stamps(seed = 1) {
  return {
    importId: '11111111-1111-4111-8111-111111111111',
    importedAt: '2025-01-10T09:00:00.000Z',
    importedBy: ' analyst ',
    newId: idMaker(seed),
  };
}

/** Imports candidates into an in-memory "table" of rows as read back (plain values). */
function record(
  cs: PriceCandidate[],
  table: RecordValues[],
): { marks: ImportMark[]; written: number } {
  const marks = markCandidates(cs, table);
  const r = priceRecords(cs, marks, stamps(table.length + 1));
  if (!r.ok) throw new Error(r.message);
  table.push(...r.records);
  return { marks, written: r.records.length };
}

describe('markCandidates and priceRecords', () => {
  const first = () =>
    candidates(
      row('MB-DY-0001', 'Dysprosium oxide 99.5%', '230', '240'),
      row('MB-TB-0001', 'Terbium oxide 99.99%', '805', '835'),
      row('', 'La oxide', '0.5', '0.6'),
    );

  it('a first import is all new; its records carry the stamps and a checked Price mid', () => {
    const table: RecordValues[] = [];
    const { marks, written } = record(first(), table);
    expect(marks).toEqual([{ kind: 'new' }, { kind: 'new' }, { kind: 'new' }]);
    expect(written).toBe(3);
    expect(table[0]).toMatchObject({
      importId: '11111111-1111-4111-8111-111111111111',
      importedAt: '2025-01-10T09:00:00.000Z',
      importedBy: 'analyst',
      priceCode: 'MB-DY-0001',
      product: 'Dy oxide',
      priceMid: 235,
      correctionOf: null,
    });
    expect(table[2]?.priceMid).toBe(0.55);
  });

  it('a re-import writes nothing: every row a duplicate of the row already recorded', () => {
    const table: RecordValues[] = [];
    record(first(), table);
    const again = record(first(), table);
    expect(again.written).toBe(0);
    expect(again.marks).toEqual(table.map((r) => ({ kind: 'duplicate', of: r.recordId })));
  });

  it('other prices for a recorded price are a correction of its latest row, appended; re-importing either is a duplicate', () => {
    const table: RecordValues[] = [];
    record(first(), table);
    const fixed = candidates(row('MB-DY-0001', 'Dy oxide', '231', '240'));
    const c = record(fixed, table);
    expect(c.marks).toEqual([{ kind: 'correction', of: table[0]?.recordId }]);
    expect(table[3]).toMatchObject({ priceLow: 231, correctionOf: table[0]?.recordId });
    expect(table[0]?.priceLow).toBe(230); // never overwritten
    const second = record(candidates(row('MB-DY-0001', 'Dy oxide', '232', '240')), table);
    expect(second.marks).toEqual([{ kind: 'correction', of: table[3]?.recordId }]);
    expect(record(candidates(row('MB-DY-0001', '', '230', '240')), table).marks).toEqual([
      { kind: 'duplicate', of: table[0]?.recordId },
    ]);
  });

  it('a different date, basis or source is a different price; case and spacing are not', () => {
    const table: RecordValues[] = [];
    record(first(), table);
    const marks = markCandidates(
      candidates(
        row('MB-DY-0001', '', '230', '240', '2025-01-16'),
        [...row('mb-dy-0001', '', '230', '240').slice(0, 7), ' fastmarkets '],
        [...row('MB-DY-0001', '', '230', '240').slice(0, 7), 'Colleague sheet'],
      ),
      table,
    );
    expect(marks).toEqual([
      { kind: 'new' },
      { kind: 'duplicate', of: table[0]?.recordId },
      { kind: 'new' },
    ]);
  });

  it('rows read back from the sheet as cells (dates as serials, numbers as text) still match', () => {
    const table: RecordValues[] = [];
    record(first(), table);
    const asRead = table.map((r) => ({ ...r, priceDate: 45666, priceLow: String(r.priceLow) }));
    expect(markCandidates(first(), asRead).map((m) => m.kind)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
  });

  it('two rows of one import for the same price: the later is refused, naming the earlier', () => {
    const cs = candidates(
      row('MB-DY-0001', '', '230', '240'),
      row('MB-DY-0001', '', '230', '240'),
      row('MB-DY-0001', '', '231', '240'),
    );
    expect(markCandidates(cs, [])).toEqual([
      { kind: 'new' },
      {
        kind: 'invalid',
        reasons: ['Line 3 repeats line 2 of this import (same price, date, basis and source)'],
      },
      {
        kind: 'invalid',
        reasons: [
          'Line 4 gives other prices than line 2 of this import for the same price, date, basis and source — untick one',
        ],
      },
    ]);
  });

  it('an invalid candidate is marked with its reasons, and refused if it reaches priceRecords', () => {
    const cs = candidates(row('', 'La oxide', '4,000', '3,600'));
    const marks = markCandidates(cs, []);
    expect(marks).toEqual([
      { kind: 'invalid', reasons: ['Price high: 3600 is below Price low 4000 (crossed prices)'] },
    ]);
    const r = priceRecords(cs, marks, stamps());
    expect(r).toEqual({
      ok: false,
      message:
        'Line 2 cannot be recorded — Price high: 3600 is below Price low 4000 (crossed prices); untick it or correct it',
    });
  });

  it('bad stamps refuse the whole import (all or nothing)', () => {
    const cs = first();
    const r = priceRecords(cs, markCandidates(cs, []), { ...stamps(), importId: 'not-a-uuid' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toMatch(/^Line 2 is invalid — Import ID: 'not-a-uuid' is not a valid/);
  });
});

describe('hostile text stays text', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1', '@x', '-2', '=1+2'])(
    '%s as product, code and source label is kept exactly, and written quote-prefixed',
    (hostile) => {
      const cs = candidatesFromGrid(
        [
          ['Code', 'Product', 'Price', 'Unit', 'Date', 'Source'],
          [hostile, hostile, '3,600', 'CNY/t', '2025-01-09', hostile],
        ],
        { 0: 'priceCode', 1: 'product', 2: 'price', 3: 'unit', 4: 'priceDate', 5: 'sourceLabel' },
        DEFAULTS,
      );
      expect(cs[0]?.problems).toEqual([]);
      expect(cs[0]?.values).toMatchObject({
        priceCode: hostile,
        product: hostile,
        sourceLabel: hostile,
      });
      const r = priceRecords(cs, markCandidates(cs, []), stamps());
      if (!r.ok) throw new Error(r.message);
      const fields = columnList('prices').map((c) => c.field);
      const cells = rowCells('prices', r.records[0] as RecordValues, fields);
      for (const f of ['priceCode', 'product', 'sourceLabel'])
        expect(cells[fields.indexOf(f)]).toBe(`'${hostile}`);
    },
  );

  it('a formula in a price or date cell is refused, never read', () => {
    const cs = candidatesFromGrid(
      [
        ['Product', 'Price', 'Unit', 'Date'],
        ['La oxide', '=1+2', 'CNY/t', '=TODAY()'],
      ],
      { 0: 'product', 1: 'price', 2: 'unit', 3: 'priceDate' },
      DEFAULTS,
    );
    expect(cs[0]?.problems).toEqual([
      "Price or range: cannot read '=1+2' as a price",
      "Price date: '=TODAY()' is not a date (use 2025-01-09, Jan 9, 2025, 9 January 2025 or 9/1/2025)",
    ]);
  });
});
