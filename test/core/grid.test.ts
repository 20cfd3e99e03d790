import { isDeskError, mid, premium, ratio, spreadCost, type Cell } from '../../src/core';
import { expectError } from './helpers';

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
