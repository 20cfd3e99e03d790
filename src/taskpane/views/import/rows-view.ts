/**
 * The preview of an import: one card per row (a table would not reflow to a 320 px pane), each
 * with its tick, what was read, its mark (new, already recorded, a correction of an earlier row,
 * cannot be recorded — with every reason — or not imported), the sentence or raw row it came
 * from, and an editor whose texts the core checks again. Long imports are shown a page at a time
 * with a filter, so a bad row among thousands can be found.
 */
import type { FieldTexts, ImportField, PriceCandidate, RecordValues } from '../../../core';
import { importFieldLabel } from '../../../core';
import { h, replaceChildren } from '../../dom';
import { counted, EDIT_FIELDS, type RowMark } from '../../prices/import-session';

export const PAGE_ROWS = 100;

export type RowFilter = 'all' | 'invalid' | 'correction' | 'duplicate' | 'new' | 'unticked';

const FILTERS: readonly [RowFilter, string][] = [
  ['all', 'All rows'],
  ['invalid', 'Cannot be recorded'],
  ['correction', 'Corrections'],
  ['duplicate', 'Already recorded'],
  ['new', 'New'],
  ['unticked', 'Unticked'],
];

export interface RowsModel {
  readonly candidates: readonly PriceCandidate[];
  readonly marks: readonly RowMark[];
  readonly edited: ReadonlySet<number>;
  /** The texts an edit of row i starts from. */
  texts(i: number): FieldTexts;
  /** An earlier row of DeskPrices by Record ID, for "corrects …". */
  recorded(id: string): RecordValues | null;
}

export interface RowsView {
  readonly element: HTMLElement;
  render(model: RowsModel): void;
  hide(): void;
}

const num = (v: unknown): string =>
  typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 10 }) : '';

/** "3,600–4,000 CNY/t" (a single price once). */
export function priceText(v: RecordValues): string {
  const low = num(v.priceLow);
  const high = num(v.priceHigh);
  const unit = typeof v.unit === 'string' ? ` ${v.unit}` : '';
  if (low === '') return 'no price read';
  return `${low}${high !== '' && high !== low ? `–${high}` : ''}${unit}`;
}

/** What a row is: product, code and basis as read. */
export function whatText(v: RecordValues): string {
  const parts = [v.product, v.priceCode, v.locationBasis].filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );
  return parts.length > 0 ? parts.join(' · ') : 'no product read';
}

function markLabel(m: RowMark, model: RowsModel): { label: string; lines: string[] } {
  switch (m.kind) {
    case 'new':
      return { label: 'New', lines: [] };
    case 'duplicate':
      return { label: 'Already recorded', lines: ['The same prices are in DeskPrices: skipped.'] };
    case 'correction': {
      const earlier = model.recorded(m.of);
      return {
        label: 'Correction',
        lines: [
          `Corrects the row recorded${earlier ? ` at ${priceText(earlier)}` : ''} (Record ID ${m.of}): added as a new row naming it, nothing overwritten.`,
        ],
      };
    }
    case 'invalid':
      return { label: 'Cannot be recorded', lines: [...m.reasons] };
    case 'unticked':
      return { label: 'Not imported', lines: [...m.problems] };
  }
}

export function createRowsView(actions: {
  tick(indexes: readonly number[], on: boolean): void;
  edit(index: number, texts: FieldTexts): void;
}): RowsView {
  let filter: RowFilter = 'all';
  let shown = PAGE_ROWS;
  let model: RowsModel | null = null;
  let editing: number | null = null;

  const filterSelect = h(
    'select',
    {
      id: 'import-filter',
      onchange: () => {
        filter = filterSelect.value as RowFilter;
        shown = PAGE_ROWS;
        draw();
      },
    },
    ...FILTERS.map(([v, l]) => h('option', { value: v }, l)),
  );
  const list = h('ol', { class: 'import-rows', id: 'import-rows', 'aria-label': 'Rows read' });
  const more = h('div', { class: 'actions' });
  const range = h('p', { class: 'hint', id: 'import-range' });
  const element = h(
    'div',
    { id: 'import-preview-rows', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'import-filter' }, 'Show'), filterSelect),
    range,
    list,
    more,
  );

  const matches = (m: RowMark | undefined) => filter === 'all' || m?.kind === filter;

  function editor(i: number, texts: FieldTexts): HTMLElement {
    const inputs = new Map<ImportField, HTMLInputElement>();
    const fields = EDIT_FIELDS.map((f) => {
      const id = `import-edit-${i}-${f}`;
      const input = h('input', { id, type: 'text', value: texts[f] ?? '', autocomplete: 'off' });
      inputs.set(f, input);
      return h('div', { class: 'field' }, h('label', { for: id }, importFieldLabel(f)), input);
    });
    const apply = () => {
      const next: Partial<Record<ImportField, string>> = {};
      for (const [f, input] of inputs) next[f] = input.value;
      editing = null;
      actions.edit(i, next);
      document.getElementById(`import-tick-${i}`)?.focus();
    };
    return h(
      'div',
      {
        class: 'import-editor',
        role: 'group',
        'aria-label': `Edit line ${model?.candidates[i]?.line ?? i + 1}`,
      },
      h('div', { class: 'fields' }, ...fields),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'btn primary', 'data-action': 'apply-edit', onclick: apply },
          'Check and apply',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn subtle',
            'data-action': 'cancel-edit',
            onclick: () => {
              editing = null;
              draw();
              document.getElementById(`import-edit-button-${i}`)?.focus();
            },
          },
          'Cancel',
        ),
      ),
    );
  }

  function row(i: number, c: PriceCandidate, m: RowMark, rm: RowsModel): HTMLElement {
    const { label, lines } = markLabel(m, rm);
    const tickId = `import-tick-${i}`;
    const tick = h('input', {
      type: 'checkbox',
      id: tickId,
      checked: m.kind !== 'unticked',
      onchange: () => actions.tick([i], tick.checked),
    });
    const where = c.source.includes('\t') ? 'Row' : 'From';
    return h(
      'li',
      {
        class: 'import-row',
        'data-index': String(i),
        'data-line': String(c.line),
        'data-mark': m.kind,
      },
      h(
        'div',
        { class: 'import-row-head' },
        tick,
        h('label', { for: tickId }, `Line ${c.line}: ${whatText(c.values)}`),
        h('span', { class: 'badge', 'data-mark': m.kind, text: label }),
        rm.edited.has(i)
          ? h('span', { class: 'badge', 'data-mark': 'edited', text: 'Edited' })
          : null,
      ),
      h('p', {
        class: 'import-row-price',
        text: [priceText(c.values), c.values.priceDate, c.values.sourceLabel]
          .filter((x) => typeof x === 'string' && x !== '')
          .join(' · '),
      }),
      lines.length > 0
        ? h('ul', { class: 'import-row-reasons' }, ...lines.map((l) => h('li', { text: l })))
        : null,
      c.source !== ''
        ? h(
            'p',
            { class: 'import-row-source' },
            h('span', { class: 'source-label', text: `${where}: ` }),
            c.source.replace(/\t/g, ' | '),
          )
        : null,
      editing === i
        ? editor(i, rm.texts(i))
        : h(
            'div',
            { class: 'actions' },
            h(
              'button',
              {
                type: 'button',
                class: 'btn subtle',
                id: `import-edit-button-${i}`,
                'data-action': 'edit-row',
                'aria-label': `Edit line ${c.line}`,
                onclick: () => {
                  editing = i;
                  draw();
                  document.getElementById(`import-edit-${i}-${EDIT_FIELDS[0]}`)?.focus();
                },
              },
              'Edit',
            ),
          ),
    );
  }

  function draw(): void {
    const rm = model;
    if (!rm) return;
    const indexes: number[] = [];
    rm.marks.forEach((m, i) => {
      if (matches(m)) indexes.push(i);
    });
    const page = indexes.slice(0, shown);
    range.textContent =
      indexes.length === 0
        ? 'No row to show with this filter.'
        : `Showing ${page.length.toLocaleString('en-US')} of ${counted(indexes.length, 'row')}.`;
    replaceChildren(
      list,
      ...page.map((i) => row(i, rm.candidates[i] as PriceCandidate, rm.marks[i] as RowMark, rm)),
    );
    replaceChildren(
      more,
      indexes.length > shown
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn',
              id: 'import-more',
              onclick: () => {
                shown += PAGE_ROWS;
                draw();
              },
            },
            `Show ${Math.min(PAGE_ROWS, indexes.length - shown)} more`,
          )
        : null,
    );
  }

  return {
    element,
    render(next) {
      model = next;
      element.hidden = false;
      draw();
    },
    hide() {
      model = null;
      editing = null;
      filter = 'all';
      filterSelect.value = 'all';
      shown = PAGE_ROWS;
      element.hidden = true;
      replaceChildren(list);
      replaceChildren(more);
    },
  };
}
