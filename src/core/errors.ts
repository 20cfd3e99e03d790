/**
 * Errors are values. The core returns them; adapters map them to CustomFunctions.Error
 * (see src/excel) or to a sentence in the task pane.
 *
 * Codes follow the Excel error a user will see: only #VALUE! and #N/A show our message.
 */
export type DeskErrorCode = 'value' | 'na' | 'div0' | 'num';

export interface DeskError {
  readonly kind: 'desk-error';
  readonly code: DeskErrorCode;
  readonly message: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DeskError };

export function deskError(code: DeskErrorCode, message: string): DeskError {
  return { kind: 'desk-error', code, message };
}

export function isDeskError(value: unknown): value is DeskError {
  return typeof value === 'object' && value !== null && (value as DeskError).kind === 'desk-error';
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: DeskErrorCode, message: string): Result<never> => ({
  ok: false,
  error: deskError(code, message),
});
