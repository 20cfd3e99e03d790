/** Shared by the price-import tests: defaults, a grid from CSV text, the SMM seed. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportDefaults } from '../../../src/core';

export const DEFAULTS: ImportDefaults = {
  sourceLabel: 'SMM',
  sourceState: 'market',
  dataBasis: 'indication',
  locationBasis: null,
  unit: null,
  priceDate: null,
};

/** The shared product docs sit beside the checkout (CI clones main with ../shared next to it). */
const SHARED = join(__dirname, '..', '..', '..', '..', 'shared');
const SMM_SEED = join(SHARED, 'seeds', '002_23f44c0b07ab26ae.txt');

/** The SMM weekly review seed as a user would paste it (the page's whole text). */
export function smmSeed(): string {
  if (!existsSync(SMM_SEED))
    throw new Error(
      `the SMM seed is missing: expected ${SMM_SEED} (../shared beside the checkout)`,
    );
  return readFileSync(SMM_SEED, 'utf8');
}

export const fixture = (name: string): string =>
  readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/**
 * CSV text → grid, quotes honoured (the pane uses papaparse; these fixtures only need quoted
 * fields with commas). Test-only: not the product's parser.
 */
export function csvGrid(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => {
      const cells: string[] = [];
      let cell = '';
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === ',' && !quoted) {
          cells.push(cell);
          cell = '';
        } else cell += ch;
      }
      cells.push(cell);
      return cells;
    });
}

/** UUIDs 00000000-0000-4000-8000-<prefix, n> in order: distinct per prefix and call. */
export function idMaker(prefix = 0): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `00000000-0000-4000-8000-${(prefix * 1_000_000 + n).toString(16).padStart(12, '0')}`;
  };
}
