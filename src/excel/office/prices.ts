/**
 * Importing price rows into DeskPrices: all of them or none. The rows go in like a review's
 * (append.ts: below the table, the table grown over them, each batch read back by Record ID), in
 * batches under the request limit (batches.ts), with the caller's progress and cancel between
 * batches. A cancel, or a failure after anything was sent, takes the import out again
 * (`takeOut`): every row holding one of its Record IDs and its Import ID is cleared — in the table,
 * and in the rows just below it where a request cut short leaves cells outside the table — and the
 * table is shrunk back over what it grew by, never below its size before the import and never
 * over a row that is not the import's. A colleague's row is never cleared or moved.
 *
 * A retry of the same rows after an unknown outcome adds only what is missing (Record IDs), so an
 * import is never in the table twice.
 *
 *   import: read (1 sync; more only past 600,000 cells below), one sync per batch
 *   take-out: read (1 sync), Import IDs (1 sync), clear + shrink + read-back (1 sync)
 */
import type { DeskRecord } from '../../core';
import { runs, type Box } from '../a1';
import { officeErrorSentence } from '../office-errors';
import type { ImportOptions, WriteOutcome } from '../workbook';
import { validateRows, writeRows, type WriteHooks, type WriteWords } from './append';
import { plural, tableName } from './messages';
import { attempt, failure } from './outcome';
import { readBelowRest, readState } from './probe';
import { isEmptyCell, type Found, type Session } from './session';

const count = (n: number): string => n.toLocaleString('en-US');
const rowsWord = (n: number): string => `${count(n)} price row${n === 1 ? '' : 's'}`;

const PRICE_WORDS: WriteWords = {
  doing: 'Importing the prices',
  after: '',
  done: (_counts, where, written) =>
    written === 0 ? `Already imported (${where}); nothing written twice.` : `Imported (${where}).`,
};

/** One Import ID for every row, or why not. */
function importIdOf(rows: readonly DeskRecord<'prices'>[]): string | null {
  const ids = new Set(rows.map((r) => r.importId));
  return ids.size === 1 ? (rows[0] as DeskRecord<'prices'>).importId : null;
}

export async function appendPrices(
  session: Session,
  rows: readonly DeskRecord<'prices'>[],
  o: ImportOptions = {},
): Promise<WriteOutcome> {
  const keys = validateRows({ prices: rows }, ['prices'], 'import');
  if (!Array.isArray(keys)) return keys;
  const importId = importIdOf(rows);
  if (importId === null)
    return failure('invalid', 'Nothing written: the rows of one import must share one Import ID.');
  const boxes: Box[] = [];
  let before: number | null = null;
  const hooks: WriteHooks = {
    proceed: () => !(o.cancelled?.() ?? false),
    progress: (written, total) => o.onProgress?.(written, total),
    sending: (tables) => {
      before = tables[0]?.bodyRows ?? null;
    },
    sent: (b) => boxes.push(...b),
  };
  const r = await writeRows(session, { prices: rows }, keys, {}, hooks, PRICE_WORDS);
  if (r.ok)
    return {
      ...r,
      message: r.message.replace(
        /^(Already imported|Imported)/,
        (w) => `${w} ${rowsWord(rows.length)} into ${tableName('prices')}`,
      ),
    };
  // Nothing sent (a refusal, or a cancel before the first batch): nothing to take out.
  if (boxes.length === 0)
    return r.reason === 'cancelled'
      ? failure('cancelled', 'Import cancelled before any row was written; nothing changed.')
      : r;
  const ids = new Set(rows.map((x) => x.recordId));
  const out = await takeOut(session, { ids, importId, boxes, before });
  // The generic write's words for what stays ("the rows already confirmed stay") do not hold here.
  const what =
    r.reason === 'cancelled'
      ? `Import cancelled (${r.message.replace(/^Cancelled /, '').replace(/\.$/, '')}).`
      : r.message.replace(/^Stopped part-way \([^)]*\): /, 'Import stopped: ').trim();
  if (!out.ok)
    return failure(
      r.reason,
      `${what} Taking its rows out again failed too (${out.message}): rows of Import ID ${importId} may be in ${tableName('prices')}. Importing the same rows again completes it without writing any twice.`,
    );
  const taken =
    out.removed === 0
      ? `Nothing of this import is in ${tableName('prices')}.`
      : `The ${rowsWord(out.removed)} it had written ${out.removed === 1 ? 'was' : 'were'} taken out again: nothing of this import is in ${tableName('prices')}.`;
  const left = out.leftInside > 0 ? ` ${leftInsideSentence(out.leftInside)}` : '';
  return failure(r.reason, `${what} ${taken}${left}`);
}

const leftInsideSentence = (n: number): string =>
  `${plural(n, 'empty row')} stay${n === 1 ? 's' : ''} inside ${tableName('prices')} where the import's rows were, because a colleague's rows follow them (the add-in never moves those).`;

interface TakeOut {
  readonly ids: ReadonlySet<string>;
  readonly importId: string;
  /** The cells this attempt's batches wrote (an emptied row there may still carry its formats). */
  readonly boxes: readonly Box[];
  /** The table's body rows before the import: it is never shrunk below them. */
  readonly before: number | null;
}

type TakeOutResult =
  | { readonly ok: true; readonly removed: number; readonly leftInside: number }
  | { readonly ok: false; readonly message: string };

/** Sheet rows to clear, in order, as runs. */
const rowRuns = (rows: readonly number[]) => runs([...rows].sort((a, b) => a - b));

/** The table's columns the schema knows, as runs of columns (a user's own columns are kept). */
function schemaColumns(f: Found): { col: number; n: number }[] {
  return runs(f.fields.flatMap((field, j) => (field === null ? [] : [f.col + j]))).map((x) => ({
    col: x.start,
    n: x.length,
  }));
}

/** Takes every row of the import out of DeskPrices and the rows below it (see the header). */
function takeOut(session: Session, t: TakeOut): Promise<TakeOutResult> {
  return attempt<TakeOutResult>(
    session.run,
    async (ctx) => {
      const n = t.ids.size;
      const read = await readState(session, ctx, { prices: { below: Math.min(n, 50_000) } });
      const s = await readBelowRest(ctx, read, () => n);
      const f = s.tables.prices;
      if (!f) return { ok: true, removed: 0, leftInside: 0 };
      const idAt = f.fields.indexOf('recordId');
      const importAt = f.fields.indexOf('importId');
      // Without both columns no row can be told to be the import's: nothing is cleared.
      if (idAt < 0 || importAt < 0)
        return {
          ok: false,
          message: `${tableName('prices')} has no 'Record ID' or no 'Import ID' column to find the import's rows by`,
        };
      const table = () => ctx.workbook.tables.getItem(f.id);
      const importIds =
        f.bodyRows > 0 ? table().getDataBodyRange().getColumn(importAt).load('values') : null;
      await ctx.sync();
      const first = f.headerRow + 1; // sheet row of the first body row
      const mine = (id: unknown, imp: unknown): boolean =>
        t.ids.has(String(id ?? '').trim()) && String(imp ?? '').trim() === t.importId;
      const inside: number[] = [];
      f.recordIds.forEach((id, i) => {
        if (mine(id, importIds?.values[i]?.[0])) inside.push(first + i);
      });
      const below = f.below;
      const outside: number[] = []; // sheet rows below the table to clear
      let removedBelow = 0;
      const tableEnd = first + f.bodyRows;
      const wrote = (r: number) => t.boxes.some((b) => r >= b.row && r < b.row + b.rows);
      below?.values.forEach((line, i) => {
        const formulas = below.formulas[i] ?? [];
        const r = below.row + i;
        // This import's rows, and empty rows it wrote to (their formats and validation).
        if (mine(line[idAt], line[importAt])) {
          outside.push(r);
          removedBelow += 1;
        } else if (wrote(r) && line.every((v, j) => isEmptyCell(v, formulas[j]))) outside.push(r);
      });
      if (inside.length === 0 && outside.length === 0)
        return { ok: true, removed: 0, leftInside: 0 };
      // The table shrinks back over its bottom rows that are the import's (or rows without a
      // Record ID it grew by), never below its size before the import, never over anyone's row.
      const ours = new Set(inside);
      const floor = Math.max(1, t.before ?? 1);
      const grewBy = (i: number) => t.before !== null && i >= t.before && f.recordIds[i] === '';
      let keep = f.bodyRows;
      while (keep > floor && (ours.has(first + keep - 1) || grewBy(keep - 1))) keep -= 1;
      const leftInside = inside.filter((r) => r - first < keep && r - first >= floor).length;
      const sheet = table().worksheet;
      const cols = schemaColumns(f);
      // Below the table first: a take-out cut short never leaves the import's rows where the next
      // append would take them in (stranded.ts); then inside; then the table shrinks back.
      for (const list of [outside, inside])
        for (const run of rowRuns(list))
          for (const c of cols) sheet.getRangeByIndexes(run.start, c.col, run.length, c.n).clear();
      if (keep < f.bodyRows)
        table().resize(sheet.getRangeByIndexes(f.headerRow, f.col, 1 + keep, f.cols));
      // Read back, in the same request: no Record ID of the import is left where it wrote.
      const span = Math.max(tableEnd, ...outside.map((r) => r + 1)) - first;
      const check = sheet.getRangeByIndexes(first, f.col + idAt, span, 1).load('values');
      await ctx.sync();
      const still = check.values.filter((v) => t.ids.has(String(v[0] ?? '').trim())).length;
      if (still > 0)
        return {
          ok: false,
          message: `${plural(still, 'row')} of the import could still be read back after clearing`,
        };
      return { ok: true, removed: inside.length + removedBelow, leftInside };
    },
    (e) => ({ ok: false, message: officeErrorSentence(e, 'Taking the import out') }),
  );
}
