/**
 * One imported price row from the texts of its fields: the one evaluator a pasted grid, a review's
 * prose and an edit in the preview all go through. Every field is read by the core's own parsers
 * (prices and units: price/parse.ts; products: record/products.ts; dates: import-dates.ts), then
 * the row is checked by the DeskPrices schema itself, so the preview says what the write would.
 * Each problem names its field and quotes the value.
 */
import { toExcelNumber, type D } from '../numbers/decimal';
import { midpoint, parsePrice, type ParsedPrice } from '../price/parse';
import { parseUnit, type Unit } from '../price/units';
import { checkRecord, type RecordValue, type RecordValues } from '../record/cells';
import { FASTMARKETS_CODES, type FastmarketsSpec } from '../record/price-codes';
import { productOf } from '../record/products';
import { DATA_BASES, LOCATION_BASES, columnList } from '../record/schema';
import { clip, show } from '../show';
import type { SourceState } from '../status/types';
import { TEXT_LIMIT } from '../text';
import { readPriceDate } from './import-dates';
import { importFieldLabel, type ImportField } from './import-fields';

export type LocationBasis = (typeof LOCATION_BASES)[number];
export type DataBasis = (typeof DATA_BASES)[number];

/** What an import fills where its rows say nothing. */
export interface ImportDefaults {
  readonly sourceLabel: string;
  readonly sourceState: SourceState;
  readonly dataBasis: DataBasis;
  readonly locationBasis: LocationBasis | null;
  readonly unit: Unit | null;
  /** yyyy-mm-dd */
  readonly priceDate: string | null;
  /** d/m vs m/d when a slash date is ambiguous and the user chose. */
  readonly dayFirst?: boolean;
}

export interface PriceCandidate {
  /** 1-based row of the pasted grid (the header is row 1) / sentence number in prose. */
  readonly line: number;
  /** The raw row joined by tabs, or the sentence it came from (at most SOURCE_LIMIT characters). */
  readonly source: string;
  /** DeskPrices' user fields and Price mid, plain values (null when blank or unreadable). */
  readonly values: RecordValues;
  /** Each names the field: "Price date: 9/1/2025 is ambiguous — choose day/month order". */
  readonly problems: readonly string[];
  readonly ambiguousDate?: true;
}

/** The texts of one row, by field; a unit printed in a column's header, by the field it heads. */
export type FieldTexts = Readonly<Partial<Record<ImportField, string>>>;
export type HeaderUnits = Readonly<Partial<Record<ImportField, string>>>;

/** Characters of a row or sentence kept as a candidate's source (the preview shows it). */
export const SOURCE_LIMIT = 2000;

export const clipSource = (s: string): string =>
  s.length > SOURCE_LIMIT ? `${s.slice(0, SOURCE_LIMIT)}…` : s;

const label = importFieldLabel;

/** The problems of one row: the first per field wins (a parse message beats "is required"). */
class Problems {
  readonly list: string[] = [];
  private readonly fields = new Set<string>();
  ambiguousDate = false;
  add(field: string, message: string): void {
    if (this.fields.has(field)) return;
    this.fields.add(field);
    this.list.push(message);
  }
  has(field: string): boolean {
    return this.fields.has(field);
  }
}

const CODES: ReadonlyMap<string, FastmarketsSpec> = new Map(
  FASTMARKETS_CODES.map((c) => [c.code.toUpperCase(), c]),
);

/** An option of an enum column as typed, in any case and spacing ("FOB  china" → "fob China"). */
function optionOf<T extends string>(options: readonly T[], text: string): T | null {
  const want = text.toLowerCase().replace(/\s+/g, ' ');
  return options.find((o) => o.toLowerCase() === want) ?? null;
}

/** The options of the enum fields a row may name, from the schema. */
const OPTIONS = {
  sourceState: columnList('prices').find((c) => c.field === 'sourceState')?.options ?? [],
  dataBasis: columnList('prices').find((c) => c.field === 'dataBasis')?.options ?? [],
};

interface Read {
  readonly values: Record<string, RecordValue>;
  readonly problems: Problems;
  readonly code: FastmarketsSpec | null;
}

function readText(texts: FieldTexts, field: ImportField, p: Problems): string {
  const t = (texts[field] ?? '').trim();
  if (t.length <= TEXT_LIMIT) return t;
  p.add(
    field === 'price' ? 'priceLow' : field,
    `${label(field)}: the text is too long (${t.length.toLocaleString('en-US')} characters; at most ${TEXT_LIMIT})`,
  );
  return '';
}

function readIdentity(texts: FieldTexts, d: ImportDefaults, r: Read): FastmarketsSpec | null {
  const { values, problems: p } = r;
  const codeText = readText(texts, 'priceCode', p);
  const code = CODES.get(codeText.toUpperCase()) ?? null;
  values.priceCode = codeText === '' ? null : (code?.code ?? codeText);
  const productText = readText(texts, 'product', p);
  const fromCode = code === null ? null : productOf(code.product);
  const product = productText === '' ? fromCode : (productOf(productText) ?? productText);
  if (code !== null && productText !== '' && product !== fromCode) {
    p.add(
      'product',
      `Product: ${show(productText)} contradicts price code ${code.code} (${fromCode ?? code.product})`,
    );
  }
  values.product = product;
  const basisText = readText(texts, 'locationBasis', p);
  const basis = basisText === '' ? null : optionOf(LOCATION_BASES, basisText);
  if (basisText !== '' && basis === null) {
    p.add(
      'locationBasis',
      `Location basis: ${show(basisText)} is not one of ${LOCATION_BASES.join(', ')}`,
    );
  } else if (basis !== null && code !== null && basis !== code.basis) {
    p.add(
      'locationBasis',
      `Location basis: ${show(basisText)} contradicts price code ${code.code} (${code.basis})`,
    );
  }
  values.locationBasis = basisText === '' ? (code?.basis ?? d.locationBasis) : basis;
  return code;
}

interface PriceRead {
  readonly price: ParsedPrice;
  readonly text: string;
}

/** One price cell through the core's price parser; a negative price is named with its value. */
function readPrice(texts: FieldTexts, field: ImportField, p: Problems): PriceRead | null {
  const text = readText(texts, field, p);
  if (text === '') return null;
  const at = field === 'price' ? 'priceLow' : field;
  const r = parsePrice(text, label(field));
  if (r.ok) return { price: r.value, text };
  const negative = /^[-−]\s*[\d.]/.test(text);
  p.add(
    at,
    negative
      ? `${label(field)}: ${show(text)} is negative; a price is never below 0`
      : r.error.message,
  );
  return null;
}

const fmt = (d: D): string => d.toString();

/** Low, high and mid from whichever price columns the row fills, or the problem that stops them. */
function readPrices(
  texts: FieldTexts,
  r: Read,
  units: [string, Unit][],
): { low: D; high: D } | null {
  const p = r.problems;
  const range = readPrice(texts, 'price', p);
  const lo = readPrice(texts, 'priceLow', p);
  const hi = readPrice(texts, 'priceHigh', p);
  const mid = readPrice(texts, 'priceMid', p);
  for (const [f, read] of [
    ['price', range],
    ['priceLow', lo],
    ['priceHigh', hi],
    ['priceMid', mid],
  ] as const)
    if (read?.price.unit) units.push([label(f), read.price.unit]);
  if (p.has('priceLow') || p.has('priceHigh') || p.has('priceMid')) return null;
  let low: D;
  let high: D;
  const whole = range ?? (lo !== null && lo.price.isRange ? lo : null);
  if (whole !== null) {
    low = whole.price.isRange ? whole.price.low : whole.price.mid;
    high = whole.price.isRange ? whole.price.high : whole.price.mid;
    const other = whole === range ? [lo, hi] : [hi];
    const clash = other.find((x) => x !== null);
    if (clash) {
      const f = clash === lo ? 'priceLow' : 'priceHigh';
      p.add(
        f,
        `${label(f)}: ${show(clash.text)} given as well as the range ${show(whole.text)} — give one or the other`,
      );
      return null;
    }
  } else if (lo !== null) {
    low = lo.price.mid;
    high = hi?.price.mid ?? low;
    if (hi?.price.isRange) {
      p.add('priceHigh', `Price high: ${show(hi.text)} is a range; give a single price`);
      return null;
    }
  } else if (hi !== null) {
    p.add('priceLow', `Price low is required (Price high is ${show(hi.text)})`);
    return null;
  } else if (mid !== null && !mid.price.isRange) {
    low = mid.price.mid;
    high = low;
  } else {
    p.add('priceLow', 'Price low is required: the row has no price');
    return null;
  }
  if (low.gt(high)) {
    p.add('priceHigh', `Price high: ${fmt(high)} is below Price low ${fmt(low)} (crossed prices)`);
    return null;
  }
  if (mid !== null && (mid.price.isRange || !mid.price.mid.eq(midpoint(low, high)))) {
    p.add(
      'priceMid',
      `Price mid: ${show(mid.text)} is not the midpoint of ${fmt(low)} and ${fmt(high)} (${fmt(midpoint(low, high))})`,
    );
    return null;
  }
  return { low, high };
}

function store(field: 'priceLow' | 'priceHigh' | 'priceMid', d: D, r: Read): void {
  const n = toExcelNumber(d);
  if (n.ok) r.values[field] = n.value;
  else r.problems.add(field, `${label(field)}: ${clip(fmt(d))} is too large for Excel`);
}

/** Low, high and the mid the snapshot builder stores too (midpoint), as Excel numbers. */
function storePrices(low: D, high: D, r: Read): void {
  store('priceLow', low, r);
  store('priceHigh', high, r);
  store('priceMid', midpoint(low, high), r);
}

/** The unit from every place a row may state it; places that disagree are a problem, not a pick. */
function readUnit(
  texts: FieldTexts,
  headers: HeaderUnits,
  fromPrices: readonly [string, Unit][],
  d: ImportDefaults,
  r: Read,
): void {
  const p = r.problems;
  const stated: [string, Unit][] = [...fromPrices];
  const text = readText(texts, 'unit', p);
  if (text !== '') {
    const u = parseUnit(text, 'Unit');
    if (u.ok) stated.push(['Unit', u.value]);
    else p.add('unit', u.error.message);
  }
  for (const f of ['price', 'priceLow', 'priceHigh', 'priceMid', 'unit'] as const) {
    const h = headers[f];
    if (h === undefined || (texts[f] ?? '').trim() === '') continue;
    const u = parseUnit(h, 'Unit');
    if (u.ok) stated.push([`the ${label(f)} header`, u.value]);
    else p.add('unit', `Unit: the ${label(f)} header names an unknown unit ${show(h)}`);
  }
  if (p.has('unit')) return;
  const distinct = [...new Set(stated.map(([, u]) => u))];
  if (distinct.length > 1) {
    p.add(
      'unit',
      `Unit: the row states different units (${stated.map(([w, u]) => `${u} in ${w}`).join(', ')})`,
    );
    return;
  }
  const unit = distinct[0] ?? d.unit ?? r.code?.unit ?? null;
  if (unit === null) {
    p.add(
      'unit',
      'Unit is required: give it in a Unit column, in the price ("3,600-4,000 yuan/mt"), in the header ("Low (USD/kg)") or as the import’s unit',
    );
  }
  r.values.unit = unit;
}

function readRest(texts: FieldTexts, d: ImportDefaults, r: Read): void {
  const { values, problems: p } = r;
  const dateText = readText(texts, 'priceDate', p);
  if (dateText !== '') {
    const date = readPriceDate(dateText, 'Price date', d.dayFirst);
    if (date.ok) values.priceDate = date.date;
    else {
      p.add('priceDate', date.message);
      if (date.ambiguous) p.ambiguousDate = true;
    }
  } else if (d.priceDate === null) {
    p.add('priceDate', 'Price date is required: the row has none and the import has no date');
  } else values.priceDate = d.priceDate;
  const sourceText = readText(texts, 'sourceLabel', p);
  values.sourceLabel = sourceText !== '' ? sourceText : d.sourceLabel.trim() || null;
  for (const field of ['sourceState', 'dataBasis'] as const) {
    const text = readText(texts, field, p);
    const options = OPTIONS[field];
    if (text === '') values[field] = d[field];
    else {
      values[field] = optionOf(options, text);
      if (values[field] === null)
        p.add(field, `${label(field)}: ${show(text)} is not one of ${options.join(', ')}`);
    }
  }
}

/** A row's stamps (what the import writes besides the row's own values). */
export interface RowStamps {
  readonly recordId: string;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly importId: string;
  readonly correctionOf: string | null;
}

/** Stamps that pass the schema, so checking a candidate reports only what the row itself lacks. */
const PLACEHOLDER_STAMPS: RowStamps = {
  recordId: '00000000-0000-4000-8000-000000000000',
  importedAt: '2000-01-01T00:00:00.000Z',
  importedBy: 'import',
  importId: '00000000-0000-4000-8000-000000000000',
  correctionOf: null,
};

/**
 * A DeskPrices row to check: one object literal in the schema's column order. zod reads an
 * object of this one shape two to four times faster than a spread of values and stamps, and
 * every imported row is checked (bench/price-import.bench.ts).
 */
export function stampedRow(v: RecordValues, s: RowStamps): Record<string, RecordValue> {
  return {
    recordId: s.recordId,
    importedAt: s.importedAt,
    importedBy: s.importedBy,
    importId: s.importId,
    ...rowValues(v),
    correctionOf: s.correctionOf,
  };
}

/** The schema's own verdict on the row, for the fields no parse problem already explains. */
function schemaProblems(values: RecordValues, p: Problems): void {
  const check = checkRecord('prices', stampedRow(values, PLACEHOLDER_STAMPS));
  if (check.ok) return;
  const priceTrouble = p.has('priceLow') || p.has('priceHigh') || p.has('priceMid');
  for (const { field, message } of check.issues) {
    if (priceTrouble && field.startsWith('price') && field !== 'priceDate' && field !== 'priceCode')
      continue;
    p.add(field, message);
  }
}

/**
 * The row as one object literal in the schema's order: zod reads an object of one fixed shape
 * some three times faster than the scratch object the readers filled field by field.
 */
function rowValues(v: Readonly<Record<string, RecordValue>>): RecordValues {
  return {
    priceDate: v.priceDate ?? null,
    priceCode: v.priceCode ?? null,
    product: v.product ?? null,
    locationBasis: v.locationBasis ?? null,
    priceLow: v.priceLow ?? null,
    priceHigh: v.priceHigh ?? null,
    priceMid: v.priceMid ?? null,
    unit: v.unit ?? null,
    sourceLabel: v.sourceLabel ?? null,
    sourceState: v.sourceState ?? null,
    dataBasis: v.dataBasis ?? null,
  };
}

/** One row's field texts → a candidate, valid or with every problem named. */
export function candidateFromFields(
  line: number,
  source: string,
  texts: FieldTexts,
  d: ImportDefaults,
  headers: HeaderUnits = {},
): PriceCandidate {
  const values: Record<string, RecordValue> = {};
  const problems = new Problems();
  const r: { values: typeof values; problems: Problems; code: FastmarketsSpec | null } = {
    values,
    problems,
    code: null,
  };
  r.code = readIdentity(texts, d, r);
  const units: [string, Unit][] = [];
  const prices = readPrices(texts, r, units);
  if (prices !== null) storePrices(prices.low, prices.high, r);
  readUnit(texts, headers, units, d, r);
  readRest(texts, d, r);
  const row = rowValues(values);
  schemaProblems(row, problems);
  return {
    line,
    source: clipSource(source),
    values: row,
    problems: problems.list,
    ...(problems.ambiguousDate ? { ambiguousDate: true as const } : {}),
  };
}
