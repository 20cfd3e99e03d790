import {
  convert,
  exitValue,
  isDeskError,
  mid,
  premium,
  ratio,
  spreadBps,
  spreadCost,
  type Arg,
  type Cell,
} from '../../../src/core';
import { expectError, statusWith } from '../helpers';

/** What a caller may pass that the Arg type does not describe. */
const junk = (value: unknown): Arg => value as Arg;
const AT = new Date(Date.UTC(2026, 10, 22));

describe('ranges and broadcasting', () => {
  it('a column range gives a column of results', () => {
    expect(spreadCost([[61.5], [60], [62]], 64, 1000)).toEqual([[2500], [4000], [2000]]);
  });

  it('a row range gives a row', () => {
    expect(ratio([[2, 4, 6]], 2)).toEqual([[1, 2, 3]]);
  });

  it('2-D ranges combine element by element', () => {
    expect(
      premium(
        [
          [110, 120],
          [130, 140],
        ],
        [
          [100, 100],
          [100, 200],
        ],
      ),
    ).toEqual([
      [0.1, 0.2],
      [0.3, -0.3],
    ]);
  });

  it('a 1×1 range broadcasts like a single value, and alone still spills as 1×1', () => {
    expect(ratio([[2], [4]], [[2]])).toEqual([[1], [2]]);
    expect(ratio([[3]], 2)).toEqual([[1.5]]);
    expect(ratio(3, 2)).toBe(1.5);
  });

  it('mismatched shapes are one #VALUE! naming both arguments', () => {
    expectError(
      ratio([[1], [2]], [[1], [2], [3]]),
      'value',
      'numerator is a 2×1 range but denominator is 3×1',
    );
    expectError(
      ratio([[1, 2]], [[1], [2]]),
      'value',
      'numerator is a 1×2 range but denominator is 2×1',
    );
  });

  it('an error stays in its own element', () => {
    const out = spreadCost([[61.5], [64], ['abc'], [60]], [[64], [61.5], [65], [62]]) as Cell[][];
    expect(out[0]).toEqual([2.5]);
    expectError(out[1]![0] as never, 'value', 'crossed quote');
    expectError(out[2]![0] as never, 'value', "bid: cannot read 'abc'");
    expect(out[3]).toEqual([2]);
  });

  it('empty cells inside a range are missing, not zero', () => {
    const out = ratio([[10], [null], ['']], [[2], [2], [2]]) as Cell[][];
    expect(out[0]).toEqual([5]);
    expectError(out[1]![0] as never, 'na', 'numerator');
    expectError(out[2]![0] as never, 'na', 'numerator');
    // An empty optional cell takes its default: quantity 1, legs 2.
    expect(spreadCost([[61.5], [61.5]], 64, [[null], [1000]])).toEqual([[2.5], [2500]]);
  });

  it('one call handles 100,000 rows', () => {
    const n = 100_000;
    const prices: string[][] = Array.from({ length: n }, (_, i) => [
      `${700 + (i % 100)},000-${710 + (i % 100)},000 yuan/mt`,
    ]);
    const out = mid(prices) as Cell[][];
    expect(out).toHaveLength(n);
    expect(out[0]).toEqual([705000]);
    expect(out[n - 1]).toEqual([804000]);
    expect(out.some((row) => isDeskError(row[0]))).toBe(false);
  });
});

describe('arguments that are not a rectangle of cells', () => {
  it('a 1-D list is one #VALUE! naming the argument, for element-wise and whole-read arguments', () => {
    // Was "internal error (t is not iterable)" for fixed_costs.
    expectError(
      exitValue(1000, 60, null, junk([500, 300])),
      'value',
      'fixed_costs must be a range (rows of cells); got a 1-D list',
    );
    expectError(
      ratio(junk([1, 2, 3]), 2),
      'value',
      'numerator must be a range (rows of cells); got a 1-D list',
    );
    expectError(
      statusWith('2026-11-20', 100, 0, { now: AT, limits: junk([7, 300, 0.05]) }),
      'value',
      'limits must be a range (rows of cells); got a 1-D list',
    );
    expectError(
      statusWith('2026-11-20', 100, 0, { now: AT, closeout: junk(['a', 'b', 'c', 'd']) }),
      'value',
      'closeout must be a range (rows of cells); got a 1-D list',
    );
  });

  it('ragged rows are refused instead of cut to the first row’s width', () => {
    expectError(
      ratio(
        [
          [1, 2, 3],
          [1, 2],
        ],
        1,
      ),
      'value',
      'numerator: rows have different lengths (3 and 2); give a rectangular range',
    );
    expectError(
      spreadCost(60, [[64], [65, 66]]),
      'value',
      'ask: rows have different lengths (1 and 2); give a rectangular range',
    );
    expectError(
      exitValue(1000, 60, null, [[500, 300], [100]]),
      'value',
      'fixed_costs: rows have different lengths (2 and 1); give a rectangular range',
    );
    expectError(
      statusWith('2026-11-20', 100, 0, {
        now: AT,
        closeout: [
          ['a', 'b'],
          ['c', 'd', 'e'],
        ],
      }),
      'value',
      'closeout: rows have different lengths (2 and 3)',
    );
  });

  it('empty ranges, rows that are not rows and cells that hold lists', () => {
    expectError(
      mid(junk([])),
      'value',
      'price is an empty range; give a value or a range of cells',
    );
    expectError(
      mid(junk([[]])),
      'value',
      'price: row 1 has no cells; give a value or a range of cells',
    );
    expectError(exitValue(1, 60, null, junk([])), 'value', 'fixed_costs is an empty range');
    expectError(
      premium(junk([[1], 5]), 1),
      'value',
      'price must be a range (rows of cells); row 2 is a single value, not a row',
    );
    expectError(
      convert(junk([[1, [2]]]), 'USD/kg', 'USD/t'),
      'value',
      "price: the cell in row 1, column 2 holds a list; a range's cells are single values",
    );
    expectError(
      spreadBps(60, junk([[64], null])),
      'value',
      'ask must be a range (rows of cells); row 2 is a single value, not a row',
    );
  });
});
