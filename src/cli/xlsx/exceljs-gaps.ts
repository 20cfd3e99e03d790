/**
 * What ExcelJS 4.4.0 does not do and a desk record needs, filled in one place:
 *  - a table column's calculated formula (`<calculatedColumnFormula>`, ECMA-376 §18.5.1.1): ExcelJS
 *    writes `<tableColumn>` without it, so rows a colleague adds in Excel would get no Status now;
 *  - a defined name holding a constant (`DESK_SCHEMA_VERSION` = 3): ExcelJS models names as cell
 *    ranges only, dropping any other name on read and offering no way to write one.
 * Both are pinned by test/cli/template.test.ts (and the LibreOffice round trip): an ExcelJS that
 * changes them fails there first.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';

// ExcelJS's own table-column serialiser (no types are published for its internals).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TableColumnXform = require('exceljs/lib/xlsx/xform/table/table-column-xform') as {
  prototype: { render(xml: XmlStream, model: ColumnModel): boolean };
};

interface XmlStream {
  openNode(tag: string, attributes?: Record<string, unknown>): void;
  leafNode(tag: string, attributes?: Record<string, unknown>, text?: string): void;
  closeNode(): void;
}
interface ColumnModel {
  id: number;
  name: string;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  dxfId?: string;
  /** Ours: the formula (file form, no '=') every row of the column holds. */
  calculatedColumnFormula?: string;
}

let patched = false;
/** Teaches ExcelJS's table-column writer the calculated formula; a column without one is untouched. */
export function enableCalculatedColumns(): void {
  if (patched) return;
  patched = true;
  const plain = TableColumnXform.prototype.render;
  TableColumnXform.prototype.render = function render(xml, model) {
    if (!model.calculatedColumnFormula) return plain.call(this, xml, model);
    xml.openNode('tableColumn', {
      id: model.id.toString(),
      name: model.name,
      totalsRowLabel: model.totalsRowLabel,
      totalsRowFunction: model.totalsRowFunction,
      dxfId: model.dxfId,
    });
    xml.leafNode('calculatedColumnFormula', undefined, model.calculatedColumnFormula);
    xml.closeNode();
    return true;
  };
}

/** A workbook-level name and its formula as stored (constants too, without a leading '='). */
export interface DefinedName {
  readonly name: string;
  readonly formula: string;
  /** Set for a name scoped to one sheet (its index in the workbook). */
  readonly localSheetId?: number;
}

interface XlsxInternals {
  parseWorkbook(stream: Readable): Promise<unknown>;
  addWorkbook(zip: unknown, model: { definedNames?: unknown[] }): Promise<void>;
}

/** Writes these names beside ExcelJS's own when `workbook` is written (constants allowed). */
export function writeNames(workbook: ExcelJS.Workbook, names: readonly DefinedName[]): void {
  const xlsx = workbook.xlsx as unknown as XlsxInternals;
  const plain = xlsx.addWorkbook.bind(xlsx);
  xlsx.addWorkbook = (zip, model) =>
    plain(zip, {
      ...model,
      definedNames: [
        ...(model.definedNames ?? []),
        ...names.map((n) => ({ name: n.name, ranges: [n.formula] })),
      ],
    });
}

/** What `captureNames` saw: filled while the workbook loads. */
export interface CapturedNames {
  readonly found: DefinedName[];
  /** Whether the package had an xl/workbook.xml at all. */
  parsed: boolean;
}

/**
 * Collects every `<definedName>` of xl/workbook.xml while `workbook` loads (the part is read once,
 * as text, then handed on to ExcelJS's own parser).
 */
export function captureNames(workbook: ExcelJS.Workbook): CapturedNames {
  const captured: CapturedNames = { found: [], parsed: false };
  const xlsx = workbook.xlsx as unknown as XlsxInternals;
  const plain = xlsx.parseWorkbook.bind(xlsx);
  xlsx.parseWorkbook = async (stream) => {
    const chunks: string[] = [];
    for await (const chunk of stream) chunks.push(String(chunk));
    const xml = chunks.join('');
    captured.parsed = true;
    captured.found.push(...definedNamesOf(xml));
    return plain(Readable.from([xml], { objectMode: true }));
  };
  return captured;
}

// A <definedName> holds text only (ECMA-376 §18.2.5); workbook.xml is a few KB. Linear patterns:
// each unbounded run is followed by a character it cannot match.
const DEFINED_NAME = /<definedName\b([^>]*)>([^<]*)<\/definedName>/g;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};
const unescapeXml = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITIES[e] ?? '');

export function definedNamesOf(xml: string): DefinedName[] {
  const out: DefinedName[] = [];
  for (const m of xml.matchAll(DEFINED_NAME)) {
    const attrs = m[1] ?? '';
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    if (name === undefined) continue;
    const local = /\blocalSheetId="(\d+)"/.exec(attrs)?.[1];
    out.push({
      name: unescapeXml(name),
      formula: unescapeXml(m[2] ?? ''),
      ...(local !== undefined ? { localSheetId: Number(local) } : {}),
    });
  }
  return out;
}
