/**
 * Applying a register that won a merge to a replica's workbook, in place (objects keep their
 * identity, so a request in flight on that replica sees the change), without recording it as the
 * replica's own change. After a delivery, sheets and tables are put in creation order and name
 * clashes (two replicas created "DeskSnapshots" at once) are settled the same way everywhere:
 * the earliest created keeps the name, later ones show "Name (2)" (sheets) or "Name_2" (tables).
 * Two tables over the same cells are settled alike: the earliest created stays a table, later
 * ones that overlap it do not (their cells stay). How Excel's co-authoring settles either clash is
 * not documented; this is the twin's rule.
 */
import { cellKey } from '../keys';
import type { CellData, MemoryWorkbookModel, SheetData, TableData } from '../model';
import { overlaps, tableBox } from '../table-ops';
import { later, type RegisterValue, type ReplicaStore, type Stamp } from './registers';

function cellAt(sheet: SheetData, r: number, c: number): CellData {
  const k = cellKey(r, c);
  let cell = sheet.cells.get(k);
  if (!cell) {
    cell = { value: '' };
    sheet.cells.set(k, cell);
  }
  return cell;
}
function prune(sheet: SheetData, r: number, c: number, cell: CellData): void {
  if (cell.value === '' && !cell.formula && !cell.numberFormat && !cell.validation)
    sheet.cells.delete(cellKey(r, c));
}

function applyCell(m: MemoryWorkbookModel, v: Extract<RegisterValue, { r: number }>): void {
  const sheet = m.sheetById(v.sheet);
  if (!sheet) return; // its sheet was deleted: nothing to show
  const cell = cellAt(sheet, v.r, v.c);
  if (v.kind === 'content') {
    cell.value = v.content?.value ?? '';
    if (v.content?.formula) cell.formula = v.content.formula;
    else delete cell.formula;
    if (v.content?.quotePrefix) cell.quotePrefix = true;
    else delete cell.quotePrefix;
  } else if (v.kind === 'format') {
    if (v.format === null || v.format === 'General') delete cell.numberFormat;
    else cell.numberFormat = v.format;
  } else if (v.source === null) delete cell.validation;
  else cell.validation = v.source;
  prune(sheet, v.r, v.c, cell);
}

function applySheet(m: MemoryWorkbookModel, v: Extract<RegisterValue, { kind: 'sheet' }>): void {
  const s = m.sheetById(v.id);
  if (v.deleted) {
    if (!s) return;
    for (const t of m.tables.filter((x) => x.sheet === s)) m.tables.splice(m.tables.indexOf(t), 1);
    m.sheets.splice(m.sheets.indexOf(s), 1);
    return;
  }
  if (s) Object.assign(s, { name: v.name, visibility: v.visibility });
  else
    m.sheets.push({
      id: v.id,
      name: v.name,
      visibility: v.visibility,
      cells: new Map(),
      names: new Map(),
    });
}

function applyTableRange(
  m: MemoryWorkbookModel,
  v: Extract<RegisterValue, { kind: 'tableRange' }>,
  nameOf: (id: string) => string,
): void {
  const t = m.tables.find((x) => x.id === v.id);
  const sheet = m.sheetById(v.sheet);
  if (v.deleted || !sheet) {
    if (t) m.tables.splice(m.tables.indexOf(t), 1);
    return;
  }
  const box = { sheet, row: v.row, col: v.col, rows: v.rows, cols: v.cols };
  if (t) Object.assign(t, box);
  else m.tables.push({ id: v.id, name: nameOf(v.id), ...box } as TableData);
}

function applyName(m: MemoryWorkbookModel, v: Extract<RegisterValue, { kind: 'name' }>): void {
  const scope = v.scope === null ? m.names : m.sheetById(v.scope)?.names;
  if (!scope) return;
  if (!v.data) {
    scope.delete(v.key);
    return;
  }
  const n = scope.get(v.key);
  if (n && n.name === v.data.name) Object.assign(n, v.data);
  else scope.set(v.key, { ...v.data });
}

/** Applies one winning register to the replica's model and its bookkeeping. */
export function applyRegister(
  m: MemoryWorkbookModel,
  store: ReplicaStore,
  v: RegisterValue,
  nameOf: (id: string) => string,
): void {
  switch (v.kind) {
    case 'sheet':
      store.created.set(v.id, v.created);
      store.wanted.set(v.id, v.name);
      applySheet(m, v);
      return;
    case 'tableRange':
      store.created.set(v.id, v.created);
      applyTableRange(m, v, nameOf);
      return;
    case 'tableName': {
      store.wanted.set(v.id, v.name);
      const t = m.tables.find((x) => x.id === v.id);
      if (t) t.name = v.name;
      return;
    }
    case 'name':
      applyName(m, v);
      return;
    default:
      applyCell(m, v);
  }
}

const FORK: Stamp = { ts: 0, replica: -1 };
const byCreation =
  (store: ReplicaStore, base: ReadonlyMap<string, number>) =>
  (a: { id: string }, b: { id: string }): number => {
    const sa = store.created.get(a.id) ?? FORK;
    const sb = store.created.get(b.id) ?? FORK;
    if (sa.ts !== sb.ts || sa.replica !== sb.replica) return later(sa, sb) ? 1 : -1;
    return (base.get(a.id) ?? 0) - (base.get(b.id) ?? 0);
  };

/** Gives each of `items` its wanted name, or a numbered one when an earlier item holds it. */
function settleNames<T extends { id: string; name: string }>(
  items: readonly T[],
  wanted: (t: T) => string,
  numbered: (name: string, n: number) => string,
): void {
  const taken = new Set<string>();
  for (const t of items) {
    const want = wanted(t);
    let name = want;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = numbered(want, n);
    taken.add(name.toLowerCase());
    t.name = name;
  }
}

/**
 * Two tables a merge put over the same cells (two panes made a table on one sheet at once, or a
 * resize crossed a colleague's new table): Excel never shows overlapping tables, and how its
 * co-authoring settles this is not documented. As with a name clash, the earliest created keeps
 * its place; each later one that overlaps a kept table stops being a table — its cells stay, as
 * plain cells — and that removal is recorded as this replica's change, so it reaches every
 * replica like any other (a later resize of the loser brings the overlap back, and the next
 * settle removes it again). `tables` is in creation order.
 */
function settleOverlaps(m: MemoryWorkbookModel): void {
  const kept: TableData[] = [];
  for (const t of [...m.tables]) {
    if (kept.some((k) => k.sheet === t.sheet && overlaps(tableBox(k), tableBox(t))))
      m.deleteTable(t, false);
    else kept.push(t);
  }
}

/**
 * Creation order, overlaps and settled names: the same on every replica that holds the same
 * registers.
 */
export function settle(
  m: MemoryWorkbookModel,
  store: ReplicaStore,
  base: ReadonlyMap<string, number>,
): void {
  const order = byCreation(store, base);
  m.sheets.sort(order);
  m.tables.sort(order);
  settleOverlaps(m);
  settleNames(
    m.sheets,
    (s) => store.wanted.get(s.id) ?? s.name,
    (n, i) => `${n} (${i})`,
  );
  settleNames(
    m.tables,
    (t) => store.wanted.get(t.id) ?? t.name,
    (n, i) => `${n}_${i}`,
  );
}
