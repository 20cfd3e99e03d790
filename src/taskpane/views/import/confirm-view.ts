/**
 * The import's summary and its one action: counts ("12 already recorded"), the prose's date and
 * what it could not read, Confirm (all ticked rows or none), and — over 1,000 rows — a progress
 * bar with counts and a Cancel that stops between batches.
 */
import type { UnreadPrice } from '../../../core';
import { h, replaceChildren } from '../../dom';
import { counted, countsSentence, type ImportCounts } from '../../prices/import-session';

/** Imports over this many rows show progress and can be cancelled between batches. */
export const PROGRESS_ROWS = 1000;

export interface ConfirmView {
  readonly element: HTMLElement;
  render(s: {
    counts: ImportCounts;
    origin: string;
    published: string | null;
    unread: readonly UnreadPrice[];
    readOnly: string | null;
  }): void;
  hide(): void;
  /** While writing: the progress bar (over PROGRESS_ROWS rows) and Cancel; null when done. */
  progress(p: { written: number; total: number } | null): void;
  setWriting(writing: boolean): void;
}

export function createConfirmView(actions: {
  confirm(): void;
  untickInvalid(): void;
  clear(): void;
  cancel(): void;
}): ConfirmView {
  const summary = h('p', { class: 'title', id: 'import-summary' });
  const origin = h('p', { class: 'hint', id: 'import-origin' });
  const unread = h('section', {
    id: 'import-unread',
    class: 'message-bar',
    'data-intent': 'warning',
    hidden: true,
    'aria-labelledby': 'import-unread-title',
  });
  const confirm = h('button', {
    type: 'button',
    class: 'btn primary',
    id: 'import-confirm',
    onclick: () => actions.confirm(),
  });
  const untick = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      id: 'import-untick-invalid',
      onclick: () => actions.untickInvalid(),
    },
    'Untick the rows that cannot be recorded',
  );
  const clear = h(
    'button',
    { type: 'button', class: 'btn subtle', id: 'import-clear', onclick: () => actions.clear() },
    'Clear import',
  );
  const readOnlyNote = h('p', { class: 'hint', id: 'import-read-only', hidden: true });
  const bar = h('progress', { id: 'import-progress', max: 1, value: 0 });
  const barText = h('p', { id: 'import-progress-text', class: 'hint' });
  const cancel = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      id: 'import-cancel',
      onclick: () => {
        cancel.disabled = true;
        cancel.textContent = 'Cancelling after this batch…';
        actions.cancel();
      },
    },
    'Cancel import',
  );
  const progressBox = h(
    'div',
    { class: 'import-progress', id: 'import-progress-box', hidden: true },
    h('label', { for: 'import-progress' }, 'Writing to DeskPrices'),
    bar,
    barText,
    h('div', { class: 'actions' }, cancel),
  );
  const element = h(
    'section',
    { class: 'card', id: 'import-confirm-card', hidden: true, 'aria-labelledby': 'import-summary' },
    summary,
    origin,
    unread,
    h('div', { class: 'actions' }, confirm, untick, clear),
    readOnlyNote,
    progressBox,
  );
  let last: { toWrite: number; invalid: number; readOnly: string | null } = {
    toWrite: 0,
    invalid: 0,
    readOnly: null,
  };
  const setButtons = (writing: boolean) => {
    confirm.disabled = writing || last.toWrite === 0 || last.readOnly !== null;
    untick.hidden = last.invalid === 0;
    untick.disabled = writing;
    clear.disabled = writing;
  };
  return {
    element,
    render({ counts, origin: from, published, unread: notRead, readOnly }) {
      element.hidden = false;
      last = { toWrite: counts.toWrite, invalid: counts.invalid, readOnly };
      summary.textContent = countsSentence(counts);
      origin.textContent = `Read from ${from}${published ? `; published ${published}` : ''}.`;
      confirm.textContent =
        counts.toWrite === 0 ? 'Nothing new to import' : `Import ${counted(counts.toWrite, 'row')}`;
      readOnlyNote.hidden = readOnly === null;
      readOnlyNote.textContent = readOnly ?? '';
      unread.hidden = notRead.length === 0;
      replaceChildren(
        unread,
        h('p', {
          class: 'title',
          id: 'import-unread-title',
          text: `${notRead.length} mention${notRead.length === 1 ? '' : 's'} of a price could not be read (not imported):`,
        }),
        h(
          'ul',
          {},
          ...notRead.map((u) =>
            h(
              'li',
              { 'data-line': String(u.line) },
              `Sentence ${u.line}: ${u.reason} — “${u.source}”`,
            ),
          ),
        ),
      );
      setButtons(false);
    },
    hide() {
      element.hidden = true;
    },
    progress(p) {
      progressBox.hidden = p === null || p.total <= PROGRESS_ROWS;
      if (p === null) {
        cancel.disabled = false;
        cancel.textContent = 'Cancel import';
        return;
      }
      bar.max = Math.max(p.total, 1);
      bar.value = p.written;
      barText.textContent = `${p.written.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} rows written`;
    },
    setWriting(writing) {
      setButtons(writing);
      element.setAttribute('aria-busy', String(writing));
    },
  };
}
