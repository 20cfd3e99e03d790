/**
 * Prices found in a review's prose. The SMM weekly review seed (../shared/seeds/002_…txt) is the
 * page as pasted: its own article (Published: Jan 9, 2025 14:38) with La, Ce and Y oxide, and a
 * "Related News" item dated Feb 5, 2026 15:12 with Pr-Nd oxide — which must carry its own date,
 * not the page's (a price dated before it was published would look obvious in hindsight).
 */
import { candidatesFromProse, PROSE_LIMIT, type PriceCandidate } from '../../../src/core';
import { DEFAULTS, smmSeed } from './helpers';

const prices = (cs: readonly PriceCandidate[]) =>
  cs.map((c) => [
    c.values.product,
    c.values.priceLow,
    c.values.priceHigh,
    c.values.unit,
    c.values.priceDate,
  ]);

describe('the SMM weekly review seed', () => {
  const r = candidatesFromProse(smmSeed(), DEFAULTS);

  it('finds La, Ce and Y oxide (Jan 9, 2025) and Pr-Nd oxide (Feb 5, 2026) ranges in yuan/mt', () => {
    expect(prices(r.candidates)).toEqual([
      ['La oxide', 3600, 4000, 'CNY/t', '2025-01-09'],
      ['Ce oxide', 7800, 8000, 'CNY/t', '2025-01-09'],
      ['Y oxide', 40000, 43000, 'CNY/t', '2025-01-09'],
      ['NdPr oxide', 747000, 753000, 'CNY/t', '2026-02-05'],
    ]);
    expect(r.candidates.every((c) => c.problems.length === 0)).toBe(true);
    expect(r.candidates.map((c) => c.values.priceMid)).toEqual([3800, 7900, 41500, 750000]);
  });

  it('gives the publication date and the sentence each price came from', () => {
    expect(r.published).toBe('2025-01-09');
    const [la, ce, y, ndpr] = r.candidates;
    expect(la?.source).toBe(
      'This week, lanthanum oxide prices slightly decreased to 3,600-4,000 yuan/mt, while cerium oxide prices slightly increased to 7,800-8,000 yuan/mt.',
    );
    expect(ce?.source).toBe(la?.source);
    expect(y?.source).toBe(
      'Yttrium oxide prices remained stable this week at 40,000-43,000 yuan/mt.',
    );
    expect(ndpr?.source).toBe(
      'As of today, the price of Pr-Nd oxide fluctuated and rose to 747,000-753,000 yuan/mt.',
    );
    expect(la?.line).toBe(ce?.line);
    expect(y!.line).toBeGreaterThan(la!.line);
  });

  it('lists nothing as unread: "Exceed 40,000 mt" is a quantity, not a price', () => {
    expect(r.unread).toEqual([]);
  });

  it('fills source, source state and data basis from the import defaults', () => {
    expect(r.candidates.every((c) => c.values.sourceLabel === 'SMM')).toBe(true);
    expect(r.candidates.every((c) => c.values.dataBasis === 'indication')).toBe(true);
  });
});

describe('prose prices', () => {
  const one = (text: string, d = DEFAULTS) => candidatesFromProse(text, d);

  it('reads synonyms, units in other spellings and currency-first prices', () => {
    const r = one(
      [
        'Published: 2025-03-06',
        'Dysprosium oxide was assessed at USD 230-240/kg. Terbium metal traded at $1,050/kg.',
        'Praseodymium-neodymium oxide held at 440,000 to 445,000 yuan per tonne.',
      ].join('\n'),
    );
    expect(prices(r.candidates)).toEqual([
      ['Dy oxide', 230, 240, 'USD/kg', '2025-03-06'],
      ['Tb metal', 1050, 1050, 'USD/kg', '2025-03-06'],
      ['NdPr oxide', 440000, 445000, 'CNY/t', '2025-03-06'],
    ]);
  });

  it('does not read "Nd oxide" inside "Pr-Nd oxide"', () => {
    const r = one('Published: Jan 9, 2025\nPr-Nd oxide rose to 440,000 yuan/mt.');
    expect(r.candidates.map((c) => c.values.product)).toEqual(['NdPr oxide']);
  });

  it('lists an unknown unit with the parser’s reason, naming the product and the unit', () => {
    const r = one('Published: Jan 9, 2025\nLanthanum oxide was offered at 500-520 EUR/t.');
    expect(r.candidates).toEqual([]);
    expect(r.unread).toEqual([
      {
        line: 1,
        source: 'Lanthanum oxide was offered at 500-520 EUR/t.',
        reason: expect.stringMatching(/^La oxide: Price: unknown unit 'EUR\/t'/),
      },
    ]);
  });

  it('a move is not a price; a move alone is listed', () => {
    const r = one(
      'Published: Jan 9, 2025\nCerium oxide fell by 200 yuan/mt to 7,800-8,000 yuan/mt. Yttrium oxide rose 500 yuan/mt.',
    );
    expect(prices(r.candidates)).toEqual([['Ce oxide', 7800, 8000, 'CNY/t', '2025-01-09']]);
    expect(r.unread.map((u) => u.reason)).toEqual([
      "Y oxide: only a move ('500 yuan/mt'), no price",
    ]);
  });

  it('lists several prices for one product, a price with no unit, and a "from … to" that could be a move', () => {
    const r = one(
      [
        'Date: Jan 9, 2025',
        'Terbium oxide moved from 6,000 yuan/kg last week, then 6,100 yuan/kg today.',
        'Gadolinium oxide stood at 160,000.',
        'Dysprosium oxide went from 1,600 to 1,650 yuan/kg.',
      ].join('\n'),
    );
    expect(r.candidates).toEqual([]);
    expect(r.unread.map((u) => u.reason)).toEqual([
      "Tb oxide: several prices ('6,000 yuan/kg', '6,100 yuan/kg') — which one is the price?",
      "Gd oxide: '160,000' has no unit (a price needs one, e.g. 3,600-4,000 yuan/mt)",
      "Dy oxide: 'from 1,600 to 1,650 yuan/kg' reads as a move or as a range — enter it by hand",
    ]);
  });

  it('lists a price that names no product of the desk', () => {
    const r = one('Published: Jan 9, 2025\nLutetium oxide was quoted at 5,500 yuan/kg.');
    expect(r.candidates).toEqual([]);
    expect(r.unread[0]?.reason).toBe(
      "'5,500 yuan/kg': no product from the desk's list is named next to it",
    );
  });

  it('without a date line the import’s date is used, and without that the candidate says so', () => {
    const text = 'Lanthanum oxide prices fell to 3,600-4,000 yuan/mt.';
    expect(
      one(text, { ...DEFAULTS, priceDate: '2025-01-10' }).candidates[0]?.values.priceDate,
    ).toBe('2025-01-10');
    const r = one(text);
    expect(r.published).toBeNull();
    expect(r.candidates[0]?.problems).toEqual([
      'Price date is required: the row has none and the import has no date',
    ]);
  });

  it('an ambiguous publication date is asked about, and the chosen order settles it', () => {
    const text = 'Published: 9/1/2025\nLanthanum oxide prices fell to 3,600-4,000 yuan/mt.';
    const asked = one(text).candidates[0];
    expect(asked?.ambiguousDate).toBe(true);
    expect(asked?.problems).toEqual(['Price date: 9/1/2025 is ambiguous — choose day/month order']);
    expect(one(text, { ...DEFAULTS, dayFirst: true }).candidates[0]?.values.priceDate).toBe(
      '2025-01-09',
    );
    expect(one(text, { ...DEFAULTS, dayFirst: false }).candidates[0]?.values.priceDate).toBe(
      '2025-09-01',
    );
  });

  it('a signed number is a change, listed with its sign — never a price with the sign dropped', () => {
    const r = one(
      'Published: Jan 9, 2025\nLanthanum oxide at −3,600 yuan/mt. Cerium oxide +1 yuan/mt.',
    );
    expect(r.candidates).toEqual([]);
    expect(r.unread.map((u) => u.reason)).toEqual([
      "La oxide: only a move ('−3,600 yuan/mt'), no price",
      "Ce oxide: only a move ('+1 yuan/mt'), no price",
    ]);
  });

  it('a range dash is not a sign', () => {
    const r = one('Published: Jan 9, 2025\nLanthanum oxide at 3,600 -4,000 yuan/mt.');
    expect(prices(r.candidates)).toEqual([['La oxide', 3600, 4000, 'CNY/t', '2025-01-09']]);
  });

  it(`refuses more than ${PROSE_LIMIT.toLocaleString('en-US')} characters, saying the limit`, () => {
    const r = one('x'.repeat(PROSE_LIMIT + 1));
    expect(r.candidates).toEqual([]);
    expect(r.unread[0]?.reason).toContain('at most 2,000,000');
  });
});
