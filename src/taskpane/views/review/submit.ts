/**
 * Submit: the record builder validates the whole draft and nothing is written until every field
 * is valid (the issues listed in form order, each a link to its field); then the rows are written
 * once — a retry of an unchanged draft reuses its rows, so it cannot duplicate a review.
 */
import type { ReviewRecords } from '../../../excel/workbook';
import { h } from '../../dom';
import type { FormIssue } from '../../review-logic';
import { recordedReview } from '../../submit-state';
import { issueKey, SECTION_TITLE, type FieldHandle, type FormContext } from './context';
import { refreshErrors } from './feedback';
import { setPhase, setSubmitState, showRecorded } from './phase';

/** Issues in the order their fields appear on screen (issues without a field last). */
function inFormOrder(ctx: FormContext, issues: readonly FormIssue[]): FormIssue[] {
  const order = [...ctx.handles.keys()];
  const rank = (i: FormIssue) => {
    const at = order.indexOf(issueKey(i));
    return at === -1 ? order.length : at;
  };
  return [...issues].sort((a, b) => rank(a) - rank(b));
}

function goTo(handle: FieldHandle): void {
  handle.details?.setAttribute('open', '');
  handle.input.focus();
  handle.wrapper.scrollIntoView?.({ block: 'nearest' });
}

/** One issue as a line of the message: where, which field, what — a button to the field. */
function issueLine(ctx: FormContext, issue: FormIssue): HTMLElement | string {
  const handle = ctx.handles.get(issueKey(issue));
  const where =
    issue.section === 'triggers'
      ? `Trigger ${issue.index + 1}`
      : issue.section === 'pane'
        ? ''
        : SECTION_TITLE[issue.section];
  // Messages usually name their field already ("Exit fixed costs: cannot read…"): once is enough.
  const named =
    handle && !issue.message.startsWith(handle.label)
      ? `${handle.label}: ${issue.message}`
      : issue.message;
  const text = where ? `${where} · ${named}` : named;
  if (!handle) return text;
  return h('button', {
    type: 'button',
    class: 'linklike',
    'data-goto': issueKey(issue),
    text,
    onclick: () => goTo(handle),
  });
}

function refuse(ctx: FormContext, issues: readonly FormIssue[]): void {
  refreshErrors(ctx, issues);
  for (const issue of issues) ctx.handles.get(issueKey(issue))?.details?.setAttribute('open', '');
  const ordered = inFormOrder(ctx, issues);
  const lines = ordered.map((issue) => issueLine(ctx, issue));
  ctx.message.show(
    'error',
    `Nothing was written: ${lines.length} field${lines.length === 1 ? ' needs' : 's need'} attention.`,
    lines,
  );
  const first = ordered.map((i) => ctx.handles.get(issueKey(i))).find(Boolean);
  if (first) goTo(first);
}

/** The rows to write: those already pending for this very draft, else the ones just built. */
function rowsToWrite(ctx: FormContext, built: ReviewRecords): ReviewRecords {
  const { draft, submitState } = ctx;
  const fingerprint = JSON.stringify([
    draft.snapshot,
    draft.exposure,
    draft.triggers,
    ctx.recordedBy,
  ]);
  const reused =
    submitState?.kind === 'pending' && submitState.fingerprint === fingerprint
      ? submitState.rows
      : null;
  const rows = reused ?? built;
  // Kept before the write: a reload during it (or after an unclear failure) retries the same rows.
  setSubmitState(ctx, { kind: 'pending', fingerprint, rows });
  return rows;
}

export async function submit(ctx: FormContext): Promise<void> {
  // In flight or already recorded: a second press (click or Enter) writes and says nothing.
  if (ctx.phase !== 'editing' || ctx.readOnly !== null) return;
  ctx.showAll = true;
  const outcome = ctx.logic.build(ctx.draft, ctx.recordedBy);
  if (!outcome.ok) return refuse(ctx, outcome.issues);
  const rows = rowsToWrite(ctx, outcome.rows);
  const focused = document.activeElement;
  setPhase(ctx, 'writing');
  ctx.message.show('info', 'Recording the review…');
  const result = await ctx.deps.write(rows);
  if (!result.ok) {
    setPhase(ctx, 'editing');
    if (focused instanceof HTMLElement && focused.isConnected) focused.focus();
    // Kept to edit after "these values have no column": nothing was tried, nothing failed.
    const kept = result.reason === 'unplaced';
    ctx.message.show(
      kept ? 'info' : 'error',
      kept ? 'Nothing was written yet.' : 'The review could not be confirmed as recorded.',
      [result.message, 'Your form is unchanged; fix the cause and press Record review again.'],
    );
    ctx.message.reveal();
    return;
  }
  const review = recordedReview(rows, result.landed);
  const unsaved = setSubmitState(ctx, { kind: 'recorded', review });
  ctx.showAll = false;
  ctx.touched.clear();
  showRecorded(ctx, review, true);
  ctx.message.show(
    'success',
    'Review recorded.',
    [
      result.message,
      unsaved &&
        `The pane could not note that it is recorded (${unsaved}): after a reload the form may show it again; it is in the workbook, do not record it twice.`,
    ].filter((line): line is string => Boolean(line)),
  );
  ctx.message.reveal();
}
