/** Random Unicode for the message properties: whole code points, graphemes and lone surrogates. */
import fc from 'fast-check';
import { QUOTE_LIMIT } from '../../src/core';

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Any text, behind a prefix that steers it into a parser's different paths (unit, comma hint…). */
export const unicodeText = fc
  .tuple(
    fc.constantFrom('', ' ', '1 ', '1,5', '1 - ', '65 ', '2026-11-20', 'USD/', '1 x/', '4%'),
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({
        unit: fc.oneof(
          fc.constantFrom('a', '1', ' ', '😀', 'é', '/', '-', ',', '.'),
          loneSurrogate,
        ),
        maxLength: 120,
      }),
    ),
  )
  .map(([prefix, body]) => prefix + body);

/** No lone surrogate: every high surrogate followed by a low one, every low one preceded by a high. */
export function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** The message holds no run of more than QUOTE_LIMIT consecutive code points of the input. */
export function quotesAtMost(message: string, input: string): boolean {
  const points = Array.from(input);
  for (let i = 0; i + QUOTE_LIMIT < points.length; i++) {
    if (message.includes(points.slice(i, i + QUOTE_LIMIT + 1).join(''))) return false;
  }
  return true;
}
