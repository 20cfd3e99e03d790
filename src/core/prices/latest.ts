/**
 * The latest price on or before a date, from DeskPrices rows. One selection rule (selectLatest)
 * serves DESK.LATEST (latestFromGrid: the table as Excel passes it, headers in its first row), the
 * pane's "Use latest price" (latestPrice: rows read as RecordValues) and the ratio history:
 *
 * - a key is a Price code when some row has that code, else a Product (case-insensitive, runs of
 *   spaces read as one);
 * - only rows dated on or before as_of count, a day counting from its start: never a later price;
 * - of several rows on the latest date, the last in the table (a correction is appended after what
 *   it corrects);
 * - a location basis given keeps only its rows; without one, rows at several bases on or before
 *   as_of are #VALUE! naming them; no row is #N/A naming the key and the date;
 * - a row of the key whose Price date cannot be read makes the key #VALUE! (it might be the latest).
 *
 * Cost per call: one pass over the rows groups them by raw code and product; a key's rows are read
 * when it is first asked for and sorted by date once (an append-only history is already in order:
 * a linear check); each query is then a binary search. Nothing outlives the call.
 */
import { excelSerialFromDate, formatDate, MS_PER_DAY, parseDate } from '../dates';
import { UTC_ZONE, type Zone } from '../dates';
import { deskError, fail, isDeskError, ok, type DeskError, type Result } from '../errors';
import { evaluateGrid, isMissing, isRange, shapeProblem } from '../grid/evaluate';
import type { Arg, Cell, Output, Scalar } from '../grid/evaluate';
import { toExcelNumber } from '../numbers/decimal';
import { readNoteDate } from '../operations/note-status';
import { missing, parseNumber } from '../price/parse';
import type { RecordValues } from '../record/cells';
import { PRICE_HEADERS, type PriceHeaderField } from '../record/price-columns';
import { done, refused, type Checked } from '../result';
import { isExcelObject, objectMessage, show } from '../show';
import { TEXT_LIMIT, tooLong } from '../text';

/** What DESK.LATEST can return of the row it selects; `mid` by default. */
export const LATEST_FIELDS = ['mid', 'low', 'high', 'date', 'unit', 'code', 'source'] as const;
export type LatestField = (typeof LATEST_FIELDS)[number];

/** The DeskPrices column each field returns. */
const FIELD_COLUMN: Readonly<Record<LatestField, PriceHeaderField>> = {
  mid: 'priceMid',
  low: 'priceLow',
  high: 'priceHigh',
  date: 'priceDate',
  unit: 'unit',
  code: 'priceCode',
  source: 'sourceLabel',
};
const NUMBER_FIELDS: ReadonlySet<LatestField> = new Set(['mid', 'low', 'high']);

/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2958465;
/** TEXT_LIMIT read once: the row pass compares against it 20,000 times per 10,000-row call. */
const LIMIT = TEXT_LIMIT;
/** Excel's day 0 (serials ≥ 61) and, for the 1900 leap-year bug, day 0 of earlier serials (as dates.ts). */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const EARLY_EPOCH_MS = Date.UTC(1899, 11, 31);

// ── the rule ─────────────────────────────────────────────────────────────────────────────────

/** What the rule reads of the rows, by position in table order. */
export interface PriceRows {
  readonly count: number;
  readonly code: (i: number) => unknown;
  readonly product: (i: number) => unknown;
  readonly basis: (i: number) => unknown;
  readonly date: (i: number) => unknown;
  /** Row i as a message names it: "prices row 5", "DeskPrices row 4". */
  readonly name: (i: number) => string;
  /** The key column the table lacks, said when a key matches nothing ("Product"). */
  readonly lacking?: string;
}

/** One location basis's rows of a key, sorted by (day, table position). */
interface Series {
  readonly label: string | null;
  days: number[];
  rows: number[];
}

interface Group {
  readonly rows: number[];
  series: Map<string, Series> | null;
  bad: DeskError | null;
}

interface BasisKey {
  readonly key: string;
  readonly label: string | null;
}

/** The rows of one call, grouped once; groups are built on first use and live as long as the call. */
export interface PriceIndex {
  readonly rows: PriceRows;
  readonly zone: Zone;
  readonly rawCodes: Map<string | number, number[]>;
  /** Per row, read in the same pass: its day (NaN: not a date; UNREAD: text, parsed when needed) and basis cell. */
  readonly days: number[];
  readonly bases: unknown[];
  /** Filled by one pass over the Product column the first time a key is no Price code. */
  rawProducts: Map<string | number, number[]> | null;
  codes: Map<string, Group> | null;
  products: Map<string, Group> | null;
  readonly basisKeys: Map<string, BasisKey>;
}

/** A code, product or basis as the rule compares them: trimmed, runs of spaces as one, lower case. */
export const normal = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** A cell that may name a key: text up to TEXT_LIMIT or a finite number (blank and objects never do). */
function addKey(map: Map<string | number, number[]>, v: unknown, i: number): void {
  const fits = typeof v === 'string' ? v !== '' && v.length <= LIMIT : Number.isFinite(v as number);
  if (!fits || (typeof v !== 'string' && typeof v !== 'number')) return;
  const list = map.get(v);
  if (list === undefined) map.set(v, [i]);
  else list.push(i);
}

/** Each row under its raw value of one column, in one pass. */
function byValue(rows: PriceRows, read: (i: number) => unknown): Map<string | number, number[]> {
  const map = new Map<string | number, number[]>();
  for (let i = 0; i < rows.count; i++) addKey(map, read(i), i);
  return map;
}

/** A Price date that is text: parsed only if its key is asked for (numbers cost nothing to read). */
const UNREAD = Infinity;

/**
 * One pass over the rows, in table order: each row under its raw code, and its day and basis cell
 * kept in flat arrays, so a key's rows are later read without going back to the table. Products
 * get a pass of their own, only when a key is not a code.
 */
export function indexPrices(rows: PriceRows, zone: Zone = UTC_ZONE): PriceIndex {
  const n = rows.count;
  const rawCodes = new Map<string | number, number[]>();
  const days: number[] = [];
  const bases: unknown[] = [];
  const { code, date, basis } = rows;
  for (let i = 0; i < n; i++) {
    addKey(rawCodes, code(i), i);
    const d = date(i);
    days.push(typeof d === 'number' ? dayOf(d) : UNREAD);
    bases.push(basis(i));
  }
  return {
    rows,
    zone,
    rawCodes,
    days,
    bases,
    rawProducts: null,
    codes: null,
    products: null,
    basisKeys: new Map(),
  };
}

/** Raw values merged under their normal form (few distinct values: a table repeats its codes). */
function groupsOf(raw: Map<string | number, number[]>): Map<string, Group> {
  const out = new Map<string, Group>();
  for (const [value, rows] of raw) {
    const key = normal(String(value));
    if (key === '') continue;
    const group = out.get(key);
    if (group === undefined) out.set(key, { rows, series: null, bad: null });
    else for (const r of rows) group.rows.push(r);
  }
  return out;
}

/** The key's rows: a Price code first, else a Product. */
function groupOf(ix: PriceIndex, key: string): Group | null {
  ix.codes ??= groupsOf(ix.rawCodes);
  const byCode = ix.codes.get(key);
  if (byCode !== undefined) return byCode;
  ix.rawProducts ??= byValue(ix.rows, ix.rows.product);
  ix.products ??= groupsOf(ix.rawProducts);
  return ix.products.get(key) ?? null;
}

/** A Price date cell → the ms its day starts (wall-clock, as UTC), or NaN when it is not a date. */
export function dayOf(v: unknown, zone: Zone = UTC_ZONE): number {
  if (typeof v === 'number') {
    if (!(v >= 1 && v <= MAX_SERIAL)) return NaN;
    // dateFromExcelSerial(Math.floor(v)).getTime(), without a Date per row.
    const day = Math.floor(v);
    return (day < 61 ? EARLY_EPOCH_MS : EPOCH_MS) + day * MS_PER_DAY;
  }
  if (typeof v !== 'string' || v.length > LIMIT) return NaN;
  if (/^\s*\d+(?:\.\d+)?\s*$/.test(v)) return dayOf(Number(v), zone);
  const date = parseDate(v, PRICE_HEADERS.priceDate, zone);
  return date.ok ? Math.floor(date.value.getTime() / MS_PER_DAY) * MS_PER_DAY : NaN;
}

const BLANK_BASIS: BasisKey = { key: '', label: null };

function basisOf(ix: PriceIndex, v: unknown): BasisKey {
  if (isMissing(v)) return BLANK_BASIS;
  if (typeof v !== 'string' && typeof v !== 'number')
    return { key: '\u0000object', label: show(v) };
  const text = typeof v === 'string' && v.length > LIMIT ? v.slice(0, LIMIT) : String(v);
  let basis = ix.basisKeys.get(text);
  if (basis === undefined) {
    basis = { key: normal(text), label: text.trim() };
    ix.basisKeys.set(text, basis);
  }
  return basis;
}

function badDate(rows: PriceRows, r: number): DeskError {
  const v = rows.date(r);
  const why = isMissing(v)
    ? `${PRICE_HEADERS.priceDate} is blank`
    : `cannot read ${show(v)} as a ${PRICE_HEADERS.priceDate} (use an Excel date or yyyy-mm-dd)`;
  return deskError('value', `${rows.name(r)}: ${why}, so which price is latest cannot be known`);
}

/** (day, row) of a series sorted with a comparator: the general case. */
function fullSort(s: Series): void {
  const { days, rows } = s;
  const order = days.map((_, i) => i);
  order.sort(
    (a, b) =>
      (days[a] as number) - (days[b] as number) || (rows[a] as number) - (rows[b] as number),
  );
  s.days = order.map((i) => days[i] as number);
  s.rows = order.map((i) => rows[i] as number);
}

/**
 * (day, row) ascending, in place. An append-only history is in order or nearly (a correction is
 * appended after later prices), so insertion sort: linear when in order, a few moves per
 * correction; past 8 moves per row on average, the general sort (never quadratic).
 */
function sortSeries(s: Series): void {
  const { days, rows } = s;
  let budget = 8 * days.length;
  for (let i = 1; i < days.length; i++) {
    const d = days[i] as number;
    const r = rows[i] as number;
    let j = i - 1;
    for (; j >= 0; j--) {
      const dj = days[j] as number;
      if (dj < d || (dj === d && (rows[j] as number) < r)) break;
      days[j + 1] = dj;
      rows[j + 1] = rows[j] as number;
      if (--budget < 0) {
        days[j] = d;
        rows[j] = r;
        fullSort(s);
        return;
      }
    }
    days[j + 1] = d;
    rows[j + 1] = r;
  }
}

/** The key's rows by basis, each in date order; or the first row whose date cannot be read. */
function seriesOf(ix: PriceIndex, g: Group): Map<string, Series> | DeskError {
  if (g.series !== null) return g.series;
  if (g.bad !== null) return g.bad;
  const series = new Map<string, Series>();
  const { days, bases } = ix;
  let badRow = -1;
  // A key's rows mostly repeat one basis cell: the same value as the row before reuses its series.
  let lastBasis: unknown = NaN;
  let last: Series | null = null;
  for (let j = 0; j < g.rows.length; j++) {
    const r = g.rows[j] as number;
    let day = days[r] as number;
    if (day === UNREAD) day = dayOf(ix.rows.date(r), ix.zone);
    if (day !== day) {
      if (badRow < 0 || r < badRow) badRow = r;
      continue;
    }
    const raw = bases[r];
    let s: Series | null = raw === lastBasis ? last : null;
    if (s === null) {
      const b = basisOf(ix, raw);
      s = series.get(b.key) ?? null;
      if (s === null) {
        s = { label: b.label, days: [], rows: [] };
        series.set(b.key, s);
      }
      lastBasis = raw;
      last = s;
    }
    s.days.push(day);
    s.rows.push(r);
  }
  if (badRow >= 0) {
    g.bad = badDate(ix.rows, badRow);
    return g.bad;
  }
  for (const s of series.values()) sortSeries(s);
  g.series = series;
  return series;
}

/** The index of the last day ≤ ms in ascending days, or -1. */
function lastOnOrBefore(days: readonly number[], ms: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** One question to the rule. */
export interface LatestQuery {
  /** The key as normal() gives it, and as a message quotes it. */
  readonly key: string;
  readonly shown: string;
  /** Wall-clock ms (as UTC, like Excel serials): prices dated on a day starting after it never count. */
  readonly asOfMs: number;
  /** A location basis to keep, as normal() gives it (and quoted); null: any, but only one. */
  readonly basis: string | null;
  readonly basisShown: string;
  /** How the caller names the basis in messages ("location_basis", "a location basis"). */
  readonly basisArg: string;
}

/** The row the rule selects (its position in table order) and the day it is dated, or why none. */
export type LatestPick =
  | { readonly ok: true; readonly row: number; readonly day: number }
  | { readonly ok: false; readonly error: DeskError };

const dayText = (ms: number): string => formatDate(new Date(ms));
const basisLabel = (s: Series): string => (s.label === null ? 'blank' : show(s.label));
const labels = (series: Iterable<Series>): string => [...series].map(basisLabel).sort().join(', ');
const none = (message: string): LatestPick => ({ ok: false, error: deskError('na', message) });

/** The rule itself (see the module comment). */
export function selectLatest(ix: PriceIndex, q: LatestQuery): LatestPick {
  const group = groupOf(ix, q.key);
  // Only an answer that is not a price needs the date written out.
  const on = (): string => `on or before ${dayText(q.asOfMs)}`;
  if (group === null) {
    const lacking = ix.rows.lacking ? ` (the prices have no '${ix.rows.lacking}' column)` : '';
    return none(
      `no price for ${q.shown} ${on()}: no row's Price code or Product is ${q.shown}${lacking}`,
    );
  }
  const series = seriesOf(ix, group);
  if (isDeskError(series)) return { ok: false, error: series };
  if (q.basis !== null) {
    const s = series.get(q.basis);
    if (s === undefined) {
      return none(
        `no price for ${q.shown} at ${q.basisShown} ${on()}; its prices are at ${labels(series.values())}`,
      );
    }
    const i = lastOnOrBefore(s.days, q.asOfMs);
    if (i < 0) {
      return none(
        `no price for ${q.shown} at ${q.basisShown} ${on()} (the first there is dated ${dayText(s.days[0] as number)})`,
      );
    }
    return { ok: true, row: s.rows[i] as number, day: s.days[i] as number };
  }
  const dated: Series[] = [];
  let first = Infinity;
  for (const s of series.values()) {
    const start = s.days[0] as number;
    if (start <= q.asOfMs) dated.push(s);
    if (start < first) first = start;
  }
  if (dated.length > 1) {
    return {
      ok: false,
      error: deskError(
        'value',
        `${q.shown} has prices at several location bases ${on()} (${labels(dated)}); give ${q.basisArg}`,
      ),
    };
  }
  const only = dated[0];
  if (only === undefined) {
    return none(`no price for ${q.shown} ${on()} (its first is dated ${dayText(first)})`);
  }
  const i = lastOnOrBefore(only.days, q.asOfMs);
  return { ok: true, row: only.rows[i] as number, day: only.days[i] as number };
}

/** Every day the key has a price at (at the basis, when given): the dates a history runs over. */
export function priceDays(ix: PriceIndex, q: LatestQuery): Result<number[]> {
  const group = groupOf(ix, q.key);
  if (group === null)
    return fail('na', `no price for ${q.shown}: no row's Price code or Product is ${q.shown}`);
  const series = seriesOf(ix, group);
  if (isDeskError(series)) return { ok: false, error: series };
  if (q.basis === null) return ok([...series.values()].flatMap((s) => s.days));
  const s = series.get(q.basis);
  return s === undefined
    ? fail(
        'na',
        `no price for ${q.shown} at ${q.basisShown}; its prices are at ${labels(series.values())}`,
      )
    : ok(s.days.slice());
}

// ── the pane's view: rows read from DeskPrices ───────────────────────────────────────────────

/** DeskPrices rows as read (plain values by field), for the rule. */
export function recordRows(rows: readonly RecordValues[]): PriceRows {
  const field =
    (f: PriceHeaderField) =>
    (i: number): unknown =>
      rows[i]?.[f] ?? null;
  return {
    count: rows.length,
    code: field('priceCode'),
    product: field('product'),
    basis: field('locationBasis'),
    date: field('priceDate'),
    name: (i) => `DeskPrices row ${i + 1}`,
  };
}

/** The pane's question as the rule takes it; a refusal says what to fix. */
export function recordQuery(
  key: string,
  asOf: Date,
  basis: string | null | undefined,
): Checked<{ query: LatestQuery }> {
  if (typeof key !== 'string' || key.trim() === '') {
    return refused('Give a price code or a product to look up');
  }
  const long = tooLong(key, 'Price code or product', 'a price code or product');
  if (long !== null && !long.ok) return refused(long.error.message);
  const asOfMs = asOf instanceof Date ? asOf.getTime() : NaN;
  if (asOfMs !== asOfMs) return refused('The date to look up the latest price for is not a date');
  const b = typeof basis === 'string' && basis.trim() !== '' ? basis : null;
  const longBasis = b === null ? null : tooLong(b, 'Location basis', 'a location basis');
  if (longBasis !== null && !longBasis.ok) return refused(longBasis.error.message);
  return done({
    query: {
      key: normal(key),
      shown: show(key),
      asOfMs,
      basis: b === null ? null : normal(b),
      basisShown: b === null ? '' : show(b),
      basisArg: 'a location basis',
    },
  });
}

/**
 * "Use latest price": of rows read from DeskPrices, the latest on or before asOf (wall-clock time,
 * as UTC) for a price code or product, by DESK.LATEST's rule; a refusal's message names the key
 * and the date.
 */
export function latestPrice(
  rows: readonly RecordValues[],
  q: { key: string; asOf: Date; locationBasis?: string | null },
): Checked<{ row: RecordValues }> {
  const asked = recordQuery(q.key, q.asOf, q.locationBasis);
  if (!asked.ok) return asked;
  const pick = selectLatest(indexPrices(recordRows(rows)), asked.query);
  return pick.ok ? done({ row: rows[pick.row] as RecordValues }) : refused(pick.error.message);
}

// ── DESK.LATEST: the table as Excel passes it ────────────────────────────────────────────────

/** The prices argument read: its cells, and each column DESK.LATEST reads (-1 when absent). */
interface PriceGrid {
  readonly grid: readonly (readonly Scalar[])[];
  readonly col: Readonly<Record<PriceHeaderField, number>>;
}

const HEADER_FIELDS = Object.keys(PRICE_HEADERS) as PriceHeaderField[];
/** Headers compare without case or spaces ("price  Date", "PriceDate"). */
const headerKey = (h: string): string => h.replace(/\s+/g, '').toLowerCase();
const BY_HEADER: ReadonlyMap<string, PriceHeaderField> = new Map(
  HEADER_FIELDS.map((f) => [headerKey(PRICE_HEADERS[f]), f]),
);
const WITH_HEADERS = 'pass the table with its header row (DeskPrices[#All])';

function noColumn(field: PriceHeaderField, why: string): DeskError {
  return deskError(
    'value',
    `prices has no '${PRICE_HEADERS[field]}' column in its first row (${why}); ${WITH_HEADERS}`,
  );
}

/**
 * shapeProblem for a table: rows of one length, checked row by row. Its cells are not each checked
 * for holding a list (160,000 checks for a 10,000-row table): a cell the rule reads is a key, a date
 * or a value, and a list there reads as neither, with the message that cell would get anyway.
 */
function rowsProblem(prices: readonly unknown[]): DeskError | null {
  const first: unknown = prices[0];
  if (prices.length === 0 || !Array.isArray(first) || first.length === 0) {
    return shapeProblem(prices.length === 0 ? prices : [first], 'prices');
  }
  for (let r = 1; r < prices.length; r++) {
    const row: unknown = prices[r];
    if (!Array.isArray(row) || row.length !== first.length) return shapeProblem(prices, 'prices');
  }
  return null;
}

function readPriceGrid(prices: Arg): PriceGrid | DeskError {
  if (isMissing(prices as Scalar))
    return deskError('na', 'prices is required but the cell is empty');
  if (!isRange(prices)) {
    return deskError('value', `prices must be a range, not a single value; ${WITH_HEADERS}`);
  }
  const shape = rowsProblem(prices);
  if (shape !== null) return shape;
  const col = Object.fromEntries(HEADER_FIELDS.map((f) => [f, -1])) as Record<
    PriceHeaderField,
    number
  >;
  const header = prices[0] as Scalar[];
  for (let c = 0; c < header.length; c++) {
    const h = header[c];
    if (typeof h !== 'string' || h.length > TEXT_LIMIT) continue;
    const field = BY_HEADER.get(headerKey(h));
    if (field === undefined) continue;
    if (col[field] >= 0) {
      return deskError(
        'value',
        `prices has two '${PRICE_HEADERS[field]}' columns (columns ${col[field] + 1} and ${c + 1}); keep one`,
      );
    }
    col[field] = c;
  }
  if (col.priceDate < 0) return noColumn('priceDate', 'every price is found by its date');
  if (col.priceCode < 0 && col.product < 0) {
    return deskError(
      'value',
      `prices has neither a '${PRICE_HEADERS.priceCode}' nor a '${PRICE_HEADERS.product}' column in its first row (a key is one of them); ${WITH_HEADERS}`,
    );
  }
  return { grid: prices, col };
}

function gridRows(t: PriceGrid): PriceRows {
  const { grid, col } = t;
  const column =
    (c: number) =>
    (i: number): unknown =>
      c < 0 ? null : (grid[i + 1] as Scalar[])[c];
  const lacking =
    col.priceCode < 0 ? PRICE_HEADERS.priceCode : col.product < 0 ? PRICE_HEADERS.product : null;
  return {
    count: grid.length - 1,
    code: column(col.priceCode),
    product: column(col.product),
    basis: column(col.locationBasis),
    date: column(col.priceDate),
    // The range's own row number, its header being row 1.
    name: (i) => `prices row ${i + 2}`,
    ...(lacking === null ? {} : { lacking }),
  };
}

const LATEST_ARGS = ['key', 'as_of', 'field', 'location_basis'];
const FIELD_LIST = `${LATEST_FIELDS.slice(0, -1).join(', ')} or ${LATEST_FIELDS[LATEST_FIELDS.length - 1] ?? ''}`;

function readKey(v: Scalar): Result<string> {
  if (isMissing(v)) return missing('key');
  if (typeof v === 'number') {
    return Number.isFinite(v)
      ? ok(String(v))
      : fail('value', `key: ${show(v)} is not a price code or product`);
  }
  if (typeof v === 'boolean') {
    return fail('value', `key: ${show(v)} is a logical value, not a price code or product`);
  }
  if (isExcelObject(v)) return fail('value', objectMessage('key', 'a price code or product'));
  if (typeof v !== 'string')
    return fail('value', `key: cannot read ${show(v)} as a price code or product`);
  return tooLong(v, 'key', 'a price code or product') ?? ok(normal(v));
}

function readField(v: Scalar): Result<LatestField> {
  if (isMissing(v)) return ok('mid');
  const text = typeof v === 'string' && v.length <= TEXT_LIMIT ? v.trim().toLowerCase() : '';
  return (LATEST_FIELDS as readonly string[]).includes(text)
    ? ok(text as LatestField)
    : fail('value', `field must be ${FIELD_LIST} (got ${show(v)})`);
}

function readBasis(v: Scalar): Result<string | null> {
  if (isMissing(v)) return ok(null);
  if (isExcelObject(v)) return fail('value', objectMessage('location_basis', 'a location basis'));
  if (typeof v !== 'string') {
    return fail(
      'value',
      `location_basis: ${show(v)} is not a location basis (text such as fob China)`,
    );
  }
  return tooLong(v, 'location_basis', 'a location basis') ?? ok(v);
}

/** The selected row's cell of the field, as Excel shows it. */
function fieldCell(
  t: PriceGrid,
  pick: { row: number; day: number },
  field: LatestField,
  q: LatestQuery,
): Cell {
  const header = PRICE_HEADERS[FIELD_COLUMN[field]];
  const value = (t.grid[pick.row + 1] as Scalar[])[t.col[FIELD_COLUMN[field]]];
  const where = `prices row ${pick.row + 2}`;
  if (field === 'date')
    return typeof value === 'number' ? value : excelSerialFromDate(new Date(pick.day));
  if (isMissing(value)) {
    return deskError(
      'na',
      `the latest price for ${q.shown} on or before ${dayText(q.asOfMs)} (${where}) has a blank ${header}`,
    );
  }
  if (isExcelObject(value))
    return deskError('value', objectMessage(`${where}: ${header}`, 'a value'));
  if (!NUMBER_FIELDS.has(field)) return typeof value === 'string' ? value.trim() : value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const n = parseNumber(value, `${where}: ${header}`);
  if (!n.ok) return n.error;
  const x = toExcelNumber(n.value);
  return x.ok ? x.value : x.error;
}

function latestCell(v: Scalar[], t: PriceGrid, ix: PriceIndex, now: Date, zone: Zone): Cell {
  const key = readKey(v[0]);
  if (!key.ok) return key.error;
  const asOf = isMissing(v[1]) ? ok(now) : readNoteDate(v[1], 'as_of', zone);
  if (!asOf.ok) return asOf.error;
  const field = readField(v[2]);
  if (!field.ok) return field.error;
  const basis = readBasis(v[3]);
  if (!basis.ok) return basis.error;
  if (t.col[FIELD_COLUMN[field.value]] < 0) {
    return noColumn(FIELD_COLUMN[field.value], `field ${field.value} returns it`);
  }
  if (basis.value !== null && t.col.locationBasis < 0) {
    return noColumn('locationBasis', 'location_basis is matched against it');
  }
  const q: LatestQuery = {
    key: key.value,
    shown: show(v[0]),
    asOfMs: asOf.value.getTime(),
    basis: basis.value === null ? null : normal(basis.value),
    basisShown: basis.value === null ? '' : show(basis.value),
    basisArg: 'location_basis',
  };
  const pick = selectLatest(ix, q);
  return pick.ok ? fieldCell(t, pick, field.value, q) : pick.error;
}

/**
 * DESK.LATEST: per key, the field of the latest price on or before as_of in a table whose first
 * row holds DeskPrices' headers (any order, other columns allowed). prices is read whole and
 * indexed once per call; key, as_of, field and location_basis broadcast like any DESK argument,
 * so a range of keys spills one result per key. `now` (the default as_of) and `zone` (ISO text
 * with an offset → wall-clock time) are injected, as for NOTE_STATUS, so the core stays pure.
 */
export function latestFromGrid(
  prices: Arg,
  key: Arg,
  asOf: Arg,
  field: Arg,
  locationBasis: Arg,
  now: Date,
  zone: Zone = UTC_ZONE,
): Output {
  const table = readPriceGrid(prices);
  if (isDeskError(table)) return table;
  const ix = indexPrices(gridRows(table), zone);
  return evaluateGrid([key, asOf, field, locationBasis], LATEST_ARGS, (v) =>
    latestCell(v, table, ix, now, zone),
  );
}
