/**
 * The narrow door between the task pane and a workbook. Two implementations: the Office one
 * (Excel.run) and the in-memory one (preview and tests). Every method returns an outcome;
 * nothing throws out of here (Office errors become sentences). The few sentences about the
 * outcomes' own values (broken rows, unplaced values) are at the end, said alike by adapter and pane.
 */
import {
  TABLES,
  type Checked,
  type DeskRecord,
  type RatioHistory,
  type Done,
  type RecordValues,
  type Refused,
  type ReviewRecords,
  type ReviewValues,
  type SampleRecords,
  type SchemaVersionState,
  type TableKey,
} from '../core';

/**
 * The core's record types: a review's checked records (`ReviewRecords`, what appendReview takes),
 * and rows as plain values (`RecordValues`, `ReviewValues`: a receipt's rows as stored).
 */
export type {
  DeskRecord,
  RatioHistory,
  RatioPoint,
  RecordValues,
  ReviewRecords,
  ReviewValues,
  SampleRecords,
} from '../core';

/** The schema version as found (absent, current, older: migratable, newer: read-only); the core judges it. */
export type { SchemaVersionState } from '../core';

/** Rows that break the schema (typed by hand, or left blank by a repair): sheet rows and a first reason. */
export interface BrokenRows {
  readonly sheetRows: readonly number[];
  readonly firstReason: string;
}

export type TableState =
  | { readonly kind: 'missing' }
  | {
      readonly kind: 'ok';
      readonly address: string;
      readonly rowCount: number;
      readonly broken?: BrokenRows;
    }
  | {
      readonly kind: 'drifted';
      readonly address: string;
      readonly rowCount: number;
      readonly broken?: BrokenRows;
      /** Set when a schema column is missing and an unknown one is new: likely a colleague's rename. */
      readonly renameHint?: string;
      /** Headers the schema requires that the table lacks: writing is refused. */
      readonly missingRequired: readonly string[];
      /** Optional headers the table lacks: writing works, repair adds them. */
      readonly missingOptional: readonly string[];
      /** Headers the user added (kept and never written). */
      readonly extra: readonly string[];
    };

export interface WorkbookHealth {
  readonly schema: SchemaVersionState;
  /**
   * The workbook's own id (DESK_WORKBOOK_ID, a workbook-level name written by the request that
   * creates the desk tables), so the pane can keep receipts per workbook; null before the desk
   * tables exist, in desk tables made before ids existed (ensureTables gives them one), or when a
   * colleague's name of that spelling is in the way.
   */
  readonly workbookId: string | null;
  readonly tables: Readonly<Record<TableKey, TableState>>;
  /** False when the schema is newer or a required column is missing. */
  readonly writable: boolean;
  /** Sentences for the pane, one per problem, naming table and column. */
  readonly messages: readonly string[];
  /** One check per receipt passed to health(), in the same order (absent when none were passed). */
  readonly receipts?: readonly ReceiptCheck[];
  /**
   * The add-in's own leftovers this pane's session knows of, one sentence each: a second set of
   * desk tables (two panes created them at once and co-authoring kept both), or a creation that
   * stopped part-way after a co-author's tables arrived. Creating the desk tables again merges or
   * removes them, changing no cell it did not write.
   */
  readonly tidy?: readonly string[];
}

/**
 * A review this pane recorded, kept (in localStorage, per workbook) until a later read of the
 * workbook finds every one of its rows with the values written. Co-authoring can make a write that
 * was read back in this pane's copy vanish when the copies merge; a receipt is how it is noticed.
 */
export interface Receipt {
  /**
   * The rows exactly as written (Record IDs included): appending them again is idempotent. Plain
   * values, as kept in localStorage: checked again (`checkRecord`) before they are appended.
   */
  readonly rows: ReviewValues;
  /** When the pane recorded it (ISO), for "waiting since …". */
  readonly recordedAt: string;
}

/** A row of a receipt found with other values than were written: reported, never overwritten. */
export interface DifferingRow {
  readonly table: TableKey;
  readonly recordId: string;
  readonly sheetRow: number;
  /** The columns that differ, by header, with what was written and what the workbook holds now. */
  readonly fields: readonly { header: string; written: string; found: string }[];
}

export type ReceiptCheck =
  /** Every row is in its table with the values written: the receipt can be dropped. */
  | { readonly kind: 'confirmed' }
  /** Some rows are not in their table: append the receipt again (Record IDs make it idempotent). */
  | { readonly kind: 'missing'; readonly missing: readonly { table: TableKey; recordId: string }[] }
  /** Rows are there with other values (a colleague may have corrected them): tell the user. */
  | { readonly kind: 'differs'; readonly rows: readonly DifferingRow[] }
  /** The workbook could not be read well enough to judge (a table missing, a column renamed…). */
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * A value typed for a column the table lacks (a colleague renamed or deleted an optional column):
 * the writer cannot place it. Nothing is dropped without the user's word.
 */
export interface UnplacedValue {
  readonly table: TableKey;
  readonly field: string;
  /** The schema header of the missing column, e.g. 'Storage note'. */
  readonly header: string;
  readonly recordId: string;
  /** What would have been written: the typed or computed value, or the formula of a formula column. */
  readonly value: string | number | boolean;
  /** The user's column the missing one was probably renamed to (the only new header, or a look-alike). */
  readonly renamedTo?: string;
}

export interface LandedRows {
  readonly table: TableKey;
  /** A1 address of the written rows, e.g. "Desk!A12:AF13". */
  readonly address: string;
  readonly recordIds: readonly string[];
}

/**
 * Why a write did nothing, for callers that act on it (the pane creates the tables on
 * 'tables-missing' / 'schema-outdated' and retries once) rather than re-reading health first.
 */
export type WriteFailureReason =
  | 'invalid' // a row breaks the schema, an id repeats, or there is nothing to write
  | 'tables-missing' // a desk table is not in the workbook: ensureTables creates it
  | 'schema-outdated' // an older schema needs columns added: ensureTables migrates it
  | 'no-migration' // an older schema this add-in cannot migrate
  | 'newer-schema' // written by a newer add-in: read-only
  | 'drift' // a required column is missing: repair adds it
  | 'blocked-below' // a colleague's cells below a table would be overwritten
  | 'blocked-right' // a colleague's cells right of a table would be overwritten
  | 'not-empty' // sample data goes only into a workbook without desk tables
  | 'not-found' // the rows to select are gone
  | 'not-confirmed' // the read-back did not match: a retry adds only what is missing
  | 'cancelled' // the user cancelled an import between batches: what it wrote was taken out
  | 'unplaced' // typed values have no column (see `unplaced`): Repair, or append with dropUnplaced
  | 'name-taken' // a name the add-in must create is used by a colleague's sheet, table or name
  | 'office'; // Excel refused or failed (the message says which error)

/** What became of a selection requested with a write; a failed selection never fails the write. */
export type SelectionResult =
  Done<{ table: TableKey; address: string }> | (Refused & { readonly table: TableKey });

/** The core's one refusable shape (core/result.ts), with what a write made or why it refused. */
export type WriteOutcome =
  | Done<{
      landed: readonly LandedRows[];
      message: string;
      /** Present when the write was asked to select rows (AppendOptions.select). */
      selection?: SelectionResult;
      /** Values the user agreed to leave out (AppendOptions.dropUnplaced); the pane names them. */
      notWritten?: readonly UnplacedValue[];
      /**
       * Desk rows found just below a table — left outside it when a co-author's resize won a
       * merge, or by a pane that never came back — that the write took into the table as they
       * are (resized over, never rewritten). Present only when there were any.
       */
      adopted?: readonly { table: TableKey; recordIds: readonly string[] }[];
    }>
  | (Refused & {
      readonly reason: WriteFailureReason;
      /** With reason 'unplaced': every typed value that has no column. */
      readonly unplaced?: readonly UnplacedValue[];
    });

export interface AppendOptions {
  /** Select this table's landed rows inside the write round trip (no extra sync). */
  readonly select?: TableKey;
  /**
   * The user chose "record without these": values whose column is missing are left out (and
   * listed in the outcome's `notWritten`). Without it such a write is refused with 'unplaced'.
   */
  readonly dropUnplaced?: boolean;
}

export interface ReadRecord {
  /** 1-based row number within the table body. */
  readonly rowNumber: number;
  /** The sheet row number, as Excel's row headers show it: what the pane names. */
  readonly sheetRow: number;
  readonly values: RecordValues;
}

export interface ReadProblem {
  readonly rowNumber: number;
  readonly sheetRow: number;
  readonly reason: string;
}

export type ReadOutcome = Checked<{
  records: readonly ReadRecord[];
  problems: readonly ReadProblem[];
}>;

export interface DeskWorkbook {
  /**
   * Schema version and per-table drift, read in one round trip; with receipts, each is checked
   * against the rows read in that same round trip (no extra sync).
   */
  health(receipts?: readonly Receipt[]): Promise<WorkbookHealth>;
  /**
   * Creates missing tables (headers, formats, validation), stamps/migrates the schema version,
   * gives the workbook its id, and merges a second set of desk tables two panes made at once.
   * Never touches a cell it did not write.
   */
  ensureTables(): Promise<WriteOutcome>;
  /** Appends the missing columns of drifted tables; changes no existing cell. */
  repair(): Promise<WriteOutcome>;
  /**
   * All rows of one review, all or nothing, confirmed by read-back; a retry adds only what is
   * missing. At most 2 round trips (one read, one write + read-back + selection), more only for
   * imports over the request size limit.
   */
  appendReview(rows: ReviewRecords, options?: AppendOptions): Promise<WriteOutcome>;
  /** A table's rows validated against the schema; bad rows are reported, not fatal. */
  read(table: TableKey): Promise<ReadOutcome>;
  /** Selects the rows with these Record IDs so the user sees them. */
  select(table: TableKey, recordIds: readonly string[]): Promise<WriteOutcome>;
  /**
   * The sample's reviews and DeskPrices rows into a workbook without desk rows, all or none;
   * refuses when a desk table holds rows of its own.
   */
  insertSampleData(sample: SampleRecords): Promise<WriteOutcome>;
  /**
   * One import's price rows into DeskPrices (every row with the same Import ID), all or none: in
   * batches under the request limit (about 3 syncs per 5 MB of rows), each read back by Record ID;
   * `onProgress` after each batch, `cancelled` asked before each. A cancel or a failure takes out
   * every row of this import it wrote (and any cell it wrote below the table); a retry of the same
   * rows adds only what is missing. Refused, naming them, when a colleague's cells are below.
   */
  appendPrices(
    rows: readonly DeskRecord<'prices'>[],
    options?: ImportOptions,
  ): Promise<WriteOutcome>;
  /**
   * The DeskRatioHistory table (Date, Numerator, Denominator, Ratio as DESK.RATIO over the row,
   * the sources) on its own marked sheet, and a line chart over Date/Ratio with the title; a later
   * insert updates the same table and chart. Refused, naming them, when a colleague's cells are
   * where the table would grow, or a sheet, table or name of its name is someone else's.
   */
  insertRatioHistory(h: RatioHistory): Promise<WriteOutcome>;
}

export interface ImportOptions {
  /** After each batch is confirmed: rows of this import in the table so far, and how many in all. */
  readonly onProgress?: (written: number, total: number) => void;
  /** Asked before each batch: true stops the import there, and what it wrote is taken out again. */
  readonly cancelled?: () => boolean;
}

// ── sentences about the outcomes' values, said alike by the adapter and the pane ───────────────
const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
/** A desk table's name as the user sees it in Excel (the schema's). */
export const tableName = (key: TableKey): string => TABLES[key].name;

/** "3 rows break the schema (sheet rows 2–4): Product is required" — said by health and the pane. */
export function brokenSentence(b: BrokenRows): string {
  const rows = b.sheetRows;
  const first = rows[0] ?? 0;
  const last = rows[rows.length - 1] ?? 0;
  const contiguous = rows.every((r, i) => r === first + i);
  const where =
    rows.length === 1
      ? `sheet row ${first}`
      : contiguous
        ? `sheet rows ${first}–${last}`
        : `sheet rows ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ', …' : ''}`;
  return `${plural(rows.length, 'row')} break${rows.length === 1 ? 's' : ''} the schema (${where}): ${b.firstReason}${rows.length > 1 ? ' (first row)' : ''}. The review queue cannot use ${rows.length === 1 ? 'it' : 'them'} until fixed.`;
}

/** "DeskSnapshots has no 'Storage note' column (renamed to 'Storage'?)" */
export function unplacedSentence(u: UnplacedValue): string {
  const value = typeof u.value === 'string' ? `'${u.value}'` : String(u.value);
  const what = u.field === 'statusNow' ? 'the live Status now formula' : value;
  const hint = u.renamedTo ? ` (renamed to '${u.renamedTo}'?)` : '';
  return `${u.header}: ${what} — ${tableName(u.table)} has no '${u.header}' column${hint}`;
}

/** A success message that also names what the user chose to leave out. */
export function notWrittenNote(message: string, notWritten: readonly UnplacedValue[]): string {
  if (notWritten.length === 0) return message;
  return `${message} Not written, as you chose: ${notWritten.map(unplacedSentence).join('; ')}.`;
}
