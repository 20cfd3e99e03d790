import fc from 'fast-check';
import {
  convert,
  D,
  exitValue,
  premium,
  ratio,
  spreadBps,
  spreadCost,
  UNITS,
} from '../../../src/core';
import { divide, fromNumber } from '../../../src/core/numbers/decimal-shortcuts';
import { decimalOnly } from '../helpers';
import { fcParams } from '../fc-seed';

/** A value as typed in a cell: up to 6 decimals. */
const typed = (max = 1e9) =>
  fc
    .tuple(fc.integer({ min: -max, max }), fc.integer({ min: 0, max: 6 }))
    .map(([m, k]) => m / 10 ** k);
/** Decimal text with up to 40 significant digits, beyond what any shortcut handles. */
const longDecimal = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 40n }), fc.integer({ min: 0, max: 45 }))
  .map(([m, k]) => new D(`${m}e-${k}`));

describe('faster decimal routes give the values decimal.js gives', () => {
  it('fromNumber(x) is new D(x) for typed values and for any double', () => {
    fc.assert(
      fc.property(fc.oneof(typed(), typed(1e6), fc.double({ noNaN: true })), (x) => {
        expect(fromNumber(x).toString()).toBe(new D(x).toString());
      }),
      fcParams(),
    );
  });

  it('divide(x, y) is x.div(y), for short and long operands and a repeated divisor', () => {
    const operand = fc.oneof(
      typed().map((x) => new D(x)),
      typed(1e4).map((x) => new D(x)),
      longDecimal,
    );
    fc.assert(
      fc.property(operand, operand, operand, (x, z, y) => {
        fc.pre(!y.isZero());
        expect(divide(x, y).toString()).toBe(x.div(y).toString());
        expect(divide(z, y).toString()).toBe(z.div(y).toString());
      }),
      fcParams(),
    );
  });

  it('a single value against a range gives each row what it gives alone (decimal.js path)', () => {
    const price = fc.integer({ min: 1, max: 1e8 }).map((m) => m / 100);
    const unit = fc.constantFrom(...UNITS);
    fc.assert(
      fc.property(
        fc.array(price, { minLength: 1, maxLength: 6 }),
        price,
        unit,
        unit,
        fc.integer({ min: 1, max: 1000 }).map((m) => m / 100),
        fc.integer({ min: 0, max: 100 }).map((m) => m / 100),
        (prices, single, from, to, fx, rate) => {
          const column = prices.map((p) => [p]);
          const rows = (f: (p: number) => unknown) => prices.map((p) => [f(p)]);
          decimalOnly(() => {
            expect(premium(column, single)).toEqual(rows((p) => premium(p, single)));
            expect(ratio(column, single, from, to, fx)).toEqual(
              rows((p) => ratio(p, single, from, to, fx)),
            );
            expect(convert(column, from, to, fx, rate)).toEqual(
              rows((p) => convert(p, from, to, fx, rate)),
            );
            expect(spreadBps(column, single)).toEqual(rows((p) => spreadBps(p, single)));
            expect(spreadCost(single, column, 10, 1)).toEqual(
              rows((p) => spreadCost(single, p, 10, 1)),
            );
            expect(exitValue(column, single, rate, [[single, 1.5]], 3, rate)).toEqual(
              rows((p) => exitValue(p, single, rate, [[single, 1.5]], 3, rate)),
            );
          });
        },
      ),
      fcParams(50),
    );
  });
});
