/**
 * Appending one review: validate everything, read the tables (1 sync), then write every table's
 * rows, read them back by Record ID and, if asked, select them (1 sync; more only for imports over
 * the request limit).
 *
 * Values are written into the rows directly below the table and the table is resized over them,
 * rather than `table.rows.add`. Microsoft's co-authoring guidance warns that
 * `TableRowCollection.add` can cause co-authoring conflicts and suggests writing the range below
 * the table instead; it also cannot refuse: it shifts whatever a colleague keeps below the table.
 * Writing below lets the add-in first check those cells are empty (or hold its own rows from an
 * interrupted attempt) and refuse otherwise. Both put the same values in the request (see the
 * bench), so the choice costs nothing in size or round trips.
 */
import { TABLES, TABLE_KEYS, migrationPath } from '../../core/record/schema';
import { checkRecord } from '../../core/record/cells';
import type { TableKey } from '../../core/record/table-def';
import { formatAddress, type Box } from '../a1';
import type {
  AppendOptions,
  LandedRows,
  ReviewRows,
  RowValues,
  SelectionResult,
  WriteFailureReason,
  WriteOutcome,
} from '../workbook';
import { confirmed, packBatches, queuePiece } from './batches';
import { lacksRequired, NOUN, occupied, plural, tableName } from './messages';
import { attempt, failure, officeFailure, RETRY_NOTE, type Failure } from './outcome';
import { readState, type ProbeOptions } from './probe';
import { refuseNewer, stampVersion } from './schema-version';
import { queueSelection } from './select';
import { notWrittenNote, refuseUnplaced, unplacedValues } from './unplaced';
import { firstFreeRow, type Found, type Session, type State } from './session';

interface Plan {
  readonly f: Found;
  /** This review's rows the table does not hold yet (all of them, except on a retry). */
  readonly missing: readonly RowValues[];
}

/** Everything is validated before anything is read or written: an invalid row writes zero cells. */
function validateReview(rows: ReviewRows): TableKey[] | Failure {
  const seen = new Set<string>();
  for (const key of TABLE_KEYS) {
    for (const [i, row] of rows[key].entries()) {
      const check = checkRecord(key, row);
      if (!check.ok) {
        return failure(
          'invalid',
          `Nothing written: ${tableName(key)} row ${i + 1} is invalid — ${check.issues.map((x) => x.message).join('; ')}.`,
        );
      }
      const id = String(row.recordId);
      if (seen.has(id))
        return failure('invalid', `Nothing written: Record ID ${id} appears twice in this review.`);
      seen.add(id);
    }
  }
  const keys = TABLE_KEYS.filter((k) => rows[k].length > 0);
  return keys.length > 0 ? keys : failure('invalid', 'Nothing to write: the review has no rows.');
}

/** Cells below the table must be empty, or hold this review's own rows from an interrupted try. */
function belowBlocked(f: Found, missing: readonly RowValues[]): string | null {
  const need = f.bodyEmpty ? Math.max(0, missing.length - f.bodyRows) : missing.length;
  const offset = missing.length - need;
  const used = f.below?.used;
  if (!used || need === 0) return null;
  const firstBelow = f.headerRow + 1 + f.bodyRows;
  let ours = 0;
  while (ours < need && f.below?.ids[ours] === String(missing[offset + ours]?.recordId ?? ''))
    ours += 1;
  const top = used.row - firstBelow;
  const bottom = Math.min(top + used.rows - 1, need - 1);
  if (top >= need || bottom < ours) return null;
  const box: Box = { row: firstBelow, col: f.col, rows: need, cols: f.cols };
  return occupied(
    f,
    'below',
    box,
    'the add-in will not write over them. Move them or the table, then submit again.',
  );
}

/** Decides, from the state read, what each table gets — or why nothing may be written. */
function planAppend(
  s: State,
  rows: ReviewRows,
  keys: readonly TableKey[],
  options: AppendOptions,
): Plan[] | Failure {
  const newer = refuseNewer(s);
  if (newer) return newer;
  const path = s.schema.kind === 'older' ? migrationPath(s.schema.found) : [];
  if (path === null || path.some((m) => Object.keys(m.addColumns).length > 0)) {
    return failure(
      'schema-outdated',
      'Nothing written: the desk tables need updating to this add-in\u2019s schema first (Repair).',
    );
  }
  // Every problem is named; the reason is the one to act on first (create tables, then repair).
  const problems: { reason: WriteFailureReason; text: string }[] = [];
  const plan: Plan[] = [];
  for (const k of keys) {
    const f = s.tables[k];
    if (!f) {
      problems.push({
        reason: 'tables-missing',
        text: `${tableName(k)} is missing (create the desk tables first)`,
      });
    } else if (f.missingRequired.length > 0) {
      problems.push({ reason: 'drift', text: `${lacksRequired(f)} (Repair adds it)` });
    } else {
      const present = new Set(f.recordIds);
      const missing = rows[k].filter((r) => !present.has(String(r.recordId)));
      const blocked = belowBlocked(f, missing);
      if (blocked) problems.push({ reason: 'blocked-below', text: blocked });
      plan.push({ f, missing });
    }
  }
  // Writable: still nothing is written while a typed value has no column, unless the user agreed.
  if (problems.length === 0) return refuseUnplaced(plan, options.dropUnplaced === true) ?? plan;
  const first = (['tables-missing', 'drift', 'blocked-below'] as const).find((r) =>
    problems.some((p) => p.reason === r),
  );
  return failure(first ?? 'drift', `Nothing written: ${problems.map((p) => p.text).join('; ')}.`);
}

/** Where a table's rows of this review are once written: rows already there keep their place. */
function landedOf(f: Found, rows: readonly RowValues[], missing: readonly RowValues[]) {
  const newStart = firstFreeRow(f);
  const positions: number[] = [];
  for (const r of rows) {
    const at = f.recordIds.indexOf(String(r.recordId));
    if (at >= 0) positions.push(f.headerRow + 1 + at);
    else {
      const w = missing.findIndex((x) => x.recordId === r.recordId);
      if (w >= 0) positions.push(newStart + w);
    }
  }
  const lo = Math.min(...positions);
  const hi = Math.max(...positions);
  const box: Box = { row: lo, col: f.col, rows: hi - lo + 1, cols: f.cols };
  const landed: LandedRows = {
    table: f.key,
    address: formatAddress(f.sheet, box),
    recordIds: rows.map((r) => String(r.recordId)),
  };
  return { f, box, landed };
}

export function appendReview(
  session: Session,
  rows: ReviewRows,
  options: AppendOptions = {},
): Promise<WriteOutcome> {
  const keys = validateReview(rows);
  if (!Array.isArray(keys)) return Promise.resolve(keys);
  return attempt(
    session.run,
    async (ctx) => {
      const probe: Partial<Record<TableKey, ProbeOptions>> = {};
      for (const k of keys) probe[k] = { below: rows[k].length };
      const s = await readState(session, ctx, probe);
      const plan = planAppend(s, rows, keys, options);
      if (!Array.isArray(plan)) return plan;

      const landing = plan.map(({ f, missing }) => landedOf(f, rows[f.key], missing));
      const target = landing.find((l) => l.f.key === options.select);
      let selection: SelectionResult | undefined;
      const queueSelect = (): void => {
        if (!target) return;
        selection = target.f.sheetVisible
          ? { ok: true, table: target.f.key, address: queueSelection(ctx, target.f, target.box) }
          : {
              ok: false,
              table: target.f.key,
              message: `the sheet ${target.f.sheet} is hidden; unhide it to see the rows`,
            };
      };

      const batches = packBatches(plan);
      const stamp = s.schema.kind !== 'current';
      if (stamp) stampVersion(ctx, s.schema); // rides with the first write
      if (batches.length === 0) {
        // A retry after everything landed: only the selection (and a stamp) left to send.
        queueSelect();
        if (selection?.ok) await ctx.sync();
      }
      for (const [b, batch] of batches.entries()) {
        const checks = batch.map((p) => ({ p, c: queuePiece(ctx, p) }));
        if (b === batches.length - 1) queueSelect(); // after the resize, in the same sync
        await ctx.sync();
        const bad = checks.find(({ p, c }) => !confirmed(p, c));
        if (bad) {
          return failure(
            'not-confirmed',
            `Could not confirm the rows written to ${TABLES[bad.p.f.key].name}: reading them back by Record ID did not match. ${RETRY_NOTE}`,
          );
        }
      }
      const written = plan.reduce((n, x) => n + x.missing.length, 0);
      const counts = keys.map((k) => plural(rows[k].length, NOUN[k])).join(', ');
      const landed = landing.map((l) => l.landed);
      const where = landed.map((l) => l.address).join(', ');
      const message =
        written === 0
          ? `Already recorded: ${counts} (${where}); nothing written twice.`
          : `Recorded ${counts} (${where}).`;
      const notWritten = options.dropUnplaced ? unplacedValues(plan) : [];
      return {
        ok: true,
        landed,
        message: notWrittenNote(message, notWritten),
        ...(selection ? { selection } : {}),
        ...(notWritten.length > 0 ? { notWritten } : {}),
      };
    },
    officeFailure('Recording the review', RETRY_NOTE),
  );
}
