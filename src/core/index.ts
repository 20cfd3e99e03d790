/** The core's public surface: pure pricing, status rules and grid evaluation (no Office here). */
export { D, toExcelNumber } from './calc/decimal';
export {
  deskError,
  fail,
  isDeskError,
  ok,
  type DeskError,
  type DeskErrorCode,
  type Result,
} from './errors';
export {
  cellsOf,
  evaluateGrid,
  isRange,
  shapeProblem,
  type Arg,
  type Cell,
  type Output,
  type Scalar,
} from './grid';

export {
  convert,
  exitValue,
  mid,
  noteStatus,
  premium,
  ratio,
  spreadBps,
  spreadCost,
} from './functions';

export {
  isMissing,
  parseFx,
  parseNumber,
  parsePlainNumber,
  parsePrice,
  parseQuantity,
  parseQuote,
  parseRate,
  parseUnitArg,
  type ParsedPrice,
} from './price/parse';
export {
  parseUnit,
  currencyOf,
  massOf,
  UNITS,
  type Currency,
  type Mass,
  type Unit,
} from './price/units';
export { conversionFactor, convertPrice, FX_ARG, type Factor } from './price/convert';

export { ratioOf, type RatioInput } from './calc/ratio';
export { checkQuote, spreadCostOf, type SpreadCostInput } from './calc/spread-cost';
export { exitValueOf, type ExitValueInput } from './calc/exit-value';
export { spreadBpsOf } from './calc/spread-bps';
export { premiumOf } from './calc/premium';
export { midOf } from './calc/mid';

export { evaluateNoteStatus, noteStatusOf, validateNoteStatusInput } from './status/note-status';
export {
  DEFAULT_LIMITS,
  DIRECTIONS,
  SOURCE_STATES,
  STATUSES,
  type Closeout,
  type Direction,
  type Limits,
  type NoteStatus,
  type NoteStatusInput,
  type NoteStatusVerdict,
  type SourceState,
} from './status/types';

export {
  dateFromExcelSerial,
  excelSerialFromDate,
  formatDate,
  MS_PER_DAY,
  parseDate,
  UTC_ZONE,
  wallClockAsUtc,
  type Zone,
} from './dates';
export { clip, QUOTE_LIMIT, show } from './show';
export { TEXT_LIMIT } from './text';
export { done, refused, type Checked, type Done, type Refused } from './result';
// The record's schema, cells and sample data, for the adapters and the pane (they import the core only here).
export {
  columnList,
  migrationPath,
  SCHEMA_VERSION,
  STATUS_NOW_FORMULA,
  TABLE_KEYS,
  TABLES,
  triggerLimits,
  validationList,
} from './record/schema';
export { checkRecord, recordFromCells, rowCells, TEXT_CELL_FORMAT } from './record/cells';
export type { ColumnSpec, TableKey } from './record/table-def';
export { rowDifferences } from './record/receipts';
export { buildSampleReviews } from './record/sample-data';
export { reviewQueue, type QueueItem } from './review-queue';
