/**
 * A colleague's edits in the preview, applied straight to the in-memory workbook (as a user
 * typing in Excel would, outside the add-in): rename or delete a table column, or open the file
 * with a newer add-in that stamps a newer schema version. They let anyone try drift and repair,
 * and (not a colleague, the network) make the next write fail, to see the failure path.
 */
import { rowCells } from '../../core/record/cells';
import { buildSampleReviews } from '../../core/record/sample-data';
import { TABLES, TABLE_KEYS, columnList } from '../../core/record/schema';
import type { MemoryHost } from '../../excel/memory/context';
import type { MemoryWorkbookModel, TableData } from '../../excel/memory/model';
import { VERSION_NAME } from '../../excel/office-workbook';

export function tableByName(model: MemoryWorkbookModel, name: string): TableData | undefined {
  return model.tables.find((t) => t.name === name);
}

/** Renames a column by editing its header cell. */
export function renameColumn(
  model: MemoryWorkbookModel,
  table: string,
  header: string,
  to: string,
): string {
  const t = tableByName(model, table);
  if (!t) return `${table} does not exist yet.`;
  const j = model.headers(t).indexOf(header);
  if (j < 0) return `${table} has no column ${header}.`;
  model.write(t.sheet, t.row, t.col + j, `'${to}`);
  model.changed();
  return `A colleague renamed ${table}[${header}] to ${to}.`;
}

/** Deletes a table column (cells to its right within the table shift left, as in Excel). */
export function deleteColumn(model: MemoryWorkbookModel, table: string, header: string): string {
  const t = tableByName(model, table);
  if (!t) return `${table} does not exist yet.`;
  const j = model.headers(t).indexOf(header);
  if (j < 0) return `${table} has no column ${header}.`;
  const col = t.col + j;
  const cells = t.sheet.cells;
  for (let r = t.row; r < t.row + t.rows; r++) {
    for (let c = col; c < t.col + t.cols; c++) {
      const next = cells.get(`${r},${c + 1}`);
      if (next && c + 1 < t.col + t.cols) cells.set(`${r},${c}`, next);
      else cells.delete(`${r},${c}`);
    }
  }
  t.cols -= 1;
  model.changed();
  return `A colleague deleted the column ${header} from ${table}.`;
}

/** Stamps a schema version newer than this add-in knows, as a newer add-in would. */
export function stampNewerSchema(model: MemoryWorkbookModel, version: number): string {
  const existing = model.names.get(VERSION_NAME.toLowerCase());
  if (existing) existing.formula = `=${version}`;
  else model.addName(VERSION_NAME, `=${version}`);
  model.changed();
  return `A colleague with a newer add-in stamped schema version ${version}.`;
}

export type WriteFailure = 'after' | 'before';

/**
 * Arms the in-memory Excel so the next sync that writes fails once: 'before' applies nothing (the
 * request never arrived); 'after' applies everything and then fails (the reply was lost), the case
 * where a retry must add only what is missing. Read-only syncs pass, so the submit's read goes through.
 */
export function failNextWrite(host: MemoryHost, when: WriteFailure): string {
  host.faults = (info) => {
    if (info.writes === 0) return undefined;
    host.faults = null;
    return { kind: when === 'after' ? 'fail-after' : 'fail-before' };
  };
  return when === 'after'
    ? 'The next write will reach the workbook, then fail as if the reply were lost.'
    : 'The next write will fail before anything is written.';
}

/**
 * A co-author recorded a review at the same moment, into the same cells below the tables, and
 * co-authoring kept the later write: the last row of each desk table now holds the co-author's
 * row. (What createCoauthoring's merge does to the loser; here in one step so the preview can
 * show the receipts noticing it and adding the review again.)
 */
export function mergeCoauthorWrite(model: MemoryWorkbookModel, newId: () => string): string {
  const built = buildSampleReviews({ recordedBy: 'Co-author', newId });
  const review = built.ok ? built.reviews[0] : undefined;
  if (!review) return 'No co-author review could be built.';
  const taken: string[] = [];
  for (const key of TABLE_KEYS) {
    const t = tableByName(model, TABLES[key].name);
    const row = review[key][0];
    if (!t || !row || t.rows < 2) continue;
    const r = t.row + t.rows - 1;
    const fields = model
      .headers(t)
      .map(
        (h) =>
          columnList(key).find((c) => c.header.toLowerCase() === h.trim().toLowerCase())?.field ??
          null,
      );
    if (model.valueOf(t.sheet, r, t.col) === '') continue; // the empty row of a new table
    rowCells(key, row, fields).forEach((v, j) => model.write(t.sheet, r, t.col + j, v));
    taken.push(`${t.name} row ${r + 1}`);
  }
  model.changed();
  return taken.length === 0
    ? 'Nothing to merge over yet: record a review first.'
    : `A co-author's review, written at the same moment, won the same cells: ${taken.join(', ')}.`;
}
