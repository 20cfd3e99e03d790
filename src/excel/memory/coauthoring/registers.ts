/**
 * What a co-authoring replica records: one last-writer-wins register per thing that changes on
 * its own — each cell's content (value, formula, quote prefix), number format and validation;
 * each sheet (name, visibility, deleted); each table's name and, separately, its range (deleted
 * is a range with `deleted`); each defined name. A change stamps its register with the logical
 * time of the write (one clock shared by all replicas, so "later" is well defined) and appends
 * the register's key to the replica's log; a merge sends the registers logged since the last
 * delivery, and the receiver keeps whichever stamp is later.
 */
import type { CellPart, ChangeRecorder, MemoryWorkbookModel, SheetData, TableData } from '../model';
import type { Scalar } from '../cell-input';

export interface Stamp {
  readonly ts: number;
  readonly replica: number;
}
export const later = (a: Stamp, b: Stamp): boolean =>
  a.ts > b.ts || (a.ts === b.ts && a.replica > b.replica);

export interface CellContent {
  readonly value: Scalar;
  readonly formula?: string;
  readonly quotePrefix?: boolean;
}

export type RegisterValue =
  | {
      readonly kind: 'content';
      readonly sheet: string;
      readonly r: number;
      readonly c: number;
      readonly content: CellContent | null;
    }
  | {
      readonly kind: 'format';
      readonly sheet: string;
      readonly r: number;
      readonly c: number;
      readonly format: string | null;
    }
  | {
      readonly kind: 'validation';
      readonly sheet: string;
      readonly r: number;
      readonly c: number;
      readonly source: string | null;
    }
  | {
      readonly kind: 'sheet';
      readonly id: string;
      readonly name: string;
      readonly visibility: SheetData['visibility'];
      readonly deleted: boolean;
      readonly created: Stamp;
    }
  | { readonly kind: 'tableName'; readonly id: string; readonly name: string }
  | {
      readonly kind: 'tableRange';
      readonly id: string;
      readonly sheet: string;
      readonly row: number;
      readonly col: number;
      readonly rows: number;
      readonly cols: number;
      readonly deleted: boolean;
      readonly created: Stamp;
    }
  | {
      readonly kind: 'name';
      readonly scope: string | null;
      readonly key: string;
      readonly data: { name: string; formula: string; comment: string; visible: boolean } | null;
    };

export interface Register {
  readonly stamp: Stamp;
  readonly value: RegisterValue;
}

/** The order a delivery applies registers in: sheets, then tables, then names, then cells. */
export const PRIORITY: Readonly<Record<RegisterValue['kind'], number>> = {
  sheet: 0,
  tableRange: 1,
  tableName: 2,
  name: 3,
  content: 4,
  format: 4,
  validation: 4,
};

const PART_KIND = { content: 'content', format: 'format', validation: 'validation' } as const;
export const cellRegisterKey = (part: CellPart, sheetId: string, r: number, c: number): string =>
  `${part[0]}|${sheetId}|${r},${c}`;

/** One replica's registers, its log of changed keys, and how far each peer has been sent it. */
export class ReplicaStore {
  readonly registers = new Map<string, Register>();
  readonly log: string[] = [];
  /** Per peer: the length of `log` already delivered to it. */
  readonly sent: number[];
  /** Creation stamps of sheets and tables (id → stamp); those from the fork are stamp 0. */
  readonly created = new Map<string, Stamp>();
  /** The name each sheet and table was given (a clash after a merge may display another). */
  readonly wanted = new Map<string, string>();
  constructor(peers: number) {
    this.sent = Array.from({ length: peers }, () => 0);
  }
  put(key: string, reg: Register): void {
    this.registers.set(key, reg);
    this.log.push(key);
  }
}

/** The recorder a replica's model calls on every change it makes itself. */
export function recorderFor(
  model: MemoryWorkbookModel,
  store: ReplicaStore,
  replica: number,
  tick: () => number,
): ChangeRecorder {
  const stamp = (): Stamp => ({ ts: tick(), replica });
  const createdOf = (id: string, s: Stamp): Stamp => {
    const known = store.created.get(id);
    if (known) return known;
    store.created.set(id, s);
    return s;
  };
  return {
    cell(sheet, r, c, part) {
      const cell = model.cell(sheet, r, c);
      const s = stamp();
      const key = cellRegisterKey(part, sheet.id, r, c);
      const base = { sheet: sheet.id, r, c };
      const kind = PART_KIND[part];
      if (kind === 'content') {
        const content: CellContent | null =
          cell && (cell.value !== '' || cell.formula)
            ? {
                value: cell.value,
                ...(cell.formula ? { formula: cell.formula } : {}),
                ...(cell.quotePrefix ? { quotePrefix: true } : {}),
              }
            : null;
        store.put(key, { stamp: s, value: { kind, ...base, content } });
      } else if (kind === 'format') {
        store.put(key, { stamp: s, value: { kind, ...base, format: cell?.numberFormat ?? null } });
      } else {
        store.put(key, { stamp: s, value: { kind, ...base, source: cell?.validation ?? null } });
      }
    },
    sheet(sh, deleted) {
      const s = stamp();
      store.wanted.set(sh.id, sh.name);
      store.put(`s|${sh.id}`, {
        stamp: s,
        value: {
          kind: 'sheet',
          id: sh.id,
          name: sh.name,
          visibility: sh.visibility,
          deleted,
          created: createdOf(sh.id, s),
        },
      });
    },
    table(t: TableData, part, deleted) {
      const s = stamp();
      if (part === 'name') {
        store.wanted.set(t.id, t.name);
        store.put(`tn|${t.id}`, { stamp: s, value: { kind: 'tableName', id: t.id, name: t.name } });
        return;
      }
      store.put(`tr|${t.id}`, {
        stamp: s,
        value: {
          kind: 'tableRange',
          id: t.id,
          sheet: t.sheet.id,
          row: t.row,
          col: t.col,
          rows: t.rows,
          cols: t.cols,
          deleted,
          created: createdOf(t.id, s),
        },
      });
    },
    name(key, scope) {
      const n = model.nameItem(key, scope);
      store.put(`n|${scope?.id ?? ''}|${key}`, {
        stamp: stamp(),
        value: {
          kind: 'name',
          scope: scope?.id ?? null,
          key,
          data: n
            ? { name: n.name, formula: n.formula, comment: n.comment, visible: n.visible }
            : null,
        },
      });
    },
  };
}
