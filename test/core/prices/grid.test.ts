/**
 * Pasted grids and CSV files: headers mapped, numbers in the desk's forms, units in cells,
 * headers or the price text, and every bad cell a message on its row naming field and value.
 * The Fastmarkets-style export's codes and bases are the methodology seed's
 * (../shared/seeds/004_…txt); its figures are illustrative.
 */
import {
  candidatesFromGrid,
  guessMapping,
  IMPORT_ROW_LIMIT,
  type ImportDefaults,
  type PriceCandidate,
} from '../../../src/core';
import { csvGrid, DEFAULTS, fixture } from './helpers';

const FM: ImportDefaults = { ...DEFAULTS, sourceLabel: 'Fastmarkets' };

function read(grid: string[][], d: ImportDefaults = FM): PriceCandidate[] {
  return candidatesFromGrid(grid, guessMapping(grid[0] ?? []).mapping, d);
}
const only = (grid: string[][], d?: ImportDefaults): PriceCandidate => {
  const [c, ...rest] = read(grid, d);
  expect(rest).toEqual([]);
  return c as PriceCandidate;
};

describe('guessMapping', () => {
  it('maps a Fastmarkets export’s headers', () => {
    const headers = csvGrid(fixture('fastmarkets-export.csv'))[0] ?? [];
    expect(guessMapping(headers).mapping).toEqual({
      0: 'priceCode',
      1: 'product',
      2: 'locationBasis',
      3: 'priceLow',
      4: 'priceHigh',
      5: 'priceMid',
      6: 'unit',
      7: 'priceDate',
    });
  });

  it('maps the schema’s own headers, any case, and reads units in headers', () => {
    const g = guessMapping([
      'PRICE DATE',
      'Product',
      'Low (USD/kg)',
      'High [yuan/mt]',
      'Price, $/lb',
      'Notes',
      'Source',
    ]);
    expect(g.mapping).toEqual({
      0: 'priceDate',
      1: 'product',
      2: 'priceLow',
      3: 'priceHigh',
      4: 'price',
      5: null,
      6: 'sourceLabel',
    });
    expect(g.unitInHeader).toEqual([null, null, 'USD/kg', 'CNY/t', 'USD/lb', null, null]);
  });

  it('gives a field to the first column naming it, not to a second', () => {
    expect(guessMapping(['Low', 'Min', 'Date']).mapping).toEqual({
      0: 'priceLow',
      1: null,
      2: 'priceDate',
    });
  });
});

describe('a Fastmarkets-style CSV', () => {
  const cs = read(csvGrid(fixture('fastmarkets-export.csv')));

  it('reads every row: codes, products from the grade text, bases, prices and dates in each form', () => {
    expect(
      cs.map((c) => [
        c.line,
        c.values.priceCode,
        c.values.product,
        c.values.locationBasis,
        c.values.priceLow,
        c.values.priceHigh,
        c.values.priceMid,
        c.values.unit,
        c.values.priceDate,
      ]),
    ).toEqual([
      [2, 'MB-NDP-0001', 'NdPr oxide', 'fob China', 57.5, 59.5, 58.5, 'USD/kg', '2025-01-09'],
      [3, 'MB-DY-0001', 'Dy oxide', 'fob China', 230, 240, 235, 'USD/kg', '2025-01-09'],
      [4, 'MB-TB-0001', 'Tb oxide', 'fob China', 805, 835, 820, 'USD/kg', '2025-01-09'],
      [5, 'MB-GD-0002', 'Gd oxide', 'ex-warehouse Rotterdam', 19, 22, 20.5, 'USD/kg', '2025-01-09'],
      [
        6,
        'MB-ND-0001',
        'Nd oxide',
        'cif Rotterdam',
        1061.37,
        1075,
        1068.185,
        'USD/kg',
        '2025-01-13',
      ],
    ]);
    expect(cs.every((c) => c.problems.length === 0)).toBe(true);
    expect(cs.every((c) => c.values.sourceLabel === 'Fastmarkets')).toBe(true);
  });

  it('keeps each raw row, tab-joined, as its source', () => {
    expect(cs[0]?.source).toBe(
      'MB-NDP-0001\tNeodymium-Praseodymium oxide 99%\tfob China\t57.5\t59.5\t58.5\tUSD/kg\t2025-01-09',
    );
  });

  it('a thousands comma left unquoted shifts the row: the extra cell is named, not dropped', () => {
    const grid = csvGrid('Code,Low,High,Unit,Date\nMB-DY-0001,1,650,1,700,USD/kg,2025-01-09');
    expect(only(grid).problems[0]).toBe(
      'Columns: the row has 2 filled cells past the 5 headers — in a CSV, a number with a thousands comma must be quoted ("747,000")',
    );
  });

  it('a price code fills product, basis and unit; a contradicting product or basis is named', () => {
    const c = only([
      ['Code', 'Price', 'Date'],
      ['mb-dy-0001', '230-240', '2025-01-09'],
    ]);
    expect(c.values).toMatchObject({
      priceCode: 'MB-DY-0001',
      product: 'Dy oxide',
      locationBasis: 'fob China',
      unit: 'USD/kg',
    });
    const bad = only([
      ['Code', 'Product', 'Location', 'Price', 'Date'],
      ['MB-DY-0001', 'Tb oxide', 'cif Rotterdam', '230', '2025-01-09'],
    ]);
    expect(bad.problems).toEqual([
      "Product: 'Tb oxide' contradicts price code MB-DY-0001 (Dy oxide)",
      "Location basis: 'cif Rotterdam' contradicts price code MB-DY-0001 (fob China)",
    ]);
  });
});

describe('prices and units in a grid', () => {
  const grid = (headers: string[], ...rows: string[][]) => [headers, ...rows];
  const H = ['Product', 'Price', 'Unit', 'Date'];

  it('reads a range with its unit in one cell, and a single price as low = high', () => {
    expect(
      only(grid(H, ['La oxide', '3,600–4,000 yuan/mt', '', '2025-01-09'])).values,
    ).toMatchObject({ priceLow: 3600, priceHigh: 4000, priceMid: 3800, unit: 'CNY/t' });
    expect(
      only(grid(H, ['Pr-Nd oxide', '747,000', 'yuan/mt', 'Jan 9, 2025'])).values,
    ).toMatchObject({ product: 'NdPr oxide', priceLow: 747000, priceHigh: 747000, unit: 'CNY/t' });
  });

  it('takes the unit from the header, and refuses units that disagree, naming each', () => {
    const g = grid(
      ['Product', 'Low (USD/kg)', 'High (USD/kg)', 'Date'],
      ['Dy oxide', '230', '240', '2025-01-09'],
    );
    expect(only(g).values.unit).toBe('USD/kg');
    const clash = only(grid(H, ['La oxide', '3,600-4,000 yuan/mt', 'USD/kg', '2025-01-09']));
    expect(clash.problems).toEqual([
      'Unit: the row states different units (CNY/t in Price or range, USD/kg in Unit)',
    ]);
  });

  it('an unknown unit names the unit typed, in a cell or a header', () => {
    expect(only(grid(H, ['La oxide', '3,600', 'EUR/t', '2025-01-09'])).problems[0]).toMatch(
      /^Unit: unknown unit 'EUR\/t' \(use USD\/kg/,
    );
    expect(only(grid(H, ['La oxide', '3,600 EUR/t', '', '2025-01-09'])).problems[0]).toMatch(
      /^Price or range: unknown unit 'EUR\/t'/,
    );
    expect(
      only(grid(['Product', 'Price (EUR/t)', 'Date'], ['La oxide', '3,600', '2025-01-09']))
        .problems[0],
    ).toBe("Unit: the Price or range header names an unknown unit 'EUR/t'");
  });

  it('with no unit anywhere, the default unit; without one, the row says where a unit may go', () => {
    const g = grid(['Product', 'Price', 'Date'], ['La oxide', '3,600', '2025-01-09']);
    expect(only(g, { ...FM, unit: 'CNY/t' }).values.unit).toBe('CNY/t');
    expect(only(g).problems).toEqual([
      'Unit is required: give it in a Unit column, in the price ("3,600-4,000 yuan/mt"), in the header ("Low (USD/kg)") or as the import’s unit',
    ]);
  });

  it('refuses a negative price, naming the field and the value', () => {
    const c = only(
      grid(
        ['Product', 'Low', 'High', 'Unit', 'Date'],
        ['La oxide', '-3,600', '4,000', 'CNY/t', '2025-01-09'],
      ),
    );
    expect(c.problems).toEqual(["Price low: '-3,600' is negative; a price is never below 0"]);
    expect(c.values.priceLow).toBeNull();
  });

  it('refuses crossed prices, and a mid that is not the midpoint', () => {
    const h = ['Product', 'Low', 'High', 'Mid', 'Unit', 'Date'];
    expect(
      only(grid(h, ['La oxide', '4,000', '3,600', '', 'CNY/t', '2025-01-09'])).problems,
    ).toEqual(['Price high: 3600 is below Price low 4000 (crossed prices)']);
    expect(
      only(grid(h, ['La oxide', '3,600', '4,000', '3,900', 'CNY/t', '2025-01-09'])).problems,
    ).toEqual(["Price mid: '3,900' is not the midpoint of 3600 and 4000 (3800)"]);
  });

  it('refuses unreadable numbers, decimal commas and percentages with the value quoted', () => {
    const p = (price: string) =>
      only(grid(H, ['La oxide', price, 'CNY/t', '2025-01-09'])).problems[0];
    expect(p('n/a')).toBe("Price or range: cannot read 'n/a' as a price");
    expect(p('3,6')).toBe(
      "Price or range: cannot read '3,6' as a price: it looks like a decimal comma; use a point, e.g. 3.6",
    );
    expect(p('5%')).toBe("Price or range: '5%' is a percentage; give a price");
  });

  it('a range and low/high both filled is refused rather than one picked', () => {
    const c = only(
      grid(
        ['Product', 'Price', 'Low', 'Unit', 'Date'],
        ['La oxide', '3,600-4,000', '3,700', 'CNY/t', '2025-01-09'],
      ),
    );
    expect(c.problems).toEqual([
      "Price low: '3,700' given as well as the range '3,600-4,000' — give one or the other",
    ]);
  });

  it('names a bad location basis, source state or data basis with the options', () => {
    const c = only(
      grid(
        ['Product', 'Price', 'Unit', 'Date', 'Location', 'Source state', 'Data basis'],
        ['La oxide', '3,600', 'CNY/t', '2025-01-09', 'fob Shanghai', 'firm', 'guess'],
      ),
    );
    expect(c.problems).toEqual([
      "Location basis: 'fob Shanghai' is not one of fob China, cif Rotterdam, ex-warehouse Rotterdam, China domestic incl. VAT",
      "Source state: 'firm' is not one of market, mixed, indicative",
      "Data basis: 'guess' is not one of transaction, bid/offer, indication, unchanged fallback",
    ]);
  });

  it('a missing product and source label are named by the schema’s own check', () => {
    const c = only(grid(['Price', 'Unit', 'Date'], ['3,600', 'CNY/t', '2025-01-09']), {
      ...FM,
      sourceLabel: ' ',
    });
    expect(c.problems).toEqual(['Product is required', 'Source label is required']);
  });

  it('skips blank rows, numbers the others by their grid row', () => {
    const cs = read(grid(H, ['', ' ', '', ''], ['La oxide', '3,600', 'CNY/t', '2025-01-09']));
    expect(cs.map((c) => c.line)).toEqual([3]);
  });

  it('two columns mapped to one field must agree', () => {
    const g = grid(
      ['Product', 'Name', 'Price', 'Unit', 'Date'],
      ['La oxide', 'Ce oxide', '3,600', 'CNY/t', '2025-01-09'],
    );
    const c = candidatesFromGrid(
      g,
      { 0: 'product', 1: 'product', 2: 'price', 3: 'unit', 4: 'priceDate' },
      FM,
    )[0];
    expect(c?.problems[0]).toBe(
      "Product: columns 1 and 2 both map here and differ ('La oxide', 'Ce oxide')",
    );
  });

  it(`reads at most ${IMPORT_ROW_LIMIT.toLocaleString('en-US')} rows and lists the rest as one row saying so`, () => {
    // Blank rows (skipped, cheap) up to the limit, one priced row at it, four past it.
    const rows = Array.from({ length: IMPORT_ROW_LIMIT + 5 }, (_, i) =>
      i < IMPORT_ROW_LIMIT - 1 ? ['', '', '', ''] : ['La oxide', '3,600', 'CNY/t', '2025-01-09'],
    );
    const cs = read(grid(H, ...rows));
    expect(cs.map((c) => c.line)).toEqual([IMPORT_ROW_LIMIT + 1, IMPORT_ROW_LIMIT + 2]);
    expect(cs[0]?.problems).toEqual([]);
    expect(cs[1]?.problems).toEqual([
      'Rows 100,002–100,006: past the 100,000-row limit of one import; import them separately',
    ]);
  });
});
