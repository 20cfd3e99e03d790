/**
 * A colleague's edits in the preview, applied straight to the in-memory workbook (as a user
 * typing in Excel would, outside the add-in): rename or delete a table column, or open the file
 * with a newer add-in that stamps a newer schema version. They let anyone try drift and repair,
 * and (not a colleague, the network) make the next write fail, to see the failure path.
 */
import { columnList, REVIEW_KEYS, rowCells, TABLES } from '../../core';
import { buildSampleReviews } from '../../core/sample';
import type { MemoryDeskWorkbook, MemoryTableView } from '../../excel/memory';
import { VERSION_NAME } from '../../excel/office';

function tableView(twin: MemoryDeskWorkbook, name: string): MemoryTableView | undefined {
  return twin
    .view()
    .sheets.flatMap((s) => s.tables)
    .find((t) => t.name === name);
}

/** Renames a column by editing its header cell. */
export function renameColumn(
  twin: MemoryDeskWorkbook,
  table: string,
  header: string,
  to: string,
): string {
  const t = tableView(twin, table);
  if (!t) return `${table} does not exist yet.`;
  if (!t.headers.includes(header)) return `${table} has no column ${header}.`;
  twin.user.renameColumn(table, header, to);
  return `A colleague renamed ${table}[${header}] to ${to}.`;
}

/** Deletes a table column (cells to its right within the table shift left, as in Excel). */
export function deleteColumn(twin: MemoryDeskWorkbook, table: string, header: string): string {
  const t = tableView(twin, table);
  if (!t) return `${table} does not exist yet.`;
  if (!t.headers.includes(header)) return `${table} has no column ${header}.`;
  twin.user.deleteColumn(table, header);
  return `A colleague deleted the column ${header} from ${table}.`;
}

/** Stamps a schema version newer than this add-in knows, as a newer add-in would. */
export function stampNewerSchema(twin: MemoryDeskWorkbook, version: number): string {
  twin.user.setName(VERSION_NAME, `=${version}`);
  return `A colleague with a newer add-in stamped schema version ${version}.`;
}

export type WriteFailure = 'after' | 'before';

/**
 * Arms the in-memory Excel so the next sync that writes fails once: 'before' applies nothing (the
 * request never arrived); 'after' applies everything and then fails (the reply was lost), the case
 * where a retry must add only what is missing. Read-only syncs pass, so the submit's read goes through.
 */
export function failNextWrite(twin: MemoryDeskWorkbook, when: WriteFailure): string {
  const { host } = twin;
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
export function mergeCoauthorWrite(twin: MemoryDeskWorkbook, newId: () => string): string {
  const built = buildSampleReviews({ recordedBy: 'Co-author', newId });
  const review = built.ok ? built.reviews[0] : undefined;
  if (!review) return 'No co-author review could be built.';
  const taken: string[] = [];
  for (const key of REVIEW_KEYS) {
    const t = tableView(twin, TABLES[key].name);
    const row = review[key][0];
    const last = t?.rows.at(-1);
    if (!t || !row || !last) continue;
    if (last[0]?.value === '') continue; // the empty row of a new table
    const fields = t.headers.map(
      (h) =>
        columnList(key).find((c) => c.header.toLowerCase() === h.trim().toLowerCase())?.field ??
        null,
    );
    rowCells(key, row, fields).forEach((v, j) => {
      const header = t.headers[j];
      if (header !== undefined) twin.user.typeInTable(t.name, t.rows.length, header, v);
    });
    taken.push(`${t.name} row ${t.headerRow + t.rows.length}`);
  }
  return taken.length === 0
    ? 'Nothing to merge over yet: record a review first.'
    : `A co-author's review, written at the same moment, won the same cells: ${taken.join(', ')}.`;
}
