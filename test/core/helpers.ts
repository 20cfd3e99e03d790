import {
  isDeskError,
  noteStatus,
  type Arg,
  type DeskErrorCode,
  type Output,
  type Zone,
} from '../../src/core';
import { exactPath } from '../../src/core/numbers/scaled';

/** Asserts an Excel error of the given code whose message contains `text`. */
export function expectError(out: Output, code: DeskErrorCode, text?: string | RegExp): void {
  if (!isDeskError(out)) throw new Error(`expected #${code}, got ${JSON.stringify(out)}`);
  expect(out.code).toBe(code);
  if (typeof text === 'string') expect(out.message).toContain(text);
  else if (text !== undefined) expect(out.message).toMatch(text);
}

/** NOTE_STATUS's optional arguments by name; `now` is required so each suite pins its clock. */
export interface StatusOptions {
  readonly now: Date;
  readonly asOf?: Arg;
  readonly direction?: Arg;
  readonly limits?: Arg;
  readonly state?: Arg;
  readonly closeout?: Arg;
  readonly explain?: Arg;
  readonly zone?: Zone;
}

export function statusWith(quoteTime: Arg, spread: Arg, change: Arg, o: StatusOptions): Output {
  return noteStatus(
    quoteTime,
    spread,
    change,
    o.asOf,
    o.direction,
    o.limits,
    o.state,
    o.closeout,
    o.explain,
    o.now,
    o.zone,
  );
}

/** Runs `f` with the exact double shortcut off, i.e. decimal.js all the way. */
export function decimalOnly<T>(f: () => T): T {
  exactPath.enabled = false;
  try {
    return f();
  } finally {
    exactPath.enabled = true;
  }
}
