/**
 * The in-memory Excel — the twin behind the browser preview and every adapter test: the real
 * Office adapter over an in-memory workbook that is at least as strict as Office.js (see
 * context.ts and docs/TWIN.md), a view for rendering, a "user" who edits the sheet by hand, and
 * a co-authoring model of several replicas of one workbook (coauthoring/). No Node APIs.
 *
 *   createMemoryDeskWorkbook()  one workbook: { workbook (adapter), host, model, user, view }
 *   MemoryHost                  Excel.run's shape: round trips, request meter, faults
 *                               (`faults`, SyncInfo.ops), hooks between requests and operations
 *                               (`onRequest`, `onOperation`), error-code choices (`strictness`)
 *   createCoauthoring()         n replicas of one workbook merged cell by cell, last writer wins
 */
export {
  MemoryHost,
  REQUEST_LIMIT_BYTES,
  RESPONSE_LIMIT_BYTES,
  type Fault,
  type OperationInfo,
  type OperationKind,
  type SyncInfo,
  type SyncStats,
} from './context';
export { DEFAULT_STRICTNESS, MemoryError, type MemoryStrictness } from './errors';
export { MemoryWorkbookModel, type Scalar } from './model';
export {
  formulaEvaluator,
  isFormulaError,
  type FormulaError,
  type FormulaEvaluator,
  type FormulaResult,
  type FunctionRegistry,
} from './formula-eval';
export { MemoryUser } from './user';
export {
  cellDigest,
  displayText,
  viewOf,
  type MemoryCellView,
  type MemoryChartView,
  type MemorySheetView,
  type MemoryTableView,
  type MemoryWorkbookView,
} from './view';
export { formulaSyntaxProblem } from './formula-syntax';
export {
  createMemoryDeskWorkbook,
  deskFormulaEvaluator,
  deskWorkbookOver,
  type MemoryDeskWorkbook,
} from './desk-workbook';
export {
  createCoauthoring,
  stateOf,
  tableProblems,
  type Coauthoring,
  type CoauthoringOptions,
  type MergeStats,
  type Replica,
  type WorkbookState,
} from './coauthoring';
export type { Box } from '../a1';
