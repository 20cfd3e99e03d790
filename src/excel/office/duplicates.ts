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
import type { TableKey } from '../../core/record/table-def';
import type { ReviewRows, RowValues } from '../workbook';
import { appendReview } from './append';
import { plural, tableName } from './messages';
import { attempt } from './outcome';
import { readTableById } from './probe';
import { read, readBody } from './read';
import type { Session } from './session';
import type { OtherTable } from './surroundings';

const comparable = (key: TableKey, v: RowValues): string =>
  JSON.stringify({ ...v, ...(key === 'triggers' ? { statusNow: null } : {}) });

/** Merges one duplicate holding rows into the desk table; a sentence saying what became of it. */
async function mergeOne(session: Session, key: TableKey, dup: OtherTable): Promise<string> {
  const where = `${dup.name} (sheet ${dup.sheet})`;
  const found = await attempt(
    session.run,
    (ctx) => readTableById(session, ctx, key, dup.id),
    () => null,
  );
  if (!found) return `could not read the second table ${where}; it is kept`;
  const { records, problems } = readBody(found);
  if (problems.length > 0)
    return `kept the second table ${where}: ${plural(problems.length, 'row')} there break${problems.length === 1 ? 's' : ''} the schema, so it cannot be merged into ${tableName(key)}`;
  const rows: ReviewRows = { snapshots: [], exposures: [], triggers: [] };
  const values = records.map((r) => r.values);
  const merged = await appendReview(session, { ...rows, [key]: values });
  if (!merged.ok) return `kept the second table ${where}: merging it failed — ${merged.message}`;
  const desk = await read(session, key);
  if (!desk.ok) return `kept the second table ${where}: ${desk.message}`;
  const byId = new Map(desk.records.map((r) => [String(r.values.recordId), r.values]));
  const differ = values.filter((v) => {
    const there = byId.get(String(v.recordId));
    return !there || comparable(key, there) !== comparable(key, v);
  });
  if (differ.length > 0)
    return `kept the second table ${where}: ${plural(differ.length, 'row')} (Record ID ${differ
      .slice(0, 3)
      .map((v) => String(v.recordId))
      .join(
        ', ',
      )}${differ.length > 3 ? ', …' : ''}) differ${differ.length === 1 ? 's' : ''} from ${tableName(key)}; compare them and delete ${dup.name} by hand`;
  const removed = await attempt(
    session.run,
    async (ctx) => {
      const t = ctx.workbook.tables.getItem(dup.id);
      const u = dup.sheetUsed;
      const onlyTable =
        u !== null &&
        u.row >= dup.box.row &&
        u.col >= dup.box.col &&
        u.row + u.rows <= dup.box.row + dup.box.rows &&
        u.col + u.cols <= dup.box.col + dup.box.cols;
      if (onlyTable) t.worksheet.delete();
      else {
        const sheet = t.worksheet;
        const range = t.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
        await ctx.sync();
        t.delete();
        sheet
          .getRangeByIndexes(range.rowIndex, range.columnIndex, range.rowCount, range.columnCount)
          .clear();
      }
      await ctx.sync();
      return true;
    },
    () => false,
  );
  return removed
    ? `merged the second table ${where} into ${tableName(key)} (${plural(values.length, 'row')}, none lost) and removed it`
    : `merged the rows of the second table ${where} into ${tableName(key)}; removing it failed, creating the desk tables again removes it`;
}

export async function mergeDuplicates(
  session: Session,
  dups: readonly { key: TableKey; table: OtherTable }[],
): Promise<string[]> {
  const notes: string[] = [];
  for (const d of dups) notes.push(await mergeOne(session, d.key, d.table));
  return notes;
}
