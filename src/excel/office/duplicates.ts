/**
 * A second set of desk tables, made when two panes created the tables at once and co-authoring
 * merged both (the twin settles the clash as "DeskSnapshots (2)" sheets and "DeskSnapshots_2"
 * tables; Excel's rule is not documented). The table under the desk's name is the desk's; a
 * duplicate the add-in made (its sheet marked, the schema's headers at A1) is merged into it:
 * an empty one is removed with the creation request (create.ts); one holding rows has them
 * appended to the desk table (idempotent by Record ID), and is removed only once every one of its
 * rows is in the desk table with the same values. A row that differs (a colleague corrected one
 * copy) or breaks the schema keeps the duplicate, and the message says which.
 */
import type { TableKey } from '../../core';
import type { RecordValues } from '../workbook';
import { appendTable } from './append';
import { plural, tableName } from './messages';
import { attempt } from './outcome';
import { readTableById } from './probe';
import { read, readBody } from './read';
import { desksBelow } from './stranded';
import type { Session } from './session';
import type { OtherTable } from './surroundings';

const comparable = (key: TableKey, v: RecordValues): string =>
  JSON.stringify({ ...v, ...(key === 'triggers' ? { statusNow: null } : {}) });

/**
 * Merges one duplicate holding rows into the desk table: a sentence saying what became of it, and
 * whether that is settled (merged and removed, or kept for the user to compare) or worth trying
 * again later (the merge or the removal failed).
 */
async function mergeOne(
  session: Session,
  key: TableKey,
  dup: OtherTable,
): Promise<{ note: string; settled: boolean }> {
  const retry = (note: string) => ({ note, settled: false });
  const settled = (note: string) => ({ note, settled: true });
  const where = `${dup.name} (sheet ${dup.sheet})`;
  const found = await attempt(
    session.run,
    (ctx) => readTableById(session, ctx, key, dup.id),
    () => null,
  );
  if (!found) return retry(`could not read the second table ${where}; it is kept`);
  const { records, problems } = readBody(found);
  if (problems.length > 0)
    return settled(
      `kept the second table ${where}: ${plural(problems.length, 'row')} there break${problems.length === 1 ? 's' : ''} the schema, so it cannot be merged into ${tableName(key)}`,
    );
  // Its rows, and the desk rows a lost resize left just below it (they were written into it).
  const below = desksBelow(found);
  const values = [...records.map((r) => r.values), ...below.records];
  const merged =
    values.length > 0
      ? await appendTable(session, key, values)
      : ({ ok: true, landed: [], message: '' } as const);
  if (!merged.ok)
    return retry(`kept the second table ${where}: merging it failed — ${merged.message}`);
  const desk = await read(session, key);
  if (!desk.ok) return retry(`kept the second table ${where}: ${desk.message}`);
  const byId = new Map(desk.records.map((r) => [String(r.values.recordId), r.values]));
  // A row not there after the merge (a co-author's write took its place meanwhile): try again.
  if (values.some((v) => !byId.has(String(v.recordId))))
    return retry(
      `kept the second table ${where}: some of its rows are not in ${tableName(key)} yet`,
    );
  const differ = values.filter(
    (v) => comparable(key, byId.get(String(v.recordId)) as RecordValues) !== comparable(key, v),
  );
  if (differ.length > 0)
    return settled(
      `kept the second table ${where}: ${plural(differ.length, 'row')} (Record ID ${differ
        .slice(0, 3)
        .map((v) => String(v.recordId))
        .join(
          ', ',
        )}${differ.length > 3 ? ', …' : ''}) differ${differ.length === 1 ? 's' : ''} from ${tableName(key)}; compare them and delete ${dup.name} by hand`,
    );
  const removed = await attempt(
    session.run,
    async (ctx) => {
      const t = ctx.workbook.tables.getItem(dup.id);
      const u = dup.sheetUsed;
      const box = { ...dup.box, rows: dup.box.rows + below.span }; // with the rows below it
      const onlyTable =
        u !== null &&
        u.row >= box.row &&
        u.col >= box.col &&
        u.row + u.rows <= box.row + box.rows &&
        u.col + u.cols <= box.col + box.cols;
      if (onlyTable) t.worksheet.delete();
      else {
        const sheet = t.worksheet;
        const range = t.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
        await ctx.sync();
        t.delete();
        sheet
          .getRangeByIndexes(
            range.rowIndex,
            range.columnIndex,
            range.rowCount + below.span,
            range.columnCount,
          )
          .clear();
      }
      await ctx.sync();
      return true;
    },
    () => false,
  );
  return removed
    ? settled(
        `merged the second table ${where} into ${tableName(key)} (${plural(values.length, 'row')}, none lost) and removed it`,
      )
    : retry(
        `merged the rows of the second table ${where} into ${tableName(key)}; removing it failed, creating the desk tables again removes it`,
      );
}

/** Merges every duplicate holding rows: what became of each, and the tables to try again later. */
export async function mergeDuplicates(
  session: Session,
  dups: readonly { key: TableKey; table: OtherTable }[],
): Promise<{ notes: string[]; unsettled: TableKey[] }> {
  const notes: string[] = [];
  const unsettled: TableKey[] = [];
  for (const d of dups) {
    const m = await mergeOne(session, d.key, d.table);
    notes.push(m.note);
    if (!m.settled) unsettled.push(d.key);
  }
  return { notes, unsettled };
}
