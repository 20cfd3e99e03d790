/** DeskPrices rows for the latest-price tests: as plain values, and as the grid Excel passes. */
import { columnList, type RecordValues, type Scalar } from '../../../src/core';

export interface Row {
  date: Scalar;
  code?: string | null;
  product: string;
  basis?: string | null;
  low?: number;
  high?: number;
  mid: number | string | null;
  unit?: string;
  source: string;
}

/** A row as the pane reads it (fields by name, blanks null). */
export function record(r: Row, i = 0): RecordValues {
  return {
    recordId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    priceDate: r.date as RecordValues[string],
    priceCode: r.code ?? null,
    product: r.product,
    locationBasis: r.basis ?? null,
    priceLow: r.low ?? (typeof r.mid === 'number' ? r.mid : null),
    priceHigh: r.high ?? (typeof r.mid === 'number' ? r.mid : null),
    priceMid: r.mid,
    unit: r.unit ?? 'CNY/t',
    sourceLabel: r.source,
  };
}

/** The schema's DeskPrices headers, in the table's order (what DeskPrices[#All] starts with). */
export const HEADERS = columnList('prices').map((c) => c.header);

/** Rows as DeskPrices[#All] passes them: the header row, then each row's cells by header. */
export function grid(rows: readonly Row[], headers: readonly string[] = HEADERS): Scalar[][] {
  const fields = columnList('prices');
  const byHeader = new Map(fields.map((c) => [c.header, c.field]));
  return [
    [...headers],
    ...rows.map((r, i) => {
      const values = record(r, i);
      return headers.map((h) => {
        const field = byHeader.get(h);
        const v = field === undefined ? 'extra' : values[field];
        return v === null || v === undefined ? '' : (v as Scalar);
      });
    }),
  ];
}
