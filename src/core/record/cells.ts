/**
 * Records ↔ Excel cells, derived from the column kinds. Pure: the adapter writes what this returns
 * and hands back what it reads.
 *
 * Text is written with a leading apostrophe (Excel's quote prefix) on top of the '@' column
 * format: Excel keeps the rest as text whatever it looks like ("=cmd", "+1", "-2", "@x", "1-2",
 * "TRUE") and the apostrophe is not part of the value read back. Either protection alone holds;
 * both together survive a user re-formatting the column.
 */
import type { z } from 'zod';
import { dateFromExcelSerial, excelSerialFromDate, parseDate } from '../dates';
import { isMissing } from '../grid/evaluate';
import { refused, type Checked } from '../result';
import { show } from '../show';
import type { ColumnSpec, TableKey } from './table-def';
import {
  NUMBER_KINDS,
  REVIEW_KEYS,
  TABLES,
  TEXT_KINDS,
  columnList,
  Stamps,
  type Exposure,
  type Price,
  type ReviewKey,
  type Snapshot,
  type Trigger,
} from './schema';

export type CellValue = string | number | boolean;
export type RecordValue = string | number | boolean | null;
/** A row as plain values keyed by field, not (yet) checked: a candidate, a receipt's row, cells read. */
export type RecordValues = Readonly<Record<string, RecordValue>>;

/** Only this module's validators can put it on a record. */
declare const checkedBy: unique symbol;
/** Each table's record as its zod schema outputs it. */
interface TableRecord {
  readonly snapshots: Snapshot;
  readonly exposures: Exposure;
  readonly triggers: Trigger;
  readonly prices: Price;
}
/**
 * A record of table K that the schema accepted: made only by `checkRecord` (and so by
 * `recordFromCells`, the builder and `withStamps`). What the adapter writes without checking again.
 */
export type DeskRecord<K extends TableKey> = Readonly<TableRecord[K]> & { readonly [checkedBy]: K };

/** All rows of one review, each checked once on its way in, ready to write. */
export interface ReviewRecords {
  readonly snapshots: readonly DeskRecord<'snapshots'>[];
  readonly exposures: readonly DeskRecord<'exposures'>[];
  readonly triggers: readonly DeskRecord<'triggers'>[];
}
/** A review's rows as plain values (a receipt as stored), before `checkRecord` makes them records. */
export type ReviewValues = { readonly [K in ReviewKey]: readonly RecordValues[] };

export const QUOTE_PREFIX = "'";
/** The number format of text columns (Excel's Text format). */
export const TEXT_CELL_FORMAT = '@';

/** ISO date or date-time (wall-clock, read as UTC like every Excel serial) → Excel serial. */
export function serialFromIso(iso: string): number | null {
  const d = parseDate(iso, 'date');
  return d.ok ? excelSerialFromDate(d.value) : null;
}
/** Serial → ISO date-time, rounded to the millisecond a double can carry. */
export const isoFromSerial = (serial: number): string => dateFromExcelSerial(serial).toISOString();
export const isoDateFromSerial = (serial: number): string =>
  isoFromSerial(Math.floor(serial)).slice(0, 10);

/** A text value as written: always quote-prefixed so Excel never reinterprets it. */
export const textCell = (s: string): string => (s === '' ? '' : QUOTE_PREFIX + s);

/** One record value → what the adapter writes into the cell (`formulas` semantics). */
export function cellFor(col: ColumnSpec, value: RecordValue | undefined): CellValue {
  if (col.kind === 'formula') return col.formula ?? '';
  if (value === null || value === undefined || value === '') return '';
  if (TEXT_KINDS.has(col.kind)) return textCell(String(value));
  if (col.kind === 'date' || col.kind === 'datetime') {
    const serial = typeof value === 'string' ? serialFromIso(value) : null;
    return serial ?? textCell(String(value));
  }
  if (typeof value === 'number') return value;
  // A number kind holding text cannot come from a validated record; keep it inert anyway.
  return textCell(String(value));
}

/** A record → cells in the given field order (the table's header order as mapped). */
export function rowCells(
  key: TableKey,
  record: RecordValues,
  fields: readonly (string | null)[],
): CellValue[] {
  const cols = TABLES[key].columns as Readonly<Record<string, ColumnSpec>>;
  return fields.map((f) => {
    const col = f === null ? undefined : cols[f];
    return col ? cellFor(col, record[f as string]) : '';
  });
}

/** A cell value read back → the record's value for that column (before validation). */
export function valueFromCell(col: ColumnSpec, v: unknown): unknown {
  if (isMissing(v)) return null;
  if (col.kind === 'formula') return String(v);
  if (TEXT_KINDS.has(col.kind)) return typeof v === 'string' ? v.trim() : String(v);
  if (col.kind === 'date') {
    if (typeof v === 'number') return isoDateFromSerial(v);
    return String(v).trim();
  }
  if (col.kind === 'datetime') {
    if (typeof v === 'number') return isoFromSerial(v);
    const d = parseDate(String(v), col.header);
    return d.ok ? d.value.toISOString() : String(v);
  }
  if (NUMBER_KINDS.has(col.kind) && typeof v === 'string') {
    const n = Number(v.replace(/[,\s]/g, ''));
    return v.trim() !== '' && Number.isFinite(n) ? n : v;
  }
  return v;
}

/** A zod issue → one sentence naming the column by its header. */
export function issueSentence(
  key: TableKey,
  issue: z.core.$ZodIssue,
  input: Readonly<Record<string, unknown>>,
): string {
  const field = String(issue.path[0] ?? '');
  const col = (TABLES[key].columns as Readonly<Record<string, ColumnSpec>>)[field];
  const header = col?.header ?? field;
  const got = input[field];
  if (issue.message.startsWith(`${header}`)) return issue.message;
  if (got === null || got === undefined) return `${header} is required`;
  // A fraction typed as a whole percent ("5" for 5%): say what to type instead.
  if (col?.kind === 'percent' && typeof got === 'number' && got > 1 && got <= 100) {
    return `${header}: ${got} ${issue.message} — type ${got}% for ${got} percent (or ${got / 100})`;
  }
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string')
        return `${header} is longer than 32,767 characters (Excel's cell limit)`;
      return `${header}: ${issue.message}`;
    case 'invalid_type':
      return `${header}: expected ${issue.expected === 'number' ? 'a number' : issue.expected}, got ${show(got)}`;
    case 'invalid_value':
      return `${header}: ${show(got)} is not one of ${col?.options?.join(', ') ?? 'the allowed values'}`;
    case 'invalid_format': {
      const what =
        col?.kind === 'date'
          ? 'date (yyyy-mm-dd)'
          : col?.kind === 'datetime'
            ? 'date-time'
            : issue.format;
      return `${header}: ${show(got)} is not a valid ${what}`;
    }
    default:
      return `${header}: ${issue.message}`;
  }
}

export interface ColumnIssue {
  readonly field: string;
  /** Names the column by its header. */
  readonly message: string;
}
export type RowCheck<K extends TableKey = TableKey> =
  | { readonly ok: true; readonly record: DeskRecord<K> }
  | { readonly ok: false; readonly issues: readonly ColumnIssue[] };

/** Validates a candidate record against its table's schema; reasons name each column. */
export function checkRecord<K extends TableKey>(
  key: K,
  candidate: Readonly<Record<string, unknown>>,
): RowCheck<K> {
  const parsed = TABLES[key].schema.safeParse(candidate);
  if (parsed.success) return { ok: true, record: parsed.data as DeskRecord<K> };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({
      field: String(i.path[0] ?? ''),
      message: issueSentence(key, i, candidate),
    })),
  };
}

/** Cells read back, keyed by field (missing columns absent) → a validated record or reasons. */
export function recordFromCells<K extends TableKey>(
  key: K,
  byField: Readonly<Record<string, unknown>>,
): RowCheck<K> {
  const candidate: Record<string, unknown> = {};
  for (const col of columnList(key)) candidate[col.field] = valueFromCell(col, byField[col.field]);
  return checkRecord(key, candidate);
}

/**
 * A checked record with new stamps (a re-submit's fresh ids, sample rows taking the ids of their
 * leftovers): only the stamps are checked, the rest of the record already was.
 */
export function withStamps<K extends TableKey>(
  key: K,
  record: DeskRecord<K>,
  stamps: Partial<Stamps>,
): RowCheck<K> {
  const parsed = Stamps.partial().safeParse(stamps);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        field: String(i.path[0] ?? ''),
        message: issueSentence(key, i, stamps),
      })),
    };
  }
  return { ok: true, record: { ...record, ...parsed.data } };
}

/**
 * A review's rows as plain values (read back from storage: untrusted) → checked records, or the
 * first row that breaks the schema: "DeskTriggers row 1 is invalid — Owner is required".
 */
export function checkReview(rows: ReviewValues): Checked<{ records: ReviewRecords }> {
  const out = { snapshots: [], exposures: [], triggers: [] } as {
    -readonly [K in ReviewKey]: DeskRecord<K>[];
  };
  for (const key of REVIEW_KEYS) {
    for (const [i, row] of rows[key].entries()) {
      const check = checkRecord(key, row);
      if (!check.ok) {
        const why = check.issues.map((x) => x.message).join('; ');
        return refused(`${TABLES[key].name} row ${i + 1} is invalid — ${why}`);
      }
      (out[key] as DeskRecord<typeof key>[]).push(check.record);
    }
  }
  return { ok: true, records: out };
}

/** Records of one table (checked as that table's: read back, say) as a review of that table alone. */
export function reviewOfTable(
  key: ReviewKey,
  records: readonly DeskRecord<ReviewKey>[],
): ReviewRecords {
  return { snapshots: [], exposures: [], triggers: [], [key]: records } as ReviewRecords;
}

/** One body row read as a record: its row number in the table and on the sheet. */
export interface BodyRecord<K extends TableKey = TableKey> {
  /** 1-based row number within the table body. */
  readonly rowNumber: number;
  /** The sheet row number, as Excel's row headers show it. */
  readonly sheetRow: number;
  readonly values: DeskRecord<K>;
}
export interface BodyProblem {
  readonly rowNumber: number;
  readonly sheetRow: number;
  /** Every reason, each naming its column, joined ("; "). */
  readonly reason: string;
  /** The same reasons one by one, in the schema's order of checks. */
  readonly reasons: readonly string[];
}

/**
 * A table body's cells (values as read, row by row, columns mapped to fields by the headers) →
 * validated records and the rows that break the schema. A row with nothing in any cell is not a
 * record. `firstSheetRow` is the sheet row of the first body row (1-based).
 */
export function readBodyRows<K extends TableKey>(
  key: K,
  fields: readonly (string | null)[],
  body: readonly (readonly unknown[])[],
  firstSheetRow: number,
): { records: BodyRecord<K>[]; problems: BodyProblem[] } {
  const records: BodyRecord<K>[] = [];
  const problems: BodyProblem[] = [];
  body.forEach((cells, i) => {
    if (cells.every((v) => v === '' || v === null || v === undefined)) return;
    const byField: Record<string, unknown> = {};
    fields.forEach((field, j) => {
      if (field !== null) byField[field] = cells[j];
    });
    const r = recordFromCells(key, byField);
    const at = { rowNumber: i + 1, sheetRow: firstSheetRow + i };
    if (r.ok) records.push({ ...at, values: r.record });
    else {
      const reasons = r.issues.map((x) => x.message);
      problems.push({ ...at, reason: reasons.join('; '), reasons });
    }
  });
  return { records, problems };
}
