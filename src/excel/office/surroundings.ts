/**
 * What ensureTables reads around the desk tables before creating any: every name the add-in
 * would create (as a workbook name, a name scoped to the sheet it uses, a table), the sheets of
 * the desk's names (their mark, tables, used range and the cells where a table goes), and every
 * other table of the workbook (a second sync, only when there are any): where it is, its
 * headers, whether its body is empty, and its sheet's mark — to recognise what an interrupted
 * attempt or a second pane left.
 */
import { columnList, TABLE_KEYS, type TableKey, TABLES } from '../../core';
import { formatAddress, type Box } from '../a1';
import { readMark, SHEET_MARK, WORKBOOK_ID_NAME, type Mark } from './marks';
import { VERSION_NAME } from './schema-version';
import { isEmptyCell, type State } from './session';

/** A defined name found where the add-in needs one: its scope and what it refers to. */
export interface NameFound {
  readonly name: string;
  /** null: workbook scope; else the sheet it is scoped to. */
  readonly scope: string | null;
  readonly formula: string;
}

export interface DeskSheet {
  readonly key: TableKey;
  readonly name: string;
  readonly exists: boolean;
  /** Its DESK_SHEET name, when the add-in's; `foreignMark` when a DESK_SHEET name is someone else's. */
  readonly mark: Mark | null;
  readonly foreignMark: NameFound | null;
  /** A name of the table's own name scoped to this sheet. */
  readonly localName: NameFound | null;
  /** The used range (values), or null when the sheet holds no value. */
  readonly used: string | null;
  /** The two rows where the table goes (A1, header and first body row), as values and formulas. */
  readonly area: {
    values: readonly (readonly unknown[])[];
    formulas: readonly (readonly unknown[])[];
  };
}

/** A table that is not one of the desk tables as found: a colleague's, or the add-in's leftover. */
export interface OtherTable {
  readonly id: string;
  readonly name: string;
  readonly sheet: string;
  readonly sheetMark: Mark | null;
  /** The sheet's used range (values) as a box; null when empty. */
  readonly sheetUsed: Box | null;
  readonly box: Box;
  readonly headers: readonly string[];
  readonly bodyEmpty: boolean;
}

export interface Surroundings {
  readonly sheets: Readonly<Record<TableKey, DeskSheet>>;
  /** Workbook names and tables in the way of a name the add-in creates, by that name. */
  readonly workbookNames: ReadonlyMap<string, NameFound>;
  readonly tablesNamed: ReadonlyMap<string, { name: string; sheet: string }>;
  readonly versionFormula: string | null;
  readonly others: readonly OtherTable[];
}

const width = (key: TableKey): number => columnList(key).length;

/** The workbook-level names the add-in writes, besides its table names. */
const OWN_NAMES = [VERSION_NAME, WORKBOOK_ID_NAME, SHEET_MARK] as const;

interface SheetLoads {
  readonly sheet: Excel.Worksheet;
  readonly mark: Excel.NamedItem;
  readonly local: Excel.NamedItem;
  readonly used: Excel.Range;
  readonly area: Excel.Range;
}

/** Queues the first sync's loads (inside readState's sync); returns how to read them after. */
export function queueSurroundings(ctx: Excel.RequestContext): {
  read(s: State): Promise<Surroundings>;
} {
  const wb = ctx.workbook;
  const sheets = Object.fromEntries(
    TABLE_KEYS.map((key) => {
      const name = TABLES[key].name;
      const sheet = wb.worksheets.getItemOrNullObject(name).load('name');
      return [
        key,
        {
          sheet,
          mark: sheet.names.getItemOrNullObject(SHEET_MARK).load('formula'),
          local: sheet.names.getItemOrNullObject(name).load('formula'),
          used: sheet.getUsedRangeOrNullObject(true).load('address'),
          area: sheet.getRangeByIndexes(0, 0, 2, width(key)).load('values,formulas'),
        } satisfies SheetLoads,
      ];
    }),
  ) as Record<TableKey, SheetLoads>;
  const wanted = [...TABLE_KEYS.map((k) => TABLES[k].name), ...OWN_NAMES];
  const names = wanted.map((n) => wb.names.getItemOrNullObject(n).load('name,formula'));
  const tablesNamed = OWN_NAMES.map((n) => {
    const t = wb.tables.getItemOrNullObject(n).load('name');
    return { t, sheet: t.worksheet.load('name') };
  });
  const all = wb.tables.load('items/id,items/name');

  return {
    async read(s: State): Promise<Surroundings> {
      const workbookNames = new Map<string, NameFound>();
      names.forEach((n, i) => {
        if (!n.isNullObject)
          workbookNames.set(wanted[i] as string, { name: n.name, scope: null, formula: n.formula });
      });
      const taken = new Map<string, { name: string; sheet: string }>();
      tablesNamed.forEach(({ t, sheet }, i) => {
        if (!t.isNullObject) taken.set(OWN_NAMES[i] as string, { name: t.name, sheet: sheet.name });
      });
      const desk = Object.fromEntries(
        TABLE_KEYS.map((key) => [key, deskSheet(key, sheets[key])]),
      ) as Record<TableKey, DeskSheet>;
      const known = new Set(TABLE_KEYS.flatMap((k) => (s.tables[k] ? [s.tables[k]?.id] : [])));
      const others = await readOthers(
        ctx,
        all.items.filter((t) => !known.has(t.id)).map((t) => t.id),
      );
      const version = workbookNames.get(VERSION_NAME);
      return {
        sheets: desk,
        workbookNames,
        tablesNamed: taken,
        versionFormula: version ? version.formula : null,
        others,
      };
    },
  };
}

function deskSheet(key: TableKey, l: SheetLoads): DeskSheet {
  const name = TABLES[key].name;
  if (l.sheet.isNullObject)
    return {
      key,
      name,
      exists: false,
      mark: null,
      foreignMark: null,
      localName: null,
      used: null,
      area: { values: [], formulas: [] },
    };
  const markFormula = l.mark.isNullObject ? null : l.mark.formula;
  const mark = markFormula === null ? null : readMark(markFormula);
  return {
    key,
    name: l.sheet.name,
    exists: true,
    mark,
    foreignMark:
      markFormula !== null && mark === null
        ? { name: SHEET_MARK, scope: l.sheet.name, formula: markFormula }
        : null,
    localName: l.local.isNullObject
      ? null
      : { name, scope: l.sheet.name, formula: l.local.formula },
    used: l.used.isNullObject ? null : l.used.address,
    area: { values: l.area.values, formulas: l.area.formulas },
  };
}

/** The second sync: where each other table is, its headers and its sheet's mark. */
async function readOthers(
  ctx: Excel.RequestContext,
  ids: readonly string[],
): Promise<OtherTable[]> {
  if (ids.length === 0) return [];
  const loads = ids.map((id) => {
    const table = ctx.workbook.tables.getItem(id).load('id,name');
    const sheet = table.worksheet.load('name');
    return {
      table,
      sheet,
      mark: sheet.names.getItemOrNullObject(SHEET_MARK).load('formula'),
      used: sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
      header: table.getHeaderRowRange().load('values,rowIndex,columnIndex,columnCount'),
      range: table.getRange().load('rowCount'),
      last: table.getDataBodyRange().getLastRow().load('values,formulas'),
    };
  });
  await ctx.sync();
  return loads.map((l) => ({
    id: l.table.id,
    name: l.table.name,
    sheet: l.sheet.name,
    sheetMark: l.mark.isNullObject ? null : readMark(l.mark.formula),
    sheetUsed: l.used.isNullObject
      ? null
      : {
          row: l.used.rowIndex,
          col: l.used.columnIndex,
          rows: l.used.rowCount,
          cols: l.used.columnCount,
        },
    box: {
      row: l.header.rowIndex,
      col: l.header.columnIndex,
      rows: l.range.rowCount,
      cols: l.header.columnCount,
    },
    headers: (l.header.values[0] ?? []).map((h) => String(h ?? '')),
    bodyEmpty:
      l.range.rowCount === 2 &&
      (l.last.values[0] ?? []).every((v, j) => isEmptyCell(v, l.last.formulas[0]?.[j])),
  }));
}

/** Whether a table is where and what the add-in makes for `key`: at A1, the schema's headers. */
export function isDeskShaped(key: TableKey, t: { box: Box; headers: readonly string[] }): boolean {
  const want = columnList(key).map((c) => c.header.toLowerCase());
  return (
    t.box.row === 0 &&
    t.box.col === 0 &&
    t.headers.length === want.length &&
    t.headers.every((h, i) => h.trim().toLowerCase() === want[i])
  );
}

export const areaAddress = (sheet: string, key: TableKey): string =>
  formatAddress(sheet, { row: 0, col: 0, rows: 2, cols: width(key) });
