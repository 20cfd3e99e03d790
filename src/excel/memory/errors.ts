/**
 * The in-memory Excel's errors: Office.js's codes and, where the runtime defines them, its exact
 * messages (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js: CoreUtility
 * .s_resourceStringValues and the ResourceStrings added beside it). Where Excel's code for a
 * situation is not pinned down by Microsoft's sources, the host's `strictness` picks it, so a test
 * can make the twin answer every code Excel may plausibly return (docs/TWIN.md lists the sources).
 */

export class MemoryError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/** Which code the twin answers where Excel's sources disagree or are silent. */
export interface MemoryStrictness {
  /**
   * `tables.add` over another table, or `Table.resize` onto one. InvalidArgument on Windows and
   * the web (OfficeDev/office-js#1199, OfficeDev/office-js-docs#417); GeneralException on Mac
   * (office-js-docs#417); InvalidOperation is what the twin used to say.
   */
  overlapCode: 'InvalidArgument' | 'InvalidOperation' | 'GeneralException';
  /**
   * `Table.name` set to a name another table or a defined name holds. OfficeDev/office-js#551
   * quotes InvalidArgument's message for a duplicate table name; ItemAlreadyExists is plausible.
   */
  tableNameTakenCode: 'InvalidArgument' | 'ItemAlreadyExists';
  /**
   * `names.add`, `worksheets.add` or `Worksheet.name` with a name in use. Excel answers "A resource
   * with the same name or identifier already exists." (ItemAlreadyExists's message) for both adds
   * (OfficeDev/office-js#2875, OfficeDev/office-scripts-docs#560).
   */
  nameTakenCode: 'ItemAlreadyExists' | 'InvalidArgument';
  /** Deleting the last visible worksheet: no source found; InvalidOperation is the twin's pick. */
  lastSheetCode: 'InvalidOperation' | 'InvalidArgument' | 'GeneralException';
  /**
   * Reading a property of a null object before its `isNullObject`: Office.js returns undefined
   * (a silent bug); the twin throws TwinUncheckedNullRead unless set to 'undefined'.
   */
  uncheckedNullRead: 'throw' | 'undefined';
}

export const DEFAULT_STRICTNESS: Readonly<MemoryStrictness> = {
  overlapCode: 'InvalidArgument',
  tableNameTakenCode: 'InvalidArgument',
  nameTakenCode: 'ItemAlreadyExists',
  lastSheetCode: 'InvalidOperation',
  uncheckedNullRead: 'throw',
};

/** Excel's server message for InvalidArgument (quoted in OfficeDev/office-js#551). */
export const INVALID_ARGUMENT = 'The argument is invalid or missing or has an incorrect format.';

export const invalidArgument = (detail: string): MemoryError =>
  new MemoryError('InvalidArgument', `${INVALID_ARGUMENT} (${detail})`);

export const generalException = (code = 'GeneralException'): MemoryError =>
  new MemoryError(code, code === 'GeneralException' ? 'An internal error has occurred.' : code);

/** A code chosen by `strictness`, with a message saying what Excel refused. */
export const coded = (code: string, detail: string): MemoryError =>
  new MemoryError(code, code === 'InvalidArgument' ? `${INVALID_ARGUMENT} (${detail})` : detail);

export const propertyNotLoaded = (prop: string): MemoryError =>
  new MemoryError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/** ClientResult.value before its sync (runtime: ClientResult's `value` getter). */
export const valueNotLoaded = (): MemoryError =>
  new MemoryError(
    'ValueNotLoaded',
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  );

/** Queuing on an object whose path is no longer valid (runtime: CommonUtility.validateObjectPath). */
export const invalidObjectPath = (path: string): MemoryError =>
  new MemoryError(
    'InvalidObjectPath',
    `The object path '${path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
  );

/** The batch given to run returned something that is not a promise (runtime: _runCommon). */
export const runMustReturnPromise = (): MemoryError =>
  new MemoryError(
    'RunMustReturnPromise',
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  );

/** Not an Office.js code: the twin's guard for a null object read before its isNullObject. */
export const uncheckedNullRead = (path: string, prop: string): MemoryError =>
  new MemoryError(
    'TwinUncheckedNullRead',
    `${path} is a null object and its '${prop}' was read before isNullObject: Office.js would return undefined here.`,
  );

export const itemNotFound = (what: string): MemoryError =>
  new MemoryError('ItemNotFound', `The requested resource doesn't exist. (${what})`);
