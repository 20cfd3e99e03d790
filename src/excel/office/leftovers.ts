/**
 * Sheets the add-in made that a merge or a co-author left empty: marked (DESK_SHEET) for a desk
 * table that lives on another sheet, holding no table and no value. Two panes that created the
 * tables at once, merged afterwards, can leave one with no pane remembering it (Session.seconds
 * is per pane), so every health read and every creation looks for them in the workbook itself.
 *
 *   first sync (shared with readState): the sheets' names
 *   second sync, only when a sheet named like a desk table holds none: its mark, tables, values
 */
import { TABLE_KEYS, TABLES } from '../../core';
import { readMark, SHEET_MARK } from './marks';
import type { State } from './session';

export interface LeftoverSheet {
  readonly sheet: string;
  /** The desk table the sheet was made for. */
  readonly table: string;
}

export function leftoverSentence(l: LeftoverSheet): string {
  return `the empty sheet ${l.sheet}, which the add-in made for a second ${l.table} table that has since been merged, is removed`;
}

/**
 * Sheets named like a desk table ("DeskTriggers (2)", as Excel names a second sheet of a name):
 * only these are looked into, so a health read stays one sync in a workbook of other sheets.
 */
const deskLike = (name: string): boolean =>
  TABLE_KEYS.some((k) => name.toLowerCase().startsWith(TABLES[k].name.toLowerCase()));

/** Queues the sheets' names into the first sync; `read` finds the leftovers among them. */
export function queueLeftovers(ctx: Excel.RequestContext): {
  read(s: State): Promise<LeftoverSheet[]>;
} {
  const sheets = ctx.workbook.worksheets.load('items/name');
  return {
    async read(s) {
      const deskSheets = new Map<string, string>(
        TABLE_KEYS.flatMap((k) => {
          const f = s.tables[k];
          return f ? [[TABLES[k].name, f.sheet] as const] : [];
        }),
      );
      const held = new Set(deskSheets.values());
      const rest = sheets.items.filter((w) => !held.has(w.name) && deskLike(w.name));
      if (rest.length === 0 || deskSheets.size === 0) return [];
      const loads = rest.map((w) => ({
        name: w.name,
        mark: w.names.getItemOrNullObject(SHEET_MARK).load('formula'),
        tables: w.tables.load('items/id'),
        used: w.getUsedRangeOrNullObject(true).load('address'),
      }));
      await ctx.sync();
      return loads.flatMap((l) => {
        const mark = l.mark.isNullObject ? null : readMark(l.mark.formula);
        const home = mark ? deskSheets.get(mark.table) : undefined;
        const empty = l.tables.items.length === 0 && l.used.isNullObject;
        return mark && home !== undefined && home !== l.name && empty
          ? [{ sheet: l.name, table: mark.table }]
          : [];
      });
    },
  };
}
