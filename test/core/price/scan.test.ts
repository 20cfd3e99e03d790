/**
 * The hand scanners that replaced the price, number, unit and cost regexes accept exactly what the
 * regexes accepted: each old regex is kept here as the oracle and compared on random short texts
 * over the characters that matter (digits, separators, dashes, spaces, line ends, unit letters).
 * Short texts only: the oracles are the quadratic ones.
 */
import fc from 'fast-check';
import { D, parseDate, parseNumber, parsePrice } from '../../../src/core';
import { parseCostSum } from '../../../src/core/record/build';
import { scanDecimalComma, scanNumber, scanPrice } from '../../../src/core/price/scan';
import { normalUnit, unitOf } from '../../../src/core/price/units';
import { isSpace } from '../../../src/core/text';
import { fcParams } from '../fc-seed';

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
const DASH = String.raw`\s*(?:-|–|—|‒|−|~|to)\s*`;
const PRICE_TEXT = new RegExp(String.raw`^([-−+]?)(${NUM})(?:${DASH}(${NUM}))?\s*(.*)$`, 'i');
const NUMBER_TEXT = new RegExp(String.raw`^([-−+]?)((?:${NUM})(?:e[-+]?\d+)?)\s*(%?)$`, 'i');
const DECIMAL_COMMA = /^[-−+]?((?:\d{1,3}(?:\.\d{3})+|\d+),\d+)(?![\d.,])/;
const UNIT_SHAPED = /^[a-z$¥￥元].*(?:\/|\sper\s)/i;
const oldNormalUnit = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/\s+per\s+/g, '/')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ');
/** Texts made of tokens that matter, so digit groups, dashes and "per" between spaces come up often. */
const tokens = (list: readonly string[], maxLength = 8) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...list),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 5 }),
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));
const textOf = (chars: string, maxLength = 16) =>
  fc.string({ unit: fc.constantFrom(...Array.from(chars)), maxLength });

const NUMBERISH = '0123456789999,,..-−+ \t\n\u00a0–—~toTOeE%kg/';
const NUMBER_TOKENS = [
  ...',,,..',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  ...'-–—‒−~+',
  'to',
  'TO',
  'e',
  'E',
  '%',
  ' yuan/mt',
  'kg',
  '/',
];
const UNIT_TOKENS = [
  ' per ',
  ' per ',
  'usd',
  'USD',
  'per',
  'PER',
  'kg',
  'metric',
  'ton',
  '/',
  ' ',
  '  ',
  '\t',
  '\u3000',
  '$',
];

describe('the scanners accept exactly what the regexes did', () => {
  it('white space is what \\s matches, for every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) throw new Error(`code ${c}`);
    }
  });

  it('price text: sign, number, range end and rest', () => {
    fc.assert(
      fc.property(fc.oneof(tokens(NUMBER_TOKENS), textOf(NUMBERISH)), (raw) => {
        const text = raw.trim();
        const m = PRICE_TEXT.exec(text);
        const parts = scanPrice(text);
        if (m === null) return expect(parts).toBeNull();
        expect(parts).toEqual({ sign: m[1], first: m[2], second: m[3], rest: m[4] });
      }),
      fcParams(3000),
    );
  });

  it('plain number text, with exponent and percent', () => {
    fc.assert(
      fc.property(fc.oneof(tokens(NUMBER_TOKENS), textOf(NUMBERISH)), (raw) => {
        const text = raw.trim();
        const m = NUMBER_TEXT.exec(text);
        const parts = scanNumber(text);
        if (m === null) return expect(parts).toBeNull();
        expect(parts).toEqual({ sign: m[1], body: m[2], percent: m[3] === '%' });
      }),
      fcParams(3000),
    );
  });

  it('a European decimal comma', () => {
    fc.assert(
      fc.property(fc.oneof(tokens([...',,..-+ x']), textOf('0123456789,,..-+ x')), (raw) => {
        const text = raw.trim();
        expect(scanDecimalComma(text)).toBe(DECIMAL_COMMA.exec(text)?.[1] ?? null);
      }),
      fcParams(3000),
    );
  });

  it('unit text in canonical form ("USD  per kg" → usd/kg)', () => {
    fc.assert(
      fc.property(tokens(UNIT_TOKENS, 10), (text) => {
        expect(normalUnit(text)).toBe(oldNormalUnit(text));
      }),
      fcParams(3000),
    );
  });

  it('what follows a number earns "unknown unit" only when shaped like currency/mass', () => {
    fc.assert(
      fc.property(fc.oneof(tokens(UNIT_TOKENS, 6), textOf('abcxyzPER per/ $¥.', 12)), (tail) => {
        const rest = `x${tail}`.trim();
        const r = parsePrice(`1 ${rest}`, 'price');
        if (unitOf(rest) !== null) return expect(r.ok).toBe(true);
        expect(!r.ok && r.error.message.includes('unknown unit')).toBe(UNIT_SHAPED.test(rest));
      }),
      fcParams(2000),
    );
  });

  it('summed costs: the same parts, totals and comma hint as the regex split on ";" or "+"', () => {
    const oldSum = (input: string): { total: string | null; commaHint: boolean } => {
      const text = input.trim().replace(/^\+\s*/, '');
      const parts = text.split(/\s*(?:;|(?<![eE])\+)\s*/);
      if (parts.length === 1) {
        const one = parseNumber(text, 'x');
        return one.ok
          ? { total: one.value.toString(), commaHint: false }
          : { total: null, commaHint: /\d,\s+\d/.test(text) };
      }
      let total = new D(0);
      for (const part of parts) {
        const r = part === '' ? null : parseNumber(part, 'x');
        if (r === null || !r.ok || (r.value.isNegative() && !r.value.isZero())) {
          return { total: null, commaHint: false };
        }
        total = total.plus(r.value);
      }
      return { total: total.toString(), commaHint: false };
    };
    fc.assert(
      fc.property(tokens([...' ;;++eE,.-%', '\t', ', ', '  ']), (text) => {
        const r = parseCostSum(text, 'Fixed costs');
        const old = oldSum(text);
        expect(r.ok ? r.value.toString() : null).toBe(old.total);
        expect(!r.ok && r.error.message.includes('a comma is a thousands separator')).toBe(
          old.commaHint,
        );
      }),
      fcParams(3000),
    );
  });

  it('ISO fractions beyond milliseconds are read and dropped, as before', () => {
    const a = parseDate('2026-11-20T16:00:00.123456789Z', 'as_of');
    const b = parseDate('2026-11-20T16:00:00.123Z', 'as_of');
    expect(a.ok && b.ok && a.value.getTime()).toBe(b.ok && b.value.getTime());
    expect(parseDate('2026-11-20T16:00:00.', 'as_of').ok).toBe(false);
  });
});
