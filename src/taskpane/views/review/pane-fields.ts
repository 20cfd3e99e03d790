/** The pane's own fields above the schema's: Recorded by, and the price-display converter. */
import { h } from '../../dom';
import type { ReviewDraft } from '../../draft-store';
import { RECORDED_BY_KEY, type FormContext } from './context';

export function recordedByField(ctx: FormContext): HTMLElement {
  const id = 'f-recorded-by';
  const input = h('input', {
    id,
    type: 'text',
    autocomplete: 'name',
    required: true,
    'aria-required': 'true',
    value: ctx.recordedBy,
  });
  const error = h('span', { class: 'error', id: `${id}-error` });
  const live = h('span', { class: 'live', id: `${id}-live` });
  input.setAttribute('aria-describedby', `${id}-help ${id}-error`);
  input.addEventListener('input', () => {
    ctx.recordedBy = input.value;
    ctx.message.clearIf('success');
    ctx.deps.saveRecordedBy(ctx.recordedBy);
    ctx.touched.add(RECORDED_BY_KEY);
    ctx.refresh();
  });
  const labelElement = h(
    'label',
    { for: id },
    'Recorded by',
    h('span', { class: 'required-mark', 'aria-hidden': 'true' }, '*'),
  );
  const wrapper = h(
    'div',
    { class: 'field', 'data-field': RECORDED_BY_KEY },
    labelElement,
    input,
    h('span', {
      class: 'hint',
      id: `${id}-help`,
      text: 'Your name or initials, written to every row of the review.',
    }),
    error,
    live,
  );
  ctx.handles.set(RECORDED_BY_KEY, {
    wrapper,
    input,
    error,
    live,
    details: null,
    label: 'Recorded by',
    labelElement,
    spec: null,
  });
  return h('div', { class: 'card' }, wrapper);
}

export function converterSummary(draft: ReviewDraft): string {
  return draft.fx.trim() ? `${draft.convertTo} at ${draft.fx.trim()} CNY/USD` : draft.convertTo;
}

export function converterField(ctx: FormContext): HTMLElement {
  const unitId = 'f-convert-to';
  const fxId = 'f-fx';
  const unit = h(
    'select',
    { id: unitId },
    ...ctx.logic.units.map((u) =>
      h('option', { value: u, selected: u === ctx.draft.convertTo }, u),
    ),
  );
  const fx = h('input', {
    id: fxId,
    type: 'text',
    inputmode: 'decimal',
    value: ctx.draft.fx,
    'aria-describedby': `${fxId}-help`,
  });
  unit.addEventListener('change', () => ctx.update({ ...ctx.draft, convertTo: unit.value }));
  fx.addEventListener('input', () => ctx.update({ ...ctx.draft, fx: fx.value }));
  return h(
    'details',
    { class: 'card more converter', id: 'converter' },
    h(
      'summary',
      {},
      'Price display: ',
      h('span', { id: 'converter-summary', text: converterSummary(ctx.draft) }),
    ),
    h(
      'div',
      { class: 'fields' },
      h('div', { class: 'field' }, h('label', { for: unitId }, 'Show prices in'), unit),
      h(
        'div',
        { class: 'field' },
        h('label', { for: fxId }, 'FX rate (CNY per USD)'),
        fx,
        h('span', {
          class: 'hint',
          id: `${fxId}-help`,
          text: 'Only used to show converted prices here; not written to the workbook.',
        }),
      ),
    ),
  );
}
