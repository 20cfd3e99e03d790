/*
 * `npm run bench`: runs every bench/*.bench.ts (each exports `run(): Promise<BenchRow[]>`), adds the
 * gzip size of each bundle in dist/, and prints one aligned table. Targets live here and in the
 * bench files, never in timed tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './bench-row';

export type { BenchRow } from './bench-row';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');

/** gzip targets per bundle, in KB (1 KB = 1024 bytes). office.js is Microsoft's copy, not ours. */
const BUNDLE_TARGETS_KB: Record<string, number> = { 'functions.js': 35, 'taskpane.js': 100 };
const THIRD_PARTY = new Set(['office.js', 'o15apptofilemappingtable.js']);

function bundleRows(): BenchRow[] {
  if (!existsSync(DIST)) {
    return [
      {
        group: 'bundle',
        name: 'dist/',
        value: 'missing',
        note: 'run `npm run build` (npm run bench does)',
      },
    ];
  }
  // `npm start` leaves a development build (unminified, localhost manifest): sizes would mislead.
  const manifest = join(DIST, 'manifest.xml');
  const devBuild =
    existsSync(manifest) && readFileSync(manifest, 'utf8').includes('https://localhost:3000/');
  return readdirSync(DIST)
    .filter((f) => f.endsWith('.js') && !THIRD_PARTY.has(f))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(DIST, file));
      const gz = gzipSync(raw, { level: 9 }).length / 1024;
      const target = BUNDLE_TARGETS_KB[file];
      const row: BenchRow = {
        group: 'bundle (gzip -9)',
        name: file,
        value: `${gz.toFixed(1)} KB`,
        note: devBuild
          ? 'DEVELOPMENT build in dist/: run `npm run build` for real sizes'
          : `${(raw.length / 1024).toFixed(1)} KB minified`,
      };
      if (target !== undefined) {
        row.target = `≤ ${target} KB`;
        row.note += gz <= target ? ', within target' : ', OVER TARGET';
      }
      return row;
    });
}

async function benchRows(): Promise<{ rows: BenchRow[]; failed: boolean }> {
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const rows: BenchRow[] = [];
  let failed = false;
  for (const file of files) {
    const started = Date.now();
    process.stderr.write(`running bench/${file} … `);
    try {
      const mod = (await import(join(__dirname, file))) as { run?: () => Promise<BenchRow[]> };
      if (typeof mod.run !== 'function') throw new Error('exports no run()');
      rows.push(...(await mod.run()));
      process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (err) {
      failed = true;
      process.stderr.write('FAILED\n');
      rows.push({
        group: file,
        name: '(bench failed)',
        value: '—',
        note: err instanceof Error ? err.message : String(err),
      });
    }
  }
  if (files.length === 0)
    rows.push({ group: 'bench', name: 'bench/*.bench.ts', value: 'none found' });
  return { rows, failed };
}

function printTable(rows: BenchRow[]): void {
  const headers = ['group', 'name', 'value', 'target', 'note'] as const;
  const cells = rows.map((r) => headers.map((h) => r[h] ?? ''));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (i === 2 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  const { rows, failed } = await benchRows();
  printTable([...rows, ...bundleRows()]);
  if (failed) process.exitCode = 1;
}

void main();
