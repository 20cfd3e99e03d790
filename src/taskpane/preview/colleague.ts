/**
 * A colleague's edits in the preview, applied straight to the in-memory workbook (as a user
 * typing in Excel would, outside the add-in): rename or delete a table column, or open the file
 * with a newer add-in that stamps a newer schema version. They let anyone try drift and repair,
 * and (not a colleague, the network) make the next write fail, to see the failure path.
 */
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
