/**
 * A review's form values → the rows of the three tables. Pure: validates everything first and
 * returns either every row or every field issue, never a half-built review.
 *
 * Computed values go through the same code as the custom functions (spreadCostOf, exitValueOf,
 * spreadBpsOf, evaluateNoteStatus) and are stored as plain values; `Status now` is the formula.
 */
import { D, toExcelNumber } from '../numbers/decimal';
import { convertPrice } from '../operations/convert';
import { exitValueOf } from '../operations/exit-value';
import { spreadBpsOf } from '../operations/spread-bps';
import { spreadCostOf } from '../operations/spread-cost';
import { parseDate, wallClockAsUtc } from '../dates';
import { fail, ok, type Result } from '../errors';
import { isMissing } from '../grid/evaluate';
import { needsFx } from '../price/factor';
import { midpoint, parseFx, parseNumber, parsePrice, type ParsedPrice } from '../price/parse';
import { unitOf, type Unit } from '../price/units';
import { show } from '../show';
import { DEFAULT_DIRECTION, type NoteStatusVerdict } from '../status/types';
import { isDigit, spacesEnd, tooLong } from '../text';
import {
  checkRecord,
  withStamps,
  type DeskRecord,
  type RecordValue,
  type ReviewRecords,
} from './cells';
import {
  CHINA_VAT_RATE,
  PRICE_UNITS,
  STATUS_NOW_FORMULA,
  THRESHOLD_LIMIT,
  SUPPLY_CHAIN_FIELDS,
  SUPPLY_CHAIN_ROUTES,
  VAT_INCLUSIVE_BASIS,
  columnList,
  type ReviewKey,
} from './schema';
import type { ColumnSpec, TableKey } from './table-def';
import { statusIssue, triggerStatus } from './trigger-status';

export interface ReviewInput {
  readonly snapshot: Readonly<Record<string, unknown>>;
  readonly exposure: Readonly<Record<string, unknown>>;
  readonly triggers: readonly Readonly<Record<string, unknown>>[];
  /** The form's price display (not recorded): the snapshot's mid is also shown converted. */
  readonly display?: PriceDisplay;
}
export interface BuildContext {
  readonly recordedBy: string;
  /** The instant of the submit; stored and compared as wall-clock time, like Excel. */
  readonly now: Date;
  readonly newId: () => string;
}
export interface FieldIssue {
  /** A review's issues are in its own tables. */
  readonly table: ReviewKey;
  /** Row index within the table's rows of this review (0 for snapshot and exposure). */
  readonly index: number;
  readonly field: string;
  /** Names the field by its header. */
  readonly message: string;
}
export type { ReviewRecords } from './cells';
export type BuildResult =
  | { readonly ok: true; readonly rows: ReviewRecords }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

type Draft = Record<string, RecordValue>;
type Col = ColumnSpec & { readonly field: string };

/** Collects issues for one row; `parse` turns a form value into a record value or an issue. */
class RowIssues {
  readonly list: FieldIssue[] = [];
  /** Numbers as parsed, before they become Excel numbers: what the derived values compute from. */
  readonly decimals = new Map<string, D>();
  constructor(
    private readonly table: ReviewKey,
    readonly index: number,
  ) {}
  add(field: string, message: string): void {
    if (!this.list.some((i) => i.field === field))
      this.list.push({ table: this.table, index: this.index, field, message });
  }
}

function num(d: D, col: Col, issues: RowIssues): number | null {
  const n = toExcelNumber(d);
  if (n.ok) return n.value;
  issues.add(col.field, `${col.header}: the number is too large for Excel`);
  return null;
}

function unwrap<T>(r: Result<T>, field: string, issues: RowIssues): T | null {
  if (r.ok) return r.value;
  issues.add(field, r.error.message);
  return null;
}

/** Fields that take several numbers summed ("500; 300", "500 + 300"), like EXIT_VALUE's fixed costs. */
const SUMMED_FIELDS: ReadonlySet<string> = new Set(['fixedCosts']);

/**
 * The parts between ";" or "+" separators, each trimmed. A "+" right after an exponent's "e"
 * belongs to the number ("1e+3"). A scan, not a regex split with optional spaces around the
 * separator, which backtracks quadratically over a long run of spaces.
 */
function costParts(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const before = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (c === 59 || (c === 43 && before !== 101 && before !== 69)) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** "500, 300": a digit, a comma, spaces, a digit — costs separated by commas, not a thousands group. */
function commaListed(text: string): boolean {
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
    const after = spacesEnd(text, i + 1);
    if (
      i > 0 &&
      after > i + 1 &&
      isDigit(text.charCodeAt(i - 1)) &&
      isDigit(text.charCodeAt(after))
    ) {
      return true;
    }
  }
  return false;
}

/**
 * One number, or several separated by ";" or "+" and summed. A comma stays a thousands separator
 * ("1,500" is fifteen hundred), so "500, 300" is refused with a hint rather than guessed.
 */
export function parseCostSum(input: string | number, label: string): Result<D> {
  if (typeof input === 'number') return parseNumber(input, label);
  const long = tooLong(input, label, 'costs');
  if (long !== null) return long;
  let text = input.trim();
  if (text.startsWith('+')) text = text.slice(1).trim();
  const parts = costParts(text);
  if (parts.length === 1) {
    const one = parseNumber(text, label);
    if (!one.ok && commaListed(text)) {
      return fail(
        'value',
        `${label}: cannot read ${show(input)}: a comma is a thousands separator here; separate costs with ";" or "+", e.g. 500; 300`,
      );
    }
    return one;
  }
  let total = new D(0);
  for (const part of parts) {
    if (part === '') {
      return fail(
        'value',
        `${label}: ${show(input)} has an empty part; separate costs with ";" or "+", e.g. 500; 300`,
      );
    }
    const r = parseNumber(part, label);
    if (!r.ok) return r;
    if (r.value.isNegative() && !r.value.isZero()) {
      return fail('value', `${label}: each cost must not be negative (${show(part)})`);
    }
    total = total.plus(r.value);
  }
  return ok(total);
}

/** One user-typed value → its record value (numbers with separators, dates, enums by any case). */
function parseField(col: Col, raw: unknown, issues: RowIssues): RecordValue {
  if (isMissing(raw)) return null;
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (SUMMED_FIELDS.has(col.field)) {
    const d = unwrap(parseCostSum(text as string | number, col.header), col.field, issues);
    if (d !== null) issues.decimals.set(col.field, d);
    return d === null ? null : num(d, col, issues);
  }
  switch (col.kind) {
    case 'date': {
      const d = unwrap(parseDate(text as string | number, col.header), col.field, issues);
      return d === null ? null : d.toISOString().slice(0, 10);
    }
    case 'datetime': {
      const d = unwrap(parseDate(text as string | number, col.header), col.field, issues);
      return d === null ? null : d.toISOString();
    }
    case 'enum': {
      const match = col.options?.find((o) => o.toLowerCase() === String(text).toLowerCase());
      if (match !== undefined) return match;
      issues.add(
        col.field,
        `${col.header}: ${show(text)} is not one of ${col.options?.join(', ')}`,
      );
      return null;
    }
    case 'number':
    case 'quantity':
    case 'money':
    case 'ratio':
    case 'bps':
    case 'percent': {
      const d = unwrap(parseNumber(text as string | number, col.header), col.field, issues);
      if (d !== null) issues.decimals.set(col.field, d);
      return d === null ? null : num(d, col, issues);
    }
    case 'price': // handled with its row (a range fills low, high and unit)
    case 'formula':
      return null;
    default:
      return String(text);
  }
}

function draftOf(key: TableKey, raw: Readonly<Record<string, unknown>>, issues: RowIssues): Draft {
  const draft: Draft = {};
  for (const col of columnList(key)) {
    draft[col.field] = col.source === 'user' ? parseField(col, raw[col.field], issues) : null;
  }
  return draft;
}

const colOf = (key: TableKey, field: string): Col => {
  const col = columnList(key).find((c) => c.field === field);
  if (!col) throw new Error(`schema has no ${key}.${field}`); // a programming error, caught by tests
  return col;
};

/** The snapshot's price as read from Price low/high and Unit, or why it cannot be read. */
export type SnapshotPrice =
  { readonly price: ParsedPrice; readonly unit: Unit | null } | { readonly error: string };

interface PricesRead {
  /** Fields left empty because another price field failed; that field's issue says why. */
  readonly quiet: readonly string[];
  /** null when Price low is blank. */
  readonly price: SnapshotPrice | null;
}

/** The price the two fields state: a range in Price low, or low + high (a single price when high is blank). */
function statedPrice(a: ParsedPrice, b: ParsedPrice | null): ParsedPrice {
  if (a.isRange || b === null) return a;
  return {
    low: a.mid,
    high: b.mid,
    mid: midpoint(a.mid, b.mid),
    unit: a.unit ?? b.unit,
    isRange: true,
  };
}

/**
 * Price low/high accept range text with a unit: "747,000-753,000 yuan/mt" fills low, high and unit.
 * Returns the fields left empty because another price field failed (that field's issue says why,
 * so they get no "is required" of their own: Price high holding 753,000 is not missing), and the
 * price as read for the form.
 */
function snapshotPrices(
  raw: Readonly<Record<string, unknown>>,
  draft: Draft,
  issues: RowIssues,
): PricesRead {
  const low = colOf('snapshots', 'priceLow');
  const high = colOf('snapshots', 'priceHigh');
  const parse = (col: Col): Result<ParsedPrice> | null =>
    isMissing(raw[col.field]) ? null : parsePrice(raw[col.field] as string | number, col.header);
  const lowRead = parse(low);
  const highRead = parse(high);
  const a = lowRead === null ? null : unwrap(lowRead, low.field, issues);
  const b = highRead === null ? null : unwrap(highRead, high.field, issues);
  if (lowRead === null) issues.add(low.field, `${low.header} is required`);
  // The unit may come from the price text, which could not be read.
  if (a === null) {
    const error = lowRead !== null && !lowRead.ok ? lowRead.error.message : null;
    return { quiet: ['priceHigh', 'unit'], price: error === null ? null : { error } };
  }
  const stated = (): SnapshotPrice => {
    const p = statedPrice(a, a.isRange ? null : b);
    return { price: p, unit: p.unit ?? (isMissing(raw.unit) ? null : unitOf(String(raw.unit))) };
  };
  if (a.isRange && b !== null) {
    issues.add(
      high.field,
      `${high.header}: leave blank when ${low.header} is a range (${show(raw[low.field])})`,
    );
    return { quiet: ['priceLow', 'unit'], price: stated() };
  }
  // High typed but unreadable: its own issue says why.
  if (!a.isRange && highRead !== null && !highRead.ok) {
    return { quiet: ['priceLow', 'unit'], price: { error: highRead.error.message } };
  }
  // A single price (high blank) is recorded as low = high.
  const lo = a.isRange ? a.low : a.mid;
  const hi = a.isRange ? a.high : b === null ? a.mid : b.mid;
  draft.priceLow = num(lo, low, issues);
  draft.priceHigh = num(hi, high, issues);
  draft.priceMid = num(midpoint(lo, hi), colOf('snapshots', 'priceMid'), issues);
  const typed = [a.unit, b?.unit ?? null].filter((u): u is NonNullable<typeof u> => u !== null);
  const unitCol = colOf('snapshots', 'unit');
  if (typed.length === 2 && typed[0] !== typed[1]) {
    issues.add(
      unitCol.field,
      `${unitCol.header}: the prices are in different units (${typed[0]}, ${typed[1]})`,
    );
  } else if (typed.length > 0) {
    const fromText = typed[0] as string;
    if (draft.unit === null && (PRICE_UNITS as readonly string[]).includes(fromText))
      draft.unit = fromText;
    else if (draft.unit !== null && draft.unit !== fromText) {
      issues.add(
        unitCol.field,
        `${unitCol.header}: '${String(draft.unit)}' contradicts the unit in the price text (${fromText})`,
      );
    }
  }
  return { quiet: [], price: stated() };
}

const dec = (v: RecordValue | undefined): D | null => (typeof v === 'number' ? new D(v) : null);

/** The core's argument names (as DESK functions report them) → the exposure field they came from. */
const EXPOSURE_ARGS: Readonly<Record<string, string>> = {
  quantity: 'quantity',
  bid: 'bid',
  ask: 'ask',
  fee_rate: 'feeRate',
  fixed_costs: 'fixedCosts',
  bid_depth: 'bidDepth',
  depth_haircut: 'depthHaircut',
};

/** A core failure → an issue on the field it names, in the form's words (never "fee_rate"). */
function exposureIssue(message: string, fallback: string, issues: RowIssues): void {
  const arg = /^[a-z_]+/.exec(message)?.[0] ?? '';
  const field = EXPOSURE_ARGS[arg] ?? fallback;
  const rest = field === EXPOSURE_ARGS[arg] ? message.slice(arg.length).trim() : message;
  issues.add(field, `${colOf('exposures', field).header} ${rest}`);
}

const ZERO = new D(0);
const ONE = new D(1);
const negative = (d: D | null): boolean => d !== null && d.isNegative() && !d.isZero();
const outside01 = (d: D | null): boolean => d !== null && (d.lt(ZERO) || d.gt(ONE));

/** An exposure's computed values for the form: null where an input they need is missing. */
export interface ExposureValues {
  /** The exposure's bid/ask spread in bps (when both are typed and the quote is valid). */
  readonly spreadBps: D | null;
  /** Spread cost (round trip), once Quantity, Bid and Ask are read; an error in the functions' words. */
  readonly spreadCost: Result<D> | null;
  /** Estimated exit value, once Quantity and Bid are read; or the issue of an exit input that failed. */
  readonly exitValue: Result<D> | { readonly input: string; readonly message: string } | null;
}

/** The exit inputs a blank leaves at their default; a typed one that failed carries its issue. */
const EXIT_INPUTS = ['feeRate', 'fixedCosts', 'bidDepth', 'depthHaircut'] as const;

/**
 * Spread cost and exit value, through the custom functions' own code, from the numbers as parsed.
 * They are stored only when every input is within its column's range: otherwise the column checks
 * name the right field, and nothing is stored from them.
 */
function exposureValues(
  raw: Readonly<Record<string, unknown>>,
  draft: Draft,
  issues: RowIssues,
): ExposureValues {
  const d = (field: string): D | null => issues.decimals.get(field) ?? null;
  const bid = d('bid');
  const ask = d('ask');
  const quantity = d('quantity');
  const feeRate = d('feeRate');
  const fixedCosts = d('fixedCosts');
  const bidDepth = d('bidDepth');
  const depthHaircut = d('depthHaircut');
  const quote = bid !== null && ask !== null ? spreadBpsOf(bid, ask) : null;
  const spreadBps = quote?.ok ? quote.value : null;
  const spreadCost =
    quantity !== null && bid !== null && ask !== null
      ? spreadCostOf({ bid, ask, quantity, legs: new D(2) })
      : null;
  const failedInput = EXIT_INPUTS.find((f) => !isMissing(raw[f]) && d(f) === null);
  const exitValue =
    quantity === null || bid === null
      ? null
      : failedInput !== undefined
        ? {
            input: failedInput,
            message: issues.list.find((i) => i.field === failedInput)?.message ?? '',
          }
        : exitValueOf({
            quantity,
            bid,
            feeRate: feeRate ?? ZERO,
            fixedCosts: fixedCosts === null ? [] : [fixedCosts],
            bidDepth,
            depthHaircut: depthHaircut ?? ZERO,
          });
  const values = { spreadBps, spreadCost, exitValue };
  const stored = [draft.bid, draft.quantity].every((v) => typeof v === 'number');
  if (!stored || bid === null || quantity === null) return values;
  if ([bid, ask, quantity, fixedCosts, bidDepth].some(negative)) return values;
  if ([feeRate, depthHaircut].some(outside01)) return values;
  // A crossed quote is reported once, on Ask, by the exposure's own check.
  if (ask !== null && typeof draft.ask === 'number' && !bid.gt(ask) && spreadCost !== null) {
    if (spreadCost.ok)
      draft.spreadCost = computedNum(spreadCost.value, 'spreadCost', { quantity, ask }, issues);
    else exposureIssue(spreadCost.error.message, 'ask', issues);
  }
  // A typed input that is not stored (unreadable, or too large for Excel) has its own issue.
  if (EXIT_INPUTS.some((f) => !isMissing(raw[f]) && typeof draft[f] !== 'number')) return values;
  if (exitValue === null || 'input' in exitValue) return values;
  if (exitValue.ok)
    draft.exitValue = computedNum(exitValue.value, 'exitValue', { quantity, bid }, issues);
  else exposureIssue(exitValue.error.message, 'bid', issues);
  return values;
}

/**
 * A computed value too large for Excel, reported on the input that made it so (the larger of its
 * factors): the form has no field for Spread cost or Estimated exit value to carry it.
 */
function computedNum(
  d: D,
  field: 'spreadCost' | 'exitValue',
  factors: Readonly<Record<string, D>>,
  issues: RowIssues,
): number | null {
  const n = toExcelNumber(d);
  if (n.ok) return n.value;
  const entries = Object.entries(factors);
  const [blame] = entries.reduce((a, b) => (b[1].abs().gt(a[1].abs()) ? b : a));
  const product = entries.map(([f]) => colOf('exposures', f).header).join(' × ');
  issues.add(
    blame,
    `${colOf('exposures', blame).header}: ${colOf('exposures', field).header} (${product}) would be too large for Excel`,
  );
  return null;
}

/**
 * Blank formula inputs default from the review: the snapshot's quote, the exposure's spread.
 * With no bid/ask anywhere, Spread bps is 0 (the spread check cannot bite). Returns true when
 * Spread bps could not be derived from a bad quote: the quote's own issue says why.
 */
function triggerDefaults(
  t: Draft,
  raw: Readonly<Record<string, unknown>>,
  snap: Draft,
  expo: Draft,
  issues: RowIssues,
): boolean {
  t.quoteTime ??= snap.quoteTime ?? null;
  t.sourceState ??= snap.sourceState ?? null;
  t.exposureRoute ??= expo.exposureRoute ?? null;
  t.ratioChange ??= isMissing(raw.ratioChange) ? 0 : null;
  t.expectedDirection ??= isMissing(raw.expectedDirection) ? DEFAULT_DIRECTION : null;
  t.state ??= isMissing(raw.state) ? 'open' : null;
  if (t.spreadBps === null && isMissing(raw.spreadBps)) {
    const pair: [RecordValue | undefined, RecordValue | undefined] | null =
      expo.bid != null && expo.ask != null
        ? [expo.bid, expo.ask]
        : snap.priceKind === 'bid/ask'
          ? [snap.priceLow, snap.priceHigh]
          : null;
    const bid = pair ? dec(pair[0]) : null;
    const ask = pair ? dec(pair[1]) : null;
    if (pair === null) {
      t.spreadBps = 0;
    } else if (bid !== null && ask !== null) {
      const bps = spreadBpsOf(bid, ask);
      if (bps.ok) t.spreadBps = num(bps.value, colOf('triggers', 'spreadBps'), issues);
      else return true;
    } else {
      return true;
    }
  }
  return false;
}

/** A trigger's status for the form: NOTE_STATUS's verdict, or which of its inputs is still missing. */
export type TriggerStatus =
  | { readonly needs: 'quoteTime' | 'spreadBps' | 'ratioChange' }
  | { readonly verdict: Result<NoteStatusVerdict> };

/** Status at record, by DESK.NOTE_STATUS on the row (trigger-status.ts); a refusal lands on its field. */
function statusAtRecord(
  t: Draft,
  raw: Readonly<Record<string, unknown>>,
  asOf: Date,
  issues: RowIssues,
  quiet: Set<string>,
): TriggerStatus {
  if (typeof t.quoteTime !== 'string') return { needs: 'quoteTime' };
  if (typeof t.spreadBps !== 'number') return { needs: 'spreadBps' };
  if (typeof t.ratioChange !== 'number') return { needs: 'ratioChange' };
  const verdict = triggerStatus(t, asOf);
  if (verdict.ok) t.statusAtRecord = verdict.value.status;
  else {
    const issue = statusIssue(verdict.error.message, (f) => colOf('triggers', f).header);
    // Defaulted from the snapshot: the snapshot's own field carries the issue.
    if (
      (SNAPSHOT_DEFAULTS as readonly string[]).includes(issue.field) &&
      isMissing(raw[issue.field])
    )
      quiet.add(`triggers.${issues.index}.statusAtRecord`);
    else issues.add(issue.field, issue.message);
  }
  return { verdict };
}

/** Everything the form shows besides the issues: computed values as the builder computed them. */
export interface ReviewDerived {
  /** The snapshot's price (mid, range, unit), or why it cannot be read; null while Price low is blank. */
  readonly price: SnapshotPrice | null;
  readonly exposure: ExposureValues;
  /** The price in the display's unit; null without a display or a readable price. */
  readonly converted: ConvertedPrice | null;
  /** Per trigger, its status at record (now) with the blanks defaulted as they are recorded. */
  readonly triggers: readonly TriggerStatus[];
}

interface Drafts {
  readonly snapshot: Draft;
  readonly exposure: Draft;
  readonly triggers: readonly Draft[];
  readonly derived: ReviewDerived;
  readonly issues: FieldIssue[];
  /** Fields ("table.index.field") left empty because another field failed; that field's issue says why. */
  readonly quiet: ReadonlySet<string>;
}

/** Trigger fields a blank defaults from the snapshot's field of the same name (triggerDefaults). */
const SNAPSHOT_DEFAULTS = ['quoteTime', 'sourceState'] as const;

const DAY_MS = 86_400_000;
const shownTime = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/** A quote after the end of the review day would be hindsight: the review records what was known then. */
function quoteAfterReview(quoteTime: RecordValue, reviewDate: RecordValue): string | null {
  if (typeof quoteTime !== 'string' || typeof reviewDate !== 'string') return null;
  const end = Date.parse(`${reviewDate}T00:00:00Z`) + DAY_MS;
  if (!(Date.parse(quoteTime) >= end)) return null;
  return `Quote time ${shownTime(quoteTime)} is after the review date ${reviewDate}: a review records what was known on its day`;
}

/** A quote time after now would be hindsight; after the review day, too. */
function quoteChecks(
  quoteTime: RecordValue,
  reviewDate: RecordValue,
  asOf: Date,
  issues: RowIssues,
): void {
  if (typeof quoteTime === 'string' && Date.parse(quoteTime) > asOf.getTime())
    issues.add('quoteTime', 'Quote time is later than now (a record keeps what was known then)');
  const late = quoteAfterReview(quoteTime, reviewDate);
  if (late !== null) issues.add('quoteTime', late);
}

/** The supply-chain evidence a route asks for, named now rather than after the other fields pass (zod runs refinements last). */
function supplyChainChecks(exposure: Draft, issues: RowIssues): void {
  if (!(SUPPLY_CHAIN_ROUTES as readonly RecordValue[]).includes(exposure.exposureRoute ?? null))
    return;
  for (const field of SUPPLY_CHAIN_FIELDS) {
    if (exposure[field] === null) {
      const header = colOf('exposures', field).header;
      issues.add(
        field,
        `${header} is required for a ${String(exposure.exposureRoute)} exposure (supply-chain evidence)`,
      );
    }
  }
}

/** One trigger row: parsed, defaulted from the review, checked, and its Status at record evaluated. */
function draftTrigger(
  raw: Readonly<Record<string, unknown>>,
  ti: RowIssues,
  review: { readonly snapshot: Draft; readonly exposure: Draft; readonly asOf: Date },
  quiet: Set<string>,
): { readonly row: Draft; readonly status: TriggerStatus } {
  const { snapshot, exposure, asOf } = review;
  const index = ti.index;
  const reviewDate = snapshot.reviewDate ?? null;
  const t = draftOf('triggers', raw, ti);
  if (triggerDefaults(t, raw, snapshot, exposure, ti)) quiet.add(`triggers.${index}.spreadBps`);
  // Left blank to default from the snapshot, whose own (required) field reports why it is empty.
  for (const field of SNAPSHOT_DEFAULTS)
    if (isMissing(raw[field]) && snapshot[field] === null) quiet.add(`triggers.${index}.${field}`);
  // Only a quote time typed on the trigger: a defaulted one carries the snapshot's issue.
  if (!isMissing(raw.quoteTime)) quoteChecks(t.quoteTime ?? null, reviewDate, asOf, ti);
  if (typeof t.dueDate === 'string' && typeof reviewDate === 'string' && t.dueDate < reviewDate) {
    ti.add(
      'dueDate',
      `Due date ${t.dueDate} is before the review date ${reviewDate}: a trigger falls due on or after its review`,
    );
  }
  const limitSlot = THRESHOLD_LIMIT[t.triggerType as keyof typeof THRESHOLD_LIMIT];
  if (limitSlot !== undefined && typeof t.threshold === 'number' && t.threshold < 0) {
    ti.add('threshold', `Threshold must not be negative for a ${String(t.triggerType)} trigger`);
  }
  const status = statusAtRecord(t, raw, asOf, ti, quiet);
  t.statusNow = STATUS_NOW_FORMULA;
  return { row: t, status };
}

function draftReview(input: ReviewInput, asOf: Date): Drafts {
  const si = new RowIssues('snapshots', 0);
  const snapshot = draftOf('snapshots', input.snapshot, si);
  const prices = snapshotPrices(input.snapshot, snapshot, si);
  quoteChecks(snapshot.quoteTime ?? null, snapshot.reviewDate ?? null, asOf, si);
  const ei = new RowIssues('exposures', 0);
  const exposure = draftOf('exposures', input.exposure, ei);
  const exposureDerived = exposureValues(input.exposure, exposure, ei);
  supplyChainChecks(exposure, ei);
  const issues = [...si.list, ...ei.list];
  const quiet = new Set<string>();
  for (const field of prices.quiet) quiet.add(`snapshots.0.${field}`);
  const drafted = input.triggers.map((raw, index) => {
    const ti = new RowIssues('triggers', index);
    const trigger = draftTrigger(raw, ti, { snapshot, exposure, asOf }, quiet);
    issues.push(...ti.list);
    return trigger;
  });
  const price = prices.price;
  const converted =
    input.display !== undefined && price !== null && 'price' in price
      ? convertedPrice(price.price.mid, price.unit, snapshot.locationBasis, input.display)
      : null;
  const triggers = drafted.map((d) => d.status);
  const derived = { price, converted, exposure: exposureDerived, triggers };
  return { snapshot, exposure, triggers: drafted.map((d) => d.row), derived, issues, quiet };
}

/** What the form's price display asks for: the snapshot's price shown in another unit. */
export interface PriceDisplay {
  readonly convertTo: string;
  readonly fx: string;
}

/** The snapshot's mid in the display unit, or what it still needs. */
export type ConvertedPrice =
  | { readonly kind: 'none' }
  | { readonly kind: 'needs-unit' }
  | { readonly kind: 'needs-fx'; readonly to: Unit }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'value'; readonly value: D; readonly to: Unit; readonly exVat: boolean };

/**
 * DESK.CONVERT's own calculation on the snapshot's mid; a price quoted China domestic incl. VAT
 * has the VAT stripped first, so it compares with ex-VAT prices.
 */
export function convertedPrice(
  mid: D,
  unit: Unit | null,
  locationBasis: unknown,
  display: PriceDisplay,
): ConvertedPrice {
  const target = unitOf(display.convertTo);
  if (unit === null) return { kind: 'needs-unit' };
  const inclVat = locationBasis === VAT_INCLUSIVE_BASIS;
  if (target === null || (target === unit && !inclVat)) return { kind: 'none' };
  const fx = isMissing(display.fx) ? null : parseFx(display.fx, 'FX rate');
  if (fx && !fx.ok) return { kind: 'refused', message: fx.error.message };
  if (fx === null && needsFx(unit, target)) return { kind: 'needs-fx', to: target };
  const converted = convertPrice(
    mid,
    unit,
    target,
    fx?.value ?? null,
    inclVat ? CHINA_VAT_RATE : null,
  );
  if (!converted.ok) return { kind: 'refused', message: converted.error.message };
  return { kind: 'value', value: converted.value, to: target, exVat: inclVat };
}

/** The rows (or every issue) and everything derived that the form shows, from one build. */
export type ReviewBuild = BuildResult & { readonly derived: ReviewDerived };

/** Validates the whole review and builds its rows, or returns every issue (each naming its field). */
export function buildReviewRows(input: ReviewInput, ctx: BuildContext): BuildResult {
  const { derived: _derived, ...result } = buildReview(input, ctx);
  return result;
}

/**
 * One build of a review: its rows or every issue, and the derived values (price, spread cost,
 * exit value, each trigger's status with its reasons) as computed for those rows.
 */
export function buildReview(input: ReviewInput, ctx: BuildContext): ReviewBuild {
  const asOf = wallClockAsUtc(ctx.now);
  const d = draftReview(input, asOf);
  const issues = [...d.issues];
  if (input.triggers.length === 0) {
    issues.push({
      table: 'triggers',
      index: 0,
      field: 'owner',
      message: 'A review needs at least one trigger',
    });
  }
  const reviewId = ctx.newId();
  const stamp = (draft: Draft): Draft => ({
    ...draft,
    recordId: ctx.newId(),
    recordedAt: asOf.toISOString(),
    recordedBy: ctx.recordedBy.trim(),
    reviewId,
  });
  const check = <K extends ReviewKey>(
    key: K,
    index: number,
    draft: Draft,
  ): DeskRecord<K> | null => {
    const r = checkRecord(key, draft);
    if (r.ok) return r.record;
    const rowHasIssues =
      issues.some((i) => i.table === key && i.index === index) ||
      r.issues.some((i) => colOf(key, i.field).source !== 'computed');
    for (const { field, message } of r.issues) {
      if (d.quiet.has(`${key}.${index}.${field}`)) continue;
      // A computed value is missing because an input failed: that input's issue says why.
      if (rowHasIssues && colOf(key, field).source === 'computed') continue;
      // The first issue per field wins: a parse message is more precise than "is required".
      if (!issues.some((i) => i.table === key && i.index === index && i.field === field)) {
        issues.push({ table: key, index, field, message });
      }
    }
    return null;
  };
  const snapshot = check('snapshots', 0, stamp(d.snapshot));
  const exposure = check('exposures', 0, stamp(d.exposure));
  const triggers = d.triggers.map((t, i) => check('triggers', i, stamp(t)));
  if (issues.length > 0 || !snapshot || !exposure || triggers.some((t) => t === null)) {
    return { ok: false, issues, derived: d.derived };
  }
  return {
    ok: true,
    rows: {
      snapshots: [snapshot],
      exposures: [exposure],
      triggers: triggers as DeskRecord<'triggers'>[],
    },
    derived: d.derived,
  };
}

/**
 * Built rows with fresh stamps (record and review ids, recorded at, recorded by): a submit of the
 * draft the form last built reuses that build instead of parsing and validating it again. The
 * stamps are the add-in's own values, the same kinds the build wrote.
 */
export function restamp(rows: ReviewRecords, ctx: BuildContext): BuildResult {
  const reviewId = ctx.newId();
  const recordedAt = wallClockAsUtc(ctx.now).toISOString();
  const recordedBy = ctx.recordedBy.trim();
  const issues: FieldIssue[] = [];
  const again = <K extends ReviewKey>(key: K, list: readonly DeskRecord<K>[]): DeskRecord<K>[] =>
    list.flatMap((r, index) => {
      const s = withStamps(key, r, { recordId: ctx.newId(), recordedAt, recordedBy, reviewId });
      if (s.ok) return [s.record];
      issues.push(...s.issues.map((i) => ({ table: key, index, ...i })));
      return [];
    });
  const out: ReviewRecords = {
    snapshots: again('snapshots', rows.snapshots),
    exposures: again('exposures', rows.exposures),
    triggers: again('triggers', rows.triggers),
  };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows: out };
}

/** What the form can show before submit: computed values from whatever is filled so far. */
export interface ReviewPreview {
  readonly snapshot: {
    readonly priceLow: RecordValue;
    readonly priceHigh: RecordValue;
    readonly priceMid: RecordValue;
    readonly unit: RecordValue;
  };
  readonly exposure: { readonly spreadCost: RecordValue; readonly exitValue: RecordValue };
  readonly triggers: readonly {
    readonly quoteTime: RecordValue;
    readonly sourceState: RecordValue;
    readonly spreadBps: RecordValue;
    readonly ratioChange: RecordValue;
    readonly statusAtRecord: RecordValue;
  }[];
  /** Issues with values already typed (blank required fields are not reported here). */
  readonly issues: readonly FieldIssue[];
}

export function previewReview(input: ReviewInput, now: Date): ReviewPreview {
  const d = draftReview(input, wallClockAsUtc(now));
  const raw = (i: FieldIssue) =>
    i.table === 'snapshots'
      ? input.snapshot
      : i.table === 'exposures'
        ? input.exposure
        : (input.triggers[i.index] ?? {});
  const v = (draft: Draft, f: string): RecordValue => draft[f] ?? null;
  return {
    snapshot: {
      priceLow: v(d.snapshot, 'priceLow'),
      priceHigh: v(d.snapshot, 'priceHigh'),
      priceMid: v(d.snapshot, 'priceMid'),
      unit: v(d.snapshot, 'unit'),
    },
    exposure: { spreadCost: v(d.exposure, 'spreadCost'), exitValue: v(d.exposure, 'exitValue') },
    triggers: d.triggers.map((t) => ({
      quoteTime: v(t, 'quoteTime'),
      sourceState: v(t, 'sourceState'),
      spreadBps: v(t, 'spreadBps'),
      ratioChange: v(t, 'ratioChange'),
      statusAtRecord: v(t, 'statusAtRecord'),
    })),
    issues: d.issues.filter((i) => !isMissing(raw(i)[i.field])),
  };
}
