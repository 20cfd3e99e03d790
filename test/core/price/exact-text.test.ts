/**
 * Number and price text on the exact double path (src/core/price/exact-text.ts) gives exactly what
 * decimal.js gives: the same double for a number text, the same mid and places for a price text,
 * and the same Excel result from every function fed texts, with the shortcut on and off.
 */
import fc from 'fast-check';
import {
  convert,
  D,
  exitValue,
  mid,
  noteStatus,
  parseNumber,
  parsePrice,
  premium,
  ratio,
  spreadBps,
  spreadCost,
  UNITS,
  type Output,
} from '../../../src/core';
import { placesOf } from '../../../src/core/numbers/scaled';
import { exactNumberText } from '../../../src/core/price/exact-text';
import type { CachedPrice } from '../../../src/core/price/parse';
import { parsePriceCached } from '../../../src/core/price/parse';
import { decimalOnly } from '../helpers';
import { fcParams } from '../fc-seed';

/** m·10^-k as text the way people type it: thousands groups or not, trailing zeros, a plus, spaces. */
const numberText = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.bigInt({ min: 0n, max: 10n ** 18n })),
    fc.integer({ min: 0, max: 12 }),
    fc.boolean(),
    fc.integer({ min: 0, max: 2 }),
    fc.constantFrom('', '+', ' ', ' +'),
  )
  .map(([m, k, group, zeros, lead]) => {
    const digits = String(m).padStart(k + 1, '0');
    const whole = digits.slice(0, digits.length - k);
    const fraction = digits.slice(digits.length - k) + '0'.repeat(k > 0 ? zeros : 0);
    const shown = group ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
    return `${lead}${shown}${fraction === '' ? '' : `.${fraction}`}`;
  });
const unit = fc.constantFrom('', ' yuan/mt', ' USD/kg', ...UNITS.map((u) => ` ${u}`));
const priceText = fc.oneof(
  fc.tuple(numberText, unit).map(([a, u]) => `${a.replace('+', '')}${u}`),
  fc
    .tuple(numberText, fc.constantFrom('-', ' - ', '–', ' to '), numberText, unit)
    .map(([a, dash, b, u]) => `${a.replace('+', '')}${dash}${b.replace('+', '').trim()}${u}`),
);

describe('text on the exact double path', () => {
  it('a number text reads as the double decimal.js gives, or is left to decimal.js', () => {
    const signed = fc
      .tuple(
        numberText,
        fc.constantFrom('', '-', '−'),
        fc.constantFrom('', '%', ' %'),
        fc.boolean(),
      )
      .map(([t, sign, percent, asFraction]) => ({
        text: `${sign}${t.replace('+', '').trim()}${asFraction ? percent : ''}`,
        asFraction,
      }));
    fc.assert(
      fc.property(signed, ({ text, asFraction }) => {
        const x = exactNumberText(text, asFraction);
        const d = parseNumber(text, 'n');
        if (!d.ok) throw new Error(`${text}: ${d.error.message}`);
        if (x !== x) return;
        expect(x).toBe(d.value.toNumber());
        expect(new D(x).eq(d.value)).toBe(true);
        expect(placesOf(x)).toBeGreaterThanOrEqual(0);
      }),
      fcParams(2000),
    );
  });

  it('a price text has the mid and places decimal.js gives', () => {
    fc.assert(
      fc.property(priceText, (text) => {
        const r = parsePriceCached(text, 'price');
        if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
        const p: CachedPrice = r.value;
        const decimalMid = p.isRange ? p.low.plus(p.high).div(2) : p.low;
        expect(p.mid.eq(decimalMid)).toBe(true);
        expect(p.midNumber).toBe(decimalMid.toNumber());
        const places = placesOf(p.midNumber);
        expect(p.midPlaces).toBe(places >= 0 && new D(p.midNumber).eq(decimalMid) ? places : -1);
        const again = parsePrice(text, 'price');
        expect(again.ok && again.value.mid.eq(p.mid)).toBe(true);
      }),
      fcParams(2000),
    );
  });

  it('every function fed texts gives the same Excel result with the shortcut on and off', () => {
    const at = new Date(Date.UTC(2026, 10, 22));
    fc.assert(
      fc.property(
        numberText,
        numberText,
        numberText,
        priceText,
        priceText,
        fc.constantFrom(...UNITS),
        fc.constantFrom(...UNITS),
        fc.integer({ min: 0, max: 40 * 86_400 }),
        fc.constantFrom('', 'Z', '+08:00', '.5'),
        fc.constantFrom('2026-11-20', '2026-11-22T16:00', 46346.5, null),
        fc.integer({ min: -12_000, max: 12_000 }).map((x) => String(x / 1e4)),
        (a, b, q, p1, p2, u1, u2, seconds, suffix, asOf, change) => {
          const iso = new Date(at.getTime() - seconds * 1000).toISOString().slice(0, 19) + suffix;
          const [bid, ask] =
            Number(a.replace(/[ ,+]/g, '')) <= Number(b.replace(/[ ,+]/g, '')) ? [a, b] : [b, a];
          const cases: (() => Output)[] = [
            () => ratio(p1, p2),
            () => ratio(a, b, u1, u2, '7.1'),
            () => spreadCost(bid, ask, q),
            () => spreadCost(bid, ask, q, '1'),
            () => spreadBps(bid, ask),
            () => premium(p1, b),
            () => mid(p1),
            () => exitValue(q, bid, '0.01', [[b, '0.5']], a, '0.1'),
            () => convert(p1, u1, u2, '7.1', '0.13'),
            () => noteStatus('2026-11-20', a, '0.01', null, 'up', null, 'market', null, false, at),
            () => noteStatus(iso, a, change, asOf, 'down', null, null, null, null, at),
            () =>
              noteStatus(
                iso,
                q,
                `${change}%`,
                null,
                'flat',
                [[b, a, '0.05']],
                null,
                null,
                null,
                at,
              ),
            () => exitValue(q, bid, `${change.replace('-', '')}%`, null, null, '5 %'),
            () => convert(p2, 'CNY/t', 'USD/kg', ` ${b}`, '13%'),
          ];
          for (const run of cases) expect(run()).toEqual(decimalOnly(run));
        },
      ),
      fcParams(500),
    );
  });
});
