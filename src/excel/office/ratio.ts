/**
 * "Insert into workbook" from the ratio view: the DeskRatioHistory table (columns from
 * core/record/ratio-table.ts, Ratio a live DESK.RATIO over the row) on its own marked sheet, and a
 * line chart over Date/Ratio with the history's title. A later insert rewrites the same table —
 * grown or shrunk to the new history — and re-points the same chart; never a second of either.
 * The table is the add-in's output: its six columns are rewritten; a user's own column added to
 * it is never written, and its cells stay where they are. A colleague's cell where the table would
 * grow, a sheet of that name holding someone's cells, or a table or name of that name elsewhere
 * is refused, named, with nothing written.
 *
 *   read (1 sync), the cells the table would take (1 sync), write + read-back (1 sync)
 *
 * The creation request is ordered so that a retry recognises every prefix of it: sheet added →
 * mark ("creating") → header → table over header and body → table named → body → chart added
 * and named → mark "created". A marked sheet with only the add-in's headers is written again; an
 * unnamed table there with the schema's headers at A1 is named; while the mark still says
 * "creating", a chart there still named "Chart N" is the interrupted attempt's and is taken over.
 */
import {
  RATIO_CHART,
  RATIO_COLUMNS,
  RATIO_SHEET,
  RATIO_TABLE,
  ratioColumn,
  ratioHeaders,
  ratioTableCells,
  TEXT_CELL_FORMAT,
  type RatioHistory,
} from '../../core';
import { formatAddress, type Box } from '../a1';
import type { WriteOutcome } from '../workbook';
import { attemptIdFrom, markFormulaOf, queueMarkNamed, readMark, SHEET_MARK } from './marks';
import { cellList, occupiedCells, plural } from './messages';
import { attempt, failure, officeFailure, type Failure } from './outcome';
import type { Session } from './session';

const COLS = RATIO_COLUMNS.length;
const AGAIN = 'then insert the ratio history again.';
const CHART_LEFTOVER = /^Chart \d+$/;

type MarkState = 'creating' | 'created' | 'foreign' | null;

/** What the first read found. */
interface Found {
  /** The table of the name, where it is, its sheet's mark and charts (null: none). */
  readonly table: {
    readonly sheet: string;
    readonly box: Box;
    readonly headers: readonly string[];
    readonly mark: MarkState;
    readonly charts: readonly string[];
  } | null;
  /** The sheet of the name (null: none). */
  readonly sheet: {
    readonly mark: MarkState;
    readonly used: boolean;
    /** Tables on it other than DeskRatioHistory. */
    readonly otherTables: readonly string[];
    readonly charts: readonly string[];
  } | null;
  /** A workbook-level name spelled like the table (its formula), which the table would clash with. */
  readonly nameTaken: string | null;
}

const sameHeaders = (got: readonly unknown[]): boolean =>
  ratioHeaders().every(
    (h, j) =>
      String(got[j] ?? '')
        .trim()
        .toLowerCase() === h.toLowerCase(),
  );

async function readFound(ctx: Excel.RequestContext): Promise<Found> {
  const wb = ctx.workbook;
  const table = wb.tables.getItemOrNullObject(RATIO_TABLE).load('name');
  const tRange = table.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
  const tHeader = table.getHeaderRowRange().load('values');
  const tSheet = table.worksheet.load('name');
  const tMark = table.worksheet.names.getItemOrNullObject(SHEET_MARK).load('formula');
  const tCharts = table.worksheet.charts.load('items/name');
  const sheet = wb.worksheets.getItemOrNullObject(RATIO_SHEET).load('name');
  const mark = sheet.names.getItemOrNullObject(SHEET_MARK).load('formula');
  const used = sheet.getUsedRangeOrNullObject().load('address');
  const tables = sheet.tables.load('items/name,items/id');
  const charts = sheet.charts.load('items/name');
  const name = wb.names.getItemOrNullObject(RATIO_TABLE).load('formula');
  await ctx.sync();
  const markOf = (m: Excel.NamedItem): MarkState => {
    if (m.isNullObject) return null;
    const r = readMark(m.formula);
    return r && r.table === RATIO_TABLE ? (r.created ? 'created' : 'creating') : 'foreign';
  };
  return {
    table: table.isNullObject
      ? null
      : {
          sheet: tSheet.name,
          box: {
            row: tRange.rowIndex,
            col: tRange.columnIndex,
            rows: tRange.rowCount,
            cols: tRange.columnCount,
          },
          headers: (tHeader.values[0] ?? []).map(String),
          mark: markOf(tMark),
          charts: tCharts.items.map((c) => c.name),
        },
    sheet: sheet.isNullObject
      ? null
      : {
          mark: markOf(mark),
          used: !used.isNullObject,
          otherTables: tables.items.filter((t) => t.name !== RATIO_TABLE).map((t) => t.id),
          charts: charts.items.map((c) => c.name),
        },
    nameTaken: name.isNullObject ? null : name.formula,
  };
}

/** The plan: update the table where it is, or create it (on a new, empty or marked sheet). */
type Plan =
  | {
      readonly kind: 'update';
      readonly sheet: string;
      readonly box: Box;
      /** The chart to re-point (the add-in's, or an interrupted attempt's "Chart N"), or 'add'. */
      readonly chart: 'add' | string;
      /** The sheet's mark still says "creating": this write finishes it. */
      readonly finish: boolean;
    }
  | {
      readonly kind: 'create';
      readonly sheet: 'add' | 'reuse' | 'marked';
      /** A table an interrupted attempt added and did not name yet (checked at A1 before use). */
      readonly unnamed: string | null;
      readonly chart: 'add' | string;
    };

/** The add-in's chart on the sheet, or, after an interrupted attempt, its still unnamed one. */
function chartToUse(charts: readonly string[], interrupted: boolean): 'add' | string {
  if (charts.includes(RATIO_CHART)) return RATIO_CHART;
  const leftover = interrupted ? charts.find((c) => CHART_LEFTOVER.test(c)) : undefined;
  return leftover ?? 'add';
}

function plan(f: Found): Plan | Failure {
  const refuse = (text: string) => failure('name-taken', `Nothing written: ${text}`);
  if (f.nameTaken !== null)
    return refuse(
      `a defined name ${RATIO_TABLE} (refers to ${f.nameTaken}) is in the way: the add-in names its table ${RATIO_TABLE}. Rename or delete that name, ${AGAIN}`,
    );
  if (f.table) {
    const t = f.table;
    const where = formatAddress(t.sheet, t.box);
    const ours = t.mark === 'created' || t.mark === 'creating';
    if (!ours)
      return refuse(
        `a table ${RATIO_TABLE} (${where}) that the add-in did not make is in the way: the add-in keeps its ratio history under that name. Rename that table, ${AGAIN}`,
      );
    if (t.box.cols < COLS || !sameHeaders(t.headers))
      return failure(
        'drift',
        `Nothing written: ${RATIO_TABLE} (${where}) no longer has the add-in's headers (${ratioHeaders().join(', ')}); rename them back, or delete the table, ${AGAIN}`,
      );
    const interrupted = t.mark === 'creating';
    return {
      kind: 'update',
      sheet: t.sheet,
      box: t.box,
      chart: chartToUse(t.charts, interrupted),
      finish: interrupted,
    };
  }
  const s = f.sheet;
  if (!s) return { kind: 'create', sheet: 'add', unnamed: null, chart: 'add' };
  if (s.mark === 'foreign' || (s.mark === null && s.used))
    return refuse(
      `a sheet named ${RATIO_SHEET} already holds cells and no ratio history of the add-in's: the add-in puts its table ${RATIO_TABLE} on a sheet of that name. Rename that sheet, ${AGAIN}`,
    );
  const interrupted = s.mark === 'creating';
  return {
    kind: 'create',
    sheet: s.mark === null ? 'reuse' : 'marked',
    unnamed: interrupted ? (s.otherTables[0] ?? null) : null,
    chart: chartToUse(s.charts, interrupted),
  };
}

const readCells = (ctx: Excel.RequestContext, sheet: string, box: Box): Excel.Range =>
  ctx.workbook.worksheets
    .getItem(sheet)
    .getRangeByIndexes(box.row, box.col, box.rows, box.cols)
    .load('values,formulas');

const occupiedOf = (box: Box, r: Excel.Range) =>
  occupiedCells({ row: box.row, col: box.col, values: r.values, formulas: r.formulas });

/** Queues the body: formats, then the cells (Ratio a formula over the row). */
function queueBody(
  sheet: Excel.Worksheet,
  top: number,
  col: number,
  rows: readonly (readonly (string | number | boolean)[])[],
): void {
  RATIO_COLUMNS.forEach((c, j) => {
    sheet.getRangeByIndexes(top, col + j, rows.length, 1).numberFormat = rows.map(() => [
      c.numberFormat,
    ]);
  });
  sheet.getRangeByIndexes(top, col, rows.length, COLS).formulas = rows.map((r) => [...r]);
}

/** Queues the chart's data, title and series over the table's Date and Ratio body. */
function queueChart(
  chart: Excel.Chart,
  sheet: Excel.Worksheet,
  box: Box,
  n: number,
  h: RatioHistory,
  existing: boolean,
): void {
  const ratio = box.col + ratioColumn('ratio');
  // The Ratio column with its header: one series, named by the header, then re-pointed.
  if (existing) chart.setData(sheet.getRangeByIndexes(box.row, ratio, 1 + n, 1), 'Columns');
  chart.title.text = h.title;
  const series = chart.series.getItemAt(0);
  series.setValues(sheet.getRangeByIndexes(box.row + 1, ratio, n, 1));
  series.setXAxisValues(sheet.getRangeByIndexes(box.row + 1, box.col + ratioColumn('date'), n, 1));
  series.name = `${h.numeratorLabel} / ${h.denominatorLabel}`;
}

/** The chart: the one to re-point, or a new line chart beside the table, named the add-in's. */
function queueChartOf(
  sheet: Excel.Worksheet,
  which: 'add' | string,
  box: Box,
  n: number,
  h: RatioHistory,
): void {
  const existing = which !== 'add';
  const chart = existing
    ? sheet.charts.getItem(which)
    : sheet.charts.add(
        'Line',
        sheet.getRangeByIndexes(box.row, box.col + ratioColumn('ratio'), 1 + n, 1),
        'Columns',
      );
  if (which !== RATIO_CHART) chart.name = RATIO_CHART;
  if (!existing)
    chart.setPosition(sheet.getRangeByIndexes(box.row + 1, box.col + box.cols + 1, 1, 1));
  queueChart(chart, sheet, box, n, h, existing);
}

/** Updates the table where it is: grown over empty rows below, or shrunk, and its chart. */
async function update(
  ctx: Excel.RequestContext,
  p: Extract<Plan, { kind: 'update' }>,
  h: RatioHistory,
  rows: readonly (readonly (string | number | boolean)[])[],
  attemptId: string,
): Promise<WriteOutcome> {
  const n = rows.length;
  const bodyRows = p.box.rows - 1;
  if (n > bodyRows) {
    // Where the table grows: the rows below it, across its columns, must be empty.
    const grow: Box = {
      row: p.box.row + p.box.rows,
      col: p.box.col,
      rows: n - bodyRows,
      cols: p.box.cols,
    };
    const r = readCells(ctx, p.sheet, grow);
    await ctx.sync();
    const theirs = occupiedOf(grow, r);
    if (theirs.length > 0)
      return failure(
        'blocked-below',
        `Nothing written: the cells below ${RATIO_TABLE} are not empty: ${cellList(p.sheet, theirs)}; the ratio history needs ${plural(n - bodyRows, 'more row')} there and the add-in will not write over them. Move them, ${AGAIN}`,
      );
  }
  const table = ctx.workbook.tables.getItem(RATIO_TABLE);
  const sheet = table.worksheet;
  const to = sheet.getRangeByIndexes(p.box.row, p.box.col, 1 + n, p.box.cols);
  // Grown before the body goes in, shrunk after (the rows it leaves held its own cells: cleared,
  // a user's own column kept).
  if (n > bodyRows) table.resize(to);
  queueBody(sheet, p.box.row + 1, p.box.col, rows);
  if (n < bodyRows) {
    table.resize(to);
    sheet.getRangeByIndexes(p.box.row + 1 + n, p.box.col, bodyRows - n, COLS).clear();
  }
  queueChartOf(sheet, p.chart, p.box, n, h);
  if (p.finish)
    sheet.names.getItem(SHEET_MARK).formula = markFormulaOf(RATIO_TABLE, attemptId, true);
  return written(ctx, n, p.chart === 'add' ? 'added' : 'updated', p.sheet, {
    ...p.box,
    rows: 1 + n,
  });
}

/** Creates the table and chart on a new sheet, an empty one, or the add-in's own marked one. */
async function create(
  ctx: Excel.RequestContext,
  p: Extract<Plan, { kind: 'create' }>,
  h: RatioHistory,
  rows: readonly (readonly (string | number | boolean)[])[],
  attemptId: string,
): Promise<WriteOutcome> {
  const n = rows.length;
  const wb = ctx.workbook;
  const box: Box = { row: 0, col: 0, rows: 1 + n, cols: COLS };
  let unnamed = p.unnamed;
  if (p.sheet !== 'add') {
    const r = readCells(ctx, RATIO_SHEET, box);
    const left = unnamed
      ? wb.tables.getItem(unnamed).getRange().load('rowIndex,columnIndex,columnCount')
      : null;
    await ctx.sync();
    // An unnamed table is the interrupted attempt's only at A1 over the schema's columns.
    if (left && !(left.rowIndex === 0 && left.columnIndex === 0 && left.columnCount === COLS))
      unnamed = null;
    const headers = ratioHeaders();
    const theirs = occupiedOf(box, r).filter(
      (c) =>
        !(c.row === 0 && String(c.value).toLowerCase() === (headers[c.col] ?? '').toLowerCase()),
    );
    if (theirs.length > 0)
      return failure(
        'blocked-below',
        `Nothing written: the cells where the add-in puts ${RATIO_TABLE} on its sheet are not empty: ${cellList(RATIO_SHEET, theirs)}. Move them, ${AGAIN}`,
      );
    if (p.unnamed && !unnamed)
      return failure(
        'name-taken',
        `Nothing written: a table on the sheet ${RATIO_SHEET} is in the way of the add-in's ${RATIO_TABLE}. Move or rename that table's sheet, ${AGAIN}`,
      );
  }
  const sheet =
    p.sheet === 'add' ? wb.worksheets.add(RATIO_SHEET) : wb.worksheets.getItem(RATIO_SHEET);
  const mark =
    p.sheet === 'marked'
      ? sheet.names.getItem(SHEET_MARK)
      : queueMarkNamed(sheet, RATIO_TABLE, attemptId);
  const over = sheet.getRangeByIndexes(0, 0, 1 + n, COLS);
  let table: Excel.Table;
  if (unnamed) {
    table = wb.tables.getItem(unnamed);
    table.resize(over);
  } else {
    const header = sheet.getRangeByIndexes(0, 0, 1, COLS);
    header.numberFormat = [RATIO_COLUMNS.map(() => TEXT_CELL_FORMAT)];
    header.values = [ratioHeaders()];
    table = sheet.tables.add(over, true);
  }
  table.name = RATIO_TABLE;
  queueBody(sheet, 1, 0, rows);
  queueChartOf(sheet, p.chart, box, n, h);
  mark.formula = markFormulaOf(RATIO_TABLE, attemptId, true); // the last operation
  return written(ctx, n, p.chart === 'add' ? 'added' : 'updated', RATIO_SHEET, box);
}

export function insertRatioHistory(session: Session, h: RatioHistory): Promise<WriteOutcome> {
  const cells = ratioTableCells(h);
  if (!cells.ok) return Promise.resolve(failure('invalid', cells.message));
  const attemptId = attemptIdFrom(session.newId());
  return attempt<WriteOutcome>(
    session.run,
    async (ctx) => {
      const p = plan(await readFound(ctx));
      if ('ok' in p) return p;
      return p.kind === 'update'
        ? update(ctx, p, h, cells.rows, attemptId)
        : create(ctx, p, h, cells.rows, attemptId);
    },
    officeFailure(
      'Inserting the ratio history',
      'What was written is finished by inserting the ratio history again; nothing is made twice.',
      'create',
    ),
  );
}

/** Sends the write with its read-back (the table's size, the chart's series) and says what landed. */
async function written(
  ctx: Excel.RequestContext,
  n: number,
  chart: 'added' | 'updated',
  sheetName: string,
  box: Box,
): Promise<WriteOutcome> {
  const table = ctx.workbook.tables.getItem(RATIO_TABLE);
  const size = table.getRange().load('rowCount');
  const series = table.worksheet.charts.getItem(RATIO_CHART).series.load('items/name');
  await ctx.sync();
  if (size.rowCount !== 1 + n || series.items.length !== 1)
    return failure(
      'not-confirmed',
      `Could not confirm the ratio history: ${RATIO_TABLE} has ${plural(size.rowCount - 1, 'row')} (expected ${n}) and its chart ${series.items.length} series. Inserting it again finishes it; nothing is made twice.`,
    );
  return {
    ok: true,
    landed: [],
    message: `Inserted the ratio history: ${plural(n, 'point')} in ${RATIO_TABLE} (${formatAddress(sheetName, box)}), Ratio as DESK.RATIO over each row; the line chart ${RATIO_CHART} ${chart === 'added' ? 'added beside it' : 'updated'}.`,
  };
}
