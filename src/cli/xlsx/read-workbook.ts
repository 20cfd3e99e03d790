/**
 * One .xlsx file → its defined names and every table's header and body as plain cells, or a plain
 * sentence saying why it cannot be read. Read-only: the bytes are read once into memory, the
 * package's structure is read from its small parts (package-parts.ts), then only the sheets that
 * hold a table are streamed, row by row, through ExcelJS's streaming reader — a workbook is never
 * held as a cell model, which bounds memory at one workbook's bytes and the table cells kept.
 *
 * Before any of that, the first bytes say what the file is: an .xlsx is a ZIP package; a
 * password-protected workbook is not — Excel encrypts the whole package into an OLE compound file
 * (MS-OFFCRYPTO §2.3.4: streams EncryptionInfo and EncryptedPackage), the format of old .xls too.
 */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DefinedName } from './exceljs-gaps';
import { plainCell, type PlainCell } from './cell-value';
import { message, readParts, type SheetPart, type TablePart } from './package-parts';

export interface TableRead {
  readonly name: string;
  readonly sheet: string;
  /** Sheet row (1-based) of the header; the body starts on the next row. */
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly body: readonly (readonly PlainCell[])[];
}

export interface WorkbookRead {
  readonly names: readonly DefinedName[];
  readonly tables: readonly TableRead[];
}

export type Opened =
  | { readonly ok: true; readonly workbook: WorkbookRead }
  | { readonly ok: false; readonly reason: string };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');

/** What the first bytes say, when they say it is not an .xlsx. */
export function sniff(bytes: Buffer): string | null {
  if (bytes.length === 0) return 'the file is empty (0 bytes)';
  if (bytes.subarray(0, 8).equals(OLE)) {
    return bytes.includes(ENCRYPTED_STREAM)
      ? 'password-protected: Excel encrypted the workbook, so it cannot be read without the password (save a copy without one to audit it)'
      : 'an OLE compound file (an Excel 97–2003 .xls or another Office file), not an .xlsx workbook: save it as .xlsx to audit it';
  }
  if (bytes.subarray(0, 4).equals(EMPTY_ZIP)) return 'an empty ZIP archive, not an .xlsx workbook';
  if (!bytes.subarray(0, 4).equals(ZIP)) {
    // Tab, line feed, carriage return and printable ASCII only: text, not binary.
    const printable = [...bytes.subarray(0, 64)].every(
      (b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127),
    );
    const what =
      bytes.subarray(0, 4).toString('latin1') === '%PDF'
        ? 'a PDF'
        : printable
          ? 'plain text (a CSV or another file renamed to .xlsx?)'
          : 'binary data of another kind';
    return `not an .xlsx workbook: the file is ${what}; an .xlsx file is a ZIP package`;
  }
  return null;
}

interface Area {
  readonly table: TablePart;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly rows: PlainCell[][];
}

const decode = (a1: string): { row: number; col: number } | null => {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
};

function areaOf(table: TablePart): Area | null {
  const [from, to] = table.ref.split(':');
  const a = decode(from ?? '');
  const b = decode(to ?? from ?? '');
  if (!a || !b) return null;
  const rows = Array.from({ length: b.row - a.row + 1 }, () =>
    Array.from<PlainCell>({ length: b.col - a.col + 1 }).fill(''),
  );
  return { table, top: a.row, left: a.col, bottom: b.row, right: b.col, rows };
}

interface StreamedRow {
  readonly number: number;
  readonly values: readonly unknown[] | Record<number, unknown>;
}
interface StreamedSheet extends AsyncIterable<StreamedRow> {
  readonly name: string;
}

interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Iterable<unknown>;
}

/** Passes a part's bytes through, keeping its last ones: whether it ended where XML must end. */
async function* keepTail(
  chunks: AsyncIterable<Buffer>,
  done: (tail: string) => void,
): AsyncGenerator<Buffer> {
  let tail = Buffer.alloc(0);
  for await (const chunk of chunks) {
    tail = Buffer.concat([tail, chunk]).subarray(-64);
    yield chunk;
  }
  done(tail.toString('latin1'));
}

const WHOLE_SHEET = /<\/(?:\w+:)?worksheet>\s*$/;

/**
 * Streams the sheets that hold tables, filling each table's cells (missing cells stay ''). A sheet
 * the stream never reached, or one cut off mid-row (ExcelJS's XML reader takes that for a short
 * sheet, silently), is an error: rows would be missed without a word.
 */
async function streamCells(
  bytes: Buffer,
  sheets: readonly SheetPart[],
): Promise<Map<string, Area[]>> {
  const areas = new Map<string, Area[]>();
  const tails = new Map<string, string>();
  for (const s of sheets) {
    const list = s.tables.map(areaOf).filter((a): a is Area => a !== null);
    if (list.length > 0) areas.set(s.name, list);
  }
  if (areas.size === 0) return areas;
  // Styles are not read: a date stays the serial Excel stores, as Office.js's values give it.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  const plain = internals._parseWorksheet.bind(reader);
  internals._parseWorksheet = (iterator, sheetNo) =>
    plain(
      keepTail(iterator, (tail) => tails.set(`xl/worksheets/sheet${sheetNo}.xml`, tail)),
      sheetNo,
    );
  for await (const sheet of reader as unknown as AsyncIterable<StreamedSheet>) {
    const list = areas.get(sheet.name);
    for await (const row of sheet) {
      if (!list) continue; // the sheet is read to its end either way: the ZIP is one stream
      for (const a of list) {
        if (row.number < a.top || row.number > a.bottom) continue;
        const line = a.rows[row.number - a.top] as PlainCell[];
        const values = row.values as Record<number, unknown>;
        for (let c = a.left; c <= a.right; c++) line[c - a.left] = plainCell(values[c]);
      }
    }
  }
  for (const s of sheets) {
    if (!areas.has(s.name)) continue;
    const tail = tails.get(s.path);
    if (tail === undefined) throw new Cut(`sheet ${s.name} (${s.path}) could not be streamed`);
    if (!WHOLE_SHEET.test(tail))
      throw new Cut(
        `sheet ${s.name} is cut off (${s.path} ends before </worksheet>), so its rows cannot all be read`,
      );
  }
  return areas;
}

/** A sheet that could not be read whole: said as it is, after "corrupt: ". */
class Cut extends Error {}

export async function openWorkbook(path: string): Promise<Opened> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return {
      ok: false,
      reason: `cannot be opened (${(e as NodeJS.ErrnoException).code ?? message(e)})`,
    };
  }
  const odd = sniff(bytes);
  if (odd) return { ok: false, reason: odd };
  const read = await readParts(bytes);
  if (!read.ok) return read;
  let areas: Map<string, Area[]>;
  try {
    areas = await streamCells(bytes, read.parts.sheets);
  } catch (e) {
    if (e instanceof Cut) return { ok: false, reason: `corrupt: ${e.message}` };
    return { ok: false, reason: `corrupt or truncated: a sheet cannot be read (${message(e)})` };
  }
  const tables: TableRead[] = [];
  for (const [sheet, list] of areas)
    for (const a of list) {
      const headed = a.table.headerRow;
      tables.push({
        name: a.table.name,
        sheet,
        headerRow: headed ? a.top : a.top - 1,
        headers: headed ? (a.rows[0] ?? []).map((h) => String(h)) : [],
        body: headed ? a.rows.slice(1) : a.rows,
      });
    }
  return { ok: true, workbook: { names: read.parts.names, tables } };
}
