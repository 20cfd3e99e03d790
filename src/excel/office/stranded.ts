/**
 * Desk rows left just below a table: a co-author's resize that won a merge shrank the table back
 * under another pane's rows (co-authoring settles a table's range by last writer wins), or a pane
 * stopped after writing its rows and never came back. They are outside the record, and they stand
 * where every later append would write. An append adopts them: the table is resized over them,
 * their cells are never rewritten or moved — only rows that are complete, valid desk records
 * whose Record ID the table does not hold yet, directly below the table. Anything else there
 * (a colleague's row that merely looks like a desk row included) is refused as before, and a
 * desk-looking row that cannot be adopted is named as such, with why.
 *
 * Decided on the cells below that the append's first read took (probe.ts), no read of its own.
 */
import { columnList, recordFromCells, type DeskRecord, type TableKey } from '../../core';
import { formatAddress } from '../a1';
import type { RecordValues } from '../workbook';
import { plural, tableName } from './messages';
import { isEmptyCell, type Found } from './session';

/** Why one row below a table is not a complete desk row, or null when it is one (with its id). */
type RowJudgement =
  | { readonly desk: true; readonly recordId: string }
  | { readonly desk: false; readonly looksLikeDesk: boolean; readonly reason: string };

/**
 * The desk rows below a second table the add-in made (duplicates.ts), top down, as records —
 * complete rows with a Record ID new to it, across empty rows (on its own sheet nothing else is
 * expected there), up to the first row that is neither — and how many rows below they span.
 */
export function desksBelow(f: Found): { records: DeskRecord<TableKey>[]; span: number } {
  const below = f.below;
  const records: DeskRecord<TableKey>[] = [];
  let span = 0;
  if (!below) return { records, span };
  const seen = new Set(f.recordIds);
  const cols = columnList(f.key);
  for (let i = 0; i < below.values.length; i += 1) {
    const values = below.values[i] ?? [];
    const formulas = below.formulas[i] ?? [];
    if (values.every((v, j) => isEmptyCell(v, formulas[j]))) continue;
    const row = judgeRow(f, values, formulas);
    if (!row.desk || seen.has(row.recordId)) break;
    seen.add(row.recordId);
    const byField: Record<string, unknown> = {};
    f.fields.forEach((field, j) => {
      if (field !== null && cols.some((c) => c.field === field)) byField[field] = values[j];
    });
    const record = recordFromCells(f.key, byField);
    if (!record.ok) break;
    records.push(record.record);
    span = i + 1;
  }
  return { records, span };
}

/** Judges one row read below `f`: every cell as the add-in writes it, and a valid record. */
export function judgeRow(
  f: Found,
  values: readonly unknown[],
  formulas: readonly unknown[],
): RowJudgement {
  const cols = columnList(f.key);
  const byField: Record<string, unknown> = {};
  let foreign: string | null = null;
  let own = 0; // the user's own columns seen so far (f.extra is in column order)
  f.fields.forEach((field, j) => {
    const col = field === null ? undefined : cols.find((c) => c.field === field);
    if (!col) {
      const header = f.extra[own] ?? 'a column of yours';
      own += 1;
      // The add-in writes nothing into a user's column.
      if (!isEmptyCell(values[j], formulas[j])) foreign ??= `'${header}' holds a value`;
      return;
    }
    if (col.kind === 'formula') {
      if (String(formulas[j] ?? '') !== (col.formula ?? ''))
        foreign ??= `'${col.header}' does not hold the add-in's formula`;
      return;
    }
    byField[col.field] = values[j];
  });
  const idIndex = f.fields.indexOf('recordId');
  const id = String(values[idIndex] ?? '').trim();
  const check = recordFromCells(f.key, byField);
  const idOk = id !== '' && (check.ok || check.issues.every((x) => x.field !== 'recordId'));
  if (check.ok && foreign === null) return { desk: true, recordId: id };
  const reason = foreign ?? (check.ok ? '' : (check.issues[0]?.message ?? 'not a valid record'));
  return { desk: false, looksLikeDesk: idOk, reason };
}

/** A run of this write's rows, one below the other. */
export interface Segment {
  /** Sheet row (0-based) of the first row. */
  readonly start: number;
  readonly rows: readonly RecordValues[];
}

export type Placement =
  | {
      readonly kind: 'placed';
      readonly segments: readonly Segment[];
      /** Record IDs of the desk rows taken in, top down. */
      readonly adopted: readonly string[];
      /** Where every row of the table this write touches ends up: Record ID → sheet row. */
      readonly at: ReadonlyMap<string, number>;
      /** Body rows of the table once the write is in. */
      readonly bodyRowsAfter: number;
    }
  /** The rows below read so far end before the write does: read this many in all, then again. */
  | { readonly kind: 'more'; readonly rows: number }
  /** The sheet ends first. */
  | { readonly kind: 'no-room' }
  /** Something that is neither empty nor a desk row to adopt is in the way, from `row` (sheet). */
  | { readonly kind: 'blocked'; readonly row: number; readonly rows: number };

type Slot =
  | { readonly kind: 'empty' | 'unread' | 'edge' | 'taken' }
  | { readonly kind: 'desk'; readonly recordId: string };

/**
 * Where an append's rows go, decided on the cells read below the table: first the empty rows at
 * the table's bottom, then the rows below it — each empty one takes the next row, each desk row
 * to adopt is taken in as it is (its Record ID new to the table), anything else stops the write.
 * A row of this very review found there (an interrupted try, or a resize lost in a merge) is
 * adopted, not written again. Desk rows directly after the last row written are taken in too:
 * the pane that left them may never come back.
 */
export function placeRows(f: Found, missing: readonly RecordValues[]): Placement {
  const below = f.below;
  const tableEnd = f.headerRow + 1 + f.bodyRows; // the first sheet row below the table
  const at = new Map<string, number>();
  f.recordIds.forEach((id, i) => {
    if (id !== '') at.set(id, f.headerRow + 1 + i);
  });
  const seen = new Set(f.recordIds);
  const slot = (r: number): Slot => {
    if (!below) return { kind: 'empty' }; // not read: a caller that does not check
    const i = r - below.row;
    if (r - tableEnd >= below.room) return { kind: 'edge' };
    if (i >= below.values.length) return { kind: 'unread' };
    const values = below.values[i] ?? [];
    const formulas = below.formulas[i] ?? [];
    if (values.every((v, j) => isEmptyCell(v, formulas[j]))) return { kind: 'empty' };
    const row = judgeRow(f, values, formulas);
    return row.desk && !seen.has(row.recordId)
      ? { kind: 'desk', recordId: row.recordId }
      : { kind: 'taken' };
  };
  // This review's rows already waiting below, in the stretch the write can reach: adopted there.
  const ahead = new Set<string>();
  for (let r = tableEnd; ; r += 1) {
    const s = slot(r);
    if (s.kind === 'desk') {
      if (ahead.has(s.recordId)) break; // a copy: stop before it
      ahead.add(s.recordId);
    } else if (s.kind !== 'empty') break;
  }
  const waiting = new Set(missing.map((m) => String(m.recordId)).filter((id) => ahead.has(id)));
  const queue = missing.filter((m) => !waiting.has(String(m.recordId)));
  const segments: { start: number; rows: RecordValues[] }[] = [];
  const place = (r: number, row: RecordValues) => {
    const last = segments[segments.length - 1];
    if (last && last.start + last.rows.length === r) last.rows.push(row);
    else segments.push({ start: r, rows: [row] });
    at.set(String(row.recordId), r);
  };
  const adopted: string[] = [];
  let used = tableEnd; // one past the last row the table will cover
  let r = tableEnd - f.emptyTail;
  for (; queue.length > 0 || waiting.size > 0; r += 1) {
    if (r < tableEnd) {
      if (queue.length > 0) place(r, queue.shift() as RecordValues);
      continue;
    }
    const s = slot(r);
    if (s.kind === 'unread') return { kind: 'more', rows: moreRows(f, missing) };
    if (s.kind === 'edge') return { kind: 'no-room' };
    if (s.kind === 'taken') return { kind: 'blocked', row: r, rows: Math.max(1, queue.length) };
    if (s.kind === 'desk') {
      adopted.push(s.recordId);
      seen.add(s.recordId);
      waiting.delete(s.recordId);
      at.set(s.recordId, r);
    } else if (queue.length > 0) place(r, queue.shift() as RecordValues);
    // else: an empty row left inside the table on the way to this review's own rows (rare)
    used = r + 1;
  }
  // Desk rows right after the last row (not after empty rows left at the table's bottom).
  for (let s = r >= tableEnd ? slot(r) : null; s?.kind === 'desk'; r += 1, s = slot(r)) {
    adopted.push(s.recordId);
    seen.add(s.recordId);
    at.set(s.recordId, r);
    used = r + 1;
  }
  return { kind: 'placed', segments, adopted, at, bodyRowsAfter: used - f.headerRow - 1 };
}

/** How many rows below the table to read next: twice as many, at least all this write needs. */
const moreRows = (f: Found, missing: readonly RecordValues[]): number => {
  const read = f.below?.values.length ?? 0;
  return Math.max(2 * read, read + missing.length + 1);
};

/** A desk-looking row in the way of an append that it could not adopt, and why. */
export interface WaitingRow {
  readonly sheetRow: number;
  readonly recordId: string;
  readonly why: string;
}

/**
 * Row `i` of the cells read below `f` (the table as it stands after any adoption), when it looks
 * like a desk row: why the append did not take it in. Null for anything else (a colleague's cells).
 */
export function waitingRow(f: Found, i: number): WaitingRow | null {
  const below = f.below;
  if (!below) return null;
  const row = judgeRow(f, below.values[i] ?? [], below.formulas[i] ?? []);
  if (!row.desk && !row.looksLikeDesk) return null;
  const idIndex = f.fields.indexOf('recordId');
  const recordId = row.desk ? row.recordId : String(below.values[i]?.[idIndex] ?? '').trim();
  const why = !row.desk
    ? `it is not a complete, valid record (${row.reason})`
    : f.recordIds.includes(recordId)
      ? `its Record ID is already in the table, at sheet row ${f.headerRow + 2 + f.recordIds.indexOf(recordId)}: it is a second copy (two panes added the same row at once) — compare the two and delete the one below`
      : f.emptyTail > 0
        ? `${tableName(f.key)} ends with ${plural(f.emptyTail, 'empty row')}, so it is not directly below the last one`
        : i > 0
          ? 'it is not directly below the table'
          : `its Record ID repeats in the rows above it`;
  return { sheetRow: below.row + i + 1, recordId, why };
}

/**
 * "DeskTriggers!A5:AF6 hold desk rows waiting to be taken into DeskTriggers (Record ID …)…":
 * said instead of "the cells are not empty" when what is in the way are desk rows.
 */
export function waitingSentence(f: Found, rows: readonly WaitingRow[]): string {
  const first = rows[0] as WaitingRow;
  const last = rows[rows.length - 1] as WaitingRow;
  const where = formatAddress(f.sheet, {
    row: first.sheetRow - 1,
    col: f.col,
    rows: last.sheetRow - first.sheetRow + 1,
    cols: f.cols,
  });
  const one = rows.length === 1;
  const ids = rows
    .slice(0, 3)
    .map((r) => r.recordId)
    .join(', ');
  const more = rows.length > 3 ? ` and ${rows.length - 3} more` : '';
  const reasons = rows
    .slice(0, 3)
    .map((r) => `sheet row ${r.sheetRow}: ${r.why}`)
    .join('; ');
  return `${where} ${one ? 'holds a desk row' : `holds ${rows.length} desk rows`} waiting to be taken into ${tableName(f.key)} (Record ID ${ids}${more}) — left outside the table when a co-author's resize won a merge, or by a pane that stopped part-way. The add-in takes such rows in only when each is a complete, valid record directly below the table, and ${reasons}. Correct or move ${one ? 'it' : 'them'}, then submit again`;
}
