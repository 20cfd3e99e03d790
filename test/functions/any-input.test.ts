/**
 * Whatever a caller passes — any JS value, of any shape, in any argument of any of the nine
 * functions — the function entry (src/functions/functions.ts, the code the add-in registers)
 * answers a matrix of values and CustomFunctions errors: no exception escapes, and no cell is the
 * "internal error" that runFunction's catch would produce.
 */
import fc from 'fast-check';
import * as desk from '../../src/functions/functions';
import { PRICE_HEADERS } from '../../src/core';
import { fcParams } from '../core/fc-seed';
import { createCustomFunctionsStub, StubFunctionError } from './custom-functions-stub';

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions =
  createCustomFunctionsStub().stub;

/** Each entry with its argument count (optional ones included). */
const ENTRIES: readonly [string, (...args: unknown[]) => unknown, number][] = [
  ['RATIO', desk.ratioFunction as (...a: unknown[]) => unknown, 5],
  ['SPREAD_COST', desk.spreadCostFunction as (...a: unknown[]) => unknown, 4],
  ['EXIT_VALUE', desk.exitValueFunction as (...a: unknown[]) => unknown, 6],
  ['NOTE_STATUS', desk.noteStatusFunction as (...a: unknown[]) => unknown, 9],
  ['MID', desk.midFunction as (...a: unknown[]) => unknown, 1],
  ['CONVERT', desk.convertFunction as (...a: unknown[]) => unknown, 5],
  ['SPREAD_BPS', desk.spreadBpsFunction as (...a: unknown[]) => unknown, 2],
  ['PREMIUM', desk.premiumFunction as (...a: unknown[]) => unknown, 2],
  ['LATEST', desk.latestFunction as (...a: unknown[]) => unknown, 5],
];

const anything = fc.anything({
  maxDepth: 3,
  maxKeys: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});
/** Values a cell might plausibly hold, so that rectangles get past their first cell. */
const cellValue = fc.oneof(
  fc.constantFrom(null, undefined, '', 0, -0, 1, 7, 300, 0.05, NaN, Infinity, -1e308, true, false),
  fc.constantFrom('up', 'market', 'USD/kg', 'yuan/mt', '747,000-753,000', '2026-11-20', '13%'),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(Symbol('cell'), () => 1, 10n, { type: 'Double', basicValue: 1 }),
);
const rows = (cell: fc.Arbitrary<unknown>) =>
  fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 });
const rectangle = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([r, c]) =>
    fc.array(fc.array(cellValue, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
  );
const argument = fc.oneof(
  cellValue,
  rectangle,
  rows(cellValue),
  rows(anything),
  fc.array(cellValue, { maxLength: 4 }),
  fc.constantFrom([], [[]], [[], []], [[1], 2], [[[1]]], null),
  anything,
);

/** A DeskPrices range: its header row (any order) over cells of anything, so LATEST gets past the headers. */
const priceTable = fc
  .tuple(
    fc.shuffledSubarray(Object.values(PRICE_HEADERS), { minLength: 1 }),
    fc.integer({ min: 0, max: 6 }),
  )
  .chain(([headers, n]) =>
    fc
      .array(
        fc.array(fc.oneof(cellValue, fc.constantFrom('La oxide', 'fob China', 45666)), {
          minLength: headers.length,
          maxLength: headers.length,
        }),
        { minLength: n, maxLength: n },
      )
      .map((body) => [headers, ...body]),
  );

const isInternal = (cell: unknown): boolean =>
  cell instanceof StubFunctionError && /internal/i.test(cell.message ?? '');

describe('any input, any shape, through the function entry', () => {
  for (const [name, fn, arity] of ENTRIES) {
    it(`DESK.${name} answers values and errors, never an internal error`, () => {
      fc.assert(
        fc.property(fc.array(argument, { minLength: arity, maxLength: arity }), (args) => {
          const out = fn(...args) as unknown[][];
          expect(Array.isArray(out) && out.length > 0).toBe(true);
          for (const row of out) {
            expect(Array.isArray(row) && row.length > 0).toBe(true);
            for (const cell of row) {
              if (isInternal(cell))
                throw new Error(`internal error: ${String((cell as StubFunctionError).message)}`);
              expect(
                cell instanceof StubFunctionError ||
                  ['number', 'string', 'boolean'].includes(typeof cell),
              ).toBe(true);
            }
          }
        }),
        fcParams(400),
      );
    });
  }

  it('DESK.LATEST over a range with DeskPrices headers and any cells answers values and errors', () => {
    fc.assert(
      fc.property(
        priceTable,
        fc.array(argument, { minLength: 4, maxLength: 4 }),
        (prices, rest) => {
          const out = desk.latestFunction(
            ...([prices, ...rest] as Parameters<typeof desk.latestFunction>),
          );
          for (const row of out) {
            for (const cell of row) {
              if (isInternal(cell))
                throw new Error(`internal error: ${String((cell as StubFunctionError).message)}`);
            }
          }
        },
      ),
      fcParams(400),
    );
  });
});
