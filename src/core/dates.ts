import { fail, ok, type Result } from './errors';
import type { Scalar } from './grid/evaluate';
import { isMissing } from './grid/evaluate';
import { missing } from './price/parse';
import { isExcelObject, objectMessage, show } from './show';
import { tooLong } from './text';

export const MS_PER_DAY = 86_400_000;
/** Excel's day 0 for serials ≥ 61; Excel pretends 1900 was a leap year, so earlier serials are one day off. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const EARLY_EPOCH_MS = Date.UTC(1899, 11, 31);
/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2958465;

/**
 * Excel serials carry no time zone: the core reads them, and ISO text without an offset, as UTC
 * wall-clock time. An adapter passing "now" should pass wallClockAsUtc(new Date()) so that a quote
 * typed as today's date is not later than now. ISO text WITH `Z` or an offset is a true instant;
 * a Zone (injected, so the core stays pure) turns it into the same wall-clock-as-UTC reading.
 */
export type Zone = (instantMs: number) => number;

/** The default zone: the wall clock is UTC (tests, servers). */
export const UTC_ZONE: Zone = (instantMs) => instantMs;

export function dateFromExcelSerial(serial: number): Date {
  const base = serial < 61 ? EARLY_EPOCH_MS : EPOCH_MS;
  return new Date(base + Math.round(serial * MS_PER_DAY));
}

export function excelSerialFromDate(date: Date): number {
  const serial = (date.getTime() - EPOCH_MS) / MS_PER_DAY;
  return serial < 61 ? serial - 1 : serial;
}

/** The local wall-clock time of an instant, expressed as if it were UTC (how Excel serials read). */
export function wallClockAsUtc(instant: Date): Date {
  return new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
}

// Every unbounded quantifier here is followed by a character it cannot match, so the match is
// linear (fraction digits beyond milliseconds are read, then dropped in parseIso).
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function parseIso(text: string, zone: Zone): number | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', offsetText] = m;
  const frac = fraction.slice(0, 3);
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const ms = Date.UTC(
    year,
    month - 1,
    day,
    Number(h),
    Number(mi),
    Number(s),
    Number(frac.padEnd(3, '0')),
  );
  const check = new Date(ms);
  // Date.UTC rolls 2026-02-30 over into March; a date that does not exist is refused instead.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  )
    return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  if (offsetText === undefined) return ms;
  if (offsetText.toUpperCase() === 'Z') return zone(ms);
  const sign = offsetText.startsWith('-') ? -1 : 1;
  const digits = offsetText.replace(/[+:-]/g, '');
  const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  return zone(ms - sign * offset);
}

const notADate = (input: unknown, argName: string): Result<never> =>
  fail(
    'value',
    `${argName}: cannot read ${show(input)} as a date (use an Excel date or ISO text such as 2026-11-20)`,
  );

/**
 * Reads a date: an Excel serial (number or numeric text) or ISO 8601 text, as wall-clock time.
 * Text with `Z` or an offset is an instant, converted to wall-clock time by `zone` (default UTC).
 */
export function parseDate(input: Scalar, argName: string, zone: Zone = UTC_ZONE): Result<Date> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0 || input > MAX_SERIAL) return notADate(input, argName);
    return ok(dateFromExcelSerial(input));
  }
  if (isMissing(input)) return missing(argName);
  if (typeof input === 'boolean')
    return fail('value', `${argName}: ${show(input)} is a logical value, not a date`);
  if (isExcelObject(input)) return fail('value', objectMessage(argName, 'a date'));
  if (typeof input !== 'string') return notADate(input, argName);
  const long = tooLong(input, argName, 'a date');
  if (long !== null) return long;
  const text = input.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return parseDate(Number(text), argName);
  const ms = parseIso(text, zone);
  return ms === null ? notADate(input, argName) : ok(new Date(ms));
}

/**
 * A date for a message: 2026-11-20, or 2026-11-20 16:00 when it has a time; seconds (and
 * milliseconds) appear when not zero, so two different times never read the same.
 */
export function formatDate(date: Date): string {
  const iso = date.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  const end = iso.endsWith(':00.000Z') ? 16 : iso.endsWith('.000Z') ? 19 : 23;
  return iso.slice(0, end).replace('T', ' ');
}
