/** What every operation of the Office adapter shares: the run function, the tables as found. */
import { normHeader, type ColumnSpec, type SchemaVersionState, type TableKey } from '../../core';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface Session {
  readonly run: ExcelRun;
  /** Table ids seen in this session: a renamed desk table is still found by its id. */
  readonly knownIds: Partial<Record<TableKey, string>>;
  /**
   * Where each table's Record ID column was last found (by header mapping, not by name): the
   * first read loads that column's body; only a moved column costs one more read.
   */
  readonly idColumn: Partial<Record<TableKey, number>>;
  /** A new unique id (attempt marks, the workbook id): random in Excel, counted in the twin. */
  readonly newId: () => string;
  /**
   * Desk tables this session followed by id until another table took the desk name (two panes
   * created the tables at once): remembered until ensureTables has merged the second one, so the
   * pane can ask for that even when the read that noticed it was an append's.
   */
  readonly seconds: Set<TableKey>;
  /**
   * A creation request of this session failed after it was sent: it may have left a sheet or an
   * unnamed table (the tables may exist meanwhile, a co-author's). Cleared by ensureTables.
   */
  interrupted: boolean;
}

export type Col = ColumnSpec & { readonly field: string };

/** Headers match case- and space-insensitively (the core's rule, shared with the CLI). */
export const norm = normHeader;

/** A cell read as both `values` and `formulas`: empty only when both are empty. */
export const isEmptyCell = (value: unknown, formula: unknown): boolean =>
  (value === '' || value === null || value === undefined) &&
  (formula === '' || formula === null || formula === undefined);

/** Cells read beside a table (below it, or right of it), as values and formulas. */
export interface CellsRead {
  /** Sheet row and column of the first cell read. */
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
}

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
  /**
   * Body rows at the bottom of the table that are entirely empty (read cell by cell when
   * appending, from the body when it was read, else only the last row): the empty row of a new
   * table, or rows an interrupted write or a merge left empty. New rows go into them first.
   */
  readonly emptyTail: number;
  /** Table column index → schema field (null for a user's own column). */
  readonly fields: readonly (string | null)[];
  readonly missingRequired: readonly Col[];
  readonly missingOptional: readonly Col[];
  readonly extra: readonly string[];
  readonly recordIds: readonly string[];
  /**
   * The rows just below the table, read cell by cell (ProbeOptions.below): the one read of the
   * cells below, for the write's target cells and for desk rows left there (stranded.ts); and how
   * many rows the sheet has below the table at all (a table ending at row 1,048,576 has none).
   */
  readonly below?: CellsRead & { readonly room: number };
  readonly body?: readonly (readonly unknown[])[];
}

/** The workbook as read at the start of an operation. */
export interface State {
  readonly schema: SchemaVersionState;
  readonly tables: Readonly<Partial<Record<TableKey, Found>>>;
  readonly renamed: readonly string[];
  /** The workbook's id (DESK_WORKBOOK_ID), or null when not stamped yet or unreadable. */
  readonly workbookId: string | null;
  /** DESK_WORKBOOK_ID exists but is not the add-in's (not a text constant): never written over. */
  readonly workbookIdTaken: boolean;
  /** What ensureTables would tidy up (Session.seconds, Session.interrupted), as sentences. */
  readonly tidy: readonly string[];
}
