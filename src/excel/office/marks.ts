/**
 * What the add-in writes so it can later tell its own objects from a colleague's:
 *
 * - `DESK_SHEET`, a name scoped to each sheet the add-in creates (or takes over while empty),
 *   written as the first operation after the sheet is added, before any cell. Its text names the
 *   desk table, the attempt and whether the table was finished: `="DeskSnapshots|k3x9…|creating"`,
 *   then `…|created` as the last operation for that table. A sheet-scoped name travels with its
 *   sheet (rename, co-authoring merge) and is visible in Name Manager; worksheet custom
 *   properties (ExcelApi 1.12) would do too but the in-memory Excel does not model them.
 * - `DESK_WORKBOOK_ID`, a workbook-level text constant: the workbook's own id (receipts are kept
 *   per workbook).
 * - `DESK_SCHEMA_VERSION` (schema-version.ts).
 *
 * A table the add-in made is one on a marked sheet, at A1, with exactly the schema's headers.
 */
import { type TableKey, TABLES } from '../../core';

export const SHEET_MARK = 'DESK_SHEET';
export const WORKBOOK_ID_NAME = 'DESK_WORKBOOK_ID';
const MARK_COMMENT = 'Marks a sheet the Metals Desk Record add-in created (do not edit).';
const ID_COMMENT = 'This workbook’s id for the Metals Desk Record add-in (do not edit).';

export interface Mark {
  readonly table: string;
  readonly attempt: string;
  readonly created: boolean;
}

/**
 * A random UUID (the Web Crypto API; Office add-ins run in a browser). The in-memory Excel passes
 * its own deterministic source instead, so seeded runs replay exactly (Session.newId).
 */
export function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  const hex = () =>
    Math.floor(Math.random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return `${hex()}-${hex()}`;
}

/** A short id: enough to tell two attempts (or two panes) apart. */
export const attemptIdFrom = (id: string): string => id.replace(/[^\w]/g, '').slice(-8);

/** The mark's text for the sheet of table `name` (a desk table's, or DeskRatioHistory). */
export const markFormulaOf = (name: string, attempt: string, created: boolean): string =>
  `="${name}|${attempt}|${created ? 'created' : 'creating'}"`;
const markFormula = (key: TableKey, attempt: string, created: boolean): string =>
  markFormulaOf(TABLES[key].name, attempt, created);

/** Queues the mark on a sheet the add-in makes for a table other than the desk's four. */
export function queueMarkNamed(
  sheet: Excel.Worksheet,
  name: string,
  attempt: string,
): Excel.NamedItem {
  return sheet.names.add(SHEET_MARK, markFormulaOf(name, attempt, false), MARK_COMMENT);
}

/** A string constant formula `="…"` → its text; anything else → null. */
export function textConstant(formula: unknown): string | null {
  const m = /^="((?:[^"]|"")*)"$/.exec(String(formula ?? '').trim());
  return m ? (m[1] as string).replace(/""/g, '"') : null;
}

/** The mark a DESK_SHEET name carries, or null when the name is not the add-in's. */
export function readMark(formula: unknown): Mark | null {
  const text = textConstant(formula);
  const m = text === null ? null : /^(Desk\w+)\|([\w-]+)\|(creating|created)$/.exec(text);
  return m ? { table: m[1] as string, attempt: m[2] as string, created: m[3] === 'created' } : null;
}

/** Queues the mark on a sheet: the first thing written to a sheet the add-in creates. */
export function queueMark(sheet: Excel.Worksheet, key: TableKey, attempt: string): Excel.NamedItem {
  return sheet.names.add(SHEET_MARK, markFormula(key, attempt, false), MARK_COMMENT);
}

/** Queues "this table is finished" on its sheet's mark (the last operation for the table). */
export function queueMarkCreated(mark: Excel.NamedItem, key: TableKey, attempt: string): void {
  mark.formula = markFormula(key, attempt, true);
}

export function queueWorkbookId(ctx: Excel.RequestContext, id: string): void {
  ctx.workbook.names.add(WORKBOOK_ID_NAME, `="${id}"`, ID_COMMENT);
}
