/**
 * Text as typed, before anything reads it: the one length limit every parser applies first, and
 * the character classes the hand scanners use (price/scan.ts, units.ts, record/build.ts).
 *
 * Why a limit: a cell holds up to 32,767 characters, and a range of such cells is one call. The
 * scanners are linear, but a price, number, unit or date is never more than a few dozen
 * characters, so anything longer is refused at once, naming the argument, instead of being read
 * and quoted. Free text (notes) is not parsed and keeps Excel's 32,767 limit (record/schema.ts).
 */
import { fail, type Result } from './errors';

/** The most characters a price, number, unit or date text may have (spaces included). */
export const TEXT_LIMIT = 256;

/** The #VALUE! for a text over TEXT_LIMIT; `what` is e.g. "a price". Null when it is short enough. */
export function tooLong(text: string, argName: string, what: string): Result<never> | null {
  if (text.length <= TEXT_LIMIT) return null;
  return fail(
    'value',
    `${argName}: the text is too long to read as ${what} (${text.length.toLocaleString('en-US')} characters; at most ${TEXT_LIMIT})`,
  );
}

/** What `\s` matches (and String.prototype.trim removes): Unicode white space and line ends. */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** What a regex `.` does not match: the line terminators. */
export const isLineEnd = (code: number): boolean =>
  code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

/** An ASCII digit (what `\d` matches without the u flag). */
export const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** The index after the run of digits starting at i. */
export function digitsEnd(s: string, i: number): number {
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** The index after the run of white space starting at i. */
export function spacesEnd(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}
