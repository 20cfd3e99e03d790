/**
 * An import against the price history already recorded: a price is one (code or product,
 * location basis, price date, source label). The same prices again are a duplicate (skipped and
 * counted); other prices for it are a correction of its latest row — a new row naming the one it
 * corrects, never an overwrite. One pass over the table's rows, one over the candidates.
 */
import { isoDateFromSerial, type RecordValue, type RecordValues } from '../record/cells';
import type { PriceCandidate } from './import-candidate';

export type ImportMark =
  | { readonly kind: 'new' }
  | { readonly kind: 'duplicate'; readonly of: string /* Record ID */ }
  | { readonly kind: 'correction'; readonly of: string }
  | { readonly kind: 'invalid'; readonly reasons: readonly string[] };

const text = (v: RecordValue | undefined): string =>
  v === null || v === undefined ? '' : String(v).trim().toLowerCase().replace(/\s+/g, ' ');

const num = (v: RecordValue | undefined): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v.replace(/[,\s]/g, ''));
  return Number.isFinite(n) ? n : null;
};

/** Which price a row is: its code when it has one, else its product; basis, date and source. */
function priceKey(row: RecordValues): string | null {
  const what =
    text(row.priceCode) !== '' ? `code:${text(row.priceCode)}` : `product:${text(row.product)}`;
  // A date read back as a serial (a colleague's cell formatted as a number) is the same day.
  const date =
    typeof row.priceDate === 'number' && Number.isFinite(row.priceDate)
      ? isoDateFromSerial(row.priceDate)
      : text(row.priceDate).slice(0, 10);
  if (what === 'product:' || date === '') return null;
  return JSON.stringify([what, text(row.locationBasis), date, text(row.sourceLabel)]);
}

/** What the prices are: low, high (blank high = low) and unit. */
function pricesOf(row: RecordValues): string | null {
  const low = num(row.priceLow);
  if (low === null) return null;
  return JSON.stringify([low, num(row.priceHigh) ?? low, text(row.unit)]);
}

interface Recorded {
  /** The last row of this price in the table: what a correction corrects. */
  latest: string;
  /** Prices → the last row that recorded them. */
  readonly byPrices: Map<string, string>;
}

function recorded(existing: readonly RecordValues[]): Map<string, Recorded> {
  const out = new Map<string, Recorded>();
  for (const row of existing) {
    const id = typeof row.recordId === 'string' ? row.recordId.trim() : '';
    const key = priceKey(row);
    const prices = pricesOf(row);
    if (id === '' || key === null || prices === null) continue;
    const r = out.get(key) ?? { latest: id, byPrices: new Map<string, string>() };
    r.latest = id;
    r.byPrices.set(prices, id);
    out.set(key, r);
  }
  return out;
}

/**
 * Each candidate's mark against the rows read from DeskPrices (table order: a correction comes
 * after what it corrects). Two candidates of this import for the same price are refused on the
 * later one: the import must say one thing about a price.
 */
export function markCandidates(
  candidates: readonly PriceCandidate[],
  existing: readonly RecordValues[],
): ImportMark[] {
  const table = recorded(existing);
  const seen = new Map<string, PriceCandidate>();
  return candidates.map((c): ImportMark => {
    if (c.problems.length > 0) return { kind: 'invalid', reasons: c.problems };
    const key = priceKey(c.values);
    const prices = pricesOf(c.values);
    if (key === null || prices === null)
      return { kind: 'invalid', reasons: ['Price low and Price date are required'] };
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const same = pricesOf(earlier.values) === prices;
      return {
        kind: 'invalid',
        reasons: [
          same
            ? `Line ${c.line} repeats line ${earlier.line} of this import (same price, date, basis and source)`
            : `Line ${c.line} gives other prices than line ${earlier.line} of this import for the same price, date, basis and source — untick one`,
        ],
      };
    }
    seen.set(key, c);
    const r = table.get(key);
    if (r === undefined) return { kind: 'new' };
    const same = r.byPrices.get(prices);
    return same !== undefined
      ? { kind: 'duplicate', of: same }
      : { kind: 'correction', of: r.latest };
  });
}
