/**
 * `desk-record template`: the workbook the add-in accepts as a current-version desk record —
 * read back from the file and judged by the same core checks the pane's probe runs
 * (mapHeaders, schemaVersionOf, readBodyRows) — with the schema's formats, validation lists and
 * the live Status now formula; never written over an existing file without --force.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  columnList,
  mapHeaders,
  readBodyRows,
  schemaVersionOf,
  SCHEMA_VERSION,
  STATUS_NOW_FORMULA,
  TABLE_KEYS,
  TABLES,
  validationList,
  VERSION_NAME,
  type TableKey,
} from '../../src/core';
import { fileFormula } from '../../src/cli/template/file-formula';
import { openWorkbook, type WorkbookRead } from '../../src/cli/xlsx/read-workbook';
import { partOf, runCli, scratch, sha256 } from './helpers';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = scratch('template')));
afterAll(() => cleanup());

async function readBack(path: string): Promise<WorkbookRead> {
  const opened = await openWorkbook(path);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.workbook;
}

const tableOf = (wb: WorkbookRead, key: TableKey) => {
  const t = wb.tables.find((x) => x.name === TABLES[key].name);
  if (!t) throw new Error(`${TABLES[key].name} is missing`);
  return t;
};

describe('desk-record template', () => {
  it('writes the four desk tables, each on its own sheet at A1, that the pane reads as a current-version record', async () => {
    const out = join(dir, 'empty.xlsx');
    const r = await runCli(['template', out]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`schema version ${SCHEMA_VERSION}`);
    const wb = await readBack(out);
    expect(wb.tables.map((t) => t.name)).toEqual(TABLE_KEYS.map((k) => TABLES[k].name));
    for (const key of TABLE_KEYS) {
      const t = tableOf(wb, key);
      expect({ sheet: t.sheet, headerRow: t.headerRow }).toEqual({
        sheet: TABLES[key].name,
        headerRow: 1,
      });
      expect(t.headers).toEqual(columnList(key).map((c) => c.header));
      // The pane's probe: every schema column found, none unknown.
      const map = mapHeaders(key, t.headers);
      expect({ missing: map.missing, extra: map.extra }).toEqual({ missing: [], extra: [] });
      // Excel's new table: one empty body row, which holds no record.
      expect(t.body).toHaveLength(1);
      expect(readBodyRows(key, map.fields, t.body, 2)).toEqual({ records: [], problems: [] });
    }
    const version = wb.names.find((n) => n.name === VERSION_NAME);
    expect(version?.localSheetId).toBeUndefined();
    expect(schemaVersionOf(version?.formula ?? null, true)).toEqual({
      kind: 'current',
      version: SCHEMA_VERSION,
    });
  });

  it('--sample adds the sample reviews and prices, every row valid for the schema, joined by Review ID', async () => {
    const out = join(dir, 'sample.xlsx');
    expect((await runCli(['template', '--sample', out])).code).toBe(0);
    const wb = await readBack(out);
    const counts: Record<string, number> = {};
    const reviewIds = new Map<string, Set<unknown>>();
    for (const key of TABLE_KEYS) {
      const t = tableOf(wb, key);
      const { records, problems } = readBodyRows(key, mapHeaders(key, t.headers).fields, t.body, 2);
      expect(problems).toEqual([]);
      counts[TABLES[key].name] = records.length;
      reviewIds.set(
        key,
        new Set(records.map((x) => (x.values as { reviewId?: unknown }).reviewId)),
      );
    }
    expect(counts).toEqual({ DeskSnapshots: 3, DeskExposures: 3, DeskTriggers: 4, DeskPrices: 11 });
    expect(reviewIds.get('triggers')).toEqual(reviewIds.get('snapshots'));
  });

  it('gives each column its number format, each enum column its validation list, header cells the text format', async () => {
    const out = join(dir, 'sample.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    for (const key of TABLE_KEYS) {
      const sheet = workbook.getWorksheet(TABLES[key].name) as ExcelJS.Worksheet;
      const xml = await partOf(out, `xl/worksheets/sheet${TABLE_KEYS.indexOf(key) + 1}.xml`);
      columnList(key).forEach((c, j) => {
        expect([c.header, sheet.getCell(1, j + 1).numFmt]).toEqual([c.header, '@']);
        // ExcelJS reads Excel's default format ('General') as no format.
        const format = sheet.getCell(2, j + 1).numFmt ?? 'General';
        expect([c.header, format]).toEqual([c.header, c.numberFormat]);
        const list = validationList(c);
        const letter = sheet.getCell(2, j + 1).address.replace(/\d+$/, '');
        const rule = new RegExp(
          `<dataValidation [^>]*sqref="${letter}2:${letter}\\d+"[^>]*><formula1>([^<]*)</formula1>`,
        ).exec(xml);
        expect([c.header, rule?.[1]?.replace(/&quot;/g, '"') ?? null]).toEqual([
          c.header,
          list === null ? null : `"${list}"`,
        ]);
      });
    }
  });

  it('makes Status now the table’s calculated column: the schema’s formula in file form, in every row with a record', async () => {
    const out = join(dir, 'sample.xlsx');
    const table = await partOf(out, 'xl/tables/table3.xml');
    expect(table).toContain('name="DeskTriggers"');
    const formula = fileFormula(STATUS_NOW_FORMULA, 'DeskTriggers');
    const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const calculated = /<calculatedColumnFormula>([^<]*)<\/calculatedColumnFormula>/.exec(
      table,
    )?.[1];
    expect(unescape(calculated ?? '')).toBe(formula);
    // File form: no grid shorthand, the add-in's function under Excel's prefix, each reference a real header.
    expect(formula).not.toContain('[@');
    expect(formula.startsWith('_xldudf_DESK_NOTE_STATUS(')).toBe(true);
    const headers = new Set(columnList('triggers').map((c) => c.header));
    for (const m of formula.matchAll(/DeskTriggers\[\[#This Row\],\[([^\]]+)\]\]/g))
      expect(headers).toContain(m[1]);
    const sheet = await partOf(out, 'xl/worksheets/sheet3.xml');
    const cells = [...sheet.matchAll(/<c r="W(\d+)"[^>]*><f>([^<]*)<\/f>/g)];
    expect(cells.map((c) => c[1])).toEqual(['2', '3', '4', '5']);
    for (const c of cells) expect(unescape(c[2] ?? '')).toBe(formula);
  });

  it('refuses to write over an existing file without --force, leaving its bytes as they were', async () => {
    const out = join(dir, 'colleague.xlsx');
    writeFileSync(out, 'a colleague’s file');
    const before = sha256(out);
    const refused = await runCli(['template', out]);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      `${out} already exists; nothing was written. Pass --force to replace it.\n`,
    );
    expect(sha256(out)).toBe(before);
    const forced = await runCli(['template', '--force', out]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('is a usage error (exit 2) without OUT, or with an OUT that is not .xlsx, and writes nothing', async () => {
    expect((await runCli(['template'])).code).toBe(2);
    const out = join(dir, 'desk.xls');
    const r = await runCli(['template', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('OUT must end in .xlsx');
    expect(existsSync(out)).toBe(false);
  });
});

describe('fileFormula', () => {
  it('rewrites row references and DESK functions outside string literals only', () => {
    expect(fileFormula('=DESK.MID([@Price]&"[@x] DESK.MID(")', 'T')).toBe(
      '_xldudf_DESK_MID(T[[#This Row],[Price]]&"[@x] DESK.MID(")',
    );
    expect(fileFormula('=[@[Due date]]+1', 'DeskTriggers')).toBe(
      'DeskTriggers[[#This Row],[Due date]]+1',
    );
  });
});
