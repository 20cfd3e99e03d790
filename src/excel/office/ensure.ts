/**
 * Creating the desk tables that are missing and bringing an older schema forward: one read, one
 * write. An existing table is never recreated or cleared; a sheet of the desk's name is reused only
 * when it is empty.
 */
import {
  SCHEMA_VERSION,
  TABLES,
  TABLE_KEYS,
  columnList,
  migrationPath,
  validationList,
} from '../../core/record/schema';
import { TEXT_CELL_FORMAT } from '../../core/record/cells';
import type { TableKey } from '../../core/record/table-def';
import type { WriteOutcome } from '../workbook';
import { queueColumns, rightBlocked } from './columns';
import { quoteList } from './messages';
import { attempt, failure, officeFailure, type Failure } from './outcome';
import { readState } from './probe';
import { refuseNewer, stampVersion } from './schema-version';
import type { Col, Found, Session, State } from './session';

/** Queues a new table with headers (as text), formats and validation on its first body row. */
function queueNewTable(
  ctx: Excel.RequestContext,
  key: TableKey,
  sheetName: string,
  reuse: boolean,
): Excel.Table {
  const sheet = reuse
    ? ctx.workbook.worksheets.getItem(sheetName)
    : ctx.workbook.worksheets.add(sheetName);
  const cols = columnList(key);
  const header = sheet.getRangeByIndexes(0, 0, 1, cols.length);
  header.numberFormat = [cols.map(() => TEXT_CELL_FORMAT)];
  header.values = [cols.map((c) => c.header)];
  const table = sheet.tables.add(header, true);
  table.name = TABLES[key].name;
  const firstRow = sheet.getRangeByIndexes(1, 0, 1, cols.length);
  firstRow.numberFormat = [cols.map((c) => c.numberFormat)];
  cols.forEach((c, j) => {
    const list = validationList(c);
    if (list)
      sheet.getRangeByIndexes(1, j, 1, 1).dataValidation.rule = {
        list: { inCellDropDown: true, source: list },
      };
  });
  return table.load('id,name');
}

/** The columns each migration step adds, per table; a refusal if any cannot be placed. */
function migrationColumns(s: State): { f: Found; cols: Col[] }[] | Failure {
  const path = s.schema.kind === 'older' ? migrationPath(s.schema.found) : [];
  if (path === null) {
    return failure(
      'no-migration',
      `No migration from schema version ${(s.schema as { found: number }).found}; nothing changed.`,
    );
  }
  // Appended at the right, like a repair, never touching a cell.
  const migrate: { f: Found; cols: Col[] }[] = [];
  for (const step of path) {
    for (const [key, fields] of Object.entries(step.addColumns) as [
      TableKey,
      readonly string[],
    ][]) {
      const f = s.tables[key];
      if (!f) continue;
      const cols = f.missingRequired
        .concat(f.missingOptional)
        .filter((c) => fields.includes(c.field));
      if (cols.length === 0) continue;
      const blocked = rightBlocked(f, cols.length);
      if (blocked) return failure('blocked-right', `Nothing changed: ${blocked}`);
      migrate.push({ f, cols });
    }
  }
  return migrate;
}

export function ensureTables(session: Session): Promise<WriteOutcome> {
  return attempt(
    session.run,
    async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      const usedBySheet = new Map<string, Excel.Range>();
      const all = TABLE_KEYS.reduce((n, k) => n + columnList(k).length, 0);
      const s = await readState(
        session,
        ctx,
        { snapshots: { right: all }, exposures: { right: all }, triggers: { right: all } },
        () => {
          for (const key of TABLE_KEYS) {
            const name = TABLES[key].name;
            usedBySheet.set(
              name,
              ctx.workbook.worksheets
                .getItemOrNullObject(name)
                .getUsedRangeOrNullObject(true)
                .load('address'),
            );
          }
        },
      );
      const newer = refuseNewer(s);
      if (newer) return newer;
      const migrate = migrationColumns(s);
      if (!Array.isArray(migrate)) return migrate;
      const names = new Set(sheets.items.map((w) => w.name.toLowerCase()));
      const created: { key: TableKey; table: Excel.Table; sheet: string }[] = [];
      for (const key of TABLE_KEYS) {
        if (s.tables[key]) continue;
        const base = TABLES[key].name;
        let sheetName: string = base;
        const reuse =
          names.has(sheetName.toLowerCase()) && usedBySheet.get(base)?.isNullObject === true;
        if (!reuse) {
          for (let i = 2; names.has(sheetName.toLowerCase()); i += 1) sheetName = `${base} (${i})`;
        }
        names.add(sheetName.toLowerCase());
        created.push({ key, table: queueNewTable(ctx, key, sheetName, reuse), sheet: sheetName });
      }
      for (const m of migrate) queueColumns(ctx, m.f, m.cols);
      const stamp = s.schema.kind !== 'current';
      if (stamp) stampVersion(ctx, s.schema);
      if (created.length === 0 && migrate.length === 0 && !stamp) {
        return {
          ok: true,
          landed: [],
          message: `The desk tables are in place (schema version ${SCHEMA_VERSION}); nothing changed.`,
        };
      }
      await ctx.sync();
      for (const c of created) session.knownIds[c.key] = c.table.id;
      const parts = created.map((c) => `created ${TABLES[c.key].name} on sheet ${c.sheet}`);
      if (migrate.length > 0)
        parts.push(`added ${migrate.map((m) => quoteList(m.cols)).join(', ')}`);
      if (stamp) parts.push(`stamped schema version ${SCHEMA_VERSION} (no existing cell changed)`);
      const msg = parts.join('; ');
      return { ok: true, landed: [], message: msg.charAt(0).toUpperCase() + msg.slice(1) + '.' };
    },
    officeFailure('Creating the desk tables', 'Nothing that existed before was changed.'),
  );
}
