/** Repair: appends the schema columns a drifted table lacks, at its right; changes no cell. */
import { TABLE_KEYS, columnList } from '../../core/record/schema';
import type { WriteOutcome } from '../workbook';
import { queueColumns, rightBlocked } from './columns';
import { quoteList, tableName } from './messages';
import { attempt, failure, officeFailure } from './outcome';
import { readState } from './probe';
import { refuseNewer } from './schema-version';
import { norm, type Col, type Found, type Session } from './session';

export function repair(session: Session): Promise<WriteOutcome> {
  return attempt(
    session.run,
    async (ctx) => {
      const width = Math.max(...TABLE_KEYS.map((k) => columnList(k).length));
      const s = await readState(session, ctx, {
        snapshots: { right: width },
        exposures: { right: width },
        triggers: { right: width },
      });
      const newer = refuseNewer(s);
      if (newer) return newer;
      const todo: { f: Found; cols: Col[] }[] = [];
      const refused: string[] = [];
      for (const key of TABLE_KEYS) {
        const f = s.tables[key];
        if (!f) continue;
        // Schema order, so a repaired table reads like a new one from the left.
        const missing = new Set([...f.missingRequired, ...f.missingOptional].map((c) => c.field));
        const cols = (columnList(key) as readonly Col[]).filter((c) => missing.has(c.field));
        if (cols.length === 0) continue;
        const blocked = rightBlocked(f, cols.length);
        if (blocked) refused.push(blocked);
        todo.push({ f, cols });
      }
      if (refused.length > 0)
        return failure('blocked-right', `Nothing repaired: ${refused.join('; ')}`);
      const missingTables = TABLE_KEYS.filter((k) => !s.tables[k]).map(tableName);
      if (todo.length === 0) {
        const rest =
          missingTables.length > 0
            ? ` ${missingTables.join(', ')} missing: create the desk tables.`
            : '';
        return { ok: true, landed: [], message: `No columns to repair.${rest}` };
      }
      const headers = todo.map(({ f, cols }) => {
        queueColumns(ctx, f, cols);
        return {
          f,
          cols,
          header: ctx.workbook.tables.getItem(f.id).getHeaderRowRange().load('values'),
        };
      });
      await ctx.sync();
      for (const h of headers) {
        const got = new Set((h.header.values[0] ?? []).map(norm));
        const absent = h.cols.filter((c) => !got.has(norm(c.header)));
        if (absent.length > 0) {
          return failure(
            'not-confirmed',
            `Could not confirm the repair of ${tableName(h.f.key)}: ${quoteList(absent)} not found after writing.`,
          );
        }
      }
      const done = todo
        .map(({ f, cols }) => `${tableName(f.key)}: added ${quoteList(cols)}`)
        .join('; ');
      return { ok: true, landed: [], message: `Repaired ${done}. No existing cell changed.` };
    },
    officeFailure(
      'Repairing the desk tables',
      'Columns already added stay; repairing again adds the rest.',
    ),
  );
}
