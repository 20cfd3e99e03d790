/**
 * Office errors → one sentence for the task pane. Excel reports a code (OfficeExtension.Error.code)
 * and an English message; the pane says what happened, in the desk's terms, and what to do.
 *
 * The same code means different things in different operations, and Excel's hosts disagree on
 * the code for one situation: a table that would overlap another is InvalidArgument on Windows
 * and the web (OfficeDev/office-js#1199, OfficeDev/office-js-docs#417) and GeneralException on
 * Mac (office-js-docs#417); a table renamed to a taken name is InvalidArgument
 * (OfficeDev/office-js#551); a name or sheet added under a taken name is ItemAlreadyExists
 * (OfficeDev/office-js#2875, OfficeDev/office-scripts-docs#560); older hosts answered
 * InvalidOperation. So the explanation depends on the operation as well as the code: creating
 * tables + any of those codes → "a table, name or sheet may be in the way".
 */

/** What the add-in was doing when Excel failed: the explanation depends on it. */
export type OfficeOperation =
  | 'create' // creating the desk tables (sheets, tables, names)
  | 'migrate' // adding a newer schema's columns at the right of a table
  | 'repair' // adding missing columns at the right of a table
  | 'append' // writing rows below a table and growing it over them
  | 'sample' // creating the tables and writing the sample rows
  | 'read'; // reading, checking, selecting

const EXPLAIN: Readonly<Record<string, string>> = {
  PropertyNotLoaded: 'the add-in read a workbook property it had not loaded (a bug in the add-in)',
  ValueNotLoaded: 'the add-in read a result before Excel returned it (a bug in the add-in)',
  InvalidObjectPath: 'the add-in used a workbook object after it expired (a bug in the add-in)',
  ItemNotFound:
    'a table, sheet or name the add-in expected is gone — someone may have deleted or renamed it',
  ItemAlreadyExists: 'a table, sheet or name with that name already exists',
  InvalidArgument:
    'Excel refused a value, range or name in the request (InvalidArgument: it may be outside the sheet, taken, or overlap a table)',
  InvalidReference: 'a range reference is no longer valid — the table may have moved',
  InvalidOperation: 'Excel does not allow that operation here (a table may overlap another table)',
  InvalidOperationInCellEditMode:
    'a cell is being edited — press Enter or Esc in Excel, then try again',
  AccessDenied: 'the workbook or sheet is protected or read-only',
  Conflict: 'a co-author changed the same cells at the same time',
  InsertDeleteConflict: 'a co-author inserted or deleted rows or columns at the same time',
  RequestPayloadSizeLimitExceeded: 'the request was larger than Excel allows (5 MB on the web)',
  ResponsePayloadSizeLimitExceeded: 'the answer was larger than Excel allows (5 MB on the web)',
  RequestAborted: 'the request timed out before Excel answered',
  ActivityLimitReached: 'Excel is throttling requests',
  GeneralException: 'Excel reported an internal error',
  ApiNotFound: 'this version of Excel lacks an API the add-in needs',
  NotImplemented: 'this version of Excel lacks a feature the add-in needs',
  UnsupportedOperation: 'this version of Excel does not support that operation',
  FilteredRangeConflict: 'a filter on the table hides rows the add-in needs to write',
};

/** The codes Excel answers for "something is in the way" (an overlap, a taken name), by host. */
const IN_THE_WAY_CODES: ReadonlySet<string> = new Set([
  'InvalidArgument',
  'InvalidOperation',
  'GeneralException',
  'ItemAlreadyExists',
]);

const CREATE_WAY =
  'a table, defined name or sheet may be in the way of one the add-in creates (Excel answers this when a new table would overlap another table or its name is taken)';
const COLUMNS_WAY =
  'a table or a colleague’s cells may be in the way of the columns the add-in adds at the right of a desk table (Excel answers this when a table would grow over another table)';
const ROWS_WAY =
  'a table may be in the way of the rows the add-in writes below a desk table (Excel answers this when a table would grow over another table)';

const IN_THE_WAY: Readonly<Partial<Record<OfficeOperation, string>>> = {
  create: CREATE_WAY,
  sample: CREATE_WAY,
  migrate: COLUMNS_WAY,
  repair: COLUMNS_WAY,
  append: ROWS_WAY,
};

/** What Excel's code means in this operation. */
export function explainOfficeCode(code: string, operation?: OfficeOperation): string | undefined {
  const way = operation ? IN_THE_WAY[operation] : undefined;
  if (!way || !IN_THE_WAY_CODES.has(code)) return EXPLAIN[code];
  // GeneralException is also Excel's "internal error"; say both, the internal error first.
  if (code === 'GeneralException') return `Excel reported an internal error — or ${way}`;
  if (code === 'ItemAlreadyExists')
    return `a table, sheet or name with that name already exists — ${way}`;
  return way;
}

interface OfficeLikeError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly name?: unknown;
}

export function officeErrorCode(error: unknown): string {
  const code = (error as OfficeLikeError | null)?.code;
  return typeof code === 'string' ? code : 'Unknown';
}

/**
 * `doing` names the operation ("Recording the review"); `after` is what the user should know about
 * the workbook's state (e.g. that a retry adds only missing rows); `operation` picks the
 * explanation of codes whose meaning depends on it.
 */
export function officeErrorSentence(
  error: unknown,
  doing: string,
  after = '',
  operation?: OfficeOperation,
): string {
  const code = officeErrorCode(error);
  const raw = (error as OfficeLikeError | null)?.message;
  const said = typeof raw === 'string' && raw !== '' ? ` (Excel said: ${raw})` : '';
  const known = explainOfficeCode(code, operation);
  const why =
    known ??
    (error instanceof Error
      ? `an unexpected error occurred: ${error.message}`
      : 'an unexpected error occurred');
  const tag = code !== 'Unknown' && (!(code in EXPLAIN) || IN_THE_WAY_CODES.has(code));
  return `${doing} failed: ${why}${tag ? ` [${code}]` : ''}${said}.${after ? ` ${after}` : ''}`;
}
