/**
 * The DeskPrices headers that DESK.LATEST finds its columns by. Declared here, without zod, so the
 * functions bundle can read them without pulling in the record schema (zod is ~28 KB gzip, over
 * the functions bundle's budget); schema.ts's priceFields take their headers from here, so
 * columnList('prices') and DESK.LATEST read the same strings.
 */
export const PRICE_HEADERS = {
  priceDate: 'Price date',
  priceCode: 'Price code',
  product: 'Product',
  locationBasis: 'Location basis',
  priceLow: 'Price low',
  priceHigh: 'Price high',
  priceMid: 'Price mid',
  unit: 'Unit',
  sourceLabel: 'Source label',
} as const;

export type PriceHeaderField = keyof typeof PRICE_HEADERS;
