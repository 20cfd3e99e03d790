/**
 * Sample reviews and prices into a workbook without a desk's own rows: create the tables, then
 * one write of every table's rows (the reviews' three and DeskPrices), all or none.
 *
 * An interrupted insert may have left part of the samples (some tables written, rows below a
 * table not yet inside it). The pane builds the samples with new ids on each click, so a retry
 * recognises the leftovers by content instead: when every row in (and just below) the desk tables
 * is the sample row of its place, ids aside, the retry takes over their Record and Review IDs and
 * the append then adds only what is missing — one copy of each sample, linked as built. When all
 * of them are there already, the insert is refused (it says so); any other row in a desk table
 * refuses it too: sample rows never mix with a desk's own.
 */
import {
  checkRecord,
  columnList,
  recordFromCells,
  REVIEW_KEYS,
  withStamps,
  type DeskRecord,
  type ReviewKey,
  type SampleRecords,
  type TableKey,
} from '../../core';
import { SHEET_ROWS } from '../a1';
import type { ReviewRecords, RecordValues, WriteOutcome } from '../workbook';
import { validateRows, writeRows, REVIEW_WORDS, type TableRows } from './append';
import { ensureTables } from './ensure';
import { tableName } from './messages';
import { attempt, failure, officeFailure, type Failure } from './outcome';
import { readBoxes, readState } from './probe';
import { isEmptyCell, type Found, type Session } from './session';

const IDS = new Set(['recordId', 'reviewId', 'importId']);

/** Every table the sample writes: the reviews' three, then the prices. */
const SAMPLE_KEYS: readonly TableKey[] = [...REVIEW_KEYS, 'prices'];

/** The sample as one write's rows. */
interface Samples extends ReviewRecords {
  readonly prices: readonly DeskRecord<'prices'>[];
}

/** Two rows equal but for their ids (and the live Status now, whose value moves with time). */
function sameButIds(key: TableKey, a: RecordValues, b: RecordValues): boolean {
  return columnList(key).every(
    (c) =>
      IDS.has(c.field) || c.kind === 'formula' || (a[c.field] ?? null) === (b[c.field] ?? null),
  );
}

/** Rows in the table and just below it, in order, up to the first empty row below. */
function leftovers(f: Found, cells: readonly (readonly unknown[])[]): (RecordValues | null)[] {
  const out: (RecordValues | null)[] = [];
  for (const line of cells) {
    if (line.every((v) => isEmptyCell(v, ''))) break;
    const byField: Record<string, unknown> = {};
    f.fields.forEach((field, j) => {
      if (field !== null) byField[field] = line[j];
    });
    const r = recordFromCells(f.key, byField);
    out.push(r.ok ? r.record : null);
  }
  return out;
}

/**
 * The samples with the ids of what an interrupted insert left, or a refusal when the desk tables
 * hold anything else.
 */
async function adoptLeftovers(session: Session, samples: Samples): Promise<Samples | Failure> {
  const samplesOf = (f: Found): readonly RecordValues[] => samples[f.key as ReviewKey | 'prices'];
  return attempt<Samples | Failure>(
    session.run,
    async (ctx) => {
      const s = await readState(session, ctx, {});
      const present = SAMPLE_KEYS.flatMap((k) => (s.tables[k] ? [s.tables[k] as Found] : []));
      const refuse = (tables: readonly Found[]) =>
        failure(
          'not-empty',
          `Sample data goes only into a workbook without desk rows; ${tables.map((f) => tableName(f.key)).join(', ')} already exist${tables.length === 1 ? 's' : ''} with rows of ${tables.length === 1 ? 'its' : 'their'} own.`,
        );
      // Rows beyond the sample's own are a desk's (DeskPrices' empty rows at its end aside).
      const rowsIn = (f: Found): number => f.bodyRows - (f.key === 'prices' ? f.emptyTail : 0);
      const big = present.filter((f) => !f.bodyEmpty && rowsIn(f) > samplesOf(f).length);
      if (big.length > 0) return refuse(big);
      // The body and as many rows below it as the samples have: small, one sync.
      const boxes = present.map((f) => ({
        f,
        box: {
          row: f.headerRow + 1,
          col: f.col,
          rows: Math.min(f.bodyRows + samplesOf(f).length, SHEET_ROWS - f.headerRow - 1),
          cols: f.cols,
        },
      }));
      const read = present.length > 0 ? await readBoxes(ctx, boxes) : [];
      const recordIds = new Map<string, string>();
      const reviewIds = new Map<string, string>();
      const importIds = new Map<string, string>();
      const strangers: Found[] = [];
      let incomplete = false;
      present.forEach((f, i) => {
        const rows = leftovers(f, read[i]?.values ?? []);
        const want = samplesOf(f);
        const ok = rows.every(
          (r, k) =>
            r !== null && want[k] !== undefined && sameButIds(f.key, r, want[k] as RecordValues),
        );
        if (!ok) {
          strangers.push(f);
          return;
        }
        // Rows inside the table (not just below it, where an interrupted write leaves them).
        const inside = Math.min(rows.length, f.bodyEmpty ? 0 : f.bodyRows);
        if (inside < want.length) incomplete = true;
        rows.forEach((r, k) => {
          const w = want[k] as RecordValues;
          const ids = f.key === 'prices' ? importIds : reviewIds;
          const id = f.key === 'prices' ? 'importId' : 'reviewId';
          recordIds.set(String(w.recordId), String((r as RecordValues).recordId));
          ids.set(String(w[id]), String((r as RecordValues)[id]));
        });
      });
      if (strangers.length > 0) return refuse(strangers);
      // Every sample already there (a second click, or a retry after the whole insert landed but
      // its answer was lost): nothing to add, and a second copy is never made.
      if (!incomplete && present.length === SAMPLE_KEYS.length)
        return failure(
          'not-empty',
          'The sample data is already in this workbook, each row once; nothing was written.',
        );
      // The leftovers' ids were read back through recordFromCells; withStamps checks them again.
      const problems: string[] = [];
      const remap = <K extends ReviewKey>(key: K, rows: readonly DeskRecord<K>[]) =>
        rows.flatMap((r) => {
          const s = withStamps(key, r, {
            recordId: recordIds.get(r.recordId) ?? r.recordId,
            reviewId: reviewIds.get(r.reviewId) ?? r.reviewId,
          });
          if (s.ok) return [s.record];
          problems.push(...s.issues.map((i) => `${tableName(key)}: ${i.message}`));
          return [];
        });
      // A price row's ids are its Record ID and its import's (one Import ID for the sample).
      const prices = samples.prices.flatMap((r) => {
        const c = checkRecord('prices', {
          ...r,
          recordId: recordIds.get(r.recordId) ?? r.recordId,
          importId: importIds.get(r.importId) ?? r.importId,
        });
        if (c.ok) return [c.record];
        problems.push(...c.issues.map((i) => `${tableName('prices')}: ${i.message}`));
        return [];
      });
      const remapped: Samples = {
        snapshots: remap('snapshots', samples.snapshots),
        exposures: remap('exposures', samples.exposures),
        triggers: remap('triggers', samples.triggers),
        prices,
      };
      if (problems.length > 0)
        return failure(
          'invalid',
          `Nothing written: the sample rows left by an earlier insert have ids the add-in cannot take over (${problems.join('; ')}).`,
        );
      return remapped;
    },
    officeFailure('Inserting sample data', undefined, 'sample'),
  );
}

/**
 * The sample's reviews and prices into a workbook without desk rows: one write of all four
 * tables' rows, all or none, read back by Record ID; a retry adds only what is missing.
 */
export async function insertSampleData(
  session: Session,
  sample: SampleRecords,
): Promise<WriteOutcome> {
  const merged: Samples = {
    snapshots: sample.reviews.flatMap((r) => r.snapshots),
    exposures: sample.reviews.flatMap((r) => r.exposures),
    triggers: sample.reviews.flatMap((r) => r.triggers),
    prices: sample.prices,
  };
  const keys = validateRows(merged as TableRows, SAMPLE_KEYS, 'sample');
  if (!Array.isArray(keys)) return keys;
  const samples = await adoptLeftovers(session, merged);
  if ('ok' in samples) return samples;
  const made = await ensureTables(session);
  if (!made.ok) return made;
  const written = await writeRows(session, samples as TableRows, keys, {}, {}, REVIEW_WORDS);
  return written.ok ? { ...written, message: `Sample data: ${written.message}` } : written;
}
