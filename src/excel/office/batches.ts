/**
 * Cutting an append into requests under Excel on the web's 5 MB limits (request and response),
 * and queueing one piece: the pre-write read of its cells (guard.ts), formats, the cells,
 * validation, the table grown over them, and the read-back of its Record IDs.
 */
import { columnList, rowCells, validationList } from '../../core';
import type { Box } from '../a1';
import type { RecordValues } from '../workbook';
import { GUARD_BYTES_PER_CELL, queueGuard, type Guard } from './guard';
import type { Col, Found } from './session';

/** Stay well under Excel on the web's 5 MB request limit (JSON overhead, headers). */
export const CHUNK_BUDGET_BYTES = 4 * 1024 * 1024;

export interface Piece {
  readonly f: Found;
  readonly rows: readonly RecordValues[];
  readonly cells: readonly (readonly (string | number | boolean)[])[];
  /** Worksheet row of the first cell. */
  readonly startRow: number;
  /**
   * Body rows the table has when this piece arrives (as read, or as the pieces before it in the
   * same write grew it) and once it is in — desk rows adopted between two runs of rows included.
   */
  readonly bodyRowsBefore: number;
  readonly bodyRowsAfter: number;
  readonly bytes: number;
}

/** One run of rows a write puts one below the other, from sheet row `start`. */
export interface Run {
  readonly f: Found;
  readonly start: number;
  readonly rows: readonly RecordValues[];
}

/**
 * Columns that get a number format on every row written: every one but General. Text columns
 * get '@' (Excel's Text format) on every row, on top of the quote prefix their values carry, so a
 * colleague retyping a cell later still gets text (README: "Typed text stays text").
 */
const formatted = (c: Col): boolean => c.numberFormat !== 'General';

/** Table column index → its schema column (undefined for a user's own column). */
const schemaColumns = (f: Found): (Col | undefined)[] =>
  f.fields.map((field) =>
    field === null ? undefined : columnList(f.key).find((x) => x.field === field),
  );

/**
 * Cuts the runs of every table into syncs under the request budget, filling each sync before
 * starting the next (a run may span two syncs; pieces stay in order).
 */
export function packBatches(runs: readonly Run[]): Piece[][] {
  const batches: Piece[][] = [];
  let room = 0;
  let answer = 0; // response bytes left in the current sync
  const fresh = () => room === CHUNK_BUDGET_BYTES && answer === CHUNK_BUDGET_BYTES;
  const reached = new Map<string, number>(); // table id → body rows it covers so far
  for (const { f, start, rows: missing } of runs) {
    const cells = missing.map((r) => rowCells(f.key, r, f.fields));
    const perRowFormat = schemaColumns(f)
      .filter((c): c is Col => c !== undefined && formatted(c))
      .reduce((n, c) => n + c.numberFormat.length + 5, 0);
    // The pre-write read of every cell, and the read-back of its Record ID.
    const rowAnswer = f.cols * GUARD_BYTES_PER_CELL + 60;
    const pieceOverhead = 300 + 150 * f.cols;
    let bodyRows = reached.get(f.id) ?? f.bodyRows;
    let from = 0;
    while (from < missing.length) {
      if (room < pieceOverhead + 1000 || answer < rowAnswer + 1000) {
        batches.push([]);
        room = CHUNK_BUDGET_BYTES;
        answer = CHUNK_BUDGET_BYTES;
      }
      let bytes = pieceOverhead;
      let reply = 0;
      let to = from;
      while (to < missing.length) {
        const rowBytes = JSON.stringify(cells[to]).length + perRowFormat + 40;
        const over = bytes + rowBytes > room || reply + rowAnswer > answer;
        if (over && !(to === from && fresh())) break;
        bytes += rowBytes;
        reply += rowAnswer;
        to += 1;
      }
      if (to === from) {
        room = 0; // not even one row fits: next sync
        continue;
      }
      const startRow = start + from;
      const after = Math.max(bodyRows, startRow + (to - from) - (f.headerRow + 1));
      (batches[batches.length - 1] as Piece[]).push({
        f,
        rows: missing.slice(from, to),
        cells: cells.slice(from, to),
        startRow,
        bodyRowsBefore: bodyRows,
        bodyRowsAfter: after,
        bytes,
      });
      bodyRows = after;
      room -= bytes;
      answer -= reply;
      from = to;
    }
    reached.set(f.id, bodyRows);
  }
  return batches;
}

export interface PieceCheck {
  readonly guard: Guard;
  readonly readBack: Excel.Range;
  readonly tableRange: Excel.Range;
}

/** The box a piece writes, in sheet coordinates. */
export const pieceBox = (p: Piece): Box => ({
  row: p.startRow,
  col: p.f.col,
  rows: p.rows.length,
  cols: p.f.cols,
});

export function queuePiece(ctx: Excel.RequestContext, p: Piece): PieceCheck {
  const f = p.f;
  const table = ctx.workbook.tables.getItem(f.id);
  const sheet = table.worksheet;
  const n = p.rows.length;
  const columns = schemaColumns(f);
  const columnRange = (j: number) => sheet.getRangeByIndexes(p.startRow, f.col + j, n, 1);
  const validated = new Set(columns.flatMap((c, j) => (c && validationList(c) ? [j] : [])));
  // Before anything is written: what the cells hold now (a colleague may have typed since the read).
  const guard = queueGuard(ctx, {
    f,
    box: pieceBox(p),
    tableBefore: { row: f.headerRow, col: f.col, rows: 1 + p.bodyRowsBefore, cols: f.cols },
    tableAfter: { row: f.headerRow, col: f.col, rows: 1 + p.bodyRowsAfter, cols: f.cols },
    own: () => false,
    validated,
    written: p.cells,
    idCol: f.fields.indexOf('recordId'),
  });
  // Formats before values, so a date lands as a date and text as text; the table grows last.
  // Values before the resize, not after: a second pane that receives this request half-applied
  // then sees cells below its table that are not its own and refuses (twin-coauthoring.test.ts),
  // where a table grown over still-empty rows would invite it to write there first.
  columns.forEach((c, j) => {
    if (c && formatted(c))
      columnRange(j).numberFormat = Array.from({ length: n }, () => [c.numberFormat]);
  });
  sheet.getRangeByIndexes(p.startRow, f.col, n, f.cols).formulas = p.cells.map((r) => [...r]);
  columns.forEach((c, j) => {
    const list = c ? validationList(c) : null;
    if (list) columnRange(j).dataValidation.rule = { list: { inCellDropDown: true, source: list } };
  });
  if (p.bodyRowsAfter > p.bodyRowsBefore)
    table.resize(sheet.getRangeByIndexes(f.headerRow, f.col, 1 + p.bodyRowsAfter, f.cols));
  const idCol = f.fields.indexOf('recordId');
  return {
    guard,
    readBack: sheet.getRangeByIndexes(p.startRow, f.col + idCol, n, 1).load('values'),
    tableRange: table.getRange().load('rowCount'),
  };
}

/** The read-back matches what this piece wrote, and the table covers it. */
export function confirmed(p: Piece, c: PieceCheck): boolean {
  const got = c.readBack.values.map((r) => String(r[0] ?? ''));
  const want = p.rows.map((r) => String(r.recordId));
  return got.join('\n') === want.join('\n') && c.tableRange.rowCount - 1 >= p.bodyRowsAfter;
}
