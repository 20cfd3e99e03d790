/** What every operation of the Office adapter shares: the run function, the tables as found. */
import type { ColumnSpec, TableKey } from '../../core/record/table-def';
import type { SchemaVersionState } from '../workbook';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface Session {
  readonly run: ExcelRun;
  /** Table ids seen in this session: a renamed desk table is still found by its id. */
  readonly knownIds: Partial<Record<TableKey, string>>;
}

export type Col = ColumnSpec & { readonly field: string };

/** Headers match case- and space-insensitively, as a user retyping one would expect. */
export const norm = (h: unknown): string =>
  String(h ?? '')
    .trim()
    .toLowerCase();

/** One desk table as found: where it is, how its headers map to the schema, what surrounds it. */
export interface Found {
  readonly key: TableKey;
  readonly id: string;
  readonly name: string;
  readonly sheet: string;
  /** Excel cannot select on a hidden sheet; a write then skips the selection rather than fail. */
  readonly sheetVisible: boolean;
  readonly address: string;
  readonly headerRow: number;
  readonly col: number;
  readonly cols: number;
  readonly bodyRows: number;
  /** The table has only its one empty body row (as Excel creates it): rows go into it. */
  readonly bodyEmpty: boolean;
  /** Table column index → schema field (null for a user's own column). */
  readonly fields: readonly (string | null)[];
  readonly missingRequired: readonly Col[];
  readonly missingOptional: readonly Col[];
  readonly extra: readonly string[];
  readonly recordIds: readonly string[];
  readonly below?: {
    readonly used: { row: number; rows: number } | null;
    readonly ids: readonly string[];
  };
  readonly rightUsedCol?: number | null;
  readonly body?: readonly (readonly unknown[])[];
}

/** The workbook as read at the start of an operation. */
export interface State {
  readonly schema: SchemaVersionState;
  readonly tables: Readonly<Partial<Record<TableKey, Found>>>;
  readonly renamed: readonly string[];
}

/** First body row a new row goes to: the empty row Excel gives a new table, or below the last. */
export const firstFreeRow = (f: Found): number =>
  f.bodyEmpty ? f.headerRow + 1 : f.headerRow + 1 + f.bodyRows;
