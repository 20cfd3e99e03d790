/**
 * Office errors → one sentence for the task pane. Excel reports a code (OfficeExtension.Error.code)
 * and an English message; the pane says what happened, in the desk's terms, and what to do.
 */

const EXPLAIN: Readonly<Record<string, string>> = {
  PropertyNotLoaded: 'the add-in read a workbook property it had not loaded (a bug in the add-in)',
  ItemNotFound:
    'a table, sheet or name the add-in expected is gone — someone may have deleted or renamed it',
  ItemAlreadyExists: 'a table, sheet or name with that name already exists',
  InvalidArgument: 'Excel refused the request as malformed',
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
 * the workbook's state (e.g. that a retry adds only missing rows).
 */
export function officeErrorSentence(error: unknown, doing: string, after = ''): string {
  const code = officeErrorCode(error);
  const raw = (error as OfficeLikeError | null)?.message;
  const said = typeof raw === 'string' && raw !== '' ? ` (Excel said: ${raw})` : '';
  const why =
    EXPLAIN[code] ??
    (error instanceof Error
      ? `an unexpected error occurred: ${error.message}`
      : 'an unexpected error occurred');
  return `${doing} failed: ${why}${code !== 'Unknown' && !(code in EXPLAIN) ? ` [${code}]` : ''}${said}.${after ? ` ${after}` : ''}`;
}
