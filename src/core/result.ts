/**
 * The one shape of a result that can be refused, in every layer: `{ ok: true, …what it made }` or
 * `{ ok: false, message }`, the message one sentence a user can read. (A DESK function's result,
 * which an adapter turns into an Excel error, is `Result` in errors.ts.)
 */
export type Done<T extends object = object> = { readonly ok: true } & Readonly<T>;
export interface Refused {
  readonly ok: false;
  readonly message: string;
}
export type Checked<T extends object = object> = Done<T> | Refused;

export const done = <T extends object>(made: T): Done<T> => ({ ok: true, ...made });
export const refused = (message: string): Refused => ({ ok: false, message });
