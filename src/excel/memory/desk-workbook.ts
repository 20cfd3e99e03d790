/** One in-memory workbook with the real Office adapter over it: what the preview and tests drive. */
import { createOfficeDeskWorkbook } from '../office-workbook';
import type { DeskWorkbook } from '../workbook';
import { MemoryHost } from './context';
import { deskFormulaEvaluator } from './desk-formula';
import { MemoryWorkbookModel, type FormulaEvaluator } from './model';
import { MemoryUser } from './user';
import { viewOf, type MemoryWorkbookView } from './view';

export interface MemoryDeskWorkbook {
  readonly workbook: DeskWorkbook;
  /** Sheets, tables, headers, values and formulas, for rendering. */
  view(): MemoryWorkbookView;
  /** Alias of view() (the name CONTRACTS uses). */
  snapshot(): MemoryWorkbookView;
  /** Hand edits: rename/reorder/delete/add columns, type a cell, delete a table. */
  readonly user: MemoryUser;
  /** Re-render hook: called after every sync and every hand edit. */
  onChange(listener: () => void): () => void;
  /** The in-memory Excel itself: sync counter, request meter, fault injection. */
  readonly host: MemoryHost;
  readonly model: MemoryWorkbookModel;
}

/** The adapter, view and user over an existing model (a co-authoring replica uses it too). */
export function deskWorkbookOver(model: MemoryWorkbookModel): MemoryDeskWorkbook {
  const host = new MemoryHost(model);
  // Ids counted per replica (not random), so a seeded run replays exactly.
  let n = 0;
  const newId = (): string => `twin-${model.idPrefix}${(n += 1).toString()}`;
  const workbook = createOfficeDeskWorkbook(host.run, { newId });
  return {
    workbook,
    view: () => viewOf(model),
    snapshot: () => viewOf(model),
    user: new MemoryUser(model),
    onChange: (l) => model.onChange(l),
    host,
    model,
  };
}

export function createMemoryDeskWorkbook(
  options: { evaluate?: FormulaEvaluator } = {},
): MemoryDeskWorkbook {
  const model = new MemoryWorkbookModel();
  model.evaluate = options.evaluate ?? deskFormulaEvaluator;
  model.addSheet('Sheet1');
  return deskWorkbookOver(model);
}
