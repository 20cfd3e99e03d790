/**
 * Core errors reach the cell as the Excel error a user expects: #VALUE! and #N/A with our message
 * (the only two Excel shows one for), #DIV/0! and #NUM! bare, errors per cell in a spill, and a
 * thrown exception still ends as a #VALUE! naming the function instead of escaping.
 */
import { deskError } from '../../src/core/errors';
import { runFunction, toExcelResult, toFunctionError } from '../../src/excel/function-errors';
import { createCustomFunctionsStub, StubFunctionError } from '../functions/custom-functions-stub';

// The runtime global, as Excel provides it; function-errors.ts reads it only when mapping.
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions =
  createCustomFunctionsStub().stub;

const asStub = (value: unknown) => value as StubFunctionError;

it('#VALUE! keeps the message that names the argument', () => {
  const e = asStub(
    toFunctionError(deskError('value', "denominator: cannot read 'n/a' as a price")),
  );
  expect(e).toBeInstanceOf(StubFunctionError);
  expect(e.code).toBe('#VALUE!');
  expect(e.message).toBe("denominator: cannot read 'n/a' as a price");
});

it('#N/A keeps its message', () => {
  const e = asStub(toFunctionError(deskError('na', 'bid is empty')));
  expect([e.code, e.message]).toEqual(['#N/A', 'bid is empty']);
});

it('#DIV/0! and #NUM! carry no message (Excel would not show it)', () => {
  const div = asStub(toFunctionError(deskError('div0', 'denominator is zero')));
  const num = asStub(toFunctionError(deskError('num', 'result is too large for Excel')));
  expect([div.code, div.message]).toEqual(['#DIV/0!', undefined]);
  expect([num.code, num.message]).toEqual(['#NUM!', undefined]);
});

it('a single value goes back as a 1×1 matrix', () => {
  expect(toExcelResult(2.2)).toEqual([[2.2]]);
  expect(toExcelResult('watchlist')).toEqual([['watchlist']]);
});

it('maps a 2-D output cell by cell, errors staying in their own cells', () => {
  const out = toExcelResult([
    [1, deskError('value', 'bid 64 is above ask 61.5 (crossed quote)')],
    [deskError('div0', 'zero'), true],
  ]);
  expect(out[0]![0]).toBe(1);
  expect(asStub(out[0]![1]).code).toBe('#VALUE!');
  expect(asStub(out[1]![0]).code).toBe('#DIV/0!');
  expect(out[1]![1]).toBe(true);
});

it('an exception thrown by the core still becomes #VALUE! naming the function', () => {
  const out = runFunction('DESK.RATIO', () => {
    throw new Error('boom');
  });
  expect(asStub(out[0]![0]).code).toBe('#VALUE!');
  expect(asStub(out[0]![0]).message).toBe('DESK.RATIO: internal error (boom)');
});
