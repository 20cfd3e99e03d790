/**
 * Cutting an append into requests under Excel on the web's 5 MB limit, and queueing one piece:
 * formats, the cells, validation, the table resized over them, and the read-back of its Record IDs.
 */
import { columnList, validationList } from '../../core/record/schema';
import { rowCells, TEXT_CELL_FORMAT } from '../../core/record/cells';
import type { RowValues } from '../workbook';
import { firstFreeRow, type Col, type Found } from './session';

/** Stay well under Excel on the web's 5 MB request limit (JSON overhead, headers). */
export const CHUNK_BUDGET_BYTES = 4 * 1024 * 1024;

export interface Piece {
  readonly f: Found;
  readonly rows: readonly RowValues[];
  readonly cells: readonly (readonly (string | number | boolean)[])[];
  /** Worksheet row of the first cell. */
  readonly startRow: number;
  /** Body rows of the table once this piece is in. */
  readonly bodyRowsAfter: number;
  readonly bytes: number;
}

/** Columns that need a number format written (text carries its quote prefix; General is default). */
const formatted = (c: Col): boolean =>
  c.numberFormat !== 'General' && c.numberFormat !== TEXT_CELL_FORMAT;

/** Table column index → its schema column (undefined for a user's own column). */
const schemaColumns = (f: Found): (Col | undefined)[] =>
  f.fields.map((field) =>
    field === null ? undefined : columnList(f.key).find((x) => x.field === field),
  );

/**
 * Cuts the rows of every table into syncs under the request budget, filling each sync before
 * starting the next (a table may span two syncs; its pieces stay in order).
 */
export function packBatches(
  plan: readonly { f: Found; missing: readonly RowValues[] }[],
): Piece[][] {
  const batches: Piece[][] = [];
  let room = 0;
  for (const { f, missing } of plan) {
    const start = firstFreeRow(f);
    const cells = missing.map((r) => rowCells(f.key, r, f.fields));
    const perRowFormat = schemaColumns(f)
      .filter((c): c is Col => c !== undefined && formatted(c))
      .reduce((n, c) => n + c.numberFormat.length + 5, 0);
    const pieceOverhead = 200 + 120 * f.cols;
    let from = 0;
    while (from < missing.length) {
      if (room < pieceOverhead + 1000) {
        batches.push([]);
        room = CHUNK_BUDGET_BYTES;
      }
      let bytes = pieceOverhead;
      let to = from;
      while (to < missing.length) {
        const rowBytes = JSON.stringify(cells[to]).length + perRowFormat + 40;
        if (bytes + rowBytes > room && !(to === from && room === CHUNK_BUDGET_BYTES)) break;
        bytes += rowBytes;
        to += 1;
      }
      if (to === from) {
        room = 0; // not even one row fits: next sync
        continue;
      }
      const startRow = start + from;
      (batches[batches.length - 1] as Piece[]).push({
        f,
        rows: missing.slice(from, to),
        cells: cells.slice(from, to),
        startRow,
        bodyRowsAfter: Math.max(f.bodyRows, startRow + (to - from) - (f.headerRow + 1)),
        bytes,
      });
      room -= bytes;
      from = to;
    }
  }
  return batches;
}

export interface PieceCheck {
  readonly readBack: Excel.Range;
  readonly tableRange: Excel.Range;
}

export function queuePiece(ctx: Excel.RequestContext, p: Piece): PieceCheck {
  const f = p.f;
  const table = ctx.workbook.tables.getItem(f.id);
  const sheet = table.worksheet;
  const n = p.rows.length;
  const columns = schemaColumns(f);
  const columnRange = (j: number) => sheet.getRangeByIndexes(p.startRow, f.col + j, n, 1);
  // Formats first, so a date lands as a date.
  columns.forEach((c, j) => {
    if (c && formatted(c))
      columnRange(j).numberFormat = Array.from({ length: n }, () => [c.numberFormat]);
  });
  sheet.getRangeByIndexes(p.startRow, f.col, n, f.cols).formulas = p.cells.map((r) => [...r]);
  columns.forEach((c, j) => {
    const list = c ? validationList(c) : null;
    if (list) columnRange(j).dataValidation.rule = { list: { inCellDropDown: true, source: list } };
  });
  table.resize(sheet.getRangeByIndexes(f.headerRow, f.col, 1 + p.bodyRowsAfter, f.cols));
  const idCol = f.fields.indexOf('recordId');
  return {
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
