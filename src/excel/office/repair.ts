/**
 * Repair: appends the schema columns a drifted table lacks, at its right (columns.ts), and fills
 * the Status now cells an interrupted repair left empty; changes no cell. Three syncs: the
 * tables, the cells right of them, the write (a fourth only to put back a cell a colleague typed
 * there in between).
 */
import { columnList, TABLE_KEYS } from '../../core';
import type { WriteOutcome } from '../workbook';
import { addColumns, type ColumnsTodo } from './columns';
import { plural, quoteList, tableName } from './messages';
import { attempt, officeFailure } from './outcome';
import { readState } from './probe';
import { refuseNewer } from './schema-version';
import type { Col, Found, Session } from './session';

/** Each drifted table with the schema columns it lacks, in schema order (reads like a new table). */
export function missingColumns(tables: Partial<Record<string, Found>>): ColumnsTodo[] {
  const todo: ColumnsTodo[] = [];
  for (const key of TABLE_KEYS) {
    const f = tables[key];
    if (!f) continue;
    const missing = new Set([...f.missingRequired, ...f.missingOptional].map((c) => c.field));
    const cols = (columnList(key) as readonly Col[]).filter((c) => missing.has(c.field));
    if (cols.length > 0) todo.push({ f, cols });
  }
  return todo;
}

export function repair(session: Session): Promise<WriteOutcome> {
  return attempt(
    session.run,
    async (ctx) => {
      const s = await readState(session, ctx, {});
      const newer = refuseNewer(s);
      if (newer) return newer;
      const present = TABLE_KEYS.flatMap((k) => (s.tables[k] ? [s.tables[k] as Found] : []));
      const written = await addColumns(ctx, missingColumns(s.tables), present);
      if (!written.ok) return written;
      const missingTables = TABLE_KEYS.filter((k) => !s.tables[k]).map(tableName);
      const rest =
        missingTables.length > 0
          ? ` ${missingTables.join(', ')} missing: create the desk tables.`
          : '';
      const parts = written.added.map((t) => `${tableName(t.f.key)}: added ${quoteList(t.cols)}`);
      if (written.filled > 0)
        parts.push(`filled ${plural(written.filled, 'empty Status now cell')}`);
      if (parts.length === 0)
        return { ok: true, landed: [], message: `No columns to repair.${rest}` };
      return {
        ok: true,
        landed: [],
        message: `Repaired ${parts.join('; ')}. No existing cell changed.${rest}`,
      };
    },
    officeFailure(
      'Repairing the desk tables',
      'Columns already added stay; repairing again adds the rest.',
      'repair',
    ),
  );
}
