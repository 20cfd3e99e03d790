/**
 * Reading the workbook's state in one sync: per desk table its headers, size, Record IDs and,
 * when an operation needs them, the cells just below it (values and formulas, cell by cell: the
 * add-in decides "empty" from what the cells hold, never from a used range) and its body.
 *
 * Record IDs are read from the column the headers map to `recordId` (so "Record ID " with a
 * trailing space, or "record id", is still the Record ID column), not looked up by the literal
 * header: `TableColumnCollection.getItem` matches a name exactly. The column read first is the
 * one found last time (column id 1 in a table the add-in made); a moved column costs one more read.
 */
import { mapHeaders, TABLE_KEYS, type TableKey, TABLES } from '../../core';
import { SHEET_ROWS, type Box } from '../a1';
import { officeErrorCode } from '../office-errors';
import { textConstant, WORKBOOK_ID_NAME } from './marks';
import { VERSION_NAME, versionState } from './schema-version';
import { isEmptyCell, norm, type CellsRead, type Found, type Session, type State } from './session';

export interface ProbeOptions {
  /** Rows just below the table to read (values and formulas) before appending. */
  readonly below?: number;
  readonly body?: boolean;
}

interface Probe {
  readonly table: Excel.Table;
  readonly sheet: Excel.Worksheet;
  readonly header: Excel.Range;
  readonly range: Excel.Range;
  readonly lastBody: Excel.Range;
  readonly idColumn: Excel.TableColumn;
  readonly ids: Excel.Range;
  readonly below?: Excel.Range;
  readonly body?: Excel.Range;
}

/**
 * The `count` rows just below a range (as a range of the same width). Excel refuses a range past
 * row 1,048,576 (the whole request fails), so readState retries without it when a table is near
 * the bottom of the sheet.
 */
const rowsBelow = (r: Excel.Range, count: number): Excel.Range =>
  r
    .getLastRow()
    .getOffsetRange(1, 0)
    .getResizedRange(count - 1, 0);

function queueProbe(session: Session, key: TableKey, table: Excel.Table, o: ProbeOptions): Probe {
  table.load('id,name');
  const idColumn = table.columns.getItemOrNullObject(session.idColumn[key] ?? 1).load('name');
  return {
    table,
    sheet: table.worksheet.load('name,visibility'),
    header: table.getHeaderRowRange().load('values,rowIndex,columnIndex,columnCount'),
    range: table.getRange().load('address,rowCount'),
    // Only the last body row: Excel gives a new table one empty row, which the first append fills.
    lastBody: table.getDataBodyRange().getLastRow().load('values,formulas'),
    idColumn,
    ids: idColumn.getDataBodyRange().load('values'),
    ...(o.below ? { below: rowsBelow(table.getRange(), o.below).load('values,formulas') } : {}),
    ...(o.body ? { body: table.getDataBodyRange().load('values') } : {}),
  };
}

const idsOf = (values: readonly (readonly unknown[])[], j = 0): string[] =>
  values.map((row) => String(row[j] ?? '').trim());

/** The add-in's own leftovers this session knows of (WorkbookHealth.tidy). */
const tidyNotes = (session: Session): string[] => [
  ...[...session.seconds].map(
    (k) =>
      `a second ${TABLES[k].name} table, made when two panes created the desk tables at once, is merged into ${TABLES[k].name}`,
  ),
  ...(session.interrupted
    ? [
        'what an interrupted creation of the desk tables left (a sheet or an unnamed table) is removed',
      ]
    : []),
];

/** Rows at the end of a body read (values only) with nothing in any cell. */
function emptyRowsAtEnd(body: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (let i = body.length - 1; i >= 0 && (body[i] ?? []).every((v) => isEmptyCell(v, '')); i -= 1)
    n += 1;
  return n;
}

/** The state of one table from its probe; Record IDs still to read when the column moved. */
function resolveProbe(
  key: TableKey,
  p: Probe,
): { found: Found; idIndex: number; idsRead: boolean } {
  const headers = (p.header.values[0] ?? []).map((h) => String(h ?? ''));
  const { fields, missing, extra } = mapHeaders(key, headers);
  const rowCount = p.range.rowCount;
  const headerRow = p.header.rowIndex;
  const col = p.header.columnIndex;
  const idIndex = fields.indexOf('recordId');
  const idsRead =
    !p.idColumn.isNullObject && norm(p.idColumn.name) === norm(headers[idIndex] ?? '\u0000');
  const lastEmpty = (p.lastBody.values[0] ?? []).every((v, j) =>
    isEmptyCell(v, p.lastBody.formulas[0]?.[j]),
  );
  const bottom = headerRow + rowCount;
  const found: Found = {
    key,
    id: p.table.id,
    name: p.table.name,
    sheet: p.sheet.name,
    sheetVisible: p.sheet.visibility === 'Visible',
    address: p.range.address,
    headerRow,
    col,
    cols: p.header.columnCount,
    bodyRows: rowCount - 1,
    bodyEmpty: rowCount === 2 && lastEmpty,
    emptyTail: p.body && lastEmpty ? emptyRowsAtEnd(p.body.values) : lastEmpty ? 1 : 0,
    fields,
    missingRequired: missing.filter((c) => c.required),
    missingOptional: missing.filter((c) => !c.required),
    extra,
    recordIds: idsRead ? idsOf(p.ids.values) : [],
    ...(p.below
      ? {
          below: {
            row: bottom,
            col,
            values: p.below.values,
            formulas: p.below.formulas,
            room: SHEET_ROWS - bottom,
          },
        }
      : {}),
    ...(p.body ? { body: p.body.values } : {}),
  };
  return { found, idIndex, idsRead };
}

/** Queues a read of a box's values and formulas. */
export function queueCells(ctx: Excel.RequestContext, f: Found, box: Box): Excel.Range {
  return ctx.workbook.tables
    .getItem(f.id)
    .worksheet.getRangeByIndexes(box.row, box.col, box.rows, box.cols)
    .load('values,formulas');
}

export const cellsOf = (box: Box, r: Excel.Range): CellsRead => ({
  row: box.row,
  col: box.col,
  values: r.values,
  formulas: r.formulas,
});

interface Queued {
  readonly key: TableKey;
  readonly o: ProbeOptions;
  readonly byId: Probe | null;
  /** Full probe when no id is known; else only its id, to notice a second table of the name. */
  readonly byName: Probe | Excel.Table;
}

function queueAll(
  session: Session,
  ctx: Excel.RequestContext,
  options: Partial<Record<TableKey, ProbeOptions>>,
): Queued[] {
  return TABLE_KEYS.map((key) => {
    const o = options[key] ?? {};
    const id = session.knownIds[key];
    const byName = ctx.workbook.tables.getItemOrNullObject(TABLES[key].name);
    return {
      key,
      o,
      byId: id ? queueProbe(session, key, ctx.workbook.tables.getItemOrNullObject(id), o) : null,
      byName: id ? byName.load('id,name') : queueProbe(session, key, byName, o),
    };
  });
}

const tableOf = (p: Probe | Excel.Table): Excel.Table => ('header' in p ? p.table : p);

/**
 * The schema version and the desk tables, in one sync (more only when a table sits at the
 * bottom of the sheet, a Record ID column moved, or a second table took a desk name). `extra`
 * queues more loads into the first sync (ensureTables reads the sheets it may create or reuse).
 */
export async function readState(
  session: Session,
  ctx: Excel.RequestContext,
  options: Partial<Record<TableKey, ProbeOptions>>,
  extra?: () => void,
): Promise<State> {
  const { knownIds } = session;
  const queueNames = () => ({
    version: ctx.workbook.names.getItemOrNullObject(VERSION_NAME).load('formula'),
    workbookId: ctx.workbook.names.getItemOrNullObject(WORKBOOK_ID_NAME).load('formula'),
  });
  let names = queueNames();
  let probes = queueAll(session, ctx, options);
  extra?.();
  let edgeRetry = false;
  try {
    await ctx.sync();
  } catch (e) {
    // A table at the bottom of the sheet has no rows below: the relative range is past the grid.
    const anyBelow = Object.values(options).some((o) => (o?.below ?? 0) > 0);
    if (!anyBelow || officeErrorCode(e) !== 'InvalidArgument') throw e;
    const without = Object.fromEntries(
      Object.entries(options).map(([k, o]) => [k, { ...o, below: 0 }]),
    ) as Partial<Record<TableKey, ProbeOptions>>;
    names = queueNames();
    probes = queueAll(session, ctx, without);
    extra?.();
    await ctx.sync();
    edgeRetry = true;
  }
  // A desk name now on another table than the one followed by id: the name wins, so every pane
  // writes to the same table (two panes that created the tables at once, then merged).
  const late = probes
    .filter((p) => {
      const named = tableOf(p.byName);
      if (p.byId === null || named.isNullObject) return false;
      return p.byId.table.isNullObject || named.id !== p.byId.table.id;
    })
    .map((p) => ({
      ...p,
      byName: queueProbe(
        session,
        p.key,
        ctx.workbook.tables.getItem(tableOf(p.byName).id),
        edgeRetry ? { ...p.o, below: 0 } : p.o,
      ),
    }));
  if (late.length > 0) await ctx.sync();

  const tables: Partial<Record<TableKey, Found>> = {};
  const renamed: string[] = [];
  const pending: { key: TableKey; found: Found; idIndex: number; idsRead: boolean }[] = [];
  for (const probe of probes) {
    const { key } = probe;
    const lateOne = late.find((l) => l.key === key);
    const { byId, byName } = lateOne ?? probe;
    const p =
      'header' in byName && !byName.table.isNullObject
        ? byName
        : byId && !byId.table.isNullObject
          ? byId
          : null;
    if (!p) {
      delete knownIds[key];
      continue;
    }
    if (lateOne && byId && !byId.table.isNullObject) {
      session.seconds.add(key);
      renamed.push(
        `A second ${TABLES[key].name} table (${byId.table.name}) exists — two panes may have created the desk tables at once; the add-in writes to ${TABLES[key].name}, and creating the desk tables again merges the other one into it.`,
      );
    }
    pending.push({ key, ...resolveProbe(key, p) });
  }
  await completeReads(session, ctx, pending, options, edgeRetry);
  for (const { key, found } of pending) {
    knownIds[key] = found.id;
    tables[key] = found;
    if (found.name !== TABLES[key].name) {
      renamed.push(
        `${TABLES[key].name} was renamed to ${found.name}; the add-in follows it by its table id.`,
      );
    }
  }
  const id = names.workbookId.isNullObject ? null : textConstant(names.workbookId.formula);
  return {
    schema: versionState(names.version, Object.keys(tables).length > 0),
    tables,
    renamed,
    workbookId: id,
    workbookIdTaken: !names.workbookId.isNullObject && id === null,
    tidy: tidyNotes(session),
  };
}

/**
 * One more sync, only when needed: Record IDs of a column that moved, and the rows below a table
 * read by position after the relative read went past the bottom of the sheet.
 */
async function completeReads(
  session: Session,
  ctx: Excel.RequestContext,
  pending: { key: TableKey; found: Found; idIndex: number; idsRead: boolean }[],
  options: Partial<Record<TableKey, ProbeOptions>>,
  edgeRetry: boolean,
): Promise<void> {
  const jobs: (() => void)[] = [];
  for (const item of pending) {
    const f = item.found;
    const table = () => ctx.workbook.tables.getItem(f.id);
    if (!item.idsRead && item.idIndex >= 0 && f.bodyRows > 0) {
      const ids = table().getDataBodyRange().getColumn(item.idIndex).load('values');
      const columns = table().columns.load('items/id');
      jobs.push(() => {
        item.found = { ...item.found, recordIds: idsOf(ids.values) };
        const column = columns.items[item.idIndex];
        if (column) session.idColumn[item.key] = column.id;
      });
    }
    const want = options[item.key]?.below ?? 0;
    if (want > 0 && item.idIndex >= 0) queueTail(ctx, item, jobs);
    if (edgeRetry && want > 0) {
      const bottom = f.headerRow + f.bodyRows + 1;
      const room = SHEET_ROWS - bottom;
      const box: Box = { row: bottom, col: f.col, rows: Math.min(want, room), cols: f.cols };
      const cells = room > 0 ? queueCells(ctx, f, box) : null;
      jobs.push(() => {
        const read = cells ? cellsOf(box, cells) : { ...box, values: [], formulas: [] };
        item.found = { ...item.found, below: { ...read, room } };
      });
    }
  }
  if (jobs.length === 0) return;
  await ctx.sync();
  for (const job of jobs) job();
}

/**
 * More than one body row at the bottom without a Record ID (an append grew the table, then
 * failed before writing): which of them are entirely empty, read cell by cell. The common case
 * (the last row has a Record ID, or only the last row lacks one) needs no read: the first sync
 * read the last row.
 */
function queueTail(
  ctx: Excel.RequestContext,
  item: { found: Found; idsRead: boolean },
  jobs: (() => void)[],
): void {
  if (!item.idsRead) return; // ids still being read by position: the last row's read stands
  const f = item.found;
  let blank = 0;
  for (let i = f.recordIds.length - 1; i >= 0 && f.recordIds[i] === ''; i -= 1) blank += 1;
  if (blank <= 1) return;
  const box: Box = {
    row: f.headerRow + 1 + f.bodyRows - blank,
    col: f.col,
    rows: blank,
    cols: f.cols,
  };
  const cells = queueCells(ctx, f, box);
  jobs.push(() => {
    let tail = 0;
    for (let i = blank - 1; i >= 0; i -= 1) {
      const line = cells.values[i] ?? [];
      if (!line.every((v, j) => isEmptyCell(v, cells.formulas[i]?.[j]))) break;
      tail += 1;
    }
    item.found = { ...item.found, emptyTail: tail };
  });
}

/** Cells one extra read takes at most (about 3.6 MB of answer). */
const READ_CELLS_PER_SYNC = 600_000;

/**
 * The rows below each table that the first sync did not read (a huge import), read by position
 * in as few syncs as Excel's 5 MB answer allows. `want(key)` is how many rows the write needs.
 */
export async function readBelowRest(
  ctx: Excel.RequestContext,
  s: State,
  want: (key: TableKey) => number,
): Promise<State> {
  const rest = TABLE_KEYS.flatMap((key) => {
    const f = s.tables[key];
    const below = f?.below;
    if (!f || !below) return [];
    const rows = Math.min(want(key), below.room) - below.values.length;
    if (rows <= 0) return [];
    const box: Box = { row: below.row + below.values.length, col: f.col, rows, cols: f.cols };
    return [{ key, f, box }];
  });
  if (rest.length === 0) return s;
  const read = await readBoxes(ctx, rest);
  const tables = { ...s.tables };
  rest.forEach(({ key, f }, i) => {
    const below = f.below as NonNullable<Found['below']>;
    const more = read[i] as CellsRead;
    tables[key] = {
      ...f,
      below: {
        ...below,
        values: [...below.values, ...more.values],
        formulas: [...below.formulas, ...more.formulas],
      },
    };
  });
  return { ...s, tables };
}

/**
 * Reads boxes of cells (values and formulas) by position, packed into as few syncs as Excel's
 * 5 MB answer allows.
 */
export async function readBoxes(
  ctx: Excel.RequestContext,
  items: readonly { f: Found; box: Box }[],
): Promise<CellsRead[]> {
  const chunks: { item: number; box: Box }[] = [];
  items.forEach(({ box }, item) => {
    const step = Math.max(1, Math.floor(READ_CELLS_PER_SYNC / Math.max(1, box.cols)));
    for (let r = 0; r < box.rows; r += step)
      chunks.push({ item, box: { ...box, row: box.row + r, rows: Math.min(step, box.rows - r) } });
  });
  const got = items.map((x) => ({
    row: x.box.row,
    col: x.box.col,
    values: [] as unknown[][],
    formulas: [] as unknown[][],
  }));
  let i = 0;
  while (i < chunks.length) {
    let cells = 0;
    const queued: { item: number; r: Excel.Range }[] = [];
    while (i < chunks.length) {
      const c = chunks[i] as { item: number; box: Box };
      const n = c.box.rows * c.box.cols;
      if (queued.length > 0 && cells + n > READ_CELLS_PER_SYNC) break;
      queued.push({ item: c.item, r: queueCells(ctx, (items[c.item] as { f: Found }).f, c.box) });
      cells += n;
      i += 1;
    }
    await ctx.sync();
    for (const q of queued) {
      const g = got[q.item] as { values: unknown[][]; formulas: unknown[][] };
      g.values.push(...q.r.values);
      g.formulas.push(...q.r.formulas);
    }
  }
  return got;
}

/** Rows read below a second table: a duplicate sits at A1 of its own sheet, far from the bottom. */
const BELOW_A_DUPLICATE = 50;

/** One table read by id (a duplicate ensureTables merges), with its body and the rows below. */
export async function readTableById(
  session: Session,
  ctx: Excel.RequestContext,
  key: TableKey,
  id: string,
): Promise<Found> {
  // With the rows just below it: desk rows a lost resize left there belong to it too.
  const p = queueProbe(session, key, ctx.workbook.tables.getItem(id), {
    body: true,
    below: BELOW_A_DUPLICATE,
  });
  await ctx.sync();
  const { found, idIndex } = resolveProbe(key, p);
  const body = found.body ?? [];
  return { ...found, recordIds: idIndex >= 0 ? idsOf(body, idIndex) : [] };
}
