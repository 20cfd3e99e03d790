/**
 * Interop with a real spreadsheet program: a template round-tripped through LibreOffice Calc
 * (`soffice --headless --convert-to xlsx`, Debian's libreoffice-calc-nogui, which .ci/run installs)
 * keeps its tables, headers, values and version, and audits ok; a column renamed before the
 * round trip is named as missing and added. Where soffice is missing the tests say they skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditReport } from '../../src/cli/audit/audit';
import { openWorkbook } from '../../src/cli/xlsx/read-workbook';
import { writeSample } from './fixtures';
import { editXlsx, runCli, scratch } from './helpers';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const present = soffice.status === 0;
if (!present)
  console.warn(
    'SKIPPED: LibreOffice round-trip tests — soffice is not installed (apt-get install libreoffice-calc-nogui; .ci/run does).',
  );
const itWithCalc = present ? it : it.skip;

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = scratch('calc')));
afterAll(() => cleanup());

/** Converts with a profile of its own in the scratch folder: nothing is written in ~. */
function roundTrip(input: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const home = join(dir, 'home');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(home, 'profile')}`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      input,
    ],
    { env: { ...process.env, HOME: home }, stdio: 'pipe', timeout: 120_000 },
  );
  return join(outDir, input.split('/').pop() as string);
}

const audit = async (path: string): Promise<AuditReport> =>
  JSON.parse((await runCli(['audit', '--json', '--as-of', '2026-12-01', path])).out) as AuditReport;

describe('LibreOffice Calc round trip', () => {
  itWithCalc(
    'keeps the desk tables, headers, values and schema version: the audit finds the same workbook',
    async () => {
      const original = join(dir, 'desk.xlsx');
      await writeSample(original);
      const calc = roundTrip(original, join(dir, 'calc'));
      const [before, after] = await Promise.all([audit(original), audit(calc)]);
      expect(after.workbooks[0]).toEqual({ ...before.workbooks[0], path: calc });
      expect(after.workbooks[0]?.status).toBe('ok');
      expect(after.queue.map((q) => ({ ...q, path: '' }))).toEqual(
        before.queue.map((q) => ({ ...q, path: '' })),
      );
      // Cell by cell, every table column that is not a formula holds what the template wrote.
      const [a, b] = await Promise.all([openWorkbook(original), openWorkbook(calc)]);
      if (!a.ok || !b.ok) throw new Error('unreadable');
      for (const t of a.workbook.tables) {
        const u = b.workbook.tables.find((x) => x.name === t.name);
        expect(u?.headers).toEqual(t.headers);
        const status = t.headers.indexOf('Status now');
        // Calc saves numbers to 15 significant digits (as Excel shows them): a quote time moves by
        // under a microsecond, which the audit's equality above already shows does not matter.
        const strip = (rows: readonly (readonly unknown[])[]) =>
          rows.map((r) =>
            r
              .filter((_v, j) => j !== status)
              .map((v) => (typeof v === 'number' ? Number(v.toPrecision(15)) : v)),
          );
        expect(strip(u?.body ?? [])).toEqual(strip(t.body));
      }
    },
    180_000,
  );

  itWithCalc(
    'a column renamed in the workbook comes back renamed: missing and added, status drift',
    async () => {
      const original = join(dir, 'renamed.xlsx');
      await writeSample(original);
      await editXlsx(original, original, {
        'xl/sharedStrings.xml': (x) => x.replace('<t>Owner</t>', '<t>Analyst owner</t>'),
        'xl/tables/table3.xml': (x) => x.replace('name="Owner"', 'name="Analyst owner"'),
      });
      const calc = roundTrip(original, join(dir, 'calc-renamed'));
      const w = (await audit(calc)).workbooks[0];
      expect(w?.status).toBe('drift');
      expect(w?.tables.DeskTriggers).toMatchObject({
        missingColumns: ['Owner'],
        addedColumns: ['Analyst owner'],
      });
    },
    180_000,
  );
});
