/**
 * The structure of an .xlsx package — defined names, sheets, and each sheet's tables (name, range,
 * header row) — read from its small parts only, so the sheets' cells can be streamed afterwards.
 * ExcelJS's streaming reader skips table parts (xl/tables/*.xml) and drops constant names, so the
 * parts are opened with the ZIP reader ExcelJS itself loads workbooks with (JSZip, resolved from
 * ExcelJS so it is always the copy ExcelJS declares) and parsed with ExcelJS's own XML readers.
 */
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { definedNamesOf, type DefinedName } from './exceljs-gaps';

interface ZipEntry {
  async(type: 'string'): Promise<string>;
}
interface Zip {
  file(path: string): ZipEntry | null;
}
interface Xform<M> {
  parseStream(stream: Readable): Promise<M>;
}
type XformClass<M> = new () => Xform<M>;

const fromExcelJS = createRequire(require.resolve('exceljs'));
const JSZip = fromExcelJS('jszip') as { loadAsync(data: Buffer): Promise<Zip> };
const WorkbookXform = fromExcelJS('./lib/xlsx/xform/book/workbook-xform') as XformClass<{
  sheets?: { name: string; id: number; rId: string }[];
}>;
const RelationshipsXform = fromExcelJS('./lib/xlsx/xform/core/relationships-xform') as XformClass<
  { Id: string; Type: string; Target: string }[]
>;
const TableXform = fromExcelJS('./lib/xlsx/xform/table/table-xform') as XformClass<{
  name: string;
  tableRef: string;
  headerRow: boolean;
}>;

export interface TablePart {
  readonly name: string;
  /** A1 range of the whole table, header included ("A1:W2001"). */
  readonly ref: string;
  readonly headerRow: boolean;
}
export interface SheetPart {
  readonly name: string;
  /** The part's path in the package ("xl/worksheets/sheet3.xml"). */
  readonly path: string;
  readonly tables: readonly TablePart[];
}
export interface PackageParts {
  readonly names: readonly DefinedName[];
  readonly sheets: readonly SheetPart[];
}

export type PartsRead =
  | { readonly ok: true; readonly parts: PackageParts }
  | { readonly ok: false; readonly reason: string };

const parse = <M>(X: XformClass<M>, xml: string): Promise<M> =>
  new X().parseStream(Readable.from([xml], { objectMode: true }));

const relsPath = (part: string): string =>
  posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
const resolveTarget = (from: string, target: string): string =>
  target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(from), target);

async function text(zip: Zip, path: string): Promise<string | null> {
  const entry = zip.file(path);
  return entry ? entry.async('string') : null;
}

export async function readParts(bytes: Buffer): Promise<PartsRead> {
  let zip: Zip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return {
      ok: false,
      reason: `corrupt or truncated: the ZIP package cannot be read (${message(e)})`,
    };
  }
  try {
    const workbookXml = await text(zip, 'xl/workbook.xml');
    if (workbookXml === null)
      return {
        ok: false,
        reason:
          'a ZIP package without xl/workbook.xml: corrupt, or not an Excel workbook (a .docx or .zip renamed to .xlsx?)',
      };
    const workbook = await parse(WorkbookXform, workbookXml);
    const rels = await parse(
      RelationshipsXform,
      (await text(zip, 'xl/_rels/workbook.xml.rels')) ?? '<Relationships/>',
    );
    const sheets: SheetPart[] = [];
    for (const s of workbook.sheets ?? []) {
      const rel = rels.find((r) => r.Id === s.rId);
      if (!rel) continue;
      const path = resolveTarget('xl/workbook.xml', rel.Target);
      const tables = await tablesOf(zip, path);
      sheets.push({ name: s.name, path, tables });
    }
    return { ok: true, parts: { names: definedNamesOf(workbookXml), sheets } };
  } catch (e) {
    return { ok: false, reason: `corrupt: a part of the package cannot be read (${message(e)})` };
  }
}

async function tablesOf(zip: Zip, sheetPath: string): Promise<TablePart[]> {
  const relsXml = await text(zip, relsPath(sheetPath));
  if (relsXml === null) return [];
  const out: TablePart[] = [];
  for (const r of await parse(RelationshipsXform, relsXml)) {
    if (!r.Type.endsWith('/table')) continue;
    const xml = await text(zip, resolveTarget(sheetPath, r.Target));
    if (xml === null) continue;
    const t = await parse(TableXform, xml);
    out.push({ name: t.name, ref: t.tableRef, headerRow: t.headerRow });
  }
  return out;
}

export const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
