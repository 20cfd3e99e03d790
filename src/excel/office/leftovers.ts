/**
 * Sheets the add-in made that a merge or a co-author left empty: marked (DESK_SHEET) for a desk
 * table that lives on another sheet, holding no table and no value. Two panes that created the
 * tables at once, merged afterwards, can leave one with no pane remembering it (Session.seconds
 * is per pane), so every health read and every creation looks for them in the workbook itself.
 *
 *   first sync (shared with readState): the sheets' names and ids
 *   second sync, only when some sheet holds no desk table and was not read unmarked before in this
 *   session (Session.unmarked): each such sheet's mark, tables, values
 */
import { RATIO_SHEET, TABLE_KEYS, TABLES } from '../../core';
import { readMark, SHEET_MARK } from './marks';
import type { Session, State } from './session';

export interface LeftoverSheet {
  readonly sheet: string;
  /** The desk table the sheet was made for. */
  readonly table: string;
}

/** Sheets the add-in takes over when it finds them empty: the desk tables' and the ratio sheet. */
const TAKEABLE = new Set(
  [...TABLE_KEYS.map((k) => TABLES[k].name), RATIO_SHEET].map((n) => n.toLowerCase()),
);
const takeable = (name: string): boolean => TAKEABLE.has(name.toLowerCase());

export function leftoverSentence(l: LeftoverSheet): string {
  return `the empty sheet ${l.sheet}, which the add-in made for a second ${l.table} table that has since been merged, is removed`;
}

/** Queues the sheets' names into the first sync; `read` finds the leftovers among them. */
export function queueLeftovers(
  ctx: Excel.RequestContext,
  session: Session,
): {
  read(s: State): Promise<LeftoverSheet[]>;
} {
  const sheets = ctx.workbook.worksheets.load('items/name,items/id');
  return {
    async read(s) {
      const deskSheets = new Map<string, string>(
        TABLE_KEYS.flatMap((k) => {
          const f = s.tables[k];
          return f ? [[TABLES[k].name, f.sheet] as const] : [];
        }),
      );
      const held = new Set(deskSheets.values());
      const rest = sheets.items.filter((w) => !held.has(w.name) && !session.unmarked.has(w.id));
      if (rest.length === 0 || deskSheets.size === 0) return [];
      const loads = rest.map((w) => ({
        id: w.id,
        name: w.name,
        mark: w.names.getItemOrNullObject(SHEET_MARK).load('formula'),
        tables: w.tables.load('items/id'),
        used: w.getUsedRangeOrNullObject(true).load('address'),
      }));
      await ctx.sync();
      // A sheet of a desk name may still be taken over (and marked) while empty: never cached.
      for (const l of loads)
        if (l.mark.isNullObject && !takeable(l.name)) session.unmarked.add(l.id);
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
