/**
 * DeskRatioHistory, the table "Insert into workbook" writes from the pane's ratio view (issue 10):
 * its columns, declared once — headers, number formats, the Ratio formula's header references —
 * and a history's points as the cells the adapter writes. The Ratio column is a live
 * `=DESK.RATIO([@Numerator],[@Denominator])` over the row's own cells, so the workbook computes
 * the ratio the pane showed (the points' numerator and denominator are already in one unit).
 */
import { excelSerialFromDate, parseDate } from '../dates';
import { refused, type Checked } from '../result';
import type { RatioPoint } from '../prices/ratio-history';
import { textCell, type CellValue } from './cells';
import { NUMBER_FORMATS } from './schema';
import type { ColumnKind } from './table-def';

/** One point of a ratio history: A2's (prices/ratio-history.ts), what the pane's chart shows. */
export type { RatioPoint } from '../prices/ratio-history';

export interface RatioHistory {
  readonly title: string;
  readonly numeratorLabel: string;
  readonly denominatorLabel: string;
  readonly points: readonly RatioPoint[];
}

export const RATIO_TABLE = 'DeskRatioHistory';
/** The sheet the table and its chart live on (marked as the add-in's). */
export const RATIO_SHEET = 'DeskRatioHistory';
export const RATIO_CHART = 'DeskRatioChart';
/** Points one insert writes at most: one request well under Excel on the web's 5 MB. */
export const RATIO_POINTS_LIMIT = 10_000;
/** Characters of a title or label. */
export const RATIO_LABEL_LIMIT = 255;

type RatioField =
  'date' | 'numerator' | 'denominator' | 'ratio' | 'numeratorSource' | 'denominatorSource';

export interface RatioColumn {
  readonly field: RatioField;
  readonly header: string;
  readonly kind: ColumnKind;
  readonly numberFormat: string;
  readonly formula?: string;
}

const column = (field: RatioField, header: string, kind: ColumnKind): RatioColumn => ({
  field,
  header,
  kind,
  numberFormat: NUMBER_FORMATS[kind],
});

const NUMERATOR = column('numerator', 'Numerator', 'money');
const DENOMINATOR = column('denominator', 'Denominator', 'money');
/** `[@Header]` or `[@[Header with spaces]]`, as Excel writes a this-row reference. */
const rowRef = (c: RatioColumn): string =>
  /^\w+$/.test(c.header) ? `[@${c.header}]` : `[@[${c.header}]]`;

export const RATIO_FORMULA = `=DESK.RATIO(${rowRef(NUMERATOR)},${rowRef(DENOMINATOR)})`;

/** The table's columns, in order. */
export const RATIO_COLUMNS: readonly RatioColumn[] = [
  column('date', 'Date', 'date'),
  NUMERATOR,
  DENOMINATOR,
  { ...column('ratio', 'Ratio', 'ratio'), formula: RATIO_FORMULA },
  column('numeratorSource', 'Numerator source', 'text'),
  column('denominatorSource', 'Denominator source', 'text'),
];

export const ratioHeaders = (): string[] => RATIO_COLUMNS.map((c) => c.header);
export const ratioColumn = (field: RatioField): number =>
  RATIO_COLUMNS.findIndex((c) => c.field === field);

const positive = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/** Why a title or label cannot be written, or null. */
function labelProblem(what: string, s: unknown): string | null {
  if (typeof s !== 'string' || s.trim() === '') return `${what} is empty`;
  if (s.length > RATIO_LABEL_LIMIT) return `${what} is longer than ${RATIO_LABEL_LIMIT} characters`;
  return null;
}

/**
 * The history as the table's body cells (`formulas` semantics: dates as serials, text quoted so a
 * source is never read as a formula, the Ratio formula), oldest first; or what is wrong, naming
 * the point.
 */
export function ratioTableCells(h: RatioHistory): Checked<{ rows: CellValue[][] }> {
  for (const [what, s] of [
    ['The title', h.title],
    ['The numerator label', h.numeratorLabel],
    ['The denominator label', h.denominatorLabel],
  ] as const) {
    const p = labelProblem(what, s);
    if (p) return refused(`Nothing written: ${p}.`);
  }
  if (h.points.length === 0) return refused('Nothing written: the ratio history has no points.');
  if (h.points.length > RATIO_POINTS_LIMIT)
    return refused(
      `Nothing written: the ratio history has ${h.points.length.toLocaleString('en-US')} points; at most ${RATIO_POINTS_LIMIT.toLocaleString('en-US')} are written at once.`,
    );
  const rows: { serial: number; cells: CellValue[] }[] = [];
  for (const [i, p] of h.points.entries()) {
    const at = `point ${i + 1} (${String(p.date)})`;
    const d =
      typeof p.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.date)
        ? parseDate(p.date, 'date')
        : null;
    if (!d?.ok) return refused(`Nothing written: ${at} has no valid date (yyyy-mm-dd).`);
    if (!positive(p.numerator) || !positive(p.denominator))
      return refused(`Nothing written: ${at} needs a positive numerator and denominator.`);
    for (const [what, s] of [
      ['numerator source', p.numeratorSource],
      ['denominator source', p.denominatorSource],
    ] as const)
      if (typeof s !== 'string' || s.length > RATIO_LABEL_LIMIT)
        return refused(
          `Nothing written: ${at} has no readable ${what} (text up to ${RATIO_LABEL_LIMIT} characters).`,
        );
    const serial = excelSerialFromDate(d.value);
    const cells = RATIO_COLUMNS.map((c): CellValue => {
      switch (c.field) {
        case 'date':
          return serial;
        case 'numerator':
          return p.numerator;
        case 'denominator':
          return p.denominator;
        case 'ratio':
          return RATIO_FORMULA;
        case 'numeratorSource':
          return textCell(p.numeratorSource);
        case 'denominatorSource':
          return textCell(p.denominatorSource);
      }
    });
    rows.push({ serial, cells });
  }
  rows.sort((a, b) => a.serial - b.serial);
  return { ok: true, rows: rows.map((r) => r.cells) };
}
