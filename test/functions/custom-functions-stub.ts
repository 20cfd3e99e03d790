/**
 * A stand-in for the runtime's `CustomFunctions` global, shaped like Office's: `associate` records
 * what was registered, `Error` keeps the code and (optional) message, `ErrorCode` has Office's
 * string values. Shared by the tests that exercise the function entry and the built bundle.
 */
export class StubFunctionError {
  constructor(
    public readonly code: string,
    public readonly message?: string,
  ) {}
}

export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export function createCustomFunctionsStub() {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const associateCalls: string[] = [];
  const stub = {
    associate(
      idOrMap: string | Record<string, (...args: unknown[]) => unknown>,
      fn?: (...args: unknown[]) => unknown,
    ) {
      const entries =
        typeof idOrMap === 'string' ? [[idOrMap, fn!] as const] : Object.entries(idOrMap);
      for (const [id, f] of entries) {
        associateCalls.push(id);
        registered.set(id, f);
      }
    },
    Error: StubFunctionError,
    ErrorCode: ERROR_CODES,
  };
  return { stub, registered, associateCalls };
}
