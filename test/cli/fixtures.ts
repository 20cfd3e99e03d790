/** Workbooks for the audit tests, each a situation a shared desk folder really holds. */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { REVIEW_KEYS, type RecordValues, type ReviewKey } from '../../src/core';
import { buildSampleReviews } from '../../src/core/sample';
import { buildTemplate } from '../../src/cli/template/build-template';
import { editXlsx } from './helpers';

export function sampleRows(): Record<ReviewKey, RecordValues[]> {
  const built = buildSampleReviews({ recordedBy: 'Analyst', newId: randomUUID });
  if (!built.ok) throw new Error(built.message);
  const rows = {} as Record<ReviewKey, RecordValues[]>;
  for (const key of REVIEW_KEYS) rows[key] = built.reviews.flatMap((r) => [...r[key]]);
  return rows;
}

export async function writeSample(path: string, rows = sampleRows()): Promise<void> {
  await buildTemplate(rows).xlsx.writeFile(path);
}

/** An OLE compound file as Excel writes a password-protected workbook: the header, then the directory naming EncryptedPackage. */
export function encryptedWorkbook(path: string): void {
  const bytes = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  bytes.writeUInt16LE(0x003e, 24); // minor version
  bytes.writeUInt16LE(0x0003, 26); // major version 3
  bytes.writeUInt16LE(0xfffe, 28); // little-endian
  bytes.writeUInt16LE(9, 30); // 512-byte sectors
  Buffer.from('EncryptionInfo', 'utf16le').copy(bytes, 1024);
  Buffer.from('EncryptedPackage', 'utf16le').copy(bytes, 1152);
  writeFileSync(path, bytes);
}

export interface DeskFolder {
  readonly ok: string;
  readonly copy: string;
  readonly truncated: string;
  readonly corrupt: string;
  readonly encrypted: string;
  readonly csv: string;
  readonly newer: string;
  readonly notes: string;
  readonly renamed: string;
  readonly invalid: string;
  readonly emptyFolder: string;
}

/** A shared folder of every kind of input, under `dir/desk` (and an empty folder beside it). */
export async function writeDeskFolder(dir: string): Promise<DeskFolder> {
  const desk = join(dir, 'desk');
  mkdirSync(join(desk, 'archive'), { recursive: true });
  const p = (name: string) => join(desk, name);
  const f: DeskFolder = {
    ok: p('alice.xlsx'),
    copy: p('archive/alice copy.xlsx'),
    truncated: p('truncated.xlsx'),
    corrupt: p('corrupt.xlsx'),
    encrypted: p('protected.xlsx'),
    csv: p('prices.xlsx'),
    newer: p('newer.xlsx'),
    notes: p('notes.xlsx'),
    renamed: p('renamed.xlsx'),
    invalid: p('invalid.xlsx'),
    emptyFolder: join(dir, 'empty'),
  };
  mkdirSync(f.emptyFolder);
  await writeSample(f.ok);
  copyFileSync(f.ok, f.copy);
  const bytes = readFileSync(f.ok);
  writeFileSync(f.truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  // A damaged part inside an intact ZIP: DeskTriggers' sheet cut off mid-row (a sync that stopped).
  await editXlsx(f.ok, f.corrupt, {
    'xl/worksheets/sheet3.xml': (x) => x.slice(0, Math.floor(x.length / 2)),
  });
  encryptedWorkbook(f.encrypted);
  writeFileSync(f.csv, 'Product,Price,Unit\nLa oxide,"3,600-4,000",yuan/mt\n');
  await writeSample(f.newer);
  await editXlsx(f.newer, f.newer, {
    'xl/workbook.xml': (x) =>
      x.replace(
        '<definedName name="DESK_SCHEMA_VERSION">3<',
        '<definedName name="DESK_SCHEMA_VERSION">4<',
      ),
  });
  const notes = new ExcelJS.Workbook();
  notes.addWorksheet('Notes').getCell('A1').value = 'Call the refiner';
  await notes.xlsx.writeFile(f.notes);
  await writeSample(f.renamed);
  await editXlsx(f.renamed, f.renamed, {
    'xl/sharedStrings.xml': (x) => x.replace('<t>Due date</t>', '<t>Due on</t>'),
    'xl/tables/table3.xml': (x) => x.replace('name="Due date"', 'name="Due on"'),
  });
  const rows = sampleRows();
  const [first, ...rest] = rows.triggers;
  rows.triggers = [{ ...(first as RecordValues), owner: '' }, ...rest];
  await writeSample(f.invalid, rows);
  return f;
}
