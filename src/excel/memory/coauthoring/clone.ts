/** A deep copy of a workbook: each co-authoring replica starts from the same one. */
import { MemoryWorkbookModel, type SheetData } from '../model';

export function cloneModel(from: MemoryWorkbookModel): MemoryWorkbookModel {
  const m = new MemoryWorkbookModel();
  m.evaluate = from.evaluate;
  m.strictness = { ...from.strictness };
  const sheets = new Map<SheetData, SheetData>();
  for (const s of from.sheets) {
    const copy: SheetData = {
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])),
      names: new Map([...s.names].map(([k, n]) => [k, { ...n }])),
    };
    sheets.set(s, copy);
    m.sheets.push(copy);
  }
  for (const t of from.tables) m.tables.push({ ...t, sheet: sheets.get(t.sheet) as SheetData });
  for (const [k, n] of from.names) m.names.set(k, { ...n });
  return m;
}
