/** Adding schema columns at the right of a table (repair and migration): never moving a cell. */
import { validationList } from '../../core/record/schema';
import type { Box } from '../a1';
import { occupied } from './messages';
import type { Col, Found } from './session';

/** Queues the columns, formatted and validated like new ones; fills Status now formulas. */
export function queueColumns(ctx: Excel.RequestContext, f: Found, cols: readonly Col[]): void {
  const table = ctx.workbook.tables.getItem(f.id);
  for (const c of cols) {
    const column = table.columns.add(undefined, undefined, c.header);
    if (f.bodyRows < 1) continue;
    const body = column.getDataBodyRange();
    body.numberFormat = Array.from({ length: f.bodyRows }, () => [c.numberFormat]);
    const list = validationList(c);
    if (list) body.dataValidation.rule = { list: { inCellDropDown: true, source: list } };
    if (c.kind === 'formula' && c.formula && !f.bodyEmpty) {
      body.formulas = Array.from({ length: f.bodyRows }, () => [c.formula as string]);
    }
  }
}

/** Why `count` new columns cannot go right of the table (a colleague's cells are there), or null. */
export function rightBlocked(f: Found, count: number): string | null {
  if (f.rightUsedCol === null || f.rightUsedCol === undefined) return null;
  if (f.rightUsedCol >= f.col + f.cols + count) return null;
  const box: Box = { row: f.headerRow, col: f.col + f.cols, rows: f.bodyRows + 1, cols: count };
  return occupied(
    f,
    'right of',
    box,
    'the add-in will not move or overwrite them. Clear or move them, then repair again.',
  );
}
