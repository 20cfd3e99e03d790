/** DESK.LATEST (latestFromGrid) and the pane's latestPrice: one rule, as a user sees it. */
import {
  dateFromExcelSerial,
  excelSerialFromDate,
  latestFromGrid,
  latestPrice,
  PRICE_HEADERS,
  columnList,
  type Arg,
  type Output,
  type Scalar,
} from '../../../src/core';
import { expectError } from '../helpers';
import { grid, HEADERS, record, type Row } from './price-rows';

const NOW = new Date('2025-03-01T12:00:00Z');
const serial = (iso: string): number => excelSerialFromDate(new Date(`${iso}T00:00:00Z`));

/** SMM's La oxide and Pr-Nd oxide (seed: Jan 9, 2025) and Fastmarkets-style Dy oxide rows. */
const ROWS: Row[] = [
  { date: serial('2025-01-02'), product: 'La oxide', mid: 3900, source: 'SMM 2025-01-02' },
  { date: serial('2025-01-09'), product: 'La oxide', mid: 3800, source: 'SMM 2025-01-09' },
  {
    date: serial('2025-01-09'),
    code: 'MB-DY-0001',
    product: 'Dy oxide',
    basis: 'fob China',
    low: 200,
    high: 210,
    mid: 205,
    unit: 'USD/kg',
    source: 'Fastmarkets',
  },
  { date: serial('2025-01-16'), product: 'La oxide', mid: 3700, source: 'SMM 2025-01-16' },
];

const latest = (
  prices: Arg,
  key: Arg,
  asOf: Arg = null,
  field: Arg = null,
  basis: Arg = null,
): Output => latestFromGrid(prices, key, asOf, field, basis, NOW);

describe('DESK.LATEST: the latest price on or before as_of', () => {
  const table = grid(ROWS);

  it('returns the mid of the latest row on or before as_of, by product', () => {
    expect(latest(table, 'La oxide', '2025-01-09')).toBe(3800);
    expect(latest(table, 'La oxide', '2025-01-15')).toBe(3800);
    expect(latest(table, 'La oxide', '2025-01-16')).toBe(3700);
    expect(latest(table, 'La oxide')).toBe(3700); // as_of defaults to now
  });

  it('never returns a price dated after as_of: before the first price it is #N/A naming key and date', () => {
    expectError(
      latest(table, 'La oxide', '2025-01-01'),
      'na',
      "no price for 'La oxide' on or before 2025-01-01",
    );
  });

  it('counts a price dated by day from the start of that day, to the minute', () => {
    expect(latest(table, 'La oxide', '2025-01-15T23:59')).toBe(3800);
    expect(latest(table, 'La oxide', '2025-01-16T00:00')).toBe(3700);
    // A Price date holding a time of day still counts from the start of its day.
    const timed = grid([
      { date: serial('2025-01-16') + 0.9, product: 'La oxide', mid: 1, source: 's' },
    ]);
    expect(latest(timed, 'La oxide', '2025-01-16T00:00')).toBe(1);
  });

  it('takes as_of as NOTE_STATUS does: serials, ISO text, an offset read in the zone', () => {
    expect(latest(table, 'La oxide', serial('2025-01-09'))).toBe(3800);
    expect(latest(table, 'La oxide', String(serial('2025-01-16')))).toBe(3700);
    // 2025-01-16T01:00+08:00 is 2025-01-15 17:00 UTC: before the 16th's price.
    expect(latest(table, 'La oxide', '2025-01-16T01:00+08:00')).toBe(3800);
    expectError(latest(table, 'La oxide', 0), 'na', 'as_of is empty');
    expectError(latest(table, 'La oxide', 'next week'), 'value', "as_of: cannot read 'next week'");
  });

  it('matches a price code first, then a product, case- and space-insensitively', () => {
    expect(latest(table, 'mb-dy-0001', '2025-01-31')).toBe(205);
    expect(latest(table, '  dy   OXIDE ', '2025-01-31')).toBe(205);
    const clash = grid([
      { date: serial('2025-01-09'), code: 'Dy oxide', product: 'Other', mid: 1, source: 'code' },
      { date: serial('2025-01-10'), product: 'Dy oxide', mid: 2, source: 'product' },
    ]);
    expect(latest(clash, 'DY OXIDE', '2025-01-31', 'source')).toBe('code');
  });

  it('of several rows on the latest date returns the last in the table (a correction)', () => {
    const corrected = grid([
      { date: serial('2025-01-09'), product: 'La oxide', mid: 3800, source: 'first' },
      { date: serial('2025-01-16'), product: 'La oxide', mid: 3700, source: 'later date' },
      { date: serial('2025-01-09'), product: 'La oxide', mid: 3850, source: 'correction' },
    ]);
    expect(latest(corrected, 'La oxide', '2025-01-10')).toBe(3850);
    expect(latest(corrected, 'La oxide', '2025-01-10', 'source')).toBe('correction');
    expect(latest(corrected, 'La oxide', '2025-01-20')).toBe(3700);
  });

  it('finds the latest in a table in any order: reversed, shuffled, corrections far from their date', () => {
    const days = Array.from({ length: 60 }, (_, i) => i);
    const rows = (order: number[]): Row[] =>
      order.map((d) => ({
        date: serial('2025-01-01') + d,
        product: 'La oxide',
        mid: d,
        source: `d${d}`,
      }));
    const reversed = grid(rows([...days].reverse()));
    const shuffled = grid(rows(days.map((d) => (d * 37) % 60)));
    for (const table of [reversed, shuffled]) {
      expect(latest(table, 'La oxide', serial('2025-01-01') + 41.5)).toBe(41);
      expect(latest(table, 'La oxide', serial('2025-01-01') + 59)).toBe(59);
    }
    // Two rows on one date in a reversed table: still the later row of the table.
    const tie = grid([
      ...rows([...days].reverse()),
      { date: serial('2025-01-01') + 10, product: 'La oxide', mid: 1010, source: 'correction' },
    ]);
    expect(latest(tie, 'La oxide', serial('2025-01-01') + 10)).toBe(1010);
  });

  it('a range of keys spills one result per key, each error in its own cell', () => {
    const out = latest(
      table,
      [
        ['La oxide', 'MB-DY-0001'],
        ['Ce oxide', 'la oxide'],
      ],
      '2025-01-09',
    );
    expect(Array.isArray(out)).toBe(true);
    const rows = out as unknown[][];
    expect(rows[0]).toEqual([3800, 205]);
    expect(rows[1]?.[1]).toBe(3800);
    expectError(rows[1]?.[0] as Output, 'na', "no price for 'Ce oxide' on or before 2025-01-09");
    expect(latest(table, [['La oxide']], '2025-01-09')).toEqual([[3800]]);
    // as_of broadcasts against the keys or pairs with them, like any DESK argument.
    expect(latest(table, [['La oxide'], ['La oxide']], [['2025-01-02'], ['2025-01-16']])).toEqual([
      [3900],
      [3700],
    ]);
  });

  it('reads the key: blank is #N/A, a logical or data-type value is #VALUE!', () => {
    expectError(latest(table, null), 'na', 'key is required');
    expectError(latest(table, true), 'value', 'key: TRUE is a logical value');
    expectError(latest(table, { type: 'Entity' } as unknown as Scalar), 'value', 'key:');
    expectError(latest(table, 'x'.repeat(300)), 'value', 'key: the text is too long');
  });
});

describe('DESK.LATEST fields', () => {
  const table = grid(ROWS);
  const asOf = '2025-01-31';

  it.each([
    ['mid', 205],
    ['LOW', 200],
    [' High ', 210],
    ['Unit', 'USD/kg'],
    ['code', 'MB-DY-0001'],
    ['source', 'Fastmarkets'],
    ['date', serial('2025-01-09')],
  ])('field %p returns %p', (field, expected) => {
    expect(latest(table, 'MB-DY-0001', asOf, field)).toBe(expected);
  });

  it('date is the stored serial, or the day as a serial when the cell holds ISO text', () => {
    const timed = grid([
      { date: serial('2025-01-09') + 0.5, product: 'La oxide', mid: 1, source: 's' },
    ]);
    expect(latest(timed, 'La oxide', asOf, 'date')).toBe(serial('2025-01-09') + 0.5);
    const text = grid([{ date: '2025-01-09', product: 'La oxide', mid: 1, source: 's' }]);
    expect(latest(text, 'La oxide', asOf, 'date')).toBe(serial('2025-01-09'));
  });

  it('an unknown field is #VALUE! listing the field names', () => {
    expectError(
      latest(table, 'MB-DY-0001', asOf, 'price'),
      'value',
      "field must be mid, low, high, date, unit, code or source (got 'price')",
    );
  });

  it('a blank cell of the field is #N/A naming the row; a mid typed as text is read', () => {
    expectError(
      latest(table, 'La oxide', asOf, 'code'),
      'na',
      'prices row 5) has a blank Price code',
    );
    const typed = grid([
      { date: serial('2025-01-09'), product: 'La oxide', mid: '3,800', source: 's' },
    ]);
    expect(latest(typed, 'La oxide', asOf)).toBe(3800);
  });
});

describe('DESK.LATEST location basis', () => {
  const mixed = grid([
    {
      date: serial('2025-01-09'),
      product: 'NdPr oxide',
      basis: 'China domestic incl. VAT',
      mid: 430_000,
      source: 'SMM',
    },
    {
      date: serial('2025-01-16'),
      product: 'NdPr oxide',
      basis: 'fob China',
      mid: 56,
      unit: 'USD/kg',
      source: 'Fastmarkets',
    },
  ]);

  it('a key with prices at several bases and no location_basis is #VALUE! naming them', () => {
    expectError(
      latest(mixed, 'NdPr oxide', '2025-01-20'),
      'value',
      "'NdPr oxide' has prices at several location bases on or before 2025-01-20 ('China domestic incl. VAT', 'fob China'); give location_basis",
    );
  });

  it('location_basis keeps only its rows, case-insensitively', () => {
    expect(latest(mixed, 'NdPr oxide', '2025-01-20', null, 'FOB china')).toBe(56);
    expect(latest(mixed, 'NdPr oxide', '2025-01-20', null, 'China domestic incl. VAT')).toBe(
      430_000,
    );
    expectError(
      latest(mixed, 'NdPr oxide', '2025-01-10', null, 'fob China'),
      'na',
      "no price for 'NdPr oxide' at 'fob China' on or before 2025-01-10",
    );
    expectError(
      latest(mixed, 'NdPr oxide', '2025-01-20', null, 'cif Rotterdam'),
      'na',
      "its prices are at 'China domestic incl. VAT', 'fob China'",
    );
  });

  it('a basis first priced after as_of does not make an earlier answer ambiguous (no hindsight)', () => {
    expect(latest(mixed, 'NdPr oxide', '2025-01-10')).toBe(430_000);
  });
});

describe('DESK.LATEST headers', () => {
  it('finds the DeskPrices headers the schema declares', () => {
    for (const [field, header] of Object.entries(PRICE_HEADERS)) {
      expect(columnList('prices').find((c) => c.field === field)?.header).toBe(header);
    }
  });

  it('finds columns by header in any order, any case and spacing, with other columns added', () => {
    const shuffled = [...HEADERS].reverse().map((h) => h.toUpperCase().replace(' ', '  '));
    const table = grid(ROWS, [...HEADERS].reverse());
    table[0] = ['Notes', ...shuffled];
    for (let r = 1; r < table.length; r++)
      table[r] = ['a colleague’s note', ...(table[r] as Scalar[])];
    expect(latest(table, 'MB-DY-0001', '2025-01-31', 'high')).toBe(210);
  });

  it('a header the call needs that is missing is #VALUE! naming it; others may be absent', () => {
    const without = (...drop: string[]) =>
      grid(
        ROWS,
        HEADERS.filter((h) => !drop.includes(h)),
      );
    expectError(
      latest(without('Price date'), 'La oxide'),
      'value',
      "prices has no 'Price date' column",
    );
    expectError(
      latest(without('Price mid'), 'La oxide'),
      'value',
      "prices has no 'Price mid' column",
    );
    // Without Price mid the other fields still answer; without Location basis so does an unfiltered call.
    expect(latest(without('Price mid'), 'MB-DY-0001', '2025-01-31', 'low')).toBe(200);
    expect(latest(without('Location basis'), 'MB-DY-0001', '2025-01-31')).toBe(205);
    expectError(
      latest(without('Location basis'), 'MB-DY-0001', '2025-01-31', null, 'fob China'),
      'value',
      "prices has no 'Location basis' column",
    );
    // A key column may be absent: codes still match; a product then says why it cannot.
    expect(latest(without('Product'), 'MB-DY-0001', '2025-01-31')).toBe(205);
    expectError(latest(without('Product'), 'La oxide', '2025-01-31'), 'na', "no 'Product' column");
    expectError(
      latest(without('Product', 'Price code'), 'La oxide'),
      'value',
      "neither a 'Price code' nor a 'Product' column",
    );
  });

  it('the table without its header row (DeskPrices, not DeskPrices[#All]) says to pass the headers', () => {
    const body = grid(ROWS).slice(1);
    expectError(latest(body, 'La oxide'), 'value', 'DeskPrices[#All]');
  });

  it('a header twice is #VALUE! naming it', () => {
    const table = grid(ROWS, [...HEADERS, 'Price Mid']);
    expectError(latest(table, 'La oxide'), 'value', "prices has two 'Price mid' columns");
  });

  it('prices must be a rectangle of cells with a header row', () => {
    expectError(latest('DeskPrices', 'La oxide'), 'value', 'prices must be a range');
    expectError(latest(null, 'La oxide'), 'na', 'prices is required');
    expectError(
      latest([[...HEADERS], ['x']], 'La oxide'),
      'value',
      'prices: rows have different lengths',
    );
  });
});

describe('DESK.LATEST unreadable rows', () => {
  it('a row of the key whose Price date cannot be read makes the key #VALUE! naming the row', () => {
    const table = grid([
      { date: serial('2025-01-09'), product: 'La oxide', mid: 3800, source: 's' },
      { date: 'last Thursday', product: 'La oxide', mid: 3700, source: 's' },
      { date: '', product: 'Ce oxide', mid: 7900, source: 's' },
      { date: serial('2025-01-09'), product: 'Y oxide', mid: 45_000, source: 's' },
    ]);
    expectError(
      latest(table, 'La oxide'),
      'value',
      "prices row 3: cannot read 'last Thursday' as a Price date",
    );
    expectError(latest(table, 'Ce oxide'), 'value', 'prices row 4: Price date is blank');
    expect(latest(table, 'Y oxide')).toBe(45_000); // other keys still answer
  });

  it('blank rows and rows without a key are not prices', () => {
    const table = grid([
      { date: serial('2025-01-09'), product: 'La oxide', mid: 3800, source: 's' },
    ]);
    table.push(HEADERS.map(() => ''));
    expect(latest(table, 'La oxide')).toBe(3800);
  });
});

describe("latestPrice: the pane's view, the same rule", () => {
  // As the pane reads them: Price date as yyyy-mm-dd.
  const day = (s: number): string => dateFromExcelSerial(s).toISOString().slice(0, 10);
  const records = ROWS.map((r, i) => record({ ...r, date: day(r.date as number) }, i));

  it('returns the row of the latest price on or before as_of', () => {
    const out = latestPrice(records, { key: 'La oxide', asOf: new Date('2025-01-10T00:00:00Z') });
    expect(out.ok && out.row.priceMid).toBe(3800);
    expect(out.ok && out.row.priceDate).toBe('2025-01-09');
  });

  it('refuses a price only dated after as_of, naming key and date', () => {
    const out = latestPrice(records, { key: 'La oxide', asOf: new Date('2025-01-01T00:00:00Z') });
    expect(out).toEqual({
      ok: false,
      message: "no price for 'La oxide' on or before 2025-01-01 (its first is dated 2025-01-02)",
    });
  });

  it('several bases ask for a location basis; one given selects', () => {
    const rows = [
      record({
        date: '2025-01-09',
        product: 'NdPr oxide',
        basis: 'fob China',
        mid: 56,
        source: 'a',
      }),
      record({
        date: '2025-01-09',
        product: 'NdPr oxide',
        basis: 'cif Rotterdam',
        mid: 58,
        source: 'b',
      }),
    ];
    const asOf = new Date('2025-01-09T00:00:00Z');
    const both = latestPrice(rows, { key: 'NdPr oxide', asOf });
    expect(both.ok).toBe(false);
    expect(!both.ok && both.message).toContain('give a location basis');
    const one = latestPrice(rows, { key: 'NdPr oxide', asOf, locationBasis: 'cif Rotterdam' });
    expect(one.ok && one.row.sourceLabel).toBe('b');
  });

  it('refuses a blank key or an invalid date with a sentence', () => {
    expect(latestPrice(records, { key: ' ', asOf: NOW })).toEqual({
      ok: false,
      message: 'Give a price code or a product to look up',
    });
    expect(latestPrice(records, { key: 'La oxide', asOf: new Date(NaN) }).ok).toBe(false);
  });
});
