/** Where an import's text comes from: a paste (with how to read it) or a chosen CSV file. */
import { h } from '../../dom';
import { READ_RULE, type ReadAs } from '../../prices/paste';

export interface SourceView {
  readonly element: HTMLElement;
  text(): string;
  readAs(): ReadAs;
  setBusy(busy: boolean): void;
}

export function createSourceView(actions: {
  readPaste(): void;
  readFile(file: File): void;
}): SourceView {
  const textarea = h('textarea', {
    id: 'import-text',
    rows: 6,
    spellcheck: 'false',
    'aria-describedby': 'import-text-hint',
  });
  const readAs = h(
    'select',
    { id: 'import-read-as', 'aria-describedby': 'import-rule' },
    h('option', { value: 'auto' }, 'Automatic'),
    h('option', { value: 'table' }, 'A table (CSV, TSV, copied cells)'),
    h('option', { value: 'prose' }, 'Prose (a review’s sentences)'),
  );
  const readButton = h(
    'button',
    { type: 'button', class: 'btn primary', id: 'import-read', onclick: () => actions.readPaste() },
    'Read pasted text',
  );
  const file = h('input', {
    type: 'file',
    id: 'import-file',
    accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain',
    onchange: () => {
      const chosen = file.files?.[0];
      if (chosen) actions.readFile(chosen);
      file.value = '';
    },
  });
  const element = h(
    'section',
    { class: 'card', id: 'import-source', 'aria-labelledby': 'import-source-title' },
    h('h2', { id: 'import-source-title', text: 'Import prices' }),
    h('p', {
      class: 'hint',
      text: 'Nothing is written until you confirm. Every row is checked first and shown below with its reason if it cannot be recorded.',
    }),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'import-text' }, 'Paste a price sheet or a review’s text'),
      textarea,
      h('p', {
        class: 'hint',
        id: 'import-text-hint',
        text: 'Cells copied from Excel or a web table, CSV text, or the prose of a review (e.g. SMM’s weekly review, with its “Published:” date).',
      }),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'import-read-as' }, 'Read the pasted text as'),
      readAs,
      h('p', { class: 'hint', id: 'import-rule', text: READ_RULE }),
    ),
    h('div', { class: 'actions' }, readButton),
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'Or choose a CSV file'), file),
  );
  return {
    element,
    text: () => textarea.value,
    readAs: () => readAs.value as ReadAs,
    setBusy(busy) {
      readButton.disabled = busy;
      file.disabled = busy;
    },
  };
}
