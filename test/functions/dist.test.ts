/**
 * The shipped artifact itself: dist/functions.js (what Excel loads through the manifest's Script
 * URL) runs in a bare VM context with only a stub `CustomFunctions` global, and the functions it
 * registers are called the way Excel calls them (each argument a 2-D array, omitted ones null).
 * `npm test` builds before jest runs, so a missing dist/ is a failure, not a skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createCustomFunctionsStub, StubFunctionError } from './custom-functions-stub';

const DIST = join(__dirname, '..', '..', 'dist');
const IDS = [
  'RATIO',
  'SPREAD_COST',
  'EXIT_VALUE',
  'NOTE_STATUS',
  'MID',
  'CONVERT',
  'SPREAD_BPS',
  'PREMIUM',
  'LATEST',
];

interface Metadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: {
      name: string;
      description?: string;
      optional?: boolean;
      dimensionality?: string;
    }[];
    result: { dimensionality?: string };
    options?: { volatile?: boolean; stream?: boolean };
  }[];
}

function loadBundle() {
  const file = join(DIST, 'functions.js');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`);
  }
  const { stub, registered, associateCalls } = createCustomFunctionsStub();
  // Nothing but the runtime global: a bundle that reached for window, document or Office would throw.
  const context = vm.createContext({ CustomFunctions: stub });
  vm.runInContext(readFileSync(file, 'utf8'), context, { filename: 'dist/functions.js' });
  return { registered, associateCalls };
}

const { registered, associateCalls } = loadBundle();
const metadata = JSON.parse(readFileSync(join(DIST, 'functions.json'), 'utf8')) as Metadata;

/** Calls a registered function as Excel would: scalars wrapped as 1×1 matrices, omitted as null. */
function call(id: string, ...args: unknown[]): unknown[][] {
  const fn = registered.get(id);
  if (!fn) throw new Error(`${id} was not registered by dist/functions.js`);
  const result = fn(...args.map((a) => (a === null || Array.isArray(a) ? a : [[a]])));
  expect(Array.isArray(result)).toBe(true);
  return result as unknown[][];
}

describe('dist/functions.js registers the DESK functions', () => {
  it('registers every id, each exactly once', () => {
    expect([...registered.keys()].sort()).toEqual([...IDS].sort());
    expect(associateCalls).toHaveLength(IDS.length);
  });

  it('ships no preview page in production dist/', () => {
    expect(existsSync(join(DIST, 'preview.html'))).toBe(false);
    expect(existsSync(join(DIST, 'preview.js'))).toBe(false);
  });

  it('registers exactly the ids dist/functions.json describes', () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...associateCalls].sort());
  });

  it('gives every function and every argument autocomplete help, optional arguments marked', () => {
    for (const f of metadata.functions) {
      expect(f.description ?? '').not.toBe('');
      for (const p of f.parameters)
        expect(`${f.id}.${p.name}: ${p.description ?? ''}`).not.toMatch(/: $/);
    }
    const ratio = metadata.functions.find((f) => f.id === 'RATIO')!;
    expect(ratio.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual([
      ['numerator', false],
      ['denominator', false],
      ['numerator_unit', true],
      ['denominator_unit', true],
      ['fx_cny_per_usd', true],
    ]);
  });

  it('takes every argument as a range and returns a matrix, so one call covers a whole column', () => {
    for (const f of metadata.functions) {
      expect(f.result.dimensionality).toBe('matrix');
      for (const p of f.parameters)
        expect(`${f.id}.${p.name}=${p.dimensionality}`).toBe(`${f.id}.${p.name}=matrix`);
      expect(f.options?.volatile ?? false).toBe(false);
      expect(f.options?.stream ?? false).toBe(false);
    }
  });
});

describe('calling what dist/functions.js registered', () => {
  it('RATIO of two CNY/t range texts is 2.2 (the spec example)', () => {
    expect(
      call('RATIO', '1,640,000-1,660,000 yuan/mt', '747,000-753,000 yuan/mt', null, null, null),
    ).toEqual([[2.2]]);
  });

  it('SPREAD_COST(0.1, 0.3) is exactly 0.2: decimal, not binary float', () => {
    expect(call('SPREAD_COST', 0.1, 0.3, null, null)).toEqual([[0.2]]);
  });

  it('SPREAD_COST(61.5, 64, 1000) is 2500 and 1250 for one leg', () => {
    expect(call('SPREAD_COST', 61.5, 64, 1000, null)).toEqual([[2500]]);
    expect(call('SPREAD_COST', 61.5, 64, 1000, 1)).toEqual([[1250]]);
  });

  it('a column range spills a column of results, the single value broadcasting', () => {
    expect(call('RATIO', [[2], [4], [6]], [[2]], null, null, null)).toEqual([[1], [2], [3]]);
  });

  it('a bad element shows its error in its own cell of the spill', () => {
    const out = call('RATIO', [[2], ['n/a'], [6]], [[2]], null, null, null);
    expect(out[0]).toEqual([1]);
    expect(out[1]![0]).toBeInstanceOf(StubFunctionError);
    expect(out[2]).toEqual([3]);
  });

  it('unreadable text is #VALUE! with a message naming the argument', () => {
    const [[cell]] = call('RATIO', 1, 'n/a', null, null, null) as [[StubFunctionError]];
    expect(cell).toBeInstanceOf(StubFunctionError);
    expect(cell.code).toBe('#VALUE!');
    expect(cell.message).toMatch(/denominator/);
  });

  it('a zero denominator is #DIV/0! (Excel shows no custom message for it)', () => {
    const [[cell]] = call('RATIO', 1, 0, null, null, null) as [[StubFunctionError]];
    expect(cell).toBeInstanceOf(StubFunctionError);
    expect(cell.code).toBe('#DIV/0!');
    expect(cell.message).toBeUndefined();
  });

  it('an empty required argument is #N/A with a message', () => {
    const [[cell]] = call('MID', [[null]]) as [[StubFunctionError]];
    expect(cell).toBeInstanceOf(StubFunctionError);
    expect(cell.code).toBe('#N/A');
    expect(cell.message ?? '').not.toBe('');
  });

  it('mismatched range shapes are one #VALUE!, not a partial spill', () => {
    const out = call('RATIO', [[1], [2]], [[1], [2], [3]], null, null, null);
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(1);
    expect((out[0]![0] as StubFunctionError).code).toBe('#VALUE!');
  });

  describe('LATEST over a DeskPrices[#All] range', () => {
    const prices = [
      ['Price date', 'Price code', 'Product', 'Location basis', 'Price mid', 'Source label'],
      [45659, '', 'La oxide', 'China domestic incl. VAT', 3900, 'SMM'],
      [45666, '', 'La oxide', 'China domestic incl. VAT', 3800, 'SMM'],
      [45666, 'MB-DY-0001', 'Dy oxide', 'fob China', 205, 'Fastmarkets'],
    ];

    it('gives the latest mid on or before as_of, one result per key', () => {
      expect(
        call('LATEST', prices, [['La oxide'], ['mb-dy-0001']], '2025-01-09', null, null),
      ).toEqual([[3800], [205]]);
      expect(call('LATEST', prices, 'La oxide', '2025-01-08', 'source', null)).toEqual([['SMM']]);
    });

    it('is #N/A with a message naming key and date before the first price (never a later one)', () => {
      const [[cell]] = call('LATEST', prices, 'La oxide', '2025-01-01', null, null) as [
        [StubFunctionError],
      ];
      expect(cell).toBeInstanceOf(StubFunctionError);
      expect(cell.code).toBe('#N/A');
      expect(cell.message).toBe(
        "no price for 'La oxide' on or before 2025-01-01 (its first is dated 2025-01-02)",
      );
    });

    it('is #VALUE! naming a header the call needs that is missing', () => {
      const [[cell]] = call(
        'LATEST',
        [
          ['Product', 'Price mid'],
          ['La oxide', 1],
        ],
        'La oxide',
        null,
        null,
        null,
      ) as [[StubFunctionError]];
      expect(cell.code).toBe('#VALUE!');
      expect(cell.message).toMatch(/no 'Price date' column/);
    });
  });

  it('NOTE_STATUS with every check passing is action', () => {
    const args = ['2026-01-01', 100, 0.02, '2026-01-03', null, null, null, null, null];
    expect(call('NOTE_STATUS', ...args)).toEqual([['action']]);
  });
});
