/**
 * Orphans: what the add-in left in a workbook outside one complete set of desk tables — a sheet
 * without a desk table, a table that is not one of the three, a name other than its own, a cell
 * outside every table. Counted by identity (sheet id, table id, name, cell address), so a test can
 * tell an orphan adopted later (now part of the desk set) from one removed.
 */
import { TABLE_KEYS, TABLES } from '../../src/core';
import { formatAddress, parseAddress } from '../../src/excel/a1';
import type { MemoryDeskWorkbook } from '../../src/excel/memory';
import { SHEET_MARK, VERSION_NAME, WORKBOOK_ID_NAME } from '../../src/excel/office';

const DESK_NAMES = new Set(TABLE_KEYS.map((k) => TABLES[k].name.toLowerCase()));

export interface Colleague {
  /** Sheets a colleague made (by name). */
  readonly sheets: readonly string[];
  /** Cells a colleague typed outside the tables, "Sheet!A1". */
  readonly cells: readonly string[];
  /** Tables a colleague made (by name). */
  readonly tables?: readonly string[];
}

const QUICK_ROWS = 40;
const QUICK_COLS = 12;

/**
 * Every orphan, as "kind:identity". `quick` looks for loose cells only where an interrupted write
 * leaves them (below and right of each table): for counting after each failure of a long run.
 */
export function orphans(m: MemoryDeskWorkbook, colleague: Colleague, quick = false): string[] {
  const out: string[] = [];
  const model = m.model;
  const deskTables = model.tables.filter((t) => DESK_NAMES.has(t.name.toLowerCase()));
  const deskSheets = new Set(deskTables.map((t) => t.sheet.id));
  for (const s of model.sheets) {
    if (colleague.sheets.includes(s.name) || deskSheets.has(s.id)) continue;
    out.push(`sheet:${s.id}`);
  }
  for (const t of model.tables) {
    if (DESK_NAMES.has(t.name.toLowerCase()) || colleague.tables?.includes(t.name)) continue;
    out.push(`table:${t.id}`);
  }
  for (const n of model.names.values()) {
    if (n.name !== VERSION_NAME && n.name !== WORKBOOK_ID_NAME) out.push(`name:${n.name}`);
  }
  for (const s of model.sheets) {
    for (const n of s.names.values()) {
      if (n.name === SHEET_MARK && deskSheets.has(s.id)) continue;
      if (n.name === SHEET_MARK && !colleague.sheets.includes(s.name)) continue; // its sheet counts
      out.push(`name:${s.name}!${n.name}`);
    }
  }
  for (const s of model.sheets) {
    const tables = model.tables.filter((t) => t.sheet === s);
    const inTable = (r: number, c: number) =>
      tables.some((t) => r >= t.row && r < t.row + t.rows && c >= t.col && c < t.col + t.cols);
    const consider = (r: number, c: number) => {
      const cell = model.cell(s, r, c);
      if (!cell || (cell.value === '' && !cell.formula) || inTable(r, c)) return;
      const address = formatAddress(s.name, { row: r, col: c, rows: 1, cols: 1 });
      if (!colleague.cells.includes(address)) out.push(`cell:${address}`);
    };
    if (!quick || tables.length === 0) {
      for (const k of s.cells.keys()) {
        const comma = k.indexOf(','); // "row,col" (memory/keys.ts)
        consider(Number(k.slice(0, comma)), Number(k.slice(comma + 1)));
      }
      continue;
    }
    // Quick: where an interrupted write leaves cells — just below a table, or right of its
    // header and last rows.
    for (const t of tables) {
      for (let r = t.row + t.rows; r < t.row + t.rows + QUICK_ROWS; r += 1)
        for (let c = t.col; c < t.col + t.cols + QUICK_COLS; c += 1) consider(r, c);
      for (
        let r = t.row;
        r < t.row + t.rows;
        r += r < t.row + 1 || r > t.row + t.rows - QUICK_ROWS ? 1 : t.rows
      )
        for (let c = t.col + t.cols; c < t.col + t.cols + QUICK_COLS; c += 1) consider(r, c);
    }
  }
  // Two tables of one desk name cannot exist (the twin keeps names unique), but say so if they did.
  for (const key of TABLE_KEYS) {
    const n = model.tables.filter((t) => t.name === TABLES[key].name).length;
    if (n > 1) out.push(`duplicate:${TABLES[key].name}`);
  }
  return out;
}

/** Orphans seen at failure points, and what became of each once the write succeeded. */
export class OrphanLedger {
  readonly found = new Set<string>();
  /** Orphans found, by kind: { sheet: 3, table: 2, cell: 40 }. */
  byKind(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const o of this.found) {
      const kind = o.slice(0, o.indexOf(':'));
      out[kind] = (out[kind] ?? 0) + 1;
    }
    return out;
  }
  record(m: MemoryDeskWorkbook, colleague: Colleague, quick = false): void {
    for (const o of orphans(m, colleague, quick)) this.found.add(o);
  }
  /** After success: orphans still there (must be none), adopted (now desk objects) and removed. */
  settle(
    m: MemoryDeskWorkbook,
    colleague: Colleague,
  ): { left: string[]; adopted: number; removed: number } {
    const left = orphans(m, colleague);
    let adopted = 0;
    let removed = 0;
    const model = m.model;
    for (const o of this.found) {
      if (left.includes(o)) continue;
      const [kind, id] = [o.slice(0, o.indexOf(':')), o.slice(o.indexOf(':') + 1)];
      const exists =
        kind === 'sheet'
          ? model.sheets.some((s) => s.id === id)
          : kind === 'table'
            ? model.tables.some((t) => t.id === id)
            : kind === 'cell'
              ? (() => {
                  const [sheet, address] = id.split('!') as [string, string];
                  const at = parseAddress(address);
                  return model.tables.some(
                    (t) =>
                      t.sheet.name === sheet &&
                      at !== null &&
                      at.box.row >= t.row &&
                      at.box.row < t.row + t.rows &&
                      at.box.col >= t.col &&
                      at.box.col < t.col + t.cols,
                  );
                })()
              : false;
      if (exists) adopted += 1;
      else removed += 1;
    }
    return { left, adopted, removed };
  }
}
