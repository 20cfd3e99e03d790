/**
 * One import as the preview shows it (pure: no DOM, no workbook): the candidates the core read
 * from the grid or the prose, the user's ticks and edits, and each row's mark against the price
 * history already recorded. Every row — read, edited or re-read after a change of mapping or
 * defaults — goes through the core's one evaluator (candidatesFromGrid / candidatesFromProse /
 * candidateFromFields), so the preview says what the write would.
 */
import {
  candidateFromFields,
  candidatesFromGrid,
  candidatesFromProse,
  guessMapping,
  markCandidates,
  priceRecords,
  type ColumnMapping,
  type DeskRecord,
  type FieldTexts,
  type ImportDefaults,
  type ImportField,
  type ImportMark,
  type ImportStamps,
  type PriceCandidate,
  type RecordValues,
  type Checked,
  type UnreadPrice,
} from '../../core';

/** A row's mark as the preview shows it: the core's, or "unticked" (not part of the import). */
export type RowMark =
  ImportMark | { readonly kind: 'unticked'; readonly problems: readonly string[] };

export type ImportSource =
  | {
      readonly kind: 'grid';
      readonly grid: readonly (readonly string[])[];
      readonly delimiter: string;
    }
  | { readonly kind: 'prose'; readonly text: string };

export interface ImportSession {
  readonly source: ImportSource;
  /** Where it came from, for messages: "the pasted text", "prices.csv". */
  readonly origin: string;
  /** Column → field (grids only; the user edits it). */
  readonly mapping: ColumnMapping;
  readonly defaults: ImportDefaults;
  /** Index of a candidate → the texts the user typed for it (they win over what was read). */
  readonly edits: ReadonlyMap<number, FieldTexts>;
  /** Indexes the user unticked. */
  readonly unticked: ReadonlySet<number>;
  /** What the core read (edits applied). */
  readonly candidates: readonly PriceCandidate[];
  /** Prose: what names a price but could not be read, and the publication date found. */
  readonly unread: readonly UnreadPrice[];
  readonly published: string | null;
}

/** The fields an edit of one row offers, in DeskPrices' order. */
export const EDIT_FIELDS: readonly ImportField[] = [
  'priceCode',
  'product',
  'locationBasis',
  'priceLow',
  'priceHigh',
  'unit',
  'priceDate',
  'sourceLabel',
  'sourceState',
  'dataBasis',
];

function read(
  source: ImportSource,
  mapping: ColumnMapping,
  defaults: ImportDefaults,
  edits: ReadonlyMap<number, FieldTexts>,
): Pick<ImportSession, 'candidates' | 'unread' | 'published'> {
  const fromSource =
    source.kind === 'grid'
      ? {
          candidates: candidatesFromGrid(source.grid, mapping, defaults),
          unread: [],
          published: null,
        }
      : candidatesFromProse(source.text, defaults);
  const candidates = fromSource.candidates.map((c, i) => {
    const texts = edits.get(i);
    return texts === undefined ? c : candidateFromFields(c.line, c.source, texts, defaults);
  });
  return { candidates, unread: fromSource.unread, published: fromSource.published };
}

/**
 * A new import. For prose, a publication date found in the text becomes the default price date
 * when the user has given none (each article's own date still wins, as the core reads it).
 */
export function startImport(
  source: ImportSource,
  origin: string,
  defaults: ImportDefaults,
): ImportSession {
  const mapping =
    source.kind === 'grid' ? guessMapping(source.grid[0] ?? []).mapping : ({} as ColumnMapping);
  const edits = new Map<number, FieldTexts>();
  return {
    source,
    origin,
    mapping,
    defaults,
    edits,
    unticked: new Set(),
    ...read(source, mapping, defaults, edits),
  };
}

/** The session read again after the mapping or the defaults changed (ticks and edits kept). */
export function reread(
  s: ImportSession,
  change: { mapping?: ColumnMapping; defaults?: ImportDefaults },
): ImportSession {
  const mapping = change.mapping ?? s.mapping;
  const defaults = change.defaults ?? s.defaults;
  return { ...s, mapping, defaults, ...read(s.source, mapping, defaults, s.edits) };
}

/** One row edited: its texts checked again by the core's evaluator. */
export function editRow(s: ImportSession, index: number, texts: FieldTexts): ImportSession {
  const c = s.candidates[index];
  if (c === undefined) return s;
  const edits = new Map(s.edits).set(index, texts);
  const candidates = s.candidates.slice();
  candidates[index] = candidateFromFields(c.line, c.source, texts, s.defaults);
  return { ...s, edits, candidates };
}

export function setTicked(
  s: ImportSession,
  indexes: readonly number[],
  on: boolean,
): ImportSession {
  const unticked = new Set(s.unticked);
  for (const i of indexes) {
    if (on) unticked.delete(i);
    else unticked.add(i);
  }
  return { ...s, unticked };
}

/** A candidate's values as the texts an edit starts from. */
export function textsOf(c: PriceCandidate, edited: FieldTexts | undefined): FieldTexts {
  if (edited !== undefined) return edited;
  const out: Partial<Record<ImportField, string>> = {};
  for (const f of EDIT_FIELDS) {
    const v = c.values[f];
    out[f] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/**
 * Each row's mark: the ticked rows together against the table (two ticked rows for one price
 * are refused on the later one; unticking one clears it), unticked rows with their own problems.
 */
export function markRows(s: ImportSession, existing: readonly RecordValues[]): RowMark[] {
  const ticked: number[] = [];
  s.candidates.forEach((_, i) => {
    if (!s.unticked.has(i)) ticked.push(i);
  });
  const marks = markCandidates(
    ticked.map((i) => s.candidates[i] as PriceCandidate),
    existing,
  );
  const out: RowMark[] = s.candidates.map((c) => ({ kind: 'unticked', problems: c.problems }));
  ticked.forEach((i, k) => (out[i] = marks[k] as ImportMark));
  return out;
}

export interface ImportCounts {
  readonly rows: number;
  readonly new: number;
  readonly corrections: number;
  readonly duplicates: number;
  readonly invalid: number;
  readonly unticked: number;
  /** Rows Confirm would write (new and corrections). */
  readonly toWrite: number;
}

export function countMarks(marks: readonly RowMark[]): ImportCounts {
  const n = (k: RowMark['kind']) => marks.filter((m) => m.kind === k).length;
  const counts = {
    rows: marks.length,
    new: n('new'),
    corrections: n('correction'),
    duplicates: n('duplicate'),
    invalid: n('invalid'),
    unticked: n('unticked'),
  };
  return { ...counts, toWrite: counts.new + counts.corrections };
}

/** "1 row", "1,200 rows": a count as the pane writes it. */
export const counted = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "4 rows: 2 new, 1 correction, 12 already recorded, 1 cannot be recorded, 0 unticked". */
export function countsSentence(c: ImportCounts): string {
  const parts = [
    counted(c.new, 'new', 'new'),
    counted(c.corrections, 'correction'),
    counted(c.duplicates, 'already recorded', 'already recorded'),
  ];
  if (c.invalid > 0) parts.push(counted(c.invalid, 'cannot be recorded', 'cannot be recorded'));
  if (c.unticked > 0) parts.push(counted(c.unticked, 'unticked', 'unticked'));
  return `${counted(c.rows, 'row')}: ${parts.join(', ')}.`;
}

/** The checked records Confirm writes (ticked new rows and corrections), or why none can be. */
export function recordsToWrite(
  s: ImportSession,
  marks: readonly RowMark[],
  stamps: ImportStamps,
): Checked<{ records: DeskRecord<'prices'>[] }> {
  const ticked = s.candidates.flatMap((c, i) => {
    const m = marks[i];
    return m === undefined || m.kind === 'unticked' ? [] : [{ c, m }];
  });
  return priceRecords(
    ticked.map((t) => t.c),
    ticked.map((t) => t.m as ImportMark),
    stamps,
  );
}

/** Indexes of the ticked rows that cannot be recorded (for "Untick them"). */
export function invalidTicked(marks: readonly RowMark[]): number[] {
  return marks.flatMap((m, i) => (m.kind === 'invalid' ? [i] : []));
}
