/**
 * Appending one review of checked records: refuse a repeated Record ID, read the tables (1 sync), then write every table's
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
import {
  columnList,
  migrationPath,
  REVIEW_KEYS,
  tableNoun,
  type DeskRecord,
  type TableKey,
  TABLES,
} from '../../core';
import { formatAddress, type Box } from '../a1';
import { guardedRefusal, intruders, tableMoved, takeBack } from './guard';
import {
  notWrittenNote,
  type AppendOptions,
  type LandedRows,
  type ReviewRecords,
  type RecordValues,
  type SelectionResult,
  type WriteFailureReason,
  type WriteOutcome,
} from '../workbook';
import { confirmed, packBatches, pieceBox, queuePiece, type Run } from './batches';
import { lacksRequired, occupied, occupiedCells, plural, sentence, tableName } from './messages';
import { attempt, failure, officeFailure, RETRY_NOTE, type Failure } from './outcome';
import { readBelowRest, readState, type ProbeOptions } from './probe';
import { refuseNewer, stampVersion } from './schema-version';
import { queueSelection } from './select';
import type { Found, Session, State } from './session';
import { placeRows, waitingRow, waitingSentence, type WaitingRow } from './stranded';
import { refuseUnplaced, unplacedValues } from './unplaced';

/** Checked records per table: what one write puts in (a review's three tables, an import's one). */
export type TableRows = { readonly [K in TableKey]?: readonly DeskRecord<K>[] };

/** The rows of table `k` (none when the write has none for it). */
const rowsOf = (rows: TableRows, k: TableKey): readonly RecordValues[] => rows[k] ?? [];

/** What a write with batches lets its caller do between them (an import's progress and cancel). */
export interface WriteHooks {
  /** Before batch `b` (0-based) of `count` is sent: false stops the write there (a cancel). */
  readonly proceed?: (b: number, count: number) => boolean;
  /** After each batch is confirmed: this write's rows in so far, and how many it puts in. */
  readonly progress?: (written: number, total: number) => void;
  /**
   * Just before the first request that writes a cell (from then on a failure may leave some),
   * with each table's body rows as read before it.
   */
  readonly sending?: (
    tables: readonly { readonly id: string; readonly bodyRows: number }[],
  ) => void;
  /** Before each batch is sent: the cells (sheet coordinates) its pieces write. */
  readonly sent?: (boxes: readonly Box[]) => void;
}

/** How one write speaks: what it is doing, for Excel's errors, and what its rows are. */
export interface WriteWords {
  readonly doing: string;
  readonly after: string;
  /** "Recorded 1 snapshot, …" / "Already recorded: …" from the counts and where they landed. */
  readonly done: (counts: string, where: string, written: number) => string;
}

export const REVIEW_WORDS: WriteWords = {
  doing: 'Recording the review',
  after: RETRY_NOTE,
  done: (counts, where, written) =>
    written === 0
      ? `Already recorded: ${counts} (${where}); nothing written twice.`
      : `Recorded ${counts} (${where}).`,
};

interface Plan {
  /** The table as read. */
  readonly f: Found;
  /** This review's rows the write puts in (all of them, except on a retry or an adoption). */
  readonly missing: readonly RecordValues[];
  /** Where they go: runs of rows, between desk rows adopted from below (stranded.ts). */
  readonly runs: readonly Run[];
  /** Desk rows directly below the table taken into it by this write, as they are. */
  readonly adopted: readonly string[];
  /** Record ID → sheet row, for every row of this review once written. */
  readonly at: ReadonlyMap<string, number>;
  /** Body rows of the table once written. */
  readonly bodyRowsAfter: number;
}

/**
 * The records were checked by the schema where they were made (`checkRecord`: the builder, a
 * receipt or a read-back); what one review can still get wrong is checked here, before anything
 * is read or written: a Record ID twice, or nothing to write. Either writes zero cells.
 */
export function validateRows(
  rows: TableRows,
  tables: readonly TableKey[],
  what: string,
): TableKey[] | Failure {
  const seen = new Set<string>();
  for (const key of tables) {
    for (const row of rowsOf(rows, key)) {
      const id = String(row.recordId);
      if (seen.has(id))
        return failure(
          'invalid',
          `Nothing written: Record ID ${id} appears twice in this ${what}.`,
        );
      seen.add(id);
    }
  }
  const keys = tables.filter((k) => rowsOf(rows, k).length > 0);
  return keys.length > 0 ? keys : failure('invalid', `Nothing to write: the ${what} has no rows.`);
}

/** The sheet ends before the rows this write needs. */
function noRoom(f: Found, need: number): string {
  const room = f.below?.room ?? 0;
  const last = f.headerRow + f.bodyRows + 1;
  return room === 0
    ? `${tableName(f.key)} ends at row ${last.toLocaleString('en-US')}, the last row of the sheet: there is no room below it for new rows. Move the table up or start a new sheet for it, then submit again`
    : `${tableName(f.key)} ends at row ${last.toLocaleString('en-US')}: the sheet has room below it for ${plural(room, 'row')}, not ${need}. Move the table up, then submit again`;
}

/**
 * What is in the way, from sheet row `row` for `rows` rows: each occupied cell named with what it
 * holds — or, for desk rows the write could not adopt, why (waiting to be taken in).
 */
function inTheWay(f: Found, row: number, rows: number): string {
  const below = f.below as NonNullable<Found['below']>;
  const from = row - below.row;
  const taken = occupiedCells(below, (i) => i >= from && i < from + rows);
  const waiting = [...new Set(taken.map((c) => c.row - below.row))]
    .map((i) => waitingRow(f, i))
    .filter((w): w is WaitingRow => w !== null);
  const theirs = taken.filter((c) => !waiting.some((w) => w.sheetRow === c.row + 1));
  return sentence([
    ...(waiting.length > 0 ? [waitingSentence(f, waiting)] : []),
    ...(theirs.length > 0
      ? [
          occupied(
            f,
            'below',
            theirs,
            'the add-in will not write over them. Move them or the table, then submit again.',
          ),
        ]
      : []),
  ]).replace(/\.$/, '');
}

/**
 * Where one table's rows go (stranded.ts): into the empty rows at its bottom and the empty rows
 * below it — read cell by cell in the first sync — taking in the desk rows left there; or why
 * nothing may be written, or how many rows below must be read first.
 */
function planTable(f: Found, rows: readonly RecordValues[]): Plan | string | { more: number } {
  const present = new Set(f.recordIds);
  const missing = rows.filter((r) => !present.has(String(r.recordId)));
  const p = placeRows(f, missing);
  if (p.kind === 'more') return { more: p.rows };
  if (p.kind === 'no-room') return noRoom(f, Math.max(0, missing.length - f.emptyTail));
  if (p.kind === 'blocked') return inTheWay(f, p.row, p.rows);
  return {
    f,
    missing: p.segments.flatMap((x) => x.rows),
    runs: p.segments.map((x) => ({ f, start: x.start, rows: x.rows })),
    adopted: p.adopted,
    at: p.at,
    bodyRowsAfter: p.bodyRowsAfter,
  };
}

/** Decides, from the state read, what each table gets — or why nothing may be written. */
function planAppend(
  s: State,
  rows: TableRows,
  keys: readonly TableKey[],
  options: AppendOptions,
): Plan[] | Failure | { more: Partial<Record<TableKey, number>> } {
  const newer = refuseNewer(s);
  if (newer) return newer;
  const path = s.schema.kind === 'older' ? migrationPath(s.schema.found) : [];
  // A step that only adds tables (v2→v3: DeskPrices) changes no table a write uses: no block.
  if (path === null || path.some((m) => Object.keys(m.addColumns).length > 0)) {
    return failure(
      'schema-outdated',
      'Nothing written: the desk tables need updating to this add-in\u2019s schema first (Repair).',
    );
  }
  // Every problem is named; the reason is the one to act on first (create tables, then repair).
  const problems: { reason: WriteFailureReason; text: string }[] = [];
  const plan: Plan[] = [];
  const more: Partial<Record<TableKey, number>> = {};
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
      const p = planTable(f, rowsOf(rows, k));
      if (typeof p === 'string') problems.push({ reason: 'blocked-below', text: p });
      else if ('more' in p) more[k] = p.more;
      else plan.push(p);
    }
  }
  if (problems.length === 0 && Object.keys(more).length > 0) return { more };
  // Writable: still nothing is written while a typed value has no column, unless the user agreed.
  if (problems.length === 0) return refuseUnplaced(plan, options.dropUnplaced === true) ?? plan;
  const first = (['tables-missing', 'drift', 'blocked-below'] as const).find((r) =>
    problems.some((p) => p.reason === r),
  );
  return failure(first ?? 'drift', `Nothing written: ${sentence(problems.map((p) => p.text))}`);
}

/** Where a table's rows of this review are once written: rows already there keep their place. */
function landedOf(p: Plan, rows: readonly RecordValues[]) {
  const { f } = p;
  const positions = rows.flatMap((r) => {
    const at = p.at.get(String(r.recordId));
    return at === undefined ? [] : [at];
  });
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

/** Cells the first sync reads below all tables at most (about 3.6 MB of answer). */
const FIRST_READ_CELLS = 600_000;

/** Rows below table `k` the first sync reads: all this review needs, unless the import is huge. */
function firstRead(rows: TableRows, keys: readonly TableKey[], k: TableKey): number {
  const cells = keys.reduce((n, key) => n + rowsOf(rows, key).length * columnList(key).length, 0);
  const share = cells <= FIRST_READ_CELLS ? 1 : FIRST_READ_CELLS / cells;
  return Math.max(1, Math.floor(rowsOf(rows, k).length * share));
}

/**
 * Plans the write on the cells read below the tables; when desk rows adopted there (or empty rows
 * left inside the table) push it further down than was read, reads on first (rare: one more sync
 * each time).
 */
async function planReading(
  ctx: Excel.RequestContext,
  read: State,
  rows: TableRows,
  keys: readonly TableKey[],
  options: AppendOptions,
): Promise<{ s: State; plan: Plan[] | Failure }> {
  let s = read;
  for (;;) {
    const plan = planAppend(s, rows, keys, options);
    if (Array.isArray(plan) || !('more' in plan)) return { s, plan };
    const want = plan.more;
    const next = await readBelowRest(ctx, s, (k) => want[k] ?? 0);
    if (next === s) throw new Error('the cells below a table could not be read further');
    s = next;
  }
}

/** Queues resizing a table to `rows` (header included) at its place. */
function queueResize(ctx: Excel.RequestContext, f: Found, rows: number): void {
  const table = ctx.workbook.tables.getItem(f.id);
  table.resize(table.worksheet.getRangeByIndexes(f.headerRow, f.col, rows, f.cols));
}

/**
 * Queues the table's resize over desk rows adopted after the last row this write puts in, with
 * its size read just before (to notice a co-author's change since the read) and after.
 */
function queueAdoption(
  ctx: Excel.RequestContext,
  p: Plan,
  expect: number,
): { p: Plan; expect: number; before: Excel.Range; after: Excel.Range } {
  const table = () => ctx.workbook.tables.getItem(p.f.id);
  const before = table().getRange().load('rowCount');
  queueResize(ctx, p.f, 1 + p.bodyRowsAfter);
  return { p, expect, before, after: table().getRange().load('rowCount') };
}

/** " DeskTriggers took in 2 desk rows left just below it (Record ID …)." */
function adoptedNote(
  adopted: readonly { table: TableKey; recordIds: readonly string[] }[],
): string {
  return adopted
    .map(
      (a) =>
        ` ${tableName(a.table)} took in ${plural(a.recordIds.length, 'desk row')} left just below it (Record ID ${a.recordIds.slice(0, 3).join(', ')}${a.recordIds.length > 3 ? ', …' : ''}), as they were.`,
    )
    .join('');
}

/**
 * A migration that only adds tables (v2→v3) is finished by creation, not by a write: the version
 * is restamped with a write only when every table the path adds is there.
 */
function stampsWithWrite(s: State): boolean {
  if (s.schema.kind === 'current') return false;
  const path = s.schema.kind === 'older' ? (migrationPath(s.schema.found) ?? []) : [];
  return path.every((m) => (m.addTables ?? []).every((k) => s.tables[k] !== undefined));
}

export function appendReview(
  session: Session,
  rows: ReviewRecords,
  options: AppendOptions = {},
): Promise<WriteOutcome> {
  const keys = validateRows(rows, REVIEW_KEYS, 'review');
  if (!Array.isArray(keys)) return Promise.resolve(keys);
  return writeRows(session, rows, keys, options, {}, REVIEW_WORDS);
}

/** One table's records (a second table merged into the desk's: duplicates.ts), as a review's are. */
export function appendTable(
  session: Session,
  key: TableKey,
  records: readonly DeskRecord<TableKey>[],
): Promise<WriteOutcome> {
  const rows = { [key]: records } as TableRows;
  const keys = validateRows(rows, [key], 'table');
  if (!Array.isArray(keys)) return Promise.resolve(keys);
  return writeRows(session, rows, keys, {}, {}, REVIEW_WORDS);
}

/**
 * Writes every table's rows (validated: `validateRows`), in batches under the request limit, each
 * read back by Record ID; a retry adds only what is missing.
 */
export function writeRows(
  session: Session,
  rows: TableRows,
  keys: readonly TableKey[],
  options: AppendOptions,
  hooks: WriteHooks,
  words: WriteWords,
): Promise<WriteOutcome> {
  const total = keys.reduce((n, k) => n + rowsOf(rows, k).length, 0);
  return attempt(
    session.run,
    async (ctx) => {
      const probe: Partial<Record<TableKey, ProbeOptions>> = {};
      for (const k of keys) probe[k] = { below: firstRead(rows, keys, k) };
      const read = await readState(session, ctx, probe);
      // An import too large to read below in one sync: the rest, by position, before writing.
      const { s, plan } = await planReading(
        ctx,
        await readBelowRest(ctx, read, (k) => rowsOf(rows, k).length),
        rows,
        keys,
        options,
      );
      if (!Array.isArray(plan)) return plan;

      const landing = plan.map((p) => landedOf(p, rowsOf(rows, p.f.key)));
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

      const batches = packBatches(plan.flatMap((p) => p.runs));
      // Rows of this write already in before it (a retry's), then counted as each batch lands.
      let written = total - plan.reduce((n, x) => n + x.missing.length, 0);
      const stop = (b: number): Failure | null =>
        hooks.proceed && !hooks.proceed(b, batches.length)
          ? failure(
              'cancelled',
              `Cancelled after ${plural(written, 'row')} of ${total.toLocaleString('en-US')}.`,
            )
          : null;
      const stopped = batches.length > 0 ? stop(0) : null;
      if (stopped) return stopped;
      if (stampsWithWrite(s)) stampVersion(ctx, s.schema); // rides with the first write
      // Desk rows adopted after the last row written: one more resize, with the last write.
      const reached = (p: Plan): number =>
        batches
          .flat()
          .filter((x) => x.f.id === p.f.id)
          .reduce((n, x) => Math.max(n, x.bodyRowsAfter), p.f.bodyRows);
      const trailing = plan.filter((p) => p.bodyRowsAfter > reached(p));
      let adoptions: ReturnType<typeof queueAdoption>[] = [];
      if (batches.length === 0) {
        // A retry after everything landed: only the selection (a stamp, an adoption) left.
        adoptions = trailing.map((p) => queueAdoption(ctx, p, reached(p)));
        queueSelect();
        if (selection?.ok || adoptions.length > 0) await ctx.sync();
      }
      if (batches.length > 0)
        hooks.sending?.(plan.map((p) => ({ id: p.f.id, bodyRows: p.f.bodyRows })));
      for (const [b, batch] of batches.entries()) {
        const cancel = b > 0 ? stop(b) : null;
        if (cancel) return cancel;
        hooks.sent?.(batch.map(pieceBox));
        const checks = batch.map((p) => ({ p, c: queuePiece(ctx, p) }));
        if (b === batches.length - 1) {
          adoptions = trailing.map((p) => queueAdoption(ctx, p, reached(p)));
          queueSelect(); // after the resize, in the same sync
        }
        await ctx.sync();
        const found = checks.map(({ c }) => ({ g: c.guard, found: intruders(c.guard) }));
        if (found.some((x) => x.found.length > 0 || tableMoved(x.g))) {
          // A colleague typed into these cells after the first read: put back what they held.
          await takeBack(ctx, found);
          return guardedRefusal('blocked-below', 'below', found, b > 0);
        }
        const bad = checks.find(({ p, c }) => !confirmed(p, c));
        if (bad) {
          return failure(
            'not-confirmed',
            `Could not confirm the rows written to ${TABLES[bad.p.f.key].name}: reading them back by Record ID did not match. ${words.after}`,
          );
        }
        written += batch.reduce((n, p) => n + p.rows.length, 0);
        hooks.progress?.(written, total);
      }
      const moved = adoptions.find((a) => a.before.rowCount !== 1 + a.expect);
      if (moved) {
        // The table changed since the read: the resize may cover what is no longer there.
        for (const a of adoptions) queueResize(ctx, a.p.f, a.before.rowCount);
        await ctx.sync();
        return failure(
          'not-confirmed',
          `${TABLES[moved.p.f.key].name} changed size between the add-in's read and its write (a co-author's rows arrived, or were taken back); the add-in left it as it was. ${words.after}`,
        );
      }
      const short = adoptions.find((a) => a.after.rowCount - 1 < a.p.bodyRowsAfter);
      if (short) {
        return failure(
          'not-confirmed',
          `Could not confirm that ${TABLES[short.p.f.key].name} took in the desk rows just below it. ${words.after}`,
        );
      }
      const wrote = plan.reduce((n, x) => n + x.missing.length, 0);
      const counts = keys.map((k) => plural(rowsOf(rows, k).length, tableNoun(k))).join(', ');
      const landed = landing.map((l) => l.landed);
      const where = landed.map((l) => l.address).join(', ');
      const adopted = plan
        .filter((p) => p.adopted.length > 0)
        .map((p) => ({ table: p.f.key, recordIds: p.adopted }));
      const message = words.done(counts, where, wrote) + adoptedNote(adopted);
      const notWritten = options.dropUnplaced ? unplacedValues(plan) : [];
      return {
        ok: true,
        landed,
        message: notWrittenNote(message, notWritten),
        ...(selection ? { selection } : {}),
        ...(notWritten.length > 0 ? { notWritten } : {}),
        ...(adopted.length > 0 ? { adopted } : {}),
      };
    },
    officeFailure(words.doing, words.after, 'append'),
  );
}
