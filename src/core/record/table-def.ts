import type { z } from 'zod';

/**
 * How one schema field appears as a table column and a form field. Every derived artefact
 * (headers, number formats, validation lists, form fields, read-back checks) reads this.
 */
export type ColumnKind =
  | 'id' // UUID written by the add-in
  | 'datetime' // ISO date-time, stored as an Excel serial with a date-time format
  | 'date' // calendar date, Excel serial with a date format
  | 'text' // free text, always written as text
  | 'enum' // one of `options`; a validation list in Excel, a dropdown in the form
  | 'suggest' // free text with `options` offered (e.g. Fastmarkets price codes)
  | 'number' // plain number (thresholds, values in their own unit)
  | 'quantity' // an amount of metal, shares or contracts: separators from 1,000 up
  | 'money' // price or value, thousands separators
  | 'ratio' // dimensionless ratio, 4 dp
  | 'percent' // fraction shown as a percentage
  | 'bps' // basis points
  | 'price' // price as typed: number or range text ("747,000-753,000"), parsed to a mid
  | 'formula'; // live formula column (Status now); never typed by a user

/** Who fills the field: the analyst in the form, the add-in (ids, timestamps), or the core (computed values). */
export type ColumnSource = 'user' | 'system' | 'computed';

export interface ColumnSpec {
  readonly header: string;
  readonly kind: ColumnKind;
  readonly required: boolean;
  readonly source: ColumnSource;
  readonly numberFormat: string;
  readonly options?: readonly string[];
  readonly help?: string;
  /** For kind 'formula': the formula written into every row (structured references to the row). */
  readonly formula?: string;
  /**
   * The builder fills a blank from the rest of the review or a default (the help says which):
   * required in the table, optional in the form.
   */
  readonly defaulted?: true;
}

export type TableKey = 'snapshots' | 'exposures' | 'triggers' | 'prices';
export type TableName = 'DeskSnapshots' | 'DeskExposures' | 'DeskTriggers' | 'DeskPrices';

/**
 * A desk table: its zod schema and a column for every field. The mapped type has no optional
 * keys, so a schema field without a column is a compile error.
 */
export interface DeskTable<S extends z.ZodObject = z.ZodObject> {
  readonly key: TableKey;
  /** The Excel table's name, which is also how the pane labels it. */
  readonly name: TableName;
  /** One row of it in the desk's words ("trigger"), for counts and messages. */
  readonly noun: string;
  readonly schema: S;
  readonly columns: { readonly [K in keyof z.infer<S>]-?: ColumnSpec };
  /** Header order for a new table. */
  readonly order: readonly (keyof z.infer<S> & string)[];
}
