/**
 * The "new review" flow: snapshot, exposure and triggers in one form generated from the schema.
 * Every keystroke lands in the draft (saved, so closing the pane loses nothing) and refreshes the
 * live preview; Submit validates everything with the record builder and writes nothing until
 * every field is valid. After a write the form shows the recorded review until the analyst starts
 * the next one: a second press can neither write again nor look like an empty new review.
 *
 * The parts live in review/: the fixed elements (skeleton), one field (field, price-range), the
 * pane's own fields (pane-fields), the sections (sections), required marks (required), live lines
 * and errors (feedback), submit (submit) and the form's phase (phase). This module assembles them.
 */
import { replaceChildren } from '../dom';
import { currentIssues, type FormContext, type ReviewFormDeps } from './review/context';
import { refreshFeedback } from './review/feedback';
import { converterField, recordedByField } from './review/pane-fields';
import { clearForm, setReadOnly, showRecorded } from './review/phase';
import { applyRequired } from './review/required';
import { section, triggersSection } from './review/sections';
import { formSkeleton } from './review/skeleton';
import { submit } from './review/submit';

export { BLANK_OPTION, type ReviewFormDeps } from './review/context';

export interface ReviewForm {
  readonly element: HTMLElement;
  setReadOnly(reason: string | null): void;
  /** The name typed in "Recorded by" (also used for sample rows). */
  recordedBy(): string;
}

function render(ctx: FormContext): void {
  const { body } = ctx.dom;
  ctx.openMore = new Set(
    [...body.querySelectorAll<HTMLDetailsElement>('details.more[id]')]
      .filter((d) => d.open)
      .map((d) => d.id),
  );
  ctx.handles = new Map();
  ctx.folds = [];
  replaceChildren(
    body,
    recordedByField(ctx),
    converterField(ctx),
    section(ctx, 'snapshot'),
    section(ctx, 'exposure'),
    triggersSection(ctx),
  );
  applyRequired(ctx);
  ctx.refresh();
}

export function createReviewForm(deps: ReviewFormDeps): ReviewForm {
  const ctx: FormContext = {
    deps,
    logic: deps.logic,
    message: deps.message,
    dom: formSkeleton(),
    draft: deps.initialDraft,
    recordedBy: deps.initialRecordedBy,
    readOnly: null,
    phase: 'editing',
    showAll: false,
    touched: new Set(),
    handles: new Map(),
    folds: [],
    openMore: new Set(),
    autoOpened: new Set(),
    requiredNow: deps.logic.requiredNow(deps.initialDraft),
    announcedFrom: null,
    announceTimer: undefined,
    cleared: null,
    submitState: deps.initialSubmit,
    update(next, rerender = false) {
      // A new review has begun: "Review recorded" no longer describes what is on screen.
      ctx.message.clearIf('success');
      ctx.draft = next;
      deps.saveDraft(next);
      if (rerender) render(ctx);
      else {
        applyRequired(ctx);
        ctx.refresh();
      }
    },
    refresh: () => refreshFeedback(ctx, currentIssues(ctx)),
    render: () => render(ctx),
  };
  const { element, clearButton } = ctx.dom;
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(ctx);
  });
  clearButton.addEventListener('click', () => clearForm(ctx));

  render(ctx);
  if (ctx.submitState?.kind === 'recorded') showRecorded(ctx, ctx.submitState.review, false);

  return {
    element,
    recordedBy: () => ctx.recordedBy.trim(),
    setReadOnly: (reason) => setReadOnly(ctx, reason),
  };
}
