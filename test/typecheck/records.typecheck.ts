/**
 * Compile-time checks of the checked desk record, run by `tsc` (npm test's typecheck), not by
 * jest: appendReview takes only records the core's validators made (`checkRecord` and the
 * builder), so a row cannot reach the adapter without the schema's one check on its way in.
 */
import { checkRecord, type RecordValues, type ReviewRecords } from '../../src/core/record/cells';
import type { DeskWorkbook } from '../../src/excel/workbook';

declare const workbook: DeskWorkbook;
declare const plain: RecordValues;

// An unchecked object, even one shaped like a trigger row, is not accepted.
export const unchecked = (): unknown =>
  workbook.appendReview({
    snapshots: [],
    exposures: [],
    // @ts-expect-error — a plain object is not a checked DeskRecord<'triggers'>
    triggers: [{ recordId: '00000000-0000-4000-8000-000000000001', owner: 'Ana Ruiz' }],
  });

// Plain values (a receipt as stored) are not a review of checked records either.
export const stored = (): unknown =>
  // @ts-expect-error — RecordValues carry no check
  workbook.appendReview({ snapshots: [plain], exposures: [], triggers: [] });

// What checkRecord makes is accepted, so the errors above are about the missing check alone.
export function viaCheck(candidate: Readonly<Record<string, unknown>>): unknown {
  const r = checkRecord('triggers', candidate);
  if (!r.ok) return r.issues;
  const review: ReviewRecords = { snapshots: [], exposures: [], triggers: [r.record] };
  return workbook.appendReview(review);
}

// A record checked as one table's is not another table's.
export function wrongTable(candidate: Readonly<Record<string, unknown>>): unknown {
  const r = checkRecord('exposures', candidate);
  if (!r.ok) return r.issues;
  // @ts-expect-error — a DeskRecord<'exposures'> is not a trigger
  return workbook.appendReview({ snapshots: [], exposures: [], triggers: [r.record] });
}
