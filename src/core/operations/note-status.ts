/**
 * DESK.NOTE_STATUS: research / watchlist / action by the desk's rules (status/rules.ts). The
 * comparison path on exact doubles and the general path through noteStatusOf side by side, then
 * the entry. limits and closeout are read whole, once per call.
 */
import { D } from '../numbers/decimal';
import { MS_PER_DAY, parseDate, UTC_ZONE, type Zone } from '../dates';
import { deskError, fail, isDeskError, ok, type DeskError, type Result } from '../errors';
import { cellsOf, evaluateGrid, isMissing, isRange } from '../grid/evaluate';
import type { Arg, Cell, Output, Scalar } from '../grid/evaluate';
import { inBasisPoints, parseNumber, parsePlainNumber } from '../price/parse';
import { textFraction, textNumber } from '../price/exact-text';
import { isExcelObject, show } from '../show';
import { tooLong } from '../text';
import { closeoutGaps } from '../status/closeout';
import { noteStatusOf } from '../status/rules';
import {
  DEFAULT_DIRECTION,
  DEFAULT_LIMITS,
  DIRECTIONS,
  DOWN,
  INDICATIVE,
  isDirection,
  isSourceState,
  SOURCE_STATES,
  UP,
  type Closeout,
  type Direction,
  type Limits,
  type NoteStatusVerdict,
  type SourceState,
} from '../status/types';

/** What NOTE_STATUS reads once per call: limits, closeout, now, and their plain-number forms. */
export interface NoteStatusContext {
  readonly limits: Limits;
  readonly closeout: Closeout | null;
  readonly closeoutBlank: boolean;
  readonly now: Date;
  /** Turns an ISO instant (text with Z or an offset) into wall-clock time, as `now` is. */
  readonly zone: Zone;
  /** Thresholds as doubles that compare exactly like the decimals, or NaN (then no fast path). */
  readonly ageFloorMs: number;
  readonly maxSpread: number;
  readonly tolerance: number;
}

const LIMIT_NAMES = ['max_age_days', 'max_spread_bps', 'ratio_tolerance'] as const;

/** One blank cell (limits pointing at an empty cell) reads as no limits given. */
const oneBlankCell = (arg: Arg): boolean =>
  isRange(arg) && arg.length === 1 && arg[0]?.length === 1 && isMissing(arg[0][0]);

/** Limit i: days and basis points are plain numbers; the ratio tolerance is a fraction ("5%"). */
function readLimit(i: number, c: Scalar): Result<D> {
  const name = `limits: ${LIMIT_NAMES[i] ?? ''}`;
  if (i === 2) return parseNumber(c, name);
  return parsePlainNumber(c, name, i === 1 ? inBasisPoints : () => 'a number of days');
}

/** Limits and their plain-number forms for the comparison path (see NoteStatusContext). */
interface LimitsRead {
  readonly limits: Limits;
  readonly ageFloorMs: number;
  readonly maxSpread: number;
  readonly tolerance: number;
}

function limitsRead(limits: Limits): LimitsRead {
  // Ages are whole milliseconds, so "age > limit" is "age > floor(limit)" — exact as a double below 2^53.
  const ageMs = limits.maxAgeDays.times(MS_PER_DAY).floor();
  return {
    limits,
    ageFloorMs: ageMs.abs().lt(Number.MAX_SAFE_INTEGER) ? ageMs.toNumber() : NaN,
    maxSpread: exactDouble(limits.maxSpreadBps),
    tolerance: exactDouble(limits.ratioTolerance),
  };
}

const DEFAULT_READ = limitsRead(DEFAULT_LIMITS);

/** Three limit cells read, each blank keeping its default. */
function readLimitCells(cells: readonly Scalar[]): Result<LimitsRead> {
  const defaults = [
    DEFAULT_LIMITS.maxAgeDays,
    DEFAULT_LIMITS.maxSpreadBps,
    DEFAULT_LIMITS.ratioTolerance,
  ];
  const values: D[] = [];
  for (let i = 0; i < 3; i++) {
    const c = cells[i] as Scalar;
    if (isMissing(c)) {
      values.push(defaults[i] as D); // a blank limit keeps its default
      continue;
    }
    const value = readLimit(i, c);
    if (!value.ok) return value;
    if (value.value.lt(0)) return fail('value', `limits: ${LIMIT_NAMES[i]} must not be negative`);
    values.push(value.value);
  }
  return ok(
    limitsRead({
      maxAgeDays: values[0] as D,
      maxSpreadBps: values[1] as D,
      ratioTolerance: values[2] as D,
    }),
  );
}

// The last few limit triples read. A table column calls NOTE_STATUS once per row, and its rows
// share a handful of limits (the defaults, or one threshold per trigger type): read each once.
const REMEMBERED = 8;
const remembered: { readonly cells: readonly Scalar[]; readonly read: Result<LimitsRead> }[] = [];

function rememberedLimits(cells: readonly Scalar[]): Result<LimitsRead> {
  for (const r of remembered) {
    if (
      Object.is(cells[0], r.cells[0]) &&
      Object.is(cells[1], r.cells[1]) &&
      Object.is(cells[2], r.cells[2])
    ) {
      return r.read;
    }
  }
  const read = readLimitCells(cells);
  if (remembered.length === REMEMBERED) remembered.pop();
  remembered.unshift({ cells, read });
  return read;
}

function readLimits(arg: Arg): Result<LimitsRead> {
  if (isMissing(arg as Scalar)) return ok(DEFAULT_READ);
  const cells = cellsOf(arg, 'limits');
  if (isDeskError(cells)) return { ok: false, error: cells };
  if (oneBlankCell(arg)) return ok(DEFAULT_READ);
  if (!isRange(arg) || cells.length !== 3) {
    return fail('value', 'limits must be 3 cells: {max_age_days, max_spread_bps, ratio_tolerance}');
  }
  return rememberedLimits(cells);
}

/** A closeout cell as text; blank, or an Excel error or data-type value, is not filled (null). */
const closeoutText = (c: Scalar): string | null =>
  isMissing(c) || isExcelObject(c) ? null : typeof c === 'string' ? c : show(c);

function readCloseout(arg: Arg): Result<Closeout | null> {
  if (isMissing(arg as Scalar)) return ok(null);
  const cells = cellsOf(arg, 'closeout');
  if (isDeskError(cells)) return { ok: false, error: cells };
  if (oneBlankCell(arg)) {
    // Unlike limits there is no default closeout: a blank reference is a mistake, not "none".
    return fail(
      'value',
      'closeout is one blank cell; it needs the 4 cells: owner, open question, evidence request, review date',
    );
  }
  if (cells.length !== 4) {
    return fail(
      'value',
      'closeout must be 4 cells: owner, open question, evidence request, review date',
    );
  }
  return ok({
    owner: closeoutText(cells[0]),
    openQuestion: closeoutText(cells[1]),
    evidenceRequest: closeoutText(cells[2]),
    reviewDate: closeoutText(cells[3]),
  });
}

/** A decimal as a double that orders exactly like it against other doubles, or NaN. */
function exactDouble(d: D): number {
  const n = d.toNumber();
  return Number.isFinite(n) && new D(n).eq(d) ? n : NaN;
}

export function prepareNoteStatus(
  limitsArg: Arg,
  closeoutArg: Arg,
  now: Date,
  zone: Zone = UTC_ZONE,
): Result<NoteStatusContext> {
  const limits = readLimits(limitsArg);
  if (!limits.ok) return limits;
  const closeout = readCloseout(closeoutArg);
  if (!closeout.ok) return closeout;
  const { ageFloorMs, maxSpread, tolerance } = limits.value;
  return ok({
    limits: limits.value.limits,
    closeout: closeout.value,
    closeoutBlank: closeoutGaps(closeout.value).length > 0,
    now,
    zone,
    ageFloorMs,
    maxSpread,
    tolerance,
  });
}

function readDirection(v: Scalar): Direction | DeskError {
  if (isMissing(v)) return DEFAULT_DIRECTION;
  const text = typeof v === 'string' ? v.trim().toLowerCase() : '';
  return isDirection(text)
    ? text
    : deskError('value', `expected_direction must be ${listed(DIRECTIONS)} (got ${show(v)})`);
}

function readSourceState(v: Scalar): SourceState | null | DeskError {
  if (isMissing(v)) return null;
  const text = typeof v === 'string' ? v.trim().toLowerCase() : '';
  return isSourceState(text)
    ? text
    : deskError('value', `source_state must be ${listed(SOURCE_STATES)} (got ${show(v)})`);
}

function readExplain(v: Scalar): boolean | DeskError {
  if (isMissing(v)) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const text = typeof v === 'string' ? v.trim().toUpperCase() : '';
  if (text === 'TRUE' || text === '1') return true;
  if (text === 'FALSE' || text === '0') return false;
  return deskError('value', `explain must be TRUE or FALSE (got ${show(v)})`);
}

/** "up, down or flat". */
const listed = (words: readonly string[]): string =>
  `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] ?? ''}`;

const isError = (x: unknown): x is DeskError => typeof x === 'object' && x !== null;

/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2958465;

/** Excel serial → epoch ms exactly as dateFromExcelSerial does it, without allocating a Date. */
function serialMs(serial: number): number {
  const base = serial < 61 ? -2209075200000 : -2209161600000;
  return base + Math.round(serial * MS_PER_DAY);
}

/** quote_time or as_of text as wall-clock ms for the comparison path, or NaN (the general path then reads it). */
function textMs(v: Scalar, argName: string, zone: Zone): number {
  if (typeof v !== 'string') return NaN;
  const date = readNoteDate(v, argName, zone);
  return date.ok ? date.value.getTime() : NaN;
}

/** The rules on doubles: each compares exactly like its decimal (see NoteStatusContext). */
function compared(
  quoteMs: number,
  asOfMs: number,
  spread: number,
  change: number,
  dir: Direction,
  state: Scalar,
  ctx: NoteStatusContext,
): Cell {
  if (ctx.closeoutBlank) return 'research';
  const tol = ctx.tolerance;
  const against =
    dir === UP ? change < -tol : dir === DOWN ? change > tol : change > tol || change < -tol;
  const fails =
    asOfMs - quoteMs > ctx.ageFloorMs || spread > ctx.maxSpread || against || state === INDICATIVE;
  return fails ? 'watchlist' : 'action';
}

/** Direction, source state and explain as the comparison path takes them (else null: general path). */
function plainFlags(v: Scalar[], ctx: NoteStatusContext): Direction | null {
  const dir = isMissing(v[4]) ? DEFAULT_DIRECTION : v[4];
  const state = v[5];
  return (v[6] === null || v[6] === undefined || v[6] === false) &&
    isDirection(dir) &&
    (isMissing(state) || isSourceState(state)) &&
    ctx.ageFloorMs === ctx.ageFloorMs &&
    ctx.maxSpread === ctx.maxSpread &&
    ctx.tolerance === ctx.tolerance
    ? dir
    : null;
}

/**
 * One NOTE_STATUS element. v = [quote_time, spread_bps, ratio_change, as_of, expected_direction,
 * source_state, explain]. Without explain, inputs that read as exact doubles take a comparison-only
 * path: plain numbers here (kept small, so it inlines into the grid loop and boxes nothing), plain
 * number texts and ISO or serial date texts in noteStatusText; everything else goes through
 * noteStatusOf.
 */
export function noteStatusCell(v: Scalar[], ctx: NoteStatusContext): Cell {
  const quote = v[0];
  const spread = v[1];
  const change = v[2];
  const asOf = v[3];
  if (
    typeof quote === 'number' &&
    typeof spread === 'number' &&
    typeof change === 'number' &&
    (isMissing(asOf) || typeof asOf === 'number') &&
    quote > 0 &&
    quote <= MAX_SERIAL &&
    spread >= 0 &&
    change >= -1
  ) {
    const dir = plainFlags(v, ctx);
    const quoteMs = serialMs(quote);
    const asOfMs = typeof asOf === 'number' ? serialMs(asOf) : ctx.now.getTime();
    const validAsOf = typeof asOf !== 'number' || (asOf > 0 && asOf <= MAX_SERIAL);
    if (dir !== null && validAsOf && quoteMs <= asOfMs) {
      return compared(quoteMs, asOfMs, spread, change, dir, v[5], ctx);
    }
    return noteStatusGeneral(v, ctx);
  }
  return noteStatusText(v, ctx);
}

/** The comparison path for text that reads exactly ("2026-11-20T16:00", "410", "-2.5%"). */
function noteStatusText(v: Scalar[], ctx: NoteStatusContext): Cell {
  const s = v[1];
  const c = v[2];
  const spread = typeof s === 'number' ? s : textNumber(s);
  const change = typeof c === 'number' ? c : textFraction(c);
  const dir = plainFlags(v, ctx);
  if (dir !== null && spread >= 0 && change >= -1) {
    const quote = v[0];
    const asOf = v[3];
    const quoteMs =
      typeof quote === 'number'
        ? quote > 0 && quote <= MAX_SERIAL
          ? serialMs(quote)
          : NaN
        : textMs(quote, 'quote_time', ctx.zone);
    const asOfMs = isMissing(asOf)
      ? ctx.now.getTime()
      : typeof asOf === 'number'
        ? asOf > 0 && asOf <= MAX_SERIAL
          ? serialMs(asOf)
          : NaN
        : textMs(asOf, 'as_of', ctx.zone);
    if (quoteMs <= asOfMs) return compared(quoteMs, asOfMs, spread, change, dir, v[5], ctx);
  }
  return noteStatusGeneral(v, ctx);
}

/**
 * quote_time and as_of: a serial of 0 is what a formula referring to a blank cell gives, so it
 * reads as an empty argument (#N/A, like a blank), not as the date 1900-01-00 decades ago.
 * Negative serials stay #VALUE! (not a date) from parseDate. DESK.LATEST reads its as_of here too.
 */
export function readNoteDate(v: Scalar, argName: string, zone: Zone): Result<Date> {
  const long = typeof v === 'string' ? tooLong(v, argName, 'a date') : null;
  if (long !== null) return long;
  if (v === 0 || (typeof v === 'string' && /^0+(?:\.0*)?$/.test(v.trim()))) {
    return fail(
      'na',
      `${argName} is empty (0, which is what a formula referring to a blank cell gives); give a date`,
    );
  }
  return parseDate(v, argName, zone);
}

/** The general path: every argument read and checked, the rules applied with their reasons. */
function verdictOf(
  v: Scalar[],
  ctx: NoteStatusContext,
): Result<{ verdict: NoteStatusVerdict; explain: boolean }> {
  const quoteTime = readNoteDate(v[0], 'quote_time', ctx.zone);
  if (!quoteTime.ok) return quoteTime;
  const spreadBps = parsePlainNumber(v[1], 'spread_bps', inBasisPoints);
  if (!spreadBps.ok) return spreadBps;
  const ratioChange = parseNumber(v[2], 'ratio_change');
  if (!ratioChange.ok) return ratioChange;
  const asOf = isMissing(v[3]) ? ok(ctx.now) : readNoteDate(v[3], 'as_of', ctx.zone);
  if (!asOf.ok) return asOf;
  const direction = readDirection(v[4]);
  if (isError(direction)) return { ok: false, error: direction };
  const sourceState = readSourceState(v[5]);
  if (isError(sourceState)) return { ok: false, error: sourceState };
  const explain = readExplain(v[6]);
  if (isError(explain)) return { ok: false, error: explain };
  const verdict = noteStatusOf({
    quoteTime: quoteTime.value,
    asOf: asOf.value,
    spreadBps: spreadBps.value,
    ratioChange: ratioChange.value,
    expectedDirection: direction,
    limits: ctx.limits,
    sourceState,
    closeout: ctx.closeout,
  });
  return verdict.ok ? ok({ verdict: verdict.value, explain }) : verdict;
}

function noteStatusGeneral(v: Scalar[], ctx: NoteStatusContext): Cell {
  const read = verdictOf(v, ctx);
  return read.ok ? read.value.verdict.text(read.value.explain) : read.error;
}

/** One row of NOTE_STATUS's arguments (single cells; limits and closeout as ranges). */
export interface NoteStatusCells {
  readonly quoteTime: Scalar;
  readonly spreadBps: Scalar;
  readonly ratioChange: Scalar;
  readonly asOf?: Scalar;
  readonly expectedDirection: Scalar;
  readonly limits: Arg;
  readonly sourceState: Scalar;
  readonly closeout: Arg;
}

/**
 * DESK.NOTE_STATUS on one row, with its reasons: read and judged exactly as the function reads
 * the same cells (its general path). The record's Status at record and the form's status preview
 * come from here, so they cannot differ from the Status now formula on the same row.
 */
export function noteStatusOfCells(
  cells: NoteStatusCells,
  now: Date,
  zone: Zone = UTC_ZONE,
): Result<NoteStatusVerdict> {
  const prepared = prepareNoteStatus(cells.limits, cells.closeout, now, zone);
  if (!prepared.ok) return prepared;
  const v = [
    cells.quoteTime,
    cells.spreadBps,
    cells.ratioChange,
    cells.asOf,
    cells.expectedDirection,
    cells.sourceState,
    null,
  ];
  const read = verdictOf(v, prepared.value);
  return read.ok ? ok(read.value.verdict) : read;
}

// ── function entry ───────────────────────────────────────────────────────────────────────────

const NOTE_STATUS_ARGS = [
  'quote_time',
  'spread_bps',
  'ratio_change',
  'as_of',
  'expected_direction',
  'source_state',
  'explain',
];

/**
 * DESK.NOTE_STATUS: research / watchlist / action. limits and closeout are read whole. `now` (the
 * default as_of) and `zone` (an ISO instant → wall-clock time, default UTC) are injected so the
 * core stays pure — see dates.ts on wall-clock time.
 */
export function noteStatus(
  quoteTime: Arg,
  spreadBpsArg: Arg,
  ratioChange: Arg,
  asOf: Arg,
  expectedDirection: Arg,
  limits: Arg,
  sourceState: Arg,
  closeout: Arg,
  explain: Arg,
  now: Date,
  zone: Zone = UTC_ZONE,
): Output {
  const prepared = prepareNoteStatus(limits, closeout, now, zone);
  if (!prepared.ok) return prepared.error;
  const context = prepared.value;
  return evaluateGrid(
    [quoteTime, spreadBpsArg, ratioChange, asOf, expectedDirection, sourceState, explain],
    NOTE_STATUS_ARGS,
    (v) => noteStatusCell(v, context),
  );
}
