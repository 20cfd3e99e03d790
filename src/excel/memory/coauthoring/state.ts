/**
 * A workbook's state in a canonical form (sorted, nothing that is one user's own such as the
 * selection), to compare replicas; and the ways a table can be broken after a merge.
 */
import { tableBox, overlaps } from '../table-ops';
import type { CellData, MemoryWorkbookModel, NameData } from '../model';
import { MAX_COLS, MAX_ROWS } from '../limits';

export interface WorkbookState {
  readonly sheets: readonly {
    readonly id: string;
    readonly name: string;
    readonly visibility: string;
    readonly cells: readonly (readonly [string, CellData])[];
    readonly names: readonly (readonly [string, NameData])[];
  }[];
  readonly tables: readonly {
    readonly id: string;
    readonly name: string;
    readonly sheet: string;
    readonly row: number;
    readonly col: number;
    readonly rows: number;
    readonly cols: number;
  }[];
  readonly names: readonly (readonly [string, NameData])[];
}

const byKey = ([a]: [string, unknown], [b]: [string, unknown]): number =>
  a < b ? -1 : a > b ? 1 : 0;

/** An object with its keys in one order: two replicas that built it differently compare equal. */
const canonical = <V extends object>(v: V): V =>
  Object.fromEntries(Object.entries(v).sort(byKey)) as V;

const sorted = <V extends object>(m: ReadonlyMap<string, V>): [string, V][] =>
  [...m].sort(byKey).map(([k, v]) => [k, canonical(v)]);

export function stateOf(m: MemoryWorkbookModel): WorkbookState {
  return {
    sheets: m.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      cells: sorted(s.cells),
      names: sorted(s.names),
    })),
    tables: m.tables.map((t) => ({
      id: t.id,
      name: t.name,
      sheet: t.sheet.id,
      row: t.row,
      col: t.col,
      rows: t.rows,
      cols: t.cols,
    })),
    names: sorted(m.names),
  };
}

/** What is wrong with the workbook's tables: overlaps, shared names, headers not unique text. */
export function tableProblems(m: MemoryWorkbookModel): string[] {
  const out: string[] = [];
  const names = new Set<string>();
  m.tables.forEach((t, i) => {
    if (!m.sheets.includes(t.sheet)) out.push(`${t.name} is on a sheet that is gone`);
    if (names.has(t.name.toLowerCase())) out.push(`two tables are named ${t.name}`);
    names.add(t.name.toLowerCase());
    if (t.rows < 2 || t.row + t.rows > MAX_ROWS || t.col + t.cols > MAX_COLS)
      out.push(`${t.name} has an impossible range`);
    for (const o of m.tables.slice(i + 1)) {
      if (o.sheet === t.sheet && overlaps(tableBox(t), tableBox(o)))
        out.push(`${t.name} overlaps ${o.name}`);
    }
    const headers = m.headers(t);
    const seen = new Set<string>();
    headers.forEach((h, j) => {
      const cell = m.cell(t.sheet, t.row, t.col + j);
      if (!cell || cell.formula || typeof cell.value !== 'string' || h === '')
        out.push(`${t.name} header ${j + 1} is not text`);
      if (seen.has(h.toLowerCase())) out.push(`${t.name} has two headers ${h}`);
      seen.add(h.toLowerCase());
    });
  });
  return out;
}
