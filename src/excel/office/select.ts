/** Selecting rows so the user sees them: on its own, or queued into a write's last sync. */
import { type TableKey } from '../../core';
import { formatAddress, type Box } from '../a1';
import type { WriteOutcome } from '../workbook';
import { tableName } from './messages';
import { attempt, failure, officeFailure } from './outcome';
import { readState } from './probe';
import type { Found, Session } from './session';

/** Queues activating the table's sheet and selecting the box; returns its address. */
export function queueSelection(ctx: Excel.RequestContext, f: Found, box: Box): string {
  const sheet = ctx.workbook.tables.getItem(f.id).worksheet;
  sheet.activate();
  sheet.getRangeByIndexes(box.row, box.col, box.rows, box.cols).select();
  return formatAddress(f.sheet, box);
}

/** The rows from the first to the last of these ids, across the table; null when none is there. */
export function boxOf(f: Found, recordIds: readonly string[]): Box | null {
  const at = recordIds.map((id) => f.recordIds.indexOf(id)).filter((i) => i >= 0);
  if (at.length === 0) return null;
  const lo = Math.min(...at);
  const hi = Math.max(...at);
  return { row: f.headerRow + 1 + lo, col: f.col, rows: hi - lo + 1, cols: f.cols };
}

export function select(
  session: Session,
  key: TableKey,
  recordIds: readonly string[],
): Promise<WriteOutcome> {
  return attempt(
    session.run,
    async (ctx) => {
      const s = await readState(session, ctx, {});
      const f = s.tables[key];
      if (!f) return failure('tables-missing', `${tableName(key)} is missing.`);
      const box = boxOf(f, recordIds);
      if (!box) return failure('not-found', `None of those rows is in ${tableName(key)} any more.`);
      const address = queueSelection(ctx, f, box);
      await ctx.sync();
      return {
        ok: true,
        landed: [{ table: key, address, recordIds: [...recordIds] }],
        message: `Selected ${address}.`,
      };
    },
    officeFailure('Selecting the rows'),
  );
}
