/**
 * Where the form stands: editing, writing (fields inert while Excel answers) or recorded (the
 * recorded review on screen until the analyst starts the next one); Clear form with its Undo;
 * read-only when the workbook refuses writes.
 */
import { replaceChildren } from '../../dom';
import type { RecordedReview, SubmitState } from '../../submit-state';
import { recordedCard } from '../recorded-view';
import type { FormContext, Phase } from './context';

const SUBMIT_WAIT_LABEL = 'Writing…';

export function setSubmitState(ctx: FormContext, state: SubmitState | null): string | null {
  ctx.submitState = state;
  return ctx.deps.saveSubmit(state);
}

/** While the write is in flight the fields are inert: what is on screen is what is being written. */
export function setPhase(ctx: FormContext, next: Phase): void {
  const { dom } = ctx;
  ctx.phase = next;
  const writing = next === 'writing';
  dom.body.inert = writing;
  dom.submitButton.disabled = writing || ctx.readOnly !== null;
  dom.submitButton.textContent = writing ? SUBMIT_WAIT_LABEL : 'Record review';
  dom.clearButton.disabled = writing;
  dom.writingNote.hidden = !writing;
  dom.element.setAttribute('aria-busy', String(writing));
  dom.editor.hidden = next === 'recorded';
  dom.recordedSlot.hidden = next !== 'recorded';
  dom.element.setAttribute(
    'aria-labelledby',
    next === 'recorded' ? 'recorded-title' : 'review-title',
  );
  if (next !== 'recorded') replaceChildren(dom.recordedSlot);
}

export function showRecorded(ctx: FormContext, review: RecordedReview, focus: boolean): void {
  const card = recordedCard(review, () => startNextReview(ctx));
  replaceChildren(ctx.dom.recordedSlot, card.element);
  setPhase(ctx, 'recorded');
  if (focus) card.startNext.focus();
}

/** The explicit step to a new review: only now is the recorded draft replaced by an empty one. */
function startNextReview(ctx: FormContext): void {
  setSubmitState(ctx, null);
  ctx.cleared = null;
  ctx.showAll = false;
  ctx.touched.clear();
  setPhase(ctx, 'editing');
  ctx.update(ctx.logic.newDraft(), true);
  ctx.message.clearIf('success');
  const controls = [
    ...ctx.dom.body.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      '#section-snapshot input, #section-snapshot select, #section-snapshot textarea',
    ),
  ];
  (controls.find((c) => c.value === '') ?? controls[0])?.focus();
}

/** No confirm() (Office blocks dialogs): the clear is undoable instead. */
export function clearForm(ctx: FormContext): void {
  ctx.cleared = { draft: ctx.draft, submit: ctx.submitState };
  ctx.showAll = false;
  ctx.touched.clear();
  setSubmitState(ctx, null);
  ctx.update(ctx.logic.newDraft(), true);
  ctx.message.show(
    'info',
    'Form cleared.',
    'Nothing in the workbook changed. Undo brings the cleared draft back.',
    { label: 'Undo', id: 'undo-clear', run: () => undoClear(ctx) },
  );
}

function undoClear(ctx: FormContext): void {
  if (ctx.cleared === null) return;
  const restored = ctx.cleared;
  ctx.cleared = null;
  // The restored draft's pending rows come back too: a retry of it still reuses its Record IDs.
  setSubmitState(ctx, restored.submit);
  ctx.update(restored.draft, true);
  ctx.message.show('info', 'Draft restored.', 'The cleared draft is back as it was.');
  ctx.dom.body.querySelector<HTMLElement>('input, select, textarea')?.focus();
}

export function setReadOnly(ctx: FormContext, reason: string | null): void {
  const { submitButton, readOnlyNote } = ctx.dom;
  // "Review recorded" next to "Writing blocked" would contradict it.
  if (reason !== null) ctx.message.clearIf('success');
  ctx.readOnly = reason;
  submitButton.disabled = reason !== null || ctx.phase === 'writing';
  readOnlyNote.hidden = reason === null;
  readOnlyNote.textContent = reason ?? '';
  if (reason) submitButton.setAttribute('aria-describedby', 'read-only-note');
  else submitButton.removeAttribute('aria-describedby');
}
