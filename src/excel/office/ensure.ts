/**
 * Creating the desk tables that are missing, and bringing an older schema forward. An existing
 * table is never recreated or cleared; what an interrupted attempt (or a second pane) left is
 * adopted or removed (create.ts, duplicates.ts); a colleague's name, sheet or table in the way is
 * refused up front, naming it, with nothing written.
 *
 *   creation: read (1 sync; a 2nd when the workbook holds other tables, a 3rd when it holds
 *   sheets without a desk table — leftovers.ts), write (1 sync)
 *   migration (older schema only): read, read right of the tables, write (columns.ts); a step
 *   that adds a table (v2→v3: DeskPrices) needs nothing of its own — creation makes every missing
 *   table as above, and the version is restamped after, in its own request, so a prefix never
 *   claims the new version without the table
 *   duplicates holding rows: merged by an append each (duplicates.ts)
 */
import { migrationPath, SCHEMA_VERSION, TABLES, type Done, type TableKey } from '../../core';
import type { WriteOutcome } from '../workbook';
import { addColumns, type ColumnsTodo } from './columns';
import { planCreation, queueCreation, type CreationPlan } from './create';
import { mergeDuplicates } from './duplicates';
import { queueLeftovers } from './leftovers';
import { attemptIdFrom, WORKBOOK_ID_NAME } from './marks';
import { quoteList } from './messages';
import { attempt, failure, officeFailure, type Failure } from './outcome';
import { readState } from './probe';
import { refuseNewer, stampVersion } from './schema-version';
import type { Col, Session, State } from './session';
import { queueSurroundings, type Surroundings } from './surroundings';

/** The columns each migration step adds, per table; a refusal when no path exists. */
function migrationColumns(s: State): ColumnsTodo[] | Failure {
  const path = s.schema.kind === 'older' ? migrationPath(s.schema.found) : [];
  if (path === null) {
    return failure(
      'no-migration',
      `No migration from schema version ${(s.schema as { found: number }).found}; nothing changed.`,
    );
  }
  const todo: ColumnsTodo[] = [];
  for (const step of path) {
    for (const [key, fields] of Object.entries(step.addColumns) as [
      TableKey,
      readonly string[],
    ][]) {
      const f = s.tables[key];
      if (!f) continue;
      const cols: Col[] = f.missingRequired
        .concat(f.missingOptional)
        .filter((c) => fields.includes(c.field));
      if (cols.length > 0) todo.push({ f, cols });
    }
  }
  return todo;
}

const RESUME =
  'Nothing that existed before was changed; creating the desk tables again picks up where this stopped.';

interface Created {
  readonly ok: true;
  readonly parts: string[];
  readonly plan: CreationPlan;
  readonly schema: State['schema'];
}

/** The creation run: read, decide, one write. */
function create(session: Session): Promise<Created | Failure> {
  const attemptId = attemptIdFrom(session.newId());
  return attempt<Created | Failure>(
    session.run,
    async (ctx) => {
      let reader: ReturnType<typeof queueSurroundings> | null = null;
      let leftovers: ReturnType<typeof queueLeftovers> | null = null;
      const s = await readState(session, ctx, {}, () => {
        reader = queueSurroundings(ctx);
        leftovers = queueLeftovers(ctx, session);
      });
      const around: Surroundings = await (
        reader as unknown as ReturnType<typeof queueSurroundings>
      ).read(s);
      const left = await (leftovers as unknown as ReturnType<typeof queueLeftovers>).read(s);
      const plan = planCreation(s, around, left);
      if (Array.isArray(plan))
        return failure('name-taken', `Nothing was written. ${plan.join(' ')}`);
      const newer = refuseNewer(s);
      if (newer) return newer;
      const migrate = migrationColumns(s);
      if (!Array.isArray(migrate)) return migrate;
      const parts: string[] = [];
      for (const p of plan.tables) {
        if (p.kind !== 'follow') continue;
        session.knownIds[p.key] = p.table.id;
        parts.push(
          `${TABLES[p.key].name} was renamed to ${p.table.name}; the add-in follows it by its table id`,
        );
      }
      const queued = queueCreation(ctx, plan, around, attemptId, session.newId);
      if (
        queued.created.length > 0 ||
        queued.removed.length > 0 ||
        plan.stampId ||
        plan.stampVersion
      ) {
        // Until this request is known to have gone through, it may leave something behind.
        session.interrupted = true;
        await ctx.sync();
      }
      for (const c of queued.created) {
        session.knownIds[c.key] = c.table.id;
        const how =
          c.how === 'add'
            ? `on sheet ${c.sheet}`
            : c.how === 'reuse'
              ? `on the empty sheet ${c.sheet}`
              : `on sheet ${c.sheet}, finishing what an interrupted attempt left`;
        parts.push(`created ${TABLES[c.key].name} ${how}`);
      }
      if (queued.removed.length > 0) parts.push(`removed ${queued.removed.join(', ')}`);
      if (plan.stampId && queued.created.length === 0)
        parts.push(
          `gave the workbook its desk id (the defined name ${WORKBOOK_ID_NAME}; no cell changed), under which the pane keeps its receipts`,
        );
      if (plan.stampVersion)
        parts.push(`stamped schema version ${SCHEMA_VERSION} (no existing cell changed)`);
      return { ok: true, parts, plan, schema: s.schema };
    },
    officeFailure('Creating the desk tables', RESUME, 'create'),
  );
}

/** The migration run: the newer schema's columns at the right, then the version restamped. */
function migrate(session: Session): Promise<Done<{ parts: string[] }> | Failure> {
  return attempt<Done<{ parts: string[] }> | Failure>(
    session.run,
    async (ctx) => {
      const s = await readState(session, ctx, {});
      const newer = refuseNewer(s);
      if (newer) return newer;
      const todo = migrationColumns(s);
      if (!Array.isArray(todo)) return todo;
      // The stamp is the request's last operation: a prefix without it still reads as older.
      const written = await addColumns(ctx, todo, [], () => stampVersion(ctx, s.schema));
      if (!written.ok) return written;
      const parts = written.added.map((t) => `added ${quoteList(t.cols)}`);
      parts.push(`stamped schema version ${SCHEMA_VERSION} (no existing cell changed)`);
      return { ok: true, parts };
    },
    officeFailure(
      `Bringing the desk tables to schema version ${SCHEMA_VERSION}`,
      'Columns already added stay; creating the desk tables again adds the rest and restamps the version.',
      'migrate',
    ),
  );
}

export async function ensureTables(session: Session): Promise<WriteOutcome> {
  const made = await create(session);
  if (!made.ok) return made;
  const parts = [...made.parts];
  if (made.schema.kind === 'older') {
    const moved = await migrate(session);
    if (!moved.ok) return moved;
    parts.push(...moved.parts);
  }
  // Every second table the creation read found is merged or explained now (duplicates.ts), and
  // whatever an interrupted creation left was adopted or removed; a merge that could not finish
  // (a colleague's cell in the way, Excel failing) is asked for again by the pane's next read.
  session.seconds.clear();
  session.interrupted = false;
  if (made.plan.fullDuplicates.length > 0) {
    const merged = await mergeDuplicates(session, made.plan.fullDuplicates);
    parts.push(...merged.notes);
    for (const key of merged.unsettled) session.seconds.add(key);
  }
  if (parts.length === 0) {
    return {
      ok: true,
      landed: [],
      message: `The desk tables are in place (schema version ${SCHEMA_VERSION}); nothing changed.`,
    };
  }
  const msg = parts.join('; ');
  return { ok: true, landed: [], message: msg.charAt(0).toUpperCase() + msg.slice(1) + '.' };
}
