/**
 * The desk twin assembled: one in-memory workbook with our add-in loaded — the real Office
 * adapter over it, and the add-in's DESK functions in its formula engine — what the preview and
 * tests drive. The one place memory/ meets the add-in; the rest of memory/ is Excel alone.
 */
import { DESK_FUNCTIONS } from '../desk-functions';
import { createOfficeDeskWorkbook } from '../office';
import type { DeskWorkbook } from '../workbook';
import { MemoryHost } from './context';
import { formulaEvaluator, type FormulaEvaluator } from './formula-eval';
import { MemoryWorkbookModel } from './model';
import { MemoryUser } from './user';
import { viewOf, type MemoryWorkbookView } from './view';

export interface MemoryDeskWorkbook {
  readonly workbook: DeskWorkbook;
  /** Sheets, tables, headers, values and formulas, for rendering. */
  view(): MemoryWorkbookView;
  /** Alias of view(). */
  snapshot(): MemoryWorkbookView;
  /** Hand edits: rename/reorder/delete/add columns, type a cell, delete a table. */
  readonly user: MemoryUser;
  /** Re-render hook: called after every sync and every hand edit. */
  onChange(listener: () => void): () => void;
  /** The in-memory Excel itself: sync counter, request meter, fault injection. */
  readonly host: MemoryHost;
  readonly model: MemoryWorkbookModel;
}

/** Excel's formulas with the DESK functions loaded: Status now gives what DESK.NOTE_STATUS gives. */
export const deskFormulaEvaluator: FormulaEvaluator = formulaEvaluator(DESK_FUNCTIONS);

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
