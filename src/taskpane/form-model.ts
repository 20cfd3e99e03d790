/**
 * Form fields derived from the schema's ColumnSpecs (pure: no DOM). The form shows only what the
 * analyst types; ids, timestamps and computed values come from the add-in and the core.
 */
import { formColumns, requiredInForm, type ReviewKey } from '../core/record/schema';
import type { ColumnSpec, DeskTable, TableKey } from '../core/record/table-def';

export type FormSection = 'snapshot' | 'exposure' | 'triggers';

export const SECTION_TABLE: Readonly<Record<FormSection, TableKey>> = {
  snapshot: 'snapshots',
  exposure: 'exposures',
  triggers: 'triggers',
};

/** The review form's section of each table a review writes (DeskPrices is an import's). */
export const TABLE_SECTION: Readonly<Record<ReviewKey, FormSection>> = {
  snapshots: 'snapshot',
  exposures: 'exposure',
  triggers: 'triggers',
};

export type Control =
  | { readonly type: 'select'; readonly options: readonly string[] }
  | { readonly type: 'suggest'; readonly options: readonly string[] }
  | { readonly type: 'date' }
  | { readonly type: 'datetime' }
  /** Numbers are typed as text: "747,000" must survive, and a rejected value must not vanish. */
  | { readonly type: 'number'; readonly unitHint: string }
  | { readonly type: 'price' }
  | { readonly type: 'text'; readonly long: boolean };

export interface FieldDescriptor {
  readonly key: string;
  readonly label: string;
  readonly required: boolean;
  readonly control: Control;
  readonly help: string;
}

const LONG_TEXT = /note|question|request|evidence|read|mechanism|assumption|check/i;

export function controlFor(key: string, spec: ColumnSpec): Control {
  switch (spec.kind) {
    case 'enum':
      return { type: 'select', options: spec.options ?? [] };
    case 'suggest':
      return { type: 'suggest', options: spec.options ?? [] };
    case 'date':
      return { type: 'date' };
    case 'datetime':
      return { type: 'datetime' };
    case 'price':
      return { type: 'price' };
    case 'number':
    case 'quantity':
    case 'money':
      return { type: 'number', unitHint: '' };
    case 'ratio':
      return { type: 'number', unitHint: 'ratio' };
    case 'percent':
      return { type: 'number', unitHint: 'fraction, e.g. 0.05 for 5%' };
    case 'bps':
      return { type: 'number', unitHint: 'basis points' };
    case 'text':
    case 'id':
    case 'formula':
      return { type: 'text', long: LONG_TEXT.test(spec.header) || LONG_TEXT.test(key) };
  }
}

/**
 * The fields an analyst fills for one table, in the table's column order: labels, help texts and
 * required flags all as the schema declares them (a field the builder fills when blank is optional).
 */
export function formFields(table: DeskTable): FieldDescriptor[] {
  return formColumns(table.key).map((spec) => ({
    key: spec.field,
    label: spec.header,
    required: requiredInForm(spec),
    control: controlFor(spec.field, spec),
    help: spec.help ?? '',
  }));
}

/** Fields the form never asks for (filled by the add-in or computed by the core), for the "what gets written" note. */
export function generatedHeaders(table: DeskTable): string[] {
  const columns = table.columns as Readonly<Record<string, ColumnSpec>>;
  return table.order.flatMap((key) => {
    const spec = columns[key];
    return spec && spec.source !== 'user' ? [spec.header] : [];
  });
}
