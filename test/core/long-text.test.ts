/**
 * Long and adversarial text: every parser and all nine DESK functions answer a value or an error
 * value for long runs of spaces, digits, separators, dashes, commas and unit-like words, up to a
 * cell's 32,767 characters (no throw). Text over TEXT_LIMIT is refused before it is read, with a
 * message naming the argument (or the form field's header) and the limit. How fast that is lives
 * in `npm run bench` (bench/functions.bench.ts), not here.
 */
import fc from 'fast-check';
import {
  convert,
  exitValue,
  isDeskError,
  latestFromGrid,
  mid,
  noteStatus,
  parseDate,
  parseFx,
  parseNumber,
  parsePlainNumber,
  parsePrice,
  parseQuantity,
  parseQuote,
  parseRate,
  parseUnitArg,
  premium,
  PRICE_HEADERS,
  ratio,
  spreadBps,
  spreadCost,
  TEXT_LIMIT,
  type Arg,
  type Output,
} from '../../src/core';
import { scanDecimalComma, scanNumber, scanPrice } from '../../src/core/price/scan';
import { normalUnit, unitOf } from '../../src/core/price/units';
import { buildReviewRows, parseCostSum, previewReview } from '../../src/core/record/build';
import { idMaker, NOW, reviewInput } from '../excel/helpers';
import { expectError, statusWith } from './helpers';
import { fcParams } from './fc-seed';

const CELL_MAX = 32_767;
const AT = new Date(Date.UTC(2026, 10, 22));

/** Lengths around the limit and up to a full cell. */
const length = fc.oneof(
  fc.constantFrom(TEXT_LIMIT - 1, TEXT_LIMIT, TEXT_LIMIT + 1, 1_000, CELL_MAX),
  fc.integer({ min: 0, max: CELL_MAX }),
);

/** A run of one piece repeated to about n characters, between a prefix and a suffix. */
const run = (pieces: readonly string[], prefixes: readonly string[], suffixes: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom(...prefixes),
      fc.constantFrom(...pieces),
      length,
      fc.constantFrom(...suffixes),
    )
    .map(([pre, piece, n, post]) => pre + piece.repeat(Math.ceil(n / piece.length)) + post);

const SHAPES = {
  spaces: run(
    [' ', '\t', '\u00a0', '\n', ' \n', '\u3000'],
    ['', '1', '1 - ', '1 ', 'USD', '$', '2026-11-20', '1 to', '747,000-753,000'],
    ['', 'x', '/kg', 'per kg', '2', '%', 'Z', '\nx'],
  ),
  digits: run(
    ['1', '9', '0', '12', '1234567890'],
    ['', '-', '+', '.', '1,', '0.'],
    ['', ',5', 'x', '%', 'e5', '.', '-1', ' yuan/mt'],
  ),
  separators: run(
    [',', '-', '–', '~', '.', ';', '+', '/', '1,', '1-', ',000', '1.', ', ', '-  ', '; '],
    ['', '1', '1 ', '1,000', '+'],
    ['', '1', 'x', ',5', ' USD/kg'],
  ),
  unitLike: run(
    ['usd per ', 'per ', 'usd/', 'kg ', 'metric ', '/ ', ' per per', 'USD / '],
    ['', '1 ', 'usd', '$'],
    ['', 'kg', 't', '/', 'x'],
  ),
  mixes: fc
    .tuple(
      fc.string({
        unit: fc.constantFrom(...'0123456789 ,.-–~/%eE+;\t\nusdperkgto$¥'),
        maxLength: 60,
      }),
      length,
    )
    .map(([chunk, n]) => (chunk === '' ? '' : chunk.repeat(Math.ceil(n / chunk.length)))),
};
const anyLong = fc.oneof(...Object.values(SHAPES));

/** A result is a value or an error value, cell by cell; never an exception. */
function isAnswer(out: Output): boolean {
  const cellOk = (c: unknown) =>
    isDeskError(c) || typeof c === 'number' || typeof c === 'string' || typeof c === 'boolean';
  return Array.isArray(out) ? out.every((row) => row.every(cellOk)) : cellOk(out);
}

/** Each of the eight functions with the text in each text-taking position. */
/** A DeskPrices range whose cells below the headers all hold the text (a La oxide row too). */
const LATEST_TABLE = (t: string): Arg => {
  const headers = Object.values(PRICE_HEADERS);
  return [
    headers,
    headers.map(() => t),
    headers.map((h) =>
      h === PRICE_HEADERS.product ? 'La oxide' : h === PRICE_HEADERS.priceDate ? 45666 : t,
    ),
  ];
};

const CALLS: readonly [string, (t: string) => Output][] = [
  ['RATIO numerator', (t) => ratio(t, 2)],
  ['RATIO units', (t) => ratio(1, 2, t, t, t)],
  ['SPREAD_COST', (t) => spreadCost(t, t, t, t)],
  ['EXIT_VALUE', (t) => exitValue(t, t, t, [[t, t]], t, t)],
  ['NOTE_STATUS', (t) => noteStatus(t, t, t, t, t, [[t, t, t]], t, [[t, t, t, t]], t, AT)],
  ['NOTE_STATUS limits', (t) => statusWith('2026-11-20', 100, 0, { now: AT, limits: [[t, t, t]] })],
  ['MID', (t) => mid(t)],
  ['CONVERT', (t) => convert(t, t, t, t, t)],
  ['CONVERT units', (t) => convert(1, t, 'USD/kg', 7.2)],
  ['SPREAD_BPS', (t) => spreadBps(t, t)],
  ['PREMIUM', (t) => premium(t, t)],
  ['a column of them', (t) => mid([[t], ['1'], [t]] as Arg)],
  ['LATEST arguments', (t) => latestFromGrid(LATEST_TABLE(t), t, t, t, t, AT)],
  ['LATEST table cells', (t) => latestFromGrid(LATEST_TABLE(t), 'La oxide', null, null, null, AT)],
];

const PARSERS: readonly [string, (t: string) => unknown][] = [
  ['parsePrice', (t) => parsePrice(t, 'price')],
  ['parseQuote', (t) => parseQuote(t, 'bid')],
  ['parseNumber', (t) => parseNumber(t, 'n')],
  ['parsePlainNumber', (t) => parsePlainNumber(t, 'n')],
  ['parseQuantity', (t) => parseQuantity(t, 'quantity')],
  ['parseRate', (t) => parseRate(t, 'fee_rate')],
  ['parseFx', (t) => parseFx(t, 'fx')],
  ['parseUnitArg', (t) => parseUnitArg(t, 'from_unit')],
  ['parseDate', (t) => parseDate(t, 'as_of')],
  ['parseCostSum', (t) => parseCostSum(t, 'Exit fixed costs')],
  ['unitOf', (t) => unitOf(t)],
  // The scanners and the unit normaliser themselves, with no length limit in front of them.
  ['scanPrice', (t) => scanPrice(t.trim())],
  ['scanNumber', (t) => scanNumber(t.trim())],
  ['scanDecimalComma', (t) => scanDecimalComma(t.trim())],
  ['normalUnit', (t) => normalUnit(t)],
];

describe('long and adversarial text', () => {
  for (const [shape, texts] of Object.entries(SHAPES)) {
    it(`every parser answers for ${shape}`, () => {
      fc.assert(
        fc.property(texts, (t) => {
          for (const [, parse] of PARSERS) parse(t);
        }),
        fcParams(40),
      );
    });
  }

  it('all nine functions answer a value or an error value, never throw', () => {
    fc.assert(
      fc.property(anyLong, (t) => {
        for (const [name, call] of CALLS) {
          const out = call(t);
          if (!isAnswer(out)) throw new Error(`${name} gave ${JSON.stringify(out)}`);
        }
      }),
      fcParams(60),
    );
  });

  it('the review builder and preview answer every field with long text', () => {
    const input = reviewInput();
    fc.assert(
      fc.property(
        anyLong,
        fc.constantFrom('priceLow', 'quoteTime', 'reviewDate'),
        fc.constantFrom('quantity', 'bid', 'fixedCosts', 'feeRate'),
        (t, s, e) => {
          const review = {
            snapshot: { ...input.snapshot, [s]: t },
            exposure: { ...input.exposure, [e]: t },
            triggers: [{ ...input.triggers[0], spreadBps: t, threshold: t, quoteTime: t }],
          };
          const built = buildReviewRows(review, { recordedBy: 'ana', now: NOW, newId: idMaker() });
          if (!built.ok) for (const i of built.issues) expect(typeof i.message).toBe('string');
          previewReview(review, NOW);
        },
      ),
      fcParams(40),
    );
  });
});

describe('the text limit', () => {
  const long = '1'.repeat(TEXT_LIMIT + 1);
  const size = `(${(TEXT_LIMIT + 1).toLocaleString('en-US')} characters; at most ${TEXT_LIMIT})`;

  it('reads text of exactly the limit and refuses one character more, saying so', () => {
    expect(mid(`${' '.repeat(TEXT_LIMIT - 2)}65`)).toBe(65);
    expectError(
      mid(` ${' '.repeat(TEXT_LIMIT - 2)}65`),
      'value',
      `price: the text is too long to read as a price ${size}`,
    );
  });

  it('names the argument and what it should be, in every function', () => {
    expectError(
      ratio(long, 2),
      'value',
      `numerator: the text is too long to read as a price ${size}`,
    );
    expectError(ratio(1, long), 'value', `denominator: the text is too long to read as a price`);
    expectError(
      ratio(1, 2, long),
      'value',
      `numerator_unit: the text is too long to read as a unit ${size}`,
    );
    expectError(
      convert(1, long, 'USD/kg'),
      'value',
      `from_unit: the text is too long to read as a unit ${size}`,
    );
    expectError(
      convert(1, 'CNY/kg', 'USD/kg', long),
      'value',
      `fx_cny_per_usd: the text is too long to read as a number`,
    );
    expectError(
      spreadCost(60, 64, long),
      'value',
      `quantity: the text is too long to read as a number ${size}`,
    );
    expectError(spreadBps(long, 64), 'value', `bid: the text is too long to read as a price`);
    expectError(premium(1, long), 'value', `reference: the text is too long to read as a price`);
    expectError(
      exitValue(1, 60, null, [[long]]),
      'value',
      `fixed_costs: the text is too long to read as a number`,
    );
    expectError(
      exitValue(1, 60, long),
      'value',
      `fee_rate: the text is too long to read as a number`,
    );
    expectError(
      statusWith(long, 100, 0, { now: AT }),
      'value',
      `quote_time: the text is too long to read as a date ${size}`,
    );
    expectError(
      statusWith('2026-11-20', long, 0, { now: AT }),
      'value',
      `spread_bps: the text is too long to read as a number`,
    );
    expectError(
      statusWith('2026-11-20', 100, 0, { now: AT, asOf: long }),
      'value',
      `as_of: the text is too long to read as a date`,
    );
    expectError(
      statusWith('2026-11-20', 100, 0, { now: AT, limits: [[long, 300, 0.05]] }),
      'value',
      `limits: max_age_days: the text is too long to read as a number`,
    );
    // A long run of zeros is too long too, not "empty" (the 0-serial rule reads only short text).
    expectError(
      statusWith('0'.repeat(TEXT_LIMIT + 1), 100, 0, { now: AT }),
      'value',
      'quote_time: the text is too long',
    );
  });

  it('a range of long cells: each cell its own #VALUE!, the short ones still read', () => {
    const out = mid([
      [long],
      ['747,000-753,000'],
      [`1 - ${' '.repeat(CELL_MAX - 5)}x`],
    ]) as unknown[][];
    expectError(out[0]![0] as Output, 'value', 'price: the text is too long');
    expect(out[1]![0]).toBe(750000);
    expectError(
      out[2]![0] as Output,
      'value',
      `(${CELL_MAX.toLocaleString('en-US')} characters; at most ${TEXT_LIMIT})`,
    );
  });

  it('form fields parsed by the record builder are refused by their header', () => {
    const input = reviewInput();
    const built = buildReviewRows(
      {
        ...input,
        snapshot: {
          ...input.snapshot,
          priceLow: long,
          quoteTime: `2026-02-05${' '.repeat(TEXT_LIMIT)}15:12`,
        },
        exposure: {
          ...input.exposure,
          quantity: long,
          fixedCosts: `500;${' '.repeat(TEXT_LIMIT)}300`,
        },
      },
      { recordedBy: 'ana', now: NOW, newId: idMaker() },
    );
    expect(built.ok).toBe(false);
    const byField = new Map(
      built.ok
        ? []
        : built.issues.filter((i) => i.table !== 'triggers').map((i) => [i.field, i.message]),
    );
    expect(byField.get('priceLow')).toBe(
      `Price low: the text is too long to read as a price ${size}`,
    );
    expect(byField.get('quoteTime')).toMatch(
      /^Quote time: the text is too long to read as a date \(/,
    );
    expect(byField.get('quantity')).toBe(
      `Quantity: the text is too long to read as a number ${size}`,
    );
    expect(byField.get('fixedCosts')).toMatch(
      /^Exit fixed costs: the text is too long to read as costs \(/,
    );
  });

  it('free text (notes) is not parsed and keeps Excel’s 32,767 limit', () => {
    const input = reviewInput({ question: 'Does the bid hold? '.repeat(1_000) });
    const built = buildReviewRows(input, { recordedBy: 'ana', now: NOW, newId: idMaker() });
    expect(built.ok).toBe(true);
    const over = buildReviewRows(reviewInput({ question: 'x'.repeat(CELL_MAX + 1) }), {
      recordedBy: 'ana',
      now: NOW,
      newId: idMaker(),
    });
    expect(!over.ok && over.issues.map((i) => i.message)).toContain(
      "Open question is longer than 32,767 characters (Excel's cell limit)",
    );
  });
});
