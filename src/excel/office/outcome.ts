/**
 * Outcomes, one shape for every operation: Office errors caught at the edge of each run and turned
 * into a sentence with a reason, so nothing throws out of the adapter.
 */
import { officeErrorSentence, type OfficeOperation } from '../office-errors';
import type { WriteFailureReason, WriteOutcome } from '../workbook';
import type { ExcelRun } from './session';

export type Failure = Extract<WriteOutcome, { ok: false }>;

export const RETRY_NOTE =
  'Submitting again adds only the rows that are missing; nothing is written twice.';

export const failure = (reason: WriteFailureReason, message: string): Failure => ({
  ok: false,
  reason,
  message,
});

/** One Excel.run; an Office error becomes `onError(sentence)`. */
export async function attempt<T>(
  run: ExcelRun,
  batch: (ctx: Excel.RequestContext) => Promise<T>,
  onError: (e: unknown) => T,
): Promise<T> {
  try {
    return await run(batch);
  } catch (e) {
    return onError(e);
  }
}

/**
 * The usual onError for writes: `doing` failed, what the user should know about the state, and
 * the operation (the same Excel code means something else when creating tables than appending).
 */
export const officeFailure =
  (doing: string, after?: string, operation?: OfficeOperation) =>
  (e: unknown): Failure =>
    failure('office', officeErrorSentence(e, doing, after, operation));
