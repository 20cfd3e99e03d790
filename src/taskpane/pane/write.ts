/**
 * Submit: the form's rows go through the pane's one write queue to recordReview (which keeps the
 * receipt); a value without a column is put to the analyst first. What the form then says
 * carries only what the adapter's sentence does not.
 */
import {
  notWrittenNote,
  tableName,
  type ReviewRecords,
  type SelectionResult,
  type WriteOutcome,
} from '../../excel/workbook';
import { recordReview } from '../submit';
import type { UnplacedChoiceView } from '../views/unplaced-view';
import type { PaneCore, PaneRefresh } from './context';

export function createReviewWriter(
  { workbook, outbox, serial, message }: PaneCore,
  unplaced: UnplacedChoiceView,
  refresh: PaneRefresh,
): (rows: ReviewRecords) => Promise<WriteOutcome> {
  return async (rows) => {
    const outcome = await serial(() =>
      recordReview(workbook, outbox, rows, {
        decide: (values) => {
          message.show(
            'warning',
            'Nothing written yet.',
            'Some values of this review have no column in the workbook: choose below.',
          );
          return unplaced.ask(values, rows);
        },
      }),
    );
    // Display refreshes come after the write, never before it: they are not part of the submit.
    // The health read also checks the receipt just kept.
    void refresh.health();
    if (!outcome.ok) return outcome;
    void refresh.queue();
    // The form lists where each table's rows landed; the adapter's sentence says the same, so the
    // message carries only what selection did and what the user chose to leave out.
    const note = notWrittenNote('', outcome.notWritten ?? []).trim();
    return {
      ...outcome,
      message: [selectionNote(outcome.selection), note].filter(Boolean).join(' '),
    };
  };
}

/** What the pane says about a selection after a write. */
export function selectionNote(selection: SelectionResult | undefined): string {
  if (!selection) return '';
  return selection.ok
    ? `${tableName(selection.table)} row selected.`
    : `The rows were written but could not be selected: ${selection.message}`;
}
