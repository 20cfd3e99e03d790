/** The core's public surface: pure pricing, status rules and grid evaluation (no Office here). */
export { D, toExcelNumber } from './numbers/decimal';
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
  isMissing,
} from './grid/evaluate';

export { convert, convertPrice } from './operations/convert';
export { exitValue, exitValueOf, type ExitValueInput } from './operations/exit-value';
export { mid } from './operations/mid';
export { noteStatus } from './operations/note-status';
export { premium, premiumOf } from './operations/premium';
export { ratio, ratioOf, type RatioInput } from './operations/ratio';
export { spreadBps, spreadBpsOf } from './operations/spread-bps';
export {
  checkQuote,
  spreadCost,
  spreadCostOf,
  type SpreadCostInput,
} from './operations/spread-cost';

export {
  parseFx,
  parseNumber,
  parsePlainNumber,
  parsePrice,
  parseQuantity,
  parseQuote,
  parseRate,
  parseUnitArg,
  midpoint,
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
export { conversionFactor, FX_ARG, needsFx, type Factor } from './price/factor';

export { evaluateNoteStatus, noteStatusOf, validateNoteStatusInput } from './status/rules';
export {
  DEFAULT_DIRECTION,
  DEFAULT_LIMITS,
  DIRECTIONS,
  INDICATIVE,
  isDirection,
  isSourceState,
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

// ── the desk record ──────────────────────────────────────────────────────────────────────────
export {
  buildReview,
  buildReviewRows,
  convertedPrice,
  parseCostSum,
  previewReview,
  restamp,
  type BuildContext,
  type BuildResult,
  type ConvertedPrice,
  type ExposureValues,
  type FieldIssue,
  type PriceDisplay,
  type ReviewBuild,
  type ReviewDerived,
  type ReviewInput,
  type SnapshotPrice,
  type TriggerStatus,
} from './record/build';
export {
  checkRecord,
  checkReview,
  QUOTE_PREFIX,
  readBodyRows,
  recordFromCells,
  reviewOfTable,
  rowCells,
  TEXT_CELL_FORMAT,
  withStamps,
  type BodyProblem,
  type BodyRecord,
  type CellValue,
  type DeskRecord,
  type RecordValue,
  type RecordValues,
  type ReviewRecords,
  type ReviewValues,
  type RowCheck,
} from './record/cells';
export { rowDifferences } from './record/receipts';
export { mapHeaders, normHeader, type HeaderMap, type SchemaColumn } from './record/headers';
export { schemaVersionOf, VERSION_NAME, type SchemaVersionState } from './record/version';
export {
  RATIO_CHART,
  RATIO_COLUMNS,
  RATIO_FORMULA,
  RATIO_POINTS_LIMIT,
  RATIO_SHEET,
  RATIO_TABLE,
  ratioColumn,
  ratioHeaders,
  ratioTableCells,
  type RatioColumn,
  type RatioHistory,
} from './record/ratio-table';
export {
  CHINA_VAT_RATE,
  CLOSEOUT_FIELDS,
  columnList,
  formColumns,
  LOCATION_BASES,
  migrationPath,
  PRICE_CODES,
  PRICE_UNITS,
  requiredInForm,
  SCHEMA_VERSION,
  STATUS_NOW_FORMULA,
  SUPPLY_CHAIN_FIELDS,
  SUPPLY_CHAIN_ROUTES,
  TABLE_KEYS,
  REVIEW_KEYS,
  type ReviewKey,
  TABLES,
  tableLabel,
  tableNoun,
  THRESHOLD_LIMIT,
  triggerLimits,
  validationList,
  VAT_INCLUSIVE_BASIS,
} from './record/schema';
export type {
  ColumnKind,
  ColumnSource,
  ColumnSpec,
  DeskTable,
  TableKey,
  TableName,
} from './record/table-def';
export { statusIssue, triggerStatus } from './record/trigger-status';
export { noteStatusOfCells, type NoteStatusCells } from './operations/note-status';
export type { SampleRecords } from './record/sample-data';
export { PRODUCT_SYNONYMS, productOf, type Product } from './record/products';

// ── price imports (DeskPrices) ───────────────────────────────────────────────────────────────
export {
  guessMapping,
  IMPORT_FIELDS,
  importFieldLabel,
  type ColumnMapping,
  type ImportField,
} from './prices/import-fields';
export {
  candidateFromFields,
  SOURCE_LIMIT,
  type DataBasis,
  type FieldTexts,
  type HeaderUnits,
  type ImportDefaults,
  type LocationBasis,
  type PriceCandidate,
} from './prices/import-candidate';
export { candidatesFromGrid, IMPORT_ROW_LIMIT } from './prices/import-grid';
export {
  candidatesFromProse,
  PROSE_LIMIT,
  type ProseImport,
  type UnreadPrice,
} from './prices/prose';
export { markCandidates, type ImportMark } from './prices/dedupe';
export { priceRecords, type ImportStamps } from './prices/import-records';
export { reviewQueue, type QueueItem } from './review-queue';

// ── price history (DeskPrices) ───────────────────────────────────────────────────────────────
export { LATEST_FIELDS, latestFromGrid, latestPrice, type LatestField } from './prices/latest';
export { ratioHistory, type RatioHistoryQuery, type RatioPoint } from './prices/ratio-history';
export { PRICE_HEADERS } from './record/price-columns';
