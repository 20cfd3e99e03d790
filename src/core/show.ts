/** How user input is quoted back in a message: short, well-formed, and never "[object Object]". */

/** Characters (Unicode code points) of user input a message quotes; longer input is cut with an ellipsis. */
export const QUOTE_LIMIT = 40;

const REPLACEMENT = '\ufffd';

/**
 * At most QUOTE_LIMIT code points of `text`, then "…" when there was more. Counted in code points,
 * not UTF-16 units, so an emoji is never cut in half; a lone surrogate already in the text (a
 * string can hold one) is quoted as U+FFFD, so a message is always well-formed UTF-16.
 */
export function clip(text: string): string {
  let out = '';
  let points = 0;
  let i = 0;
  while (i < text.length) {
    if (points === QUOTE_LIMIT) return `${out}…`;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = text.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        out += text.slice(i, i + 2);
        i += 2;
      } else {
        out += REPLACEMENT;
        i += 1;
      }
    } else {
      out += text.charAt(i);
      i += 1;
    }
    points++;
  }
  return out;
}

/** Excel data-type entities and error values reach an `any` argument as objects. */
export const isExcelObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null;

/** A value as a message quotes it: text in quotes (clipped), numbers as typed. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${clip(value.trim())}'`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isExcelObject(value)) return 'an Excel data-type or error value';
  return clip(String(value));
}

/** The message for an object where a plain value was expected; `what` is e.g. "a number". */
export const objectMessage = (argName: string, what: string): string =>
  `${argName}: cannot read an Excel data-type or error value; give ${what}`;
