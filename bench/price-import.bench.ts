/**
 * Parse + validate 10,000 pasted price rows, as the Import tab does before its preview: a grid
 * (candidatesFromGrid, every row read and checked by the DeskPrices schema, then marked against a
 * 10,000-row table and turned into checked records) and prose (a review of 10,000 price
 * sentences through candidatesFromProse, the same marks and records). Every row's numbers and
 * dates differ, so no parser cache answers. Baseline in the same run: the schema check alone
 * (checkRecord on the same 10,000 finished rows) — the floor any validating import pays.
 */
import type { BenchRow } from './bench-row';
import { grouped, median, timeOnce } from './timing';
import {
  candidatesFromGrid,
  candidatesFromProse,
  checkRecord,
  guessMapping,
  markCandidates,
  priceRecords,
  type PriceCandidate,
  type RecordValues,
} from '../src/core';
import { stampedRow } from '../src/core/prices/import-candidate';
import { DEFAULTS } from '../test/core/prices/helpers';

const ROWS = 10_000;
const SAMPLES = 5;
const PRODUCTS = [
  'lanthanum oxide',
  'cerium oxide',
  'Pr-Nd oxide',
  'dysprosium oxide',
  'terbium oxide',
];

const day = (i: number): string =>
  new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

function grid(salt: number): string[][] {
  const rows = [['Product', 'Price', 'Unit', 'Date']];
  for (let i = 0; i < ROWS; i++) {
    const low = 3000 + salt * 7 + i;
    rows.push([
      PRODUCTS[i % 5] as string,
      `${grouped(low)}–${grouped(low + 400)}`,
      'yuan/mt',
      day(i),
    ]);
  }
  return rows;
}

function prose(salt: number): string {
  const lines: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const low = 3000 + salt * 7 + i;
    lines.push(`Published: ${day(i)} 14:38`);
    lines.push(
      `This week, ${PRODUCTS[i % 5]} prices slightly decreased to ${grouped(low)}-${grouped(low + 400)} yuan/mt.`,
    );
  }
  return lines.join('\n');
}

const stamps = () => {
  let n = 0;
  return {
    importId: '11111111-1111-4111-8111-111111111111',
    importedAt: '2025-01-10T09:00:00.000Z',
    importedBy: 'bench',
    newId: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
  };
};

/** The existing table a re-import is marked against: the first import's records. */
function table(cs: readonly PriceCandidate[]): RecordValues[] {
  const r = priceRecords(cs, markCandidates(cs, []), stamps());
  if (!r.ok) throw new Error(r.message);
  return r.records as RecordValues[];
}

function whole(cs: () => PriceCandidate[], existing: readonly RecordValues[]): number {
  const c = cs();
  const marks = markCandidates(c, existing);
  const r = priceRecords(c, marks, stamps());
  if (!r.ok) throw new Error(r.message);
  if (c.some((x) => x.problems.length > 0))
    throw new Error(c.find((x) => x.problems.length)!.problems[0]);
  return r.records.length;
}

export async function run(): Promise<BenchRow[]> {
  const mapping = guessMapping(grid(0)[0] ?? []).mapping;
  const existing = table(candidatesFromGrid(grid(1000), mapping, DEFAULTS));
  const g: number[] = [];
  const p: number[] = [];
  const base: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const rows = grid(s);
    const text = prose(s);
    g.push(timeOnce(() => whole(() => candidatesFromGrid(rows, mapping, DEFAULTS), existing)));
    p.push(timeOnce(() => whole(() => candidatesFromProse(text, DEFAULTS).candidates, existing)));
    const finished = candidatesFromGrid(grid(s + 50), mapping, DEFAULTS).map((c, i) =>
      stampedRow(c.values, {
        recordId: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
        importedAt: '2025-01-10T09:00:00.000Z',
        importedBy: 'bench',
        importId: '11111111-1111-4111-8111-111111111111',
        correctionOf: null,
      }),
    );
    base.push(timeOnce(() => finished.map((v) => checkRecord('prices', v).ok)));
  }
  const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
  const note = (xs: number[]) =>
    `${((median(xs) * 1000) / ROWS).toFixed(1)} µs/row; ${(median(xs) / median(base)).toFixed(1)}× the schema check alone (${ms(base)}); median of ${SAMPLES}, distinct rows each`;
  return [
    {
      group: 'price import',
      name: 'parse + validate 10,000 pasted grid rows (candidates, marks vs 10,000 rows, records)',
      value: ms(g),
      note: note(g),
    },
    {
      group: 'price import',
      name: 'parse + validate 10,000 prices in prose (20,000 lines: date + sentence each)',
      value: ms(p),
      note: note(p),
    },
    {
      group: 'price import',
      name: 'baseline: DeskPrices schema check alone, 10,000 finished rows',
      value: ms(base),
    },
  ];
}
