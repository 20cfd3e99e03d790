import { isDeskError, type DeskErrorCode, type Output } from '../../src/core';

/** Asserts an Excel error of the given code whose message contains `text`. */
export function expectError(out: Output, code: DeskErrorCode, text?: string | RegExp): void {
  if (!isDeskError(out)) throw new Error(`expected #${code}, got ${JSON.stringify(out)}`);
  expect(out.code).toBe(code);
  if (typeof text === 'string') expect(out.message).toContain(text);
  else if (text !== undefined) expect(out.message).toMatch(text);
}
