/**
 * Price dates as sheets and reviews print them: ISO ("2025-01-09", with or without a time), month
 * names ("Jan 9, 2025", "9 January 2025", "09-Jan-2025", "Thursday, January 9, 2025 14:38") and
 * slash dates ("9/1/2025") only when the day/month order is unambiguous or chosen. Never a guess:
 * "9/1/2025" without a chosen order is reported ambiguous. Text is bounded by TEXT_LIMIT first, so
 * every pattern here runs on a few dozen characters at most.
 */
import { parseDate } from '../dates';
import { clip } from '../show';
import { TEXT_LIMIT } from '../text';

export type DateRead =
  | { readonly ok: true; readonly date: string }
  | { readonly ok: false; readonly ambiguous: boolean; readonly message: string };

const MONTHS: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(
    (m, i) => [m, i + 1],
  ),
);
const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A month's name, short ("Jan", "Sept", "Jan.") or full, case-insensitive; 0 when it is none. */
function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = FULL_MONTHS.indexOf(w);
  if (full >= 0) return full + 1;
  if (w === 'sept') return 9;
  return MONTHS.get(w) ?? 0;
}

const iso = (y: number, m: number, d: number): string | null => {
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over into March: a day that does not exist is refused.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
    return null;
  return back.toISOString().slice(0, 10);
};

// Each pattern is anchored and its repeated parts are separated by characters they cannot match.
const TIME = String.raw`(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:UTC|GMT|CST|BST|Z|[+-]\d{2}:?\d{2}))?)?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const MONTH_FIRST = new RegExp(
  String.raw`^${WEEKDAY}([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`,
  'i',
);
const DAY_FIRST = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+\.?)[\s-]+(\d{4})${TIME}$`,
  'i',
);
const SLASHED = new RegExp(String.raw`^(\d{1,2})[/.](\d{1,2})[/.](\d{4})${TIME}$`, 'i');
const YEAR_FIRST_SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ].*)?$/;

const FORMS = 'use 2025-01-09, Jan 9, 2025, 9 January 2025 or 9/1/2025';

function badDate(label: string, t: string, why: string): DateRead {
  return { ok: false, ambiguous: false, message: `${label}: '${clip(t)}' ${why}` };
}

const PLAIN_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a price date; `label` names the field in messages ("Price date"). `dayFirst` is the
 * user's choice for slash dates whose order the text does not settle.
 */
export function readPriceDate(text: string, label: string, dayFirst?: boolean): DateRead {
  const t = text.trim();
  const plain = PLAIN_ISO.exec(t);
  if (plain !== null) {
    const date = iso(Number(plain[1]), Number(plain[2]), Number(plain[3]));
    return date === null ? badDate(label, t, 'is not a day of the calendar') : { ok: true, date };
  }
  const bad = (why: string): DateRead => badDate(label, t, why);
  if (t.length > TEXT_LIMIT)
    return bad(`is too long to read as a date (${t.length} characters; at most ${TEXT_LIMIT})`);
  if (ISO_DATE.test(t)) {
    const d = parseDate(t, label);
    return d.ok
      ? { ok: true, date: d.value.toISOString().slice(0, 10) }
      : bad(`is not a date (${FORMS})`);
  }
  const named = MONTH_FIRST.exec(t) ?? DAY_FIRST.exec(t);
  if (named !== null) {
    const monthFirst = MONTH_FIRST.test(t);
    const [, a = '', b = '', y = ''] = named;
    const month = monthOf(monthFirst ? a : b);
    if (month === 0) return bad(`is not a date: no month named '${clip(monthFirst ? a : b)}'`);
    const date = iso(Number(y), month, Number(monthFirst ? b : a));
    return date === null ? bad('is not a day of the calendar') : { ok: true, date };
  }
  const yearFirst = YEAR_FIRST_SLASHED.exec(t);
  if (yearFirst !== null) {
    const [, y = '', m = '', d = ''] = yearFirst;
    const date = iso(Number(y), Number(m), Number(d));
    return date === null ? bad('is not a day of the calendar') : { ok: true, date };
  }
  const slashed = SLASHED.exec(t);
  if (slashed !== null) return slashDate(slashed, label, t, dayFirst);
  if (/^\d+(?:\.\d+)?$/.test(t))
    return bad(`is a number, not a date (${FORMS}); an Excel date pasted as a number is not read`);
  return bad(`is not a date (${FORMS})`);
}

function slashDate(
  m: RegExpExecArray,
  label: string,
  t: string,
  dayFirst: boolean | undefined,
): DateRead {
  const p = Number(m[1]);
  const q = Number(m[2]);
  const y = Number(m[3]);
  const settled = p === q || p > 12 || q > 12;
  if (!settled && dayFirst === undefined) {
    return {
      ok: false,
      ambiguous: true,
      message: `${label}: ${clip(t)} is ambiguous — choose day/month order`,
    };
  }
  // With an order chosen, a date that contradicts it is an error, not a silent switch.
  const order = dayFirst ?? p > 12;
  const [day, month] = order ? [p, q] : [q, p];
  const date = month <= 12 ? iso(y, month, day) : null;
  if (date === null) {
    const chosen = order ? 'day/month' : 'month/day';
    return {
      ok: false,
      ambiguous: false,
      message: `${label}: '${clip(t)}' is not a day of the calendar read as ${chosen}`,
    };
  }
  return { ok: true, date };
}
