/**
 * What the in-memory workbook looks like to a person: each cell's value, formula, number format
 * and displayed text (enough of Excel's number formats for the desk's columns), each sheet's tables
 * and loose cells, the names and the selection. For rendering and for "no other cell changed" checks.
 */
import { formatAddress } from '../a1';
import { rangeAddress } from './charts';
import { parseCellKey } from './keys';
import { dateOfSerial } from './serial';
import type { MemoryWorkbookModel, Scalar, SheetData, TableData } from './model';

export interface MemoryCellView {
  readonly value: Scalar;
  /** The formula, when the cell holds one. */
  readonly formula: string | null;
  readonly numberFormat: string;
  /** The value as Excel would display it with its number format. */
  readonly text: string;
  readonly validation: string | null;
  /** The message an error value carries (a custom function's #VALUE!), when there is one. */
  readonly message?: string;
}
export interface MemoryTableView {
  readonly id: string;
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
  readonly headers: readonly string[];
  /** Sheet row number (1-based) of the header row. */
  readonly headerRow: number;
  /** Body rows (0-based) inside the current selection. */
  readonly selectedRows: readonly number[];
  /** Body rows, one view per table column. */
  readonly rows: readonly (readonly MemoryCellView[])[];
}
/** A chart as a person would check it: type, title, and each series' name and ranges. */
export interface MemoryChartView {
  readonly name: string;
  readonly type: string;
  readonly title: string;
  readonly position: { readonly start: string; readonly end: string | null } | null;
  readonly series: readonly {
    readonly name: string;
    readonly values: string | null;
    readonly xValues: string | null;
  }[];
}
export interface MemorySheetView {
  readonly name: string;
  readonly visible: boolean;
  readonly tables: readonly MemoryTableView[];
  readonly charts: readonly MemoryChartView[];
  /** Non-empty cells outside any table, e.g. a user's notes. */
  readonly looseCells: readonly (MemoryCellView & { readonly address: string })[];
}
export interface MemoryWorkbookView {
  readonly sheets: readonly MemorySheetView[];
  readonly names: readonly { readonly name: string; readonly formula: string }[];
  readonly selection: { readonly sheet: string; readonly address: string } | null;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Enough of Excel's number formats for the desk's columns: what a user would see in the cell. */
export function displayText(value: Scalar, format: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return value;
  if (!Number.isFinite(value)) return String(value);
  if (format.startsWith('yyyy-mm-dd')) {
    const d = dateOfSerial(value);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    return format.includes('hh')
      ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
      : date;
  }
  // A conditional format "[<1000]General;#,##0": the first section below the bound, else the second.
  const conditional = /^\[<(\d+(?:\.\d+)?)\]([^;]+);(.+)$/.exec(format);
  if (conditional)
    return displayText(
      value,
      value < Number(conditional[1]) ? (conditional[2] ?? '') : (conditional[3] ?? ''),
    );
  const places = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  const fixed = (n: number, group: boolean) =>
    n.toLocaleString('en-US', {
      minimumFractionDigits: places,
      maximumFractionDigits: places,
      useGrouping: group,
    });
  if (format.endsWith('%')) return `${fixed(value * 100, false)}%`;
  if (/^[#0,.]+$/.test(format)) return fixed(value, format.includes(','));
  // General: Excel shows about 11 significant digits in a default-width cell.
  return String(Number(value.toPrecision(11)));
}

function cellView(m: MemoryWorkbookModel, s: SheetData, r: number, c: number): MemoryCellView {
  const cell = m.cell(s, r, c);
  const value = m.valueOf(s, r, c);
  const numberFormat = cell?.numberFormat ?? 'General';
  const message = m.errorMessageOf(s, r, c);
  return {
    value,
    formula: cell?.formula ?? null,
    numberFormat,
    text: displayText(value, numberFormat),
    validation: cell?.validation ?? null,
    ...(message !== null ? { message } : {}),
  };
}

/** Body rows of a table (0-based) that the selection covers. */
function selectedRows(m: MemoryWorkbookModel, t: TableData): number[] {
  const sel = m.selection;
  if (!sel || sel.sheet.toLowerCase() !== t.sheet.name.toLowerCase()) return [];
  return Array.from({ length: t.rows - 1 }, (_, i) => i).filter((i) => {
    const r = t.row + 1 + i;
    return r >= sel.box.row && r < sel.box.row + sel.box.rows;
  });
}

export function viewOf(m: MemoryWorkbookModel): MemoryWorkbookView {
  return {
    sheets: m.sheets.map((s) => {
      const tables = m.tables.filter((t) => t.sheet === s);
      const inTable = (r: number, c: number) =>
        tables.some((t) => r >= t.row && r < t.row + t.rows && c >= t.col && c < t.col + t.cols);
      const loose = [...s.cells.keys()]
        .map(parseCellKey)
        .filter(([r, c]) => !inTable(r, c) && m.valueOf(s, r, c) !== '')
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .map(([r, c]) => ({
          ...cellView(m, s, r, c),
          address: formatAddress(s.name, { row: r, col: c, rows: 1, cols: 1 }),
        }));
      return {
        name: s.name,
        visible: s.visibility === 'Visible',
        tables: tables.map((t) => ({
          id: t.id,
          name: t.name,
          sheet: s.name,
          address: formatAddress(s.name, { row: t.row, col: t.col, rows: t.rows, cols: t.cols }),
          headers: m.headers(t),
          headerRow: t.row + 1,
          selectedRows: selectedRows(m, t),
          rows: Array.from({ length: t.rows - 1 }, (_, i) =>
            Array.from({ length: t.cols }, (__, j) => cellView(m, s, t.row + 1 + i, t.col + j)),
          ),
        })),
        looseCells: loose,
        charts: m.charts
          .filter((c) => c.sheet === s)
          .map((c) => ({
            name: c.name,
            type: c.type,
            title: c.title.text,
            position: c.position,
            series: c.series.map((x) => ({
              name: x.name,
              values: rangeAddress(x.values),
              xValues: rangeAddress(x.xValues),
            })),
          })),
      };
    }),
    names: [...m.names.values()].map((n) => ({ name: n.name, formula: n.formula })),
    selection: m.selection
      ? { sheet: m.selection.sheet, address: formatAddress(m.selection.sheet, m.selection.box) }
      : null,
  };
}

/** Every non-empty cell as "Sheet!r,c" → its value and formula: for "no other cell changed" checks. */
export function cellDigest(m: MemoryWorkbookModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of m.sheets) {
    for (const [k, cell] of s.cells) {
      if (cell.value === '' && !cell.formula) continue;
      out.set(`${s.name}!${k}`, JSON.stringify([cell.value, cell.formula ?? null]));
    }
  }
  return out;
}
