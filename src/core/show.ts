/** How user input is quoted back in a message: short, and never "[object Object]". */

/** Characters of user input a message quotes; longer input is cut with an ellipsis. */
export const QUOTE_LIMIT = 40;

export function clip(text: string): string {
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
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
