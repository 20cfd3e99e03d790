/**
 * A pasted or parsed table (CSV, TSV, cells copied from a sheet) → one candidate per row, through
 * the mapping the user confirmed. Row 0 holds the headers, which may also name units. One pass
 * over the cells; rows past IMPORT_ROW_LIMIT are not read but listed as one candidate saying so.
 */
import { show } from '../show';
import {
  candidateFromFields,
  clipSource,
  type FieldTexts,
  type HeaderUnits,
  type ImportDefaults,
  type PriceCandidate,
} from './import-candidate';
import {
  headerUnitText,
  importFieldLabel,
  type ColumnMapping,
  type ImportField,
} from './import-fields';

/** Rows one import reads (the table's own limit is far higher; this keeps the preview usable). */
export const IMPORT_ROW_LIMIT = 100_000;

const blank = (cell: string | undefined): boolean => cell === undefined || cell.trim() === '';

/** Fields → the columns mapped to them, in column order. */
function columnsByField(mapping: ColumnMapping, width: number): Map<ImportField, number[]> {
  const out = new Map<ImportField, number[]>();
  for (let col = 0; col < width; col++) {
    const field = mapping[col];
    if (field === null || field === undefined) continue;
    out.set(field, [...(out.get(field) ?? []), col]);
  }
  return out;
}

/** One row's texts by field; two columns mapped to one field must agree where both are filled. */
function rowTexts(
  row: readonly string[],
  columns: ReadonlyMap<ImportField, readonly number[]>,
  conflicts: string[],
): FieldTexts {
  const texts: Partial<Record<ImportField, string>> = {};
  for (const [field, cols] of columns) {
    const filled = cols.filter((c) => !blank(row[c]));
    const first = filled[0];
    if (first === undefined) continue;
    texts[field] = row[first] as string;
    const other = filled.find((c) => (row[c] as string).trim() !== (row[first] as string).trim());
    if (other !== undefined) {
      conflicts.push(
        `${importFieldLabel(field)}: columns ${first + 1} and ${other + 1} both map here and differ (${show(row[first])}, ${show(row[other])})`,
      );
    }
  }
  return texts;
}

/** The candidates of a grid whose row 0 is its headers; blank rows are skipped. */
export function candidatesFromGrid(
  grid: readonly (readonly string[])[],
  mapping: ColumnMapping,
  d: ImportDefaults,
): PriceCandidate[] {
  const headers = grid[0] ?? [];
  const columns = columnsByField(mapping, headers.length);
  const headerUnits: Partial<Record<ImportField, string>> = {};
  for (const [field, cols] of columns) {
    const unit = cols.map((c) => headerUnitText(headers[c] ?? '')).find((u) => u !== null);
    if (unit !== undefined && unit !== null) headerUnits[field] = unit;
  }
  const out: PriceCandidate[] = [];
  const last = Math.min(grid.length, IMPORT_ROW_LIMIT + 1);
  for (let i = 1; i < last; i++) {
    const row = grid[i] as readonly string[];
    if (row.every((c) => blank(c))) continue;
    out.push(gridCandidate(i + 1, row, headers.length, columns, headerUnits, d));
  }
  if (grid.length > last) {
    out.push({
      line: last + 1,
      source: '',
      values: {},
      problems: [
        `Rows ${(last + 1).toLocaleString('en-US')}–${grid.length.toLocaleString('en-US')}: past the ${IMPORT_ROW_LIMIT.toLocaleString('en-US')}-row limit of one import; import them separately`,
      ],
    });
  }
  return out;
}

function gridCandidate(
  line: number,
  row: readonly string[],
  width: number,
  columns: ReadonlyMap<ImportField, readonly number[]>,
  headerUnits: HeaderUnits,
  d: ImportDefaults,
): PriceCandidate {
  const conflicts: string[] = [];
  const texts = rowTexts(row, columns, conflicts);
  const c = candidateFromFields(line, row.join('\t'), texts, d, headerUnits);
  // A cell past the last header is a value nothing would read: most often a CSV number whose
  // thousands comma was not quoted (747,000 splits into "747" and "000"), which shifts the row.
  let extra = 0;
  for (let col = width; col < row.length; col++) if (!blank(row[col])) extra++;
  if (extra > 0) {
    conflicts.push(
      `Columns: the row has ${extra} filled cell${extra > 1 ? 's' : ''} past the ${width} headers — in a CSV, a number with a thousands comma must be quoted ("747,000")`,
    );
  }
  if (conflicts.length === 0) return c;
  return { ...c, source: clipSource(c.source), problems: [...conflicts, ...c.problems] };
}
