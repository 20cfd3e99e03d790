/**
 * Creating the missing desk tables so that any interrupted attempt converges: what is there is
 * recognised first (the add-in's own leftovers adopted, a colleague's objects refused up front,
 * naming them), then one request creates the rest, ordered so that every prefix of it is again
 * recognisable:
 *
 *   workbook id, schema version  (fresh workbook only)
 *   per table: sheet added → DESK_SHEET mark → header format and text → first row's formats and
 *   validation → table added over the header → table renamed → mark says "created"
 *
 * What a retry finds after each prefix: an empty sheet of the desk's name (taken over, marked);
 * a marked sheet with nothing, or the add-in's headers, where the table goes (written again, the
 * table added); a marked sheet with an unnamed table of the schema's headers at A1 and an empty
 * body (renamed); the table under its name (done). Never a "DeskExposures (2)" sheet or a Table1.
 */
import {
  columnList,
  SCHEMA_VERSION,
  TABLE_KEYS,
  type TableKey,
  TABLES,
  TEXT_CELL_FORMAT,
  validationList,
} from '../../core';
import { formatAddress, type Box } from '../a1';
import {
  queueMark,
  queueMarkCreated,
  queueWorkbookId,
  SHEET_MARK,
  WORKBOOK_ID_NAME,
} from './marks';
import type { LeftoverSheet } from './leftovers';
import { cellList, occupiedCells, tableName } from './messages';
import { VERSION_NAME } from './schema-version';
import type { State } from './session';
import {
  areaAddress,
  isDeskShaped,
  type NameFound,
  type OtherTable,
  type Surroundings,
} from './surroundings';

/** How one missing table comes to be. */
export type TablePlan =
  | { readonly kind: 'add'; readonly key: TableKey } // no sheet of the name: add it
  | { readonly kind: 'reuse'; readonly key: TableKey } // an empty sheet of the name: mark it, use it
  | { readonly kind: 'rewrite'; readonly key: TableKey } // marked sheet, nothing or our headers at A1
  | { readonly kind: 'rename'; readonly key: TableKey; readonly table: OtherTable } // our unnamed table
  | { readonly kind: 'follow'; readonly key: TableKey; readonly table: OtherTable }; // renamed desk table

export interface CreationPlan {
  readonly tables: readonly TablePlan[];
  /** Empty tables (and their sheets) a second attempt or pane left beside a desk table. */
  readonly emptyDuplicates: readonly { key: TableKey; table: OtherTable }[];
  /** Duplicates holding rows (or with desk rows below them): merged by ensureTables (duplicates.ts). */
  readonly fullDuplicates: readonly { key: TableKey; table: OtherTable }[];
  /** Marked sheets a merge left empty, their desk table elsewhere (leftovers.ts): removed. */
  readonly emptySheets: readonly LeftoverSheet[];
  readonly stampVersion: boolean;
  readonly stampId: boolean;
}

const AGAIN = 'then create the desk tables again.';

function nameWhere(n: NameFound): string {
  return `${n.name} (${n.scope === null ? 'workbook scope' : `scoped to sheet ${n.scope}`}, refers to ${n.formula})`;
}

const headersOf = (key: TableKey): string[] => columnList(key).map((c) => c.header);

/** The area where `key`'s table goes holds nothing, or exactly the add-in's headers over an empty row. */
function areaIsOurs(key: TableKey, area: Surroundings['sheets'][TableKey]['area']): boolean {
  const want = headersOf(key);
  const header = area.values[0] ?? [];
  const headerOk =
    header.every((v, j) => isBlank(v, area.formulas[0]?.[j])) ||
    header.every((v, j) => String(v).trim().toLowerCase() === want[j]?.toLowerCase());
  const body = area.values[1] ?? [];
  return headerOk && body.every((v, j) => isBlank(v, area.formulas[1]?.[j]));
}

/** Nothing at all in the cell, as Excel's empty: unlike core's isMissing, a cell of spaces is someone's. */
const isBlank = (v: unknown, f: unknown): boolean =>
  (v === '' || v === null || v === undefined) && (f === '' || f === null || f === undefined);

const overlaps = (a: Box, b: Box): boolean =>
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.col < b.col + b.cols &&
  b.col < a.col + a.cols;

/** Everything in the way of what the add-in would create, each named with where it is. */
function conflicts(s: State, around: Surroundings, creating: readonly TableKey[]): string[] {
  const out: string[] = [];
  for (const key of creating) {
    const name = tableName(key);
    const n = around.workbookNames.get(name);
    if (n)
      out.push(
        `A defined name ${nameWhere(n)} is in the way: the add-in names its table ${name}. Rename or delete that name, ${AGAIN}`,
      );
    const sheet = around.sheets[key];
    if (sheet.localName)
      out.push(
        `A defined name ${nameWhere(sheet.localName)} is in the way: inside that sheet it would hide the add-in's table ${name}. Rename or delete that name, ${AGAIN}`,
      );
    if (sheet.foreignMark)
      out.push(
        `A defined name ${nameWhere(sheet.foreignMark)} is in the way: the add-in marks the sheets it creates with that name. Rename or delete that name, ${AGAIN}`,
      );
  }
  const writes = [
    ...(creating.length > 0 ? [SHEET_MARK] : []),
    ...(s.schema.kind === 'absent' ? [VERSION_NAME] : []),
    ...(s.workbookId === null ? [WORKBOOK_ID_NAME] : []),
  ];
  for (const own of writes) {
    const t = around.tablesNamed.get(own);
    if (t)
      out.push(
        `A table ${t.name} on sheet ${t.sheet} is in the way: the add-in keeps a defined name of that name. Rename that table, ${AGAIN}`,
      );
  }
  const version = around.workbookNames.get(VERSION_NAME);
  const unreadable = version && !/^=\s*\d+\s*$/.test(version.formula);
  if (unreadable && Object.keys(s.tables).length === 0)
    out.push(
      `A defined name ${nameWhere(version as NameFound)} is in the way: the add-in keeps the schema version in it. Rename or delete that name, ${AGAIN}`,
    );
  const id = around.workbookNames.get(WORKBOOK_ID_NAME);
  if (s.workbookIdTaken && id)
    out.push(
      `A defined name ${nameWhere(id)} is in the way: the add-in keeps the workbook's id in it. Rename or delete that name, ${AGAIN}`,
    );
  return out;
}

/** How each missing table comes to be, or what is in the way (a sheet's cells, a table). */
function planTable(
  key: TableKey,
  around: Surroundings,
  candidates: readonly OtherTable[],
): TablePlan | string {
  const sheet = around.sheets[key];
  const name = tableName(key);
  const mine = candidates[0];
  if (mine) {
    const unfinished = mine.bodyEmpty && mine.sheetMark !== null && !mine.sheetMark.created;
    return unfinished ? { kind: 'rename', key, table: mine } : { kind: 'follow', key, table: mine };
  }
  if (!sheet.exists) return { kind: 'add', key };
  const area: Box = { row: 0, col: 0, rows: 2, cols: columnList(key).length };
  const inArea = around.others.filter((t) => t.sheet === sheet.name && overlaps(t.box, area));
  if (inArea.length > 0) {
    const t = inArea[0] as OtherTable;
    return `A table ${t.name} (${formatAddress(t.sheet, t.box)}) is in the way: the add-in puts its table ${name} at ${areaAddress(sheet.name, key)}. Move or rename that table's sheet, ${AGAIN}`;
  }
  if (sheet.mark) {
    if (areaIsOurs(key, sheet.area)) return { kind: 'rewrite', key };
    const cells = occupiedCells({ row: 0, col: 0, ...sheet.area });
    return `The cells where the add-in puts its table ${name} on its sheet ${sheet.name} are not empty: ${cellList(sheet.name, cells)}. Move them, ${AGAIN}`;
  }
  if (sheet.used === null) return { kind: 'reuse', key };
  return `A sheet named ${sheet.name} already holds cells (${sheet.used}) and no desk table: the add-in creates its table ${name} on a sheet of that name. Rename that sheet (or move its cells to another sheet), ${AGAIN}`;
}

/**
 * The add-in's own tables among the others, by the table they are for: on a marked sheet (or the
 * sheet of the desk's name) at A1 with the schema's headers. The one on the desk-named sheet first.
 */
function ownTables(around: Surroundings): Record<TableKey, OtherTable[]> {
  const out = Object.fromEntries(TABLE_KEYS.map((k) => [k, []])) as unknown as Record<
    TableKey,
    OtherTable[]
  >;
  for (const t of around.others) {
    for (const key of TABLE_KEYS) {
      const onDeskSheet = t.sheet.toLowerCase() === tableName(key).toLowerCase();
      const marked = t.sheetMark?.table === tableName(key);
      if ((marked || onDeskSheet) && isDeskShaped(key, t)) out[key].push(t);
    }
  }
  for (const key of TABLE_KEYS)
    out[key].sort(
      (a, b) => Number(b.sheet === tableName(key)) - Number(a.sheet === tableName(key)),
    );
  return out;
}

/** Decides what to create, adopt, follow and remove — or why nothing may be written. */
export function planCreation(
  s: State,
  around: Surroundings,
  emptySheets: readonly LeftoverSheet[],
): CreationPlan | string[] {
  const own = ownTables(around);
  const problems: string[] = [];
  const tables: TablePlan[] = [];
  const emptyDuplicates: CreationPlan['emptyDuplicates'][number][] = [];
  const fullDuplicates: CreationPlan['fullDuplicates'][number][] = [];
  for (const key of TABLE_KEYS) {
    const extra = s.tables[key] ? own[key] : own[key].slice(1);
    if (!s.tables[key]) {
      const p = planTable(key, around, own[key]);
      if (typeof p === 'string') problems.push(p);
      else tables.push(p);
    }
    for (const table of extra) {
      if (!table.sheetMark) continue; // only what the add-in marked is ever removed
      const u = table.sheetUsed;
      const onlyTable =
        u === null ||
        (u.row >= table.box.row &&
          u.col >= table.box.col &&
          u.row + u.rows <= table.box.row + table.box.rows &&
          u.col + u.cols <= table.box.col + table.box.cols);
      // An empty one whose sheet holds more (desk rows a lost resize left below it) is merged
      // like one holding rows: duplicates.ts reads what is below it.
      if (!table.bodyEmpty || !onlyTable) fullDuplicates.push({ key, table });
      else emptyDuplicates.push({ key, table });
    }
  }
  const named = tables.filter((p) => p.kind !== 'follow').map((p) => p.key);
  problems.unshift(...conflicts(s, around, named));
  if (problems.length > 0) return problems;
  return {
    tables,
    emptyDuplicates,
    fullDuplicates,
    emptySheets,
    stampVersion: s.schema.kind === 'absent',
    stampId: s.workbookId === null && !s.workbookIdTaken,
  };
}

/** Queues one table's creation in the order whose every prefix a retry recognises. */
function queueTable(
  ctx: Excel.RequestContext,
  p: Exclude<TablePlan, { kind: 'follow' }>,
  around: Surroundings,
  attempt: string,
): Excel.Table {
  const key = p.key;
  const name = tableName(key);
  const cols = columnList(key);
  const sheet =
    p.kind === 'add'
      ? ctx.workbook.worksheets.add(name)
      : p.kind === 'rename'
        ? ctx.workbook.tables.getItem(p.table.id).worksheet
        : ctx.workbook.worksheets.getItem(name);
  const marked =
    p.kind === 'rename' ? p.table.sheetMark !== null : around.sheets[key].mark !== null;
  const mark = marked ? sheet.names.getItem(SHEET_MARK) : queueMark(sheet, key, attempt);
  const firstRow = () => {
    sheet.getRangeByIndexes(1, 0, 1, cols.length).numberFormat = [cols.map((c) => c.numberFormat)];
    cols.forEach((c, j) => {
      const list = validationList(c);
      if (list)
        sheet.getRangeByIndexes(1, j, 1, 1).dataValidation.rule = {
          list: { inCellDropDown: true, source: list },
        };
    });
  };
  let table: Excel.Table;
  if (p.kind === 'rename') {
    table = ctx.workbook.tables.getItem(p.table.id);
    firstRow();
  } else {
    const header = sheet.getRangeByIndexes(0, 0, 1, cols.length);
    header.numberFormat = [cols.map(() => TEXT_CELL_FORMAT)];
    header.values = [cols.map((c) => c.header)];
    firstRow();
    table = sheet.tables.add(header, true);
  }
  table.name = TABLES[key].name;
  queueMarkCreated(mark, key, attempt);
  return table.load('id,name');
}

export interface Queued {
  readonly created: { key: TableKey; table: Excel.Table; sheet: string; how: TablePlan['kind'] }[];
  readonly removed: string[];
}

/** Queues the whole creation request: names first, then each table, then empty duplicates. */
export function queueCreation(
  ctx: Excel.RequestContext,
  plan: CreationPlan,
  around: Surroundings,
  attempt: string,
  newId: () => string,
): Queued {
  if (plan.stampId) queueWorkbookId(ctx, newId());
  if (plan.stampVersion)
    ctx.workbook.names.add(
      VERSION_NAME,
      `=${SCHEMA_VERSION}`,
      'Metals Desk Record schema version (written by the add-in; do not edit).',
    );
  const created: Queued['created'] = [];
  for (const p of plan.tables) {
    if (p.kind === 'follow') continue;
    const sheet = p.kind === 'rename' ? p.table.sheet : around.sheets[p.key].name;
    created.push({ key: p.key, table: queueTable(ctx, p, around, attempt), sheet, how: p.kind });
  }
  const removed: string[] = [];
  for (const d of plan.emptyDuplicates) {
    // Only the table on its sheet: the sheet goes with it.
    ctx.workbook.tables.getItem(d.table.id).worksheet.delete();
    removed.push(`the empty sheet ${d.table.sheet} (table ${d.table.name})`);
  }
  for (const l of plan.emptySheets) {
    ctx.workbook.worksheets.getItem(l.sheet).delete();
    removed.push(`the empty sheet ${l.sheet} (made for a second ${l.table} table, since merged)`);
  }
  return { created, removed };
}
