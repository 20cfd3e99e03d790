/**
 * DESK.LATEST properties against a plain reading of the rule (filter, then the latest date, then
 * the last row): never a price after as_of, ties to the last row, bases, and the pane's
 * latestPrice answering exactly as the function does on the same rows.
 */
import fc from 'fast-check';
import {
  dateFromExcelSerial,
  excelSerialFromDate,
  isDeskError,
  latestFromGrid,
  latestPrice,
  type Output,
} from '../../../src/core';
import { fcParams } from '../fc-seed';
import { grid, record, type Row } from './price-rows';

const DAY0 = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const NOW = new Date(DAY0 + 40 * DAY);

/** Keys: two products and a code (whose rows carry another product name). */
const KEYS = [
  { code: null, product: 'La oxide' },
  { code: null, product: 'Ce oxide' },
  { code: 'MB-DY-0001', product: 'Dy oxide 99.5%' },
] as const;
const BASES = [null, 'fob China', 'cif Rotterdam'] as const;

const rowArb = fc.record({
  day: fc.integer({ min: 0, max: 12 }), // few days, so rows often share one (ties)
  key: fc.integer({ min: 0, max: KEYS.length - 1 }),
  basis: fc.constantFrom(...BASES),
});
const asked = fc.record({
  // Half the as_of times fall exactly on the start of a day, where "on or before" is decided.
  minutes: fc.oneof(
    fc.integer({ min: -60, max: 14 * 24 * 60 }),
    fc.integer({ min: 0, max: 14 }).map((d) => d * 24 * 60),
  ),
  key: fc.constantFrom('la oxide', 'CE OXIDE', 'mb-dy-0001', 'Y oxide'),
  basis: fc.constantFrom(null, 'fob China', 'CIF rotterdam'),
  asSerial: fc.boolean(),
});

type Drawn = { day: number; key: number; basis: (typeof BASES)[number]; id?: number };

function rowsOf(drawn: readonly Drawn[]): Row[] {
  return drawn.map((d, i) => {
    const k = KEYS[d.key]!;
    return {
      date: excelSerialFromDate(new Date(DAY0 + d.day * DAY)),
      code: k.code,
      product: k.product,
      basis: d.basis,
      mid: i + 1,
      source: `row ${d.id ?? i}`,
    };
  });
}

/** The rule read plainly: the source of the row it must pick, or the error code. */
function expected(drawn: readonly Drawn[], key: string, asOfMs: number, basis: string | null) {
  const k = key.trim().toLowerCase();
  const matches = drawn
    .map((d, i) => ({ ...d, i, k: KEYS[d.key]! }))
    .filter((d) => (d.k.code ?? d.k.product).toLowerCase() === k || d.k.product.toLowerCase() === k)
    .filter((d) => DAY0 + d.day * DAY <= asOfMs);
  const kept = matches.filter(
    (d) => basis === null || (d.basis ?? '').toLowerCase() === basis.toLowerCase(),
  );
  if (basis === null && new Set(kept.map((d) => d.basis)).size > 1) return { code: 'value' };
  if (kept.length === 0) return { code: 'na' };
  const best = kept.reduce((a, b) => (b.day > a.day || (b.day === a.day && b.i > a.i) ? b : a));
  return { source: `row ${best.i}`, day: best.day };
}

describe('DESK.LATEST properties', () => {
  it('returns exactly the last row of the latest date on or before as_of — never a later price', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40, size: 'max' }), asked, (drawn, q) => {
        const asOfMs = DAY0 + q.minutes * 60_000;
        const asOf = q.asSerial
          ? excelSerialFromDate(new Date(asOfMs))
          : new Date(asOfMs).toISOString().slice(0, 16);
        const out = latestFromGrid(grid(rowsOf(drawn)), q.key, asOf, 'source', q.basis, NOW);
        const want = expected(drawn, q.key, asOfMs, q.basis);
        if ('code' in want) {
          expect(isDeskError(out) && out.code).toBe(want.code);
          return;
        }
        expect(out).toBe(want.source);
        // The date it carries is never after as_of.
        const date = latestFromGrid(grid(rowsOf(drawn)), q.key, asOf, 'date', q.basis, NOW);
        expect(dateFromExcelSerial(date as number).getTime()).toBeLessThanOrEqual(asOfMs);
      }),
      fcParams(300),
    );
  });

  it('the pane (latestPrice over rows read) answers as DESK.LATEST does over the same table', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40, size: 'max' }), asked, (drawn, q) => {
        const rows = rowsOf(drawn);
        const asOf = new Date(DAY0 + q.minutes * 60_000);
        const cell: Output = latestFromGrid(
          grid(rows),
          q.key,
          asOf.toISOString().slice(0, 16),
          'source',
          q.basis,
          NOW,
        );
        // The pane reads Price date back as yyyy-mm-dd text.
        const records = rows.map((r, i) =>
          record(
            {
              ...r,
              date: dateFromExcelSerial(r.date as number)
                .toISOString()
                .slice(0, 10),
            },
            i,
          ),
        );
        const pane = latestPrice(records, { key: q.key, asOf, locationBasis: q.basis });
        if (isDeskError(cell)) {
          expect(pane.ok).toBe(false);
          const same = (m: string) =>
            m
              .replace(/prices row (\d+)/g, (_, n: string) => `row ${Number(n) - 1}`)
              .replace('DeskPrices row', 'row')
              .replace('give location_basis', 'give a location basis');
          if (!pane.ok) expect(same(pane.message)).toBe(same(cell.message));
        } else {
          expect(pane.ok && pane.row.sourceLabel).toBe(cell);
        }
      }),
      fcParams(300),
    );
  });

  it('rows dated after as_of, inserted anywhere in the table, change nothing (no hindsight)', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 30 }),
        fc.array(fc.tuple(rowArb, fc.nat()), { maxLength: 10 }),
        asked,
        (drawn, later, q) => {
          const asOfMs = DAY0 + q.minutes * 60_000;
          const firstAfter = Math.floor((asOfMs - DAY0) / DAY) + 1;
          const before: Drawn[] = drawn
            .map((d, i) => ({ ...d, id: i }))
            .filter((d) => DAY0 + d.day * DAY <= asOfMs);
          const mixed = [...before];
          later.forEach(([d, at], j) => {
            const moved = { ...d, day: Math.max(d.day, firstAfter), id: 1000 + j };
            mixed.splice(at % (mixed.length + 1), 0, moved);
          });
          const asOf = new Date(asOfMs).toISOString().slice(0, 16);
          const answer = (rows: Drawn[]) => {
            const out = latestFromGrid(grid(rowsOf(rows)), q.key, asOf, 'source', q.basis, NOW);
            return isDeskError(out) ? out.code : out;
          };
          expect(answer(mixed)).toEqual(answer(before));
        },
      ),
      fcParams(200),
    );
  });
});
