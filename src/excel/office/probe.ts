/**
 * Reading the workbook's state in one sync: per desk table its headers, size, Record IDs and,
 * when an operation needs them, the cells below or right of it and its body.
 */
import { TABLES, TABLE_KEYS, columnList } from '../../core/record/schema';
import type { TableKey } from '../../core/record/table-def';
import { VERSION_NAME, versionState } from './schema-version';
import { norm, type Col, type Found, type Session, type State } from './session';

export interface ProbeOptions {
  /** Rows below the table to check before appending. */
  readonly below?: number;
  /** Columns right of the table to check before adding columns. */
  readonly right?: number;
  readonly body?: boolean;
}

interface Probe {
  readonly table: Excel.Table;
  readonly sheet: Excel.Worksheet;
  readonly header: Excel.Range;
  readonly range: Excel.Range;
  readonly bodyUsed: Excel.Range;
  readonly ids: Excel.Range;
  readonly belowUsed?: Excel.Range;
  readonly belowIds?: Excel.Range;
  readonly rightUsed?: Excel.Range;
  readonly body?: Excel.Range;
}

/** The `count` rows just below a range (as a range of the same width). */
const rowsBelow = (r: Excel.Range, count: number): Excel.Range =>
  r
    .getLastRow()
    .getOffsetRange(1, 0)
    .getResizedRange(count - 1, 0);

function queueProbe(table: Excel.Table, o: ProbeOptions): Probe {
  table.load('id,name');
  const idColumn = table.columns.getItemOrNullObject('Record ID');
  return {
    table,
    sheet: table.worksheet.load('name,visibility'),
    header: table.getHeaderRowRange().load('values,rowIndex,columnIndex,columnCount'),
    range: table.getRange().load('address,rowCount'),
    // Only the last body row: Excel gives a new table one empty row, which the first append fills.
    bodyUsed: table.getDataBodyRange().getLastRow().getUsedRangeOrNullObject(true).load('rowIndex'),
    ids: idColumn.getDataBodyRange().load('values'),
    ...(o.below
      ? {
          belowUsed: rowsBelow(table.getRange(), o.below)
            .getUsedRangeOrNullObject(true)
            .load('rowIndex,rowCount'),
          belowIds: rowsBelow(idColumn.getRange(), o.below).load('values'),
        }
      : {}),
    ...(o.right
      ? {
          rightUsed: table
            .getRange()
            .getLastColumn()
            .getOffsetRange(0, 1)
            .getResizedRange(0, o.right - 1)
            .getUsedRangeOrNullObject(true)
            .load('columnIndex'),
        }
      : {}),
    ...(o.body ? { body: table.getDataBodyRange().load('values') } : {}),
  };
}

const idsOf = (r: Excel.Range): string[] =>
  r.isNullObject ? [] : r.values.map((row) => String(row[0] ?? '').trim());

function resolveProbe(key: TableKey, p: Probe): Found {
  const headers = (p.header.values[0] ?? []).map((h) => String(h ?? ''));
  const byHeader = new Map(headers.map((h, i) => [norm(h), i]));
  const cols = columnList(key) as readonly Col[];
  const fields: (string | null)[] = headers.map(() => null);
  const missing: Col[] = [];
  for (const c of cols) {
    const i = byHeader.get(norm(c.header));
    if (i === undefined) missing.push(c);
    else fields[i] = c.field;
  }
  const known = new Set(cols.map((c) => norm(c.header)));
  const rowCount = p.range.rowCount;
  return {
    key,
    id: p.table.id,
    name: p.table.name,
    sheet: p.sheet.name,
    sheetVisible: p.sheet.visibility === 'Visible',
    address: p.range.address,
    headerRow: p.header.rowIndex,
    col: p.header.columnIndex,
    cols: p.header.columnCount,
    bodyRows: rowCount - 1,
    bodyEmpty: rowCount === 2 && p.bodyUsed.isNullObject,
    fields,
    missingRequired: missing.filter((c) => c.required),
    missingOptional: missing.filter((c) => !c.required),
    extra: headers.filter((h) => !known.has(norm(h))),
    recordIds: idsOf(p.ids),
    ...(p.belowUsed && p.belowIds
      ? {
          below: {
            used: p.belowUsed.isNullObject
              ? null
              : { row: p.belowUsed.rowIndex, rows: p.belowUsed.rowCount },
            ids: idsOf(p.belowIds),
          },
        }
      : {}),
    ...(p.rightUsed
      ? { rightUsedCol: p.rightUsed.isNullObject ? null : p.rightUsed.columnIndex }
      : {}),
    ...(p.body ? { body: p.body.values } : {}),
  };
}

/**
 * The schema version and the desk tables, in one sync. `extra` queues more loads into the same
 * sync (ensureTables reads the sheets it may reuse).
 */
export async function readState(
  session: Session,
  ctx: Excel.RequestContext,
  options: Partial<Record<TableKey, ProbeOptions>>,
  extra?: () => void,
): Promise<State> {
  const { knownIds } = session;
  const version = ctx.workbook.names.getItemOrNullObject(VERSION_NAME).load('formula');
  // A table seen before is probed by id (it survives a rename); by name only lightly, in case
  // the id is gone. A new table under the old name then costs one more read, once.
  const probes = TABLE_KEYS.map((key) => {
    const o = options[key] ?? {};
    const id = knownIds[key];
    const byName = ctx.workbook.tables.getItemOrNullObject(TABLES[key].name);
    return {
      key,
      o,
      byId: id ? queueProbe(ctx.workbook.tables.getItemOrNullObject(id), o) : null,
      byName: id ? byName.load('id,name') : queueProbe(byName, o),
    };
  });
  extra?.();
  await ctx.sync();
  const late = probes
    .filter(
      (p) =>
        p.byId !== null && p.byId.table.isNullObject && !(p.byName as Excel.Table).isNullObject,
    )
    .map((p) => ({
      ...p,
      byId: null,
      byName: queueProbe(ctx.workbook.tables.getItem((p.byName as Excel.Table).id), p.o),
    }));
  if (late.length > 0) await ctx.sync();
  const tables: Partial<Record<TableKey, Found>> = {};
  const renamed: string[] = [];
  for (const probe of probes) {
    const { key } = probe;
    const { byId, byName } = late.find((l) => l.key === key) ?? probe;
    const p =
      byId && !byId.table.isNullObject
        ? byId
        : 'header' in byName && !byName.table.isNullObject
          ? byName
          : null;
    if (!p) {
      delete knownIds[key];
      continue;
    }
    const found = resolveProbe(key, p);
    knownIds[key] = found.id;
    tables[key] = found;
    if (found.name !== TABLES[key].name) {
      renamed.push(
        `${TABLES[key].name} was renamed to ${found.name}; the add-in follows it by its table id.`,
      );
    }
  }
  return { schema: versionState(version, Object.keys(tables).length > 0), tables, renamed };
}
