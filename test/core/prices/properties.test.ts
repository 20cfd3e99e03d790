/**
 * Properties of the import over generated input (fast-check, seed logged by fc-seed.ts):
 * any cell text is a value or a named problem, never a throw or a silent change; prices typed in
 * the desk's forms read back exactly; a re-import of what was written is all duplicates; a
 * review sentence naming a product and a price gives exactly that price.
 */
import fc from 'fast-check';
import {
  IMPORT_FIELDS,
  candidatesFromGrid,
  candidatesFromProse,
  checkRecord,
  D,
  markCandidates,
  midpoint,
  priceRecords,
  PRODUCT_SYNONYMS,
  type ColumnMapping,
  type RecordValues,
} from '../../../src/core';
import { fcParams } from '../fc-seed';
import { DEFAULTS, idMaker } from './helpers';

/** Every field the mapping offers, one column each. */
const FIELDS = IMPORT_FIELDS;
const MAPPING: ColumnMapping = Object.fromEntries(FIELDS.map((f, i) => [i, f]));
const LABELS = [
  'Price code',
  'Product',
  'Location basis',
  'Price or range',
  'Price low',
  'Price high',
  'Price mid',
  'Unit',
  'Price date',
  'Source label',
  'Source state',
  'Data basis',
  'Columns',
  'Rows',
];

/** Cell texts near the grammar: numbers, dashes, units, dates, formulas, spaces, unicode. */
const cellText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    ' ',
    '3,600',
    '3,600–4,000',
    '-5',
    '+1',
    '=1+2',
    '@x',
    'yuan/mt',
    'USD/kg',
    'EUR/kg',
    '9/1/2025',
    'Jan 9, 2025',
    '2025-01-09',
    'fob China',
    'market',
    'La oxide',
    'Pr-Nd oxide',
    'MB-DY-0001',
    '1,5',
    '5%',
    '\u00a0',
    '😀',
  ),
  fc
    .array(fc.constantFrom('1', '0', ',', '.', '-', '–', ' ', 'to', 'e', '/', 'kg', 'usd'), {
      maxLength: 8,
    })
    .map((a) => a.join('')),
);

describe('import properties', () => {
  it('any cells: each row is valid (and passes the schema) or has problems each naming a field; text fields are kept as typed', () => {
    fc.assert(
      fc.property(
        fc.array(cellText, { minLength: FIELDS.length, maxLength: FIELDS.length + 2 }),
        (cells) => {
          const [c] = candidatesFromGrid([FIELDS.map(String), cells], MAPPING, DEFAULTS);
          if (c === undefined) return expect(cells.every((x) => x.trim() === '')).toBe(true);
          for (const p of c.problems) expect(LABELS.some((l) => p.startsWith(l))).toBe(true);
          if (c.problems.length === 0) {
            const stamped = {
              ...c.values,
              recordId: idMaker()(),
              importedAt: '2025-01-10T00:00:00.000Z',
              importedBy: 'x',
              importId: idMaker(9)(),
              correctionOf: null,
            };
            expect(checkRecord('prices', stamped).ok).toBe(true);
          }
          // A source label holds what was typed, never something derived from its look ("=1+2", "+1").
          const typed = (cells[FIELDS.indexOf('sourceLabel')] ?? '').trim();
          if (typed !== '') expect(c.values.sourceLabel).toBe(typed);
        },
      ),
      fcParams(400),
    );
  });

  const amount = fc
    .integer({ min: 0, max: 99_999_999 })
    .chain((cents) => fc.constant(new D(cents).div(100)));
  const grouped = (d: D): string => {
    const [whole, frac] = d.toFixed().split('.');
    return (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  };
  const unit = fc.constantFrom(
    ['yuan/mt', 'CNY/t'],
    ['RMB/t', 'CNY/t'],
    ['USD/kg', 'USD/kg'],
    ['$/kg', 'USD/kg'],
    ['usd per lb', 'USD/lb'],
    ['CNY/kg', 'CNY/kg'],
  );
  const dash = fc.constantFrom('-', '–', '—', ' - ', ' to ', '~');

  it('a range typed in the desk’s forms reads back exactly: low, high, mid = midpoint, unit; re-importing the records is all duplicates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(amount, amount, dash, unit, fc.boolean()), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const grid = [
            ['Product', 'Price', 'Date'],
            ...rows.map(([a, b, sep, [u], single], i) => [
              'Dy oxide',
              single ? `${grouped(a)} ${u}` : `${grouped(a)}${sep}${grouped(b)} ${u}`,
              `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
            ]),
          ];
          const cs = candidatesFromGrid(
            grid,
            { 0: 'product', 1: 'price', 2: 'priceDate' },
            DEFAULTS,
          );
          cs.forEach((c, i) => {
            const [a, b, , [, canonical], single] = rows[i]!;
            const low = single ? a : D.min(a, b);
            const high = single ? a : D.max(a, b);
            expect(c.problems).toEqual([]);
            expect(c.values).toMatchObject({
              priceLow: low.toNumber(),
              priceHigh: high.toNumber(),
              priceMid: midpoint(low, high).toNumber(),
              unit: canonical,
            });
          });
          const fresh = cs.filter(
            (_, i) => !cs.slice(0, i).some((o) => o.values.priceDate === cs[i]!.values.priceDate),
          );
          const r = priceRecords(fresh, markCandidates(fresh, []), {
            importId: idMaker(7)(),
            importedAt: '2025-01-10T00:00:00.000Z',
            importedBy: 'x',
            newId: idMaker(3),
          });
          if (!r.ok) throw new Error(r.message);
          expect(
            markCandidates(fresh, r.records as RecordValues[]).every((m) => m.kind === 'duplicate'),
          ).toBe(true);
        },
      ),
      fcParams(200),
    );
  });

  it('a sentence naming any synonym of a product and a price gives that product and price, dated by the line before it', () => {
    const synonym = fc.constantFrom(
      ...Object.entries(PRODUCT_SYNONYMS).flatMap(([p, names]) =>
        [p, ...names].map((n) => [n, p] as const),
      ),
    );
    const filler = fc.constantFrom(
      'prices',
      'was assessed',
      'remained stable this week',
      'slightly increased',
    );
    const cue = fc.constantFrom('at', 'to', 'of', 'around');
    fc.assert(
      fc.property(synonym, filler, cue, amount, amount, unit, (s, f, c, a, b, [u, canonical]) => {
        const [name, product] = s;
        const text = `Published: Jan 9, 2025 14:38\nThis week, ${name} ${f} ${c} ${grouped(a)}-${grouped(b)} ${u}. Nothing else moved.`;
        const r = candidatesFromProse(text, DEFAULTS);
        expect(r.unread).toEqual([]);
        expect(
          r.candidates.map((x) => [
            x.values.product,
            x.values.priceLow,
            x.values.priceHigh,
            x.values.unit,
            x.values.priceDate,
          ]),
        ).toEqual([
          [product, D.min(a, b).toNumber(), D.max(a, b).toNumber(), canonical, '2025-01-09'],
        ]);
      }),
      fcParams(300),
    );
  });
});
