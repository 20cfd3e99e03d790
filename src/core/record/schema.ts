/**
 * The desk record, written once. Each field is declared with its zod type and its column in one
 * place (`field(...)`); the zod object, the column map, the header order, number formats, validation
 * lists and read-back checks are all derived from these declarations.
 *
 * Records hold values in their plain form: dates as 'yyyy-mm-dd', date-times as ISO text (wall-clock
 * time written as UTC, the way Excel serials and the core's dates read),
 * numbers as numbers, blanks as null. `cells.ts` turns a record into Excel cells and back.
 */
import { z } from 'zod';
import { D } from '../numbers/decimal';
import { UNITS } from '../price/units';
import {
  DEFAULT_DIRECTION,
  DEFAULT_LIMITS,
  DIRECTIONS,
  SOURCE_STATES,
  STATUSES,
  type Limits,
} from '../status/types';
import { FASTMARKETS_CODES } from './price-codes';
import { PRICE_HEADERS } from './price-columns';

/** The rules' enumerations, owned by status/types.ts; re-exported as schema facts. */
export { DIRECTIONS, SOURCE_STATES, STATUSES };
import type { ColumnKind, ColumnSource, ColumnSpec, DeskTable, TableKey } from './table-def';

/** Bump when a column is added; add a step to MIGRATIONS describing it. */
export const SCHEMA_VERSION = 3;

/** Excel number format per column kind (derived, never restated per column). */
export const NUMBER_FORMATS: Readonly<Record<ColumnKind, string>> = {
  id: '@',
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
  text: '@',
  enum: '@',
  suggest: '@',
  number: 'General',
  // Separators without a trailing dot ('#,##0.###' shows "2,000."), and no hidden fraction where
  // it matters: below 1,000 (tonnes, contracts) the value shows as typed, 2.5 stays 2.5; from
  // 1,000 up (kg, shares) whole units, where a fraction is under 0.05% of the figure.
  quantity: '[<1000]General;#,##0',
  money: '#,##0.00',
  ratio: '0.0000',
  percent: '0.00%',
  bps: '0',
  price: '#,##0.00',
  formula: 'General',
};

/** Kinds whose cells hold text: written with '@' format and a quote prefix (see cells.ts). */
export const TEXT_KINDS: ReadonlySet<ColumnKind> = new Set(['id', 'text', 'enum', 'suggest']);
export const NUMBER_KINDS: ReadonlySet<ColumnKind> = new Set([
  'number',
  'quantity',
  'money',
  'ratio',
  'percent',
  'bps',
  'price',
]);

// ── enumerations (the desk's words, from the seeds) ──────────────────────────────────────────
export const NOTE_TYPES = ['research handoff note', 'portfolio audit', 'other'] as const;
export const LOCATION_BASES = [
  'fob China',
  'cif Rotterdam',
  'ex-warehouse Rotterdam',
  'China domestic incl. VAT',
] as const;
/** The basis whose prices include China's VAT: stripped before comparing with ex-VAT prices. */
export const VAT_INCLUSIVE_BASIS: (typeof LOCATION_BASES)[number] = LOCATION_BASES[3];
/** VAT on China domestic prices (13%). */
export const CHINA_VAT_RATE = new D('0.13');
/** An agency's low–high range is not a bid/ask quote: the kind says which the two prices are. */
export const PRICE_KINDS = ['assessment range', 'bid/ask'] as const;
export const DATA_BASES = ['transaction', 'bid/offer', 'indication', 'unchanged fallback'] as const;
export const FINAL_READS = ['confirmed', 'contradicted', 'complicated'] as const;
/** Price units are the unit parser's (price/units.ts): one list, so every unit typed is one stored. */
export const PRICE_UNITS = UNITS;
export const EXPOSURE_ROUTES = [
  'producer equity',
  'refiner contract',
  'specialty ETF',
  'strategic stockpile program',
  'futures',
  'physical metal',
] as const;
/** Routes for which the Procyon review asks for supply-chain evidence. */
export const SUPPLY_CHAIN_ROUTES: readonly (typeof EXPOSURE_ROUTES)[number][] = [
  'producer equity',
  'refiner contract',
];
export const STAGES_PROVEN = ['bench', 'pilot', 'commercial'] as const;
export const QUALIFICATIONS = ['samples', 'qualifying', 'qualified'] as const;
export const OFFTAKES = ['none', 'non-binding', 'binding'] as const;
export const TRIGGER_TYPES = [
  'source age',
  'spread friction',
  'ratio contradiction',
  'inventory confirmation',
  'premium absorption',
  'bid depth',
  'exposure–job mismatch',
  'mechanism invalidation',
] as const;
export const NEXT_ACTIONS = ['monitor', 'stage', 'request re-check'] as const;
export const TRIGGER_STATES = ['open', 'met', 'cleared'] as const;

/** Fastmarkets rare-earth price codes → their description, offered as a list; free text allowed. */
export const PRICE_CODES: Readonly<Record<string, string>> = Object.fromEntries(
  FASTMARKETS_CODES.map((c) => [c.code, `${c.product}, ${c.basis}, $/${c.unit.split('/')[1]}`]),
);
export const PRODUCTS = [
  'NdPr oxide',
  'NdPr metal',
  'Nd oxide',
  'Pr oxide',
  'Dy oxide',
  'Dy metal',
  'Ferro-dysprosium',
  'Tb oxide',
  'Tb metal',
  'Gd oxide',
  'La oxide',
  'Ce oxide',
  'Y oxide',
] as const;
export const MECHANISMS = ['by-product price coupling', 'producer hedging behavior'] as const;
export const QUANTITY_UNITS = ['kg', 't', 'lb', 'shares', 'contracts', 'fund units'] as const;

// ── field declarations ───────────────────────────────────────────────────────────────────────
interface Field<Z extends z.ZodType> {
  readonly zod: Z;
  readonly spec: ColumnSpec;
}
interface FieldOpts {
  readonly source?: ColumnSource;
  readonly options?: readonly string[];
  readonly help?: string;
  readonly formula?: string;
  readonly defaulted?: boolean;
}

function spec(header: string, kind: ColumnKind, required: boolean, o: FieldOpts): ColumnSpec {
  return {
    header,
    kind,
    required,
    source: o.source ?? 'user',
    numberFormat: NUMBER_FORMATS[kind],
    ...(o.options ? { options: o.options } : {}),
    ...(o.help ? { help: o.help } : {}),
    ...(o.formula ? { formula: o.formula } : {}),
    ...(o.defaulted ? { defaulted: true } : {}),
  };
}

const text = (min = 1) => z.string().trim().min(min, 'must not be blank').max(32_767);
const num = () => z.number().refine(Number.isFinite, 'must be a finite number');

/** Required and optional variants of each kind; optional fields are null when blank. */
const req = {
  id: (h: string, o: FieldOpts = {}) => ({ zod: z.uuid(), spec: spec(h, 'id', true, o) }),
  datetime: (h: string, o: FieldOpts = {}) => ({
    zod: z.iso.datetime(),
    spec: spec(h, 'datetime', true, o),
  }),
  date: (h: string, o: FieldOpts = {}) => ({ zod: z.iso.date(), spec: spec(h, 'date', true, o) }),
  text: (h: string, o: FieldOpts = {}) => ({ zod: text(), spec: spec(h, 'text', true, o) }),
  suggest: (h: string, options: readonly string[], o: FieldOpts = {}) => ({
    zod: text(),
    spec: spec(h, 'suggest', true, { ...o, options }),
  }),
  enum: <const T extends readonly [string, ...string[]]>(
    h: string,
    options: T,
    o: FieldOpts = {},
  ) => ({
    zod: z.enum(options),
    spec: spec(h, 'enum', true, { ...o, options }),
  }),
  number: (h: string, kind: ColumnKind, o: FieldOpts = {}) => ({
    zod: num(),
    spec: spec(h, kind, true, o),
  }),
  nonNegative: (h: string, kind: ColumnKind, o: FieldOpts = {}) => ({
    zod: num().refine((n) => n >= 0, 'must not be negative'),
    spec: spec(h, kind, true, o),
  }),
};
function optional<Z extends z.ZodType>(f: Field<Z>): Field<z.ZodNullable<Z>> {
  return { zod: f.zod.nullable(), spec: { ...f.spec, required: false } };
}
const opt = {
  text: (h: string, o?: FieldOpts) => optional(req.text(h, o)),
  date: (h: string, o?: FieldOpts) => optional(req.date(h, o)),
  suggest: (h: string, options: readonly string[], o?: FieldOpts) =>
    optional(req.suggest(h, options, o)),
  enum: <const T extends readonly [string, ...string[]]>(h: string, options: T, o?: FieldOpts) =>
    optional(req.enum(h, options, o)),
  number: (h: string, kind: ColumnKind, o?: FieldOpts) => optional(req.number(h, kind, o)),
  nonNegative: (h: string, kind: ColumnKind, o?: FieldOpts) =>
    optional(req.nonNegative(h, kind, o)),
  fraction: (h: string, o?: FieldOpts) =>
    optional({
      zod: num().refine((n) => n >= 0 && n <= 1, 'must be between 0% and 100%'),
      spec: spec(h, 'percent', true, o ?? {}),
    }),
};

/** The four leading columns every table shares; written by the add-in, not typed. */
const common = {
  recordId: req.id('Record ID', { source: 'system', help: 'A UUID written by the add-in.' }),
  recordedAt: req.datetime('Recorded at', {
    source: 'system',
    help: 'When the row was written (wall-clock time, as Excel keeps times).',
  }),
  recordedBy: req.text('Recorded by', { source: 'system' }),
  reviewId: req.id('Review ID', {
    source: 'system',
    help: 'Links the rows of one review across the three tables.',
  }),
};

type Fields = Record<string, Field<z.ZodType>>;
type ZodShape<F extends Fields> = { [K in keyof F]: F[K]['zod'] };
type Columns<F extends Fields> = { readonly [K in keyof F]: ColumnSpec };

function shapeOf<F extends Fields>(fields: F): ZodShape<F> {
  const out: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(fields)) out[k] = f.zod;
  return out as ZodShape<F>;
}
function columnsOf<F extends Fields>(fields: F): Columns<F> {
  const out: Record<string, ColumnSpec> = {};
  for (const [k, f] of Object.entries(fields)) out[k] = f.spec;
  return out as Columns<F>;
}

/** The stamps alone (ids, recorded at, recorded by), to check new stamps on a checked record. */
export const Stamps = z.object(shapeOf(common));
export type Stamps = z.infer<typeof Stamps>;

// ── DeskSnapshots ────────────────────────────────────────────────────────────────────────────
const snapshotFields = {
  ...common,
  reviewDate: req.date('Review date', {
    help: 'Today unless you change it. Quote times after this day are refused.',
  }),
  articleSlug: opt.text('Article slug'),
  noteType: req.enum('Note type', NOTE_TYPES),
  mechanism: opt.suggest('Mechanism', MECHANISMS),
  priceCode: opt.suggest('Price code', Object.keys(PRICE_CODES), {
    help: 'Fastmarkets code, e.g. MB-NDP-0001; free text allowed.',
  }),
  product: req.suggest('Product', PRODUCTS),
  locationBasis: opt.enum('Location basis', LOCATION_BASES),
  priceLow: req.nonNegative('Price low', 'price', {
    help: 'A number ("747,000": a comma is a thousands separator), or a range with its unit ("747,000-753,000 yuan/mt"), which fills Price low, Price high and Unit when you leave the field. A single price with Price high blank is recorded as low = high.',
  }),
  priceHigh: req.nonNegative('Price high', 'price', {
    help: 'Blank: the same as Price low (a single price). Filled for you when Price low is a range.',
    defaulted: true,
  }),
  priceMid: req.nonNegative('Price mid', 'money', { source: 'computed' }),
  unit: req.enum('Unit', PRICE_UNITS),
  quoteTime: req.datetime('Quote time', {
    help: 'When the price was assessed or quoted (wall-clock time).',
  }),
  sourceLabel: req.text('Source label'),
  sourceState: req.enum('Source state', SOURCE_STATES),
  priceKind: req.enum('Price kind', PRICE_KINDS, {
    help: 'For bid/ask, Price low is the bid and Price high the ask.',
  }),
  dataBasis: req.enum('Data basis', DATA_BASES),
  ratioWatched: opt.text('Ratio watched', { help: 'e.g. NdPr/Dy oxide' }),
  ratioValue: opt.nonNegative('Ratio value', 'ratio'),
  inventoryNote: opt.text('Inventory note'),
  premiumAssumption: opt.text('Premium assumption'),
  bidCheck: opt.text('Bid check'),
  storageNote: opt.text('Storage note'),
  portfolioField: opt.text('Portfolio field that caused the review'),
  finalRead: req.enum('Final read', FINAL_READS),
  nextSourceRefresh: opt.date('Next source refresh'),
  nextReviewOwner: req.text('Next review owner'),
};

export const Snapshot = z.object(shapeOf(snapshotFields)).superRefine((s, ctx) => {
  if (s.priceLow > s.priceHigh) {
    const what =
      s.priceKind === 'bid/ask' ? 'bid is above ask (crossed quote)' : 'low is above high';
    ctx.addIssue({ code: 'custom', path: ['priceHigh'], message: `Price high: ${what}` });
  }
});
export type Snapshot = z.infer<typeof Snapshot>;

// ── DeskExposures ────────────────────────────────────────────────────────────────────────────
const evidenceHelp =
  'Required for producer equity and refiner contract routes (supply-chain evidence).';
const exposureFields = {
  ...common,
  exposureRoute: req.enum('Exposure route', EXPOSURE_ROUTES),
  instrument: req.text('Instrument'),
  quantity: req.nonNegative('Quantity', 'quantity'),
  unit: req.suggest('Unit', QUANTITY_UNITS, {
    help: 'Unit of the quantity; prices are per this unit.',
  }),
  notionalValue: opt.nonNegative('Notional value', 'money'),
  costBasis: opt.nonNegative('Cost basis', 'money'),
  currentReferenceValue: opt.nonNegative('Current reference value', 'money'),
  priceUnit: opt.enum('Price unit', PRICE_UNITS, {
    help: 'Currency and unit of Bid, Ask, Cost basis and Current reference value (e.g. USD/kg); Notional value, Spread cost, Estimated exit value and Exit fixed costs are totals in its currency.',
  }),
  bid: opt.nonNegative('Bid', 'money'),
  ask: opt.nonNegative('Ask', 'money'),
  feeRate: opt.fraction('Exit fee rate', {
    help: 'Fee on exit as a fraction; used for the exit value.',
  }),
  fixedCosts: opt.nonNegative('Exit fixed costs', 'money', {
    help: 'Storage, shipping, insurance: one number, or several separated by ";" or "+" (e.g. "500; 300"), summed. A comma is a thousands separator ("1,500" is fifteen hundred). Used for the exit value.',
  }),
  bidDepth: opt.nonNegative('Bid depth', 'quantity', {
    help: 'Units that go at the bid; blank = all.',
  }),
  depthHaircut: opt.fraction('Depth haircut', { help: 'Discount for units beyond the bid depth.' }),
  spreadCost: opt.number('Spread cost', 'money', { source: 'computed' }),
  exitValue: opt.number('Estimated exit value', 'money', { source: 'computed' }),
  currentWeight: opt.fraction('Current weight'),
  targetWeight: opt.fraction('Target weight'),
  toleranceLow: opt.fraction('Tolerance band low'),
  toleranceHigh: opt.fraction('Tolerance band high'),
  positionRole: req.text('Position role', { help: 'The job the metal does in the portfolio.' }),
  owner: req.text('Owner'),
  liquidityNote: opt.text('Liquidity note', {
    help: 'Exchange hours, contract month, fund structure, warehouse, delivery terms, exit route.',
  }),
  asOf: req.date('As of', { help: 'Today unless you change it.' }),
  stageProven: opt.enum('Stage proven', STAGES_PROVEN, { help: evidenceHelp }),
  separationEvidence: opt.text('Separation evidence', { help: evidenceHelp }),
  complianceDocuments: opt.text('Compliance documents', { help: evidenceHelp }),
  downstreamQualification: opt.enum('Downstream qualification', QUALIFICATIONS, {
    help: evidenceHelp,
  }),
  offtake: opt.enum('Offtake', OFFTAKES, { help: evidenceHelp }),
  jurisdictionExposure: opt.text('Jurisdiction exposure note', { help: evidenceHelp }),
};

/** The supply-chain evidence fields, required only for SUPPLY_CHAIN_ROUTES. */
export const SUPPLY_CHAIN_FIELDS = [
  'stageProven',
  'separationEvidence',
  'complianceDocuments',
  'downstreamQualification',
  'offtake',
  'jurisdictionExposure',
] as const satisfies readonly (keyof typeof exposureFields)[];

export const Exposure = z.object(shapeOf(exposureFields)).superRefine((e, ctx) => {
  if (SUPPLY_CHAIN_ROUTES.includes(e.exposureRoute)) {
    for (const key of SUPPLY_CHAIN_FIELDS) {
      if (e[key] === null) {
        const header = exposureFields[key].spec.header;
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${header} is required for a ${e.exposureRoute} exposure (supply-chain evidence)`,
        });
      }
    }
  }
  if (e.bid !== null && e.ask !== null && e.bid > e.ask) {
    ctx.addIssue({
      code: 'custom',
      path: ['ask'],
      message: `Ask: bid ${e.bid} is above ask ${e.ask} (crossed quote)`,
    });
  }
  // Spread cost and exit value multiply a per-unit price by the quantity: the units must agree.
  const per = e.priceUnit?.split('/')[1];
  const qty = e.unit.trim().toLowerCase();
  if (per && ['kg', 't', 'lb'].includes(qty) && per !== qty) {
    ctx.addIssue({
      code: 'custom',
      path: ['priceUnit'],
      message: `Price unit: ${e.priceUnit} is per ${per} but the quantity is in ${qty}`,
    });
  }
  if (e.toleranceLow !== null && e.toleranceHigh !== null && e.toleranceLow > e.toleranceHigh) {
    ctx.addIssue({
      code: 'custom',
      path: ['toleranceHigh'],
      message: 'Tolerance band high: must not be below Tolerance band low',
    });
  }
});
export type Exposure = z.infer<typeof Exposure>;

// ── DeskTriggers ─────────────────────────────────────────────────────────────────────────────
/**
 * A trigger's Threshold replaces one of NOTE_STATUS's limits {max_age_days, max_spread_bps,
 * ratio_tolerance}: the one its type checks. Other types keep the defaults (their threshold is
 * the analyst's own yardstick, not a hard check).
 */
export const THRESHOLD_LIMIT: Readonly<Partial<Record<(typeof TRIGGER_TYPES)[number], 0 | 1 | 2>>> =
  { 'source age': 0, 'spread friction': 1, 'ratio contradiction': 2 };
const DEFAULT_LIMIT_ROW = [
  DEFAULT_LIMITS.maxAgeDays,
  DEFAULT_LIMITS.maxSpreadBps,
  DEFAULT_LIMITS.ratioTolerance,
] as const;

/** The limits a trigger row's status uses, as the Status now formula builds them (case-insensitive type, numeric threshold). */
export function triggerLimits(triggerType: unknown, threshold: unknown): Limits {
  const type = typeof triggerType === 'string' ? triggerType.trim().toLowerCase() : '';
  const slot = Object.entries(THRESHOLD_LIMIT).find(([t]) => t.toLowerCase() === type)?.[1];
  const set = typeof threshold === 'number' && Number.isFinite(threshold) ? threshold : null;
  const at = (i: 0 | 1 | 2): D => (slot === i && set !== null ? new D(set) : DEFAULT_LIMIT_ROW[i]);
  return { maxAgeDays: at(0), maxSpreadBps: at(1), ratioTolerance: at(2) };
}

/** The trigger row's own fields: what the analyst types, and the live status formula's inputs. */
const triggerInputFields = {
  ...common,
  owner: req.text('Owner'),
  openQuestion: req.text('Open question'),
  missingSource: opt.text('Missing source'),
  evidenceRequest: req.text('Evidence request'),
  exposureRoute: opt.enum('Exposure route', EXPOSURE_ROUTES, {
    help: 'Blank: the exposure’s route.',
    defaulted: true,
  }),
  decisionOwner: opt.text('Decision owner'),
  dueDate: req.date('Due date', { help: 'On or after the review date.' }),
  triggerType: req.enum('Trigger type', TRIGGER_TYPES),
  threshold: opt.number('Threshold', 'number', {
    help: 'In the trigger’s own unit. For source age (max days), spread friction (max bps) and ratio contradiction (tolerance as a fraction) it replaces the default limit (7, 300, 0.05) in both statuses; for other types it is for information.',
  }),
  valueAtRecord: opt.number('Value at record time', 'number'),
  expectedDirection: req.enum('Expected direction', DIRECTIONS, {
    help: `Blank: ${DEFAULT_DIRECTION}.`,
    defaulted: true,
  }),
  nextAction: req.enum('Next action', NEXT_ACTIONS),
  state: req.enum('State', TRIGGER_STATES, { help: 'Blank: open.', defaulted: true }),
  // The inputs of the live Status now formula, kept on the row so the formula needs no lookups.
  quoteTime: req.datetime('Quote time', {
    help: 'Blank: the snapshot’s quote time.',
    defaulted: true,
  }),
  spreadBps: req.nonNegative('Spread bps', 'bps', {
    help: 'Blank: the exposure’s bid/ask spread in bps (or a bid/ask snapshot’s). With no bid/ask anywhere, 0 is stored and the spread check cannot fail.',
    defaulted: true,
  }),
  ratioChange: req.number('Ratio change', 'percent', {
    help: 'Fractional change of the watched ratio since the note was written; 0 at record time. Blank: 0 (no change since the note was written).',
    defaulted: true,
  }),
  sourceState: req.enum('Source state', SOURCE_STATES, {
    help: 'Blank: the snapshot’s source state.',
    defaulted: true,
  }),
};
type TriggerInput = keyof typeof triggerInputFields;

/** A structured reference to this row's cell of a field ([@Owner], [@[Due date]]), from its header. */
function rowRef(field: TriggerInput): string {
  const header = triggerInputFields[field].spec.header;
  return /^\w+$/.test(header) ? `[@${header}]` : `[@[${header}]]`;
}

/**
 * NOTE_STATUS's closeout cells on a trigger row, in the function's order: owner, open question,
 * evidence request, review date. The review date is the trigger's Due date — the day the note is
 * next reviewed, which the analyst must set; the snapshot's Review date records when the review
 * was done and is always filled, so it could never flag an unfinished note.
 */
export const CLOSEOUT_FIELDS = [
  'owner',
  'openQuestion',
  'evidenceRequest',
  'dueDate',
] as const satisfies readonly TriggerInput[];

/** `limits` for the formula: a 1×3 array, each slot the Threshold when the type sets it, else its default. */
const LIMITS_ARG = `CHOOSE({1,2,3},${DEFAULT_LIMIT_ROW.map((d, i) => {
  const type = Object.entries(THRESHOLD_LIMIT).find(([, slot]) => slot === i)?.[0] ?? '';
  return `IF(AND(${rowRef('triggerType')}="${type}",ISNUMBER(${rowRef('threshold')})),${rowRef('threshold')},${d.toString()})`;
}).join(',')})`;

/**
 * The live status formula, its references generated from the field specs. Structured references
 * follow the columns by name, so a user may reorder or add columns. `as_of` is NOW() (volatile,
 * so the status ages with the quote; Excel serials are wall-clock time, like the stored quote
 * time). `limits` comes from the row's Trigger type and Threshold (LIMITS_ARG), as Status at
 * record does. `&""` keeps a blank closeout cell blank (a bare reference to an empty cell would
 * arrive as 0).
 */
export const STATUS_NOW_FORMULA =
  `=DESK.NOTE_STATUS(${rowRef('quoteTime')},${rowRef('spreadBps')},${rowRef('ratioChange')},NOW(),` +
  `${rowRef('expectedDirection')},${LIMITS_ARG},${rowRef('sourceState')},` +
  `CHOOSE({1,2,3,4},${CLOSEOUT_FIELDS.map((f) => `${rowRef(f)}&""`).join(',')}))`;

const triggerFields = {
  ...triggerInputFields,
  statusAtRecord: req.enum('Status at record', STATUSES, {
    source: 'computed',
    help: 'What NOTE_STATUS gave when the row was written, kept as a plain value.',
  }),
  statusNow: {
    zod: z.string().nullable(),
    spec: spec('Status now', 'formula', false, {
      source: 'computed',
      formula: STATUS_NOW_FORMULA,
      help: 'Live =DESK.NOTE_STATUS on this row.',
    }),
  },
};

export const Trigger = z.object(shapeOf(triggerFields));
export type Trigger = z.infer<typeof Trigger>;

// ── DeskPrices ───────────────────────────────────────────────────────────────────────────────
/**
 * Price history from imported sheets: append-only. A later row for the same (code or product,
 * location basis, price date, source) with other prices is a correction naming the row it
 * corrects; nothing is overwritten.
 */
const priceFields = {
  recordId: common.recordId,
  importedAt: req.datetime('Imported at', {
    source: 'system',
    help: 'When the import wrote the row (wall-clock time).',
  }),
  importedBy: req.text('Imported by', { source: 'system' }),
  importId: req.id('Import ID', {
    source: 'system',
    help: 'Links the rows written by one import.',
  }),
  priceDate: req.date(PRICE_HEADERS.priceDate, {
    help: 'The day the price was assessed or published; it counts from the start of that day.',
  }),
  priceCode: opt.suggest(PRICE_HEADERS.priceCode, Object.keys(PRICE_CODES), {
    help: 'Fastmarkets code, e.g. MB-NDP-0001; free text allowed.',
  }),
  product: req.suggest(PRICE_HEADERS.product, PRODUCTS),
  locationBasis: opt.enum(PRICE_HEADERS.locationBasis, LOCATION_BASES),
  priceLow: req.nonNegative(PRICE_HEADERS.priceLow, 'price'),
  priceHigh: req.nonNegative(PRICE_HEADERS.priceHigh, 'price', {
    help: 'Blank: the same as Price low (a single price).',
    defaulted: true,
  }),
  priceMid: req.nonNegative(PRICE_HEADERS.priceMid, 'money', { source: 'computed' }),
  unit: req.enum(PRICE_HEADERS.unit, PRICE_UNITS),
  sourceLabel: req.text(PRICE_HEADERS.sourceLabel, {
    help: 'Who published the price (SMM, Fastmarkets, a colleague); "illustrative" when it is not real.',
  }),
  sourceState: req.enum('Source state', SOURCE_STATES),
  dataBasis: req.enum('Data basis', DATA_BASES),
  correctionOf: opt.text('Correction of', {
    source: 'system',
    help: 'The Record ID of the earlier row this one corrects; blank otherwise.',
  }),
};

export const Price = z.object(shapeOf(priceFields)).superRefine((p, ctx) => {
  if (p.priceLow > p.priceHigh)
    ctx.addIssue({ code: 'custom', path: ['priceHigh'], message: 'Price high: low is above high' });
});
export type Price = z.infer<typeof Price>;

// ── tables ───────────────────────────────────────────────────────────────────────────────────
function table<S extends z.ZodObject, F extends Fields>(
  key: TableKey,
  name: DeskTable['name'],
  noun: string,
  schema: S,
  fields: F & { [K in keyof z.infer<S>]-?: Field<z.ZodType> },
): DeskTable<S> {
  return {
    key,
    name,
    noun,
    schema,
    columns: columnsOf(fields) as unknown as DeskTable<S>['columns'],
    order: Object.keys(fields) as DeskTable<S>['order'],
  };
}

export const SnapshotTable = table(
  'snapshots',
  'DeskSnapshots',
  'snapshot',
  Snapshot,
  snapshotFields,
);
export const ExposureTable = table(
  'exposures',
  'DeskExposures',
  'exposure',
  Exposure,
  exposureFields,
);
export const TriggerTable = table('triggers', 'DeskTriggers', 'trigger', Trigger, triggerFields);
export const PriceTable = table('prices', 'DeskPrices', 'price', Price, priceFields);

export const TABLES: Readonly<Record<TableKey, DeskTable>> = {
  snapshots: SnapshotTable as unknown as DeskTable,
  exposures: ExposureTable as unknown as DeskTable,
  triggers: TriggerTable as unknown as DeskTable,
  prices: PriceTable as unknown as DeskTable,
};
/** The tables in the order the pane and the messages list them. */
export const TABLE_KEYS: readonly TableKey[] = ['snapshots', 'exposures', 'triggers', 'prices'];
/** The tables one review writes (DeskPrices is written by imports). */
export const REVIEW_KEYS = [
  'snapshots',
  'exposures',
  'triggers',
] as const satisfies readonly TableKey[];
export type ReviewKey = (typeof REVIEW_KEYS)[number];

/** How the pane names a table: its Excel name (DeskTriggers). */
export const tableLabel = (key: TableKey): string => TABLES[key].name;
/** One row of a table in the desk's words (trigger), for counts such as "2 triggers". */
export const tableNoun = (key: TableKey): string => TABLES[key].noun;

/** Column specs in header order, for forms, docs and the adapter. */
const COLUMN_LISTS = Object.fromEntries(
  TABLE_KEYS.map((key) => {
    const t = TABLES[key];
    const cols = t.columns as Readonly<Record<string, ColumnSpec>>;
    return [
      key,
      Object.freeze(
        t.order.map((field) => Object.freeze({ field, ...(cols[field] as ColumnSpec) })),
      ),
    ];
  }),
) as Readonly<Record<TableKey, readonly (ColumnSpec & { readonly field: string })[]>>;

export function columnList(key: TableKey): readonly (ColumnSpec & { readonly field: string })[] {
  return COLUMN_LISTS[key];
}

/** The columns an analyst fills in the form (not ids, timestamps or computed values), in order. */
export function formColumns(key: TableKey): readonly (ColumnSpec & { readonly field: string })[] {
  return columnList(key).filter((c) => c.source === 'user');
}

/** Whether the form must have a field: required in the table and not filled by the builder. */
export const requiredInForm = (col: ColumnSpec): boolean => col.required && !col.defaulted;

/** The data-validation list for an enum column (comma-separated, as Excel's list rule takes it). */
export function validationList(col: ColumnSpec): string | null {
  return col.kind === 'enum' && col.options ? col.options.join(',') : null;
}

// ── migrations ───────────────────────────────────────────────────────────────────────────────
/**
 * One step per version. A step may only append columns (by field name) at the right of a table
 * and restamp the version: existing cells never change, so an older add-in still reads its own
 * columns by header name (v1→v2 appends DeskExposures' Price unit). 0 means "desk tables made before the version was stamped".
 */
export interface Migration {
  readonly from: number;
  readonly to: number;
  readonly addColumns: Readonly<Partial<Record<TableKey, readonly string[]>>>;
  /** Tables the step adds, whole (created as creation makes them, next to the others). */
  readonly addTables?: readonly TableKey[];
  readonly describe: string;
}
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    to: 1,
    addColumns: {},
    describe:
      'stamp version 1 on desk tables made before versioning (missing columns are appended by repair)',
  },
  {
    from: 1,
    to: 2,
    addColumns: { exposures: ['priceUnit'] },
    describe: 'DeskExposures gains Price unit (the currency and unit of its money columns)',
  },
  {
    from: 2,
    to: 3,
    addColumns: {},
    addTables: ['prices'],
    describe: 'DeskPrices is added (price history from imported sheets); no existing cell changes',
  },
];

/** The steps from `found` to the current version, or null when no path exists. */
export function migrationPath(found: number, to = SCHEMA_VERSION): readonly Migration[] | null {
  const steps: Migration[] = [];
  let v = found;
  while (v < to) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) return null;
    steps.push(step);
    v = step.to;
  }
  return steps;
}
