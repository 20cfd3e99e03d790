/**
 * "Use latest price" in the review form: DeskPrices read, then the core's latestPrice — the rule
 * DESK.LATEST uses — for the product or code typed, on or before the review date (a day counts
 * from its start; never a later price). Answers the snapshot fields to fill and which row it used,
 * or why none.
 */
import { latestPrice, tableLabel, type RecordValues } from '../../core';
import type { LatestAnswer, LatestQuestion } from '../views/review/latest';
import type { DeskWorkbook } from '../../excel/workbook';
import { readPrices } from './price-writes';

/** The core's clause as a sentence of its own ("no price for …" → "No price for …"). */
const sentence = (m: string): string => m.charAt(0).toUpperCase() + m.slice(1);
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown): string =>
  typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 10 }) : text(v);

/** The snapshot fields a DeskPrices row fills: price, unit, source, quote time, data basis. */
export function snapshotFill(row: RecordValues): Record<string, string> {
  return {
    priceCode: text(row.priceCode),
    product: text(row.product),
    locationBasis: text(row.locationBasis),
    priceLow: text(row.priceLow),
    priceHigh: text(row.priceHigh),
    unit: text(row.unit),
    sourceLabel: text(row.sourceLabel),
    sourceState: text(row.sourceState),
    dataBasis: text(row.dataBasis),
    // DeskPrices keeps days: the quote is as of the start of its price date.
    quoteTime: `${text(row.priceDate)}T00:00`,
  };
}

export function createLatestLookup(
  workbook: DeskWorkbook,
): (q: LatestQuestion) => Promise<LatestAnswer> {
  return async (q) => {
    if (q.key.trim() === '')
      return {
        ok: false,
        message: 'Type a Product or a Price code first: the latest price is looked up for it.',
      };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(q.reviewDate))
      return {
        ok: false,
        message: 'Give the Review date first: only prices dated on or before it are used.',
      };
    const history = await readPrices(workbook);
    if (!history.ok) return { ok: false, message: history.message };
    if (history.rows.length === 0)
      return {
        ok: false,
        message: `${tableLabel('prices')} has no prices yet: import some on the Import tab.`,
      };
    // The start of the review day, wall-clock as UTC: a price is dated by day and counts from
    // that day's start, so the review day's own prices count and the next day's never do.
    const asOf = new Date(`${q.reviewDate}T00:00:00.000Z`);
    const r = latestPrice(history.rows, { key: q.key, asOf, locationBasis: q.locationBasis });
    if (!r.ok) return { ok: false, message: sentence(r.message) };
    const i = history.rows.indexOf(r.row);
    const row = r.row;
    const price = `${num(row.priceLow)}${row.priceHigh !== row.priceLow ? `–${num(row.priceHigh)}` : ''} ${text(row.unit)}`;
    return {
      ok: true,
      fields: snapshotFill(row),
      used: `${tableLabel('prices')} sheet row ${history.sheetRows[i] ?? '?'}: ${text(row.product)}${row.priceCode ? ` (${text(row.priceCode)})` : ''}, ${price}, dated ${text(row.priceDate)}, ${text(row.sourceLabel)} — the latest on or before ${q.reviewDate}.`,
    };
  };
}
