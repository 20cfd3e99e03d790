/** The review form's fixed elements: the form, its editor, the computed card and the footer. */
import { h } from '../../dom';

export interface FormDom {
  readonly element: HTMLFormElement;
  /** The fields, rebuilt by render(). */
  readonly body: HTMLElement;
  readonly computedCard: HTMLElement;
  readonly submitButton: HTMLButtonElement;
  readonly clearButton: HTMLButtonElement;
  readonly readOnlyNote: HTMLElement;
  readonly writingNote: HTMLElement;
  /** Tells screen-reader users which fields the draft just made required (or optional again). */
  readonly requiredAnnouncer: HTMLElement;
  readonly editor: HTMLElement;
  readonly recordedSlot: HTMLElement;
}

export function formSkeleton(): FormDom {
  const element = h('form', {
    class: 'review-form',
    id: 'review-form',
    novalidate: true,
    'aria-labelledby': 'review-title',
  });
  const body = h('div', { class: 'review-body' });
  const computedCard = h('section', {
    class: 'card computed',
    id: 'computed',
    'aria-labelledby': 'computed-title',
  });
  const submitButton = h(
    'button',
    { type: 'submit', class: 'btn primary', id: 'submit-review' },
    'Record review',
  );
  const readOnlyNote = h('p', { class: 'hint', id: 'read-only-note', hidden: true });
  const writingNote = h('p', {
    class: 'hint',
    id: 'writing-note',
    hidden: true,
    text: 'Writing to the workbook: the fields are locked until Excel answers.',
  });
  const clearButton = h(
    'button',
    { type: 'button', class: 'btn subtle', id: 'clear-review' },
    'Clear form',
  );
  const footer = h(
    'div',
    { class: 'form-footer' },
    h('div', { class: 'actions' }, submitButton, clearButton),
    readOnlyNote,
    writingNote,
  );
  const requiredAnnouncer = h('p', {
    class: 'visually-hidden',
    id: 'required-announcer',
    role: 'status',
    'aria-live': 'polite',
  });
  const editor = h(
    'div',
    { class: 'review-editor' },
    h('h2', { id: 'review-title', text: 'New review' }),
    h('p', {
      class: 'hint',
      text: 'Fields marked * are required. Everything you type is kept as a draft until the review is recorded.',
    }),
    requiredAnnouncer,
    body,
    computedCard,
    footer,
  );
  const recordedSlot = h('div', { id: 'recorded-slot', hidden: true });
  element.append(recordedSlot, editor);
  return {
    element,
    body,
    computedCard,
    submitButton,
    clearButton,
    readOnlyNote,
    writingNote,
    requiredAnnouncer,
    editor,
    recordedSlot,
  };
}
