/** One schema field of the form: its control, label, hint, error and live line, and its required marks. */
import { h, uid } from '../../dom';
import type { DraftFields } from '../../draft-store';
import type { FieldDescriptor, FormSection } from '../../form-model';
import { fieldKey } from '../../review-logic';
import { BLANK_OPTION, currentIssues, type FieldHandle, type FormContext } from './context';
import { refreshErrors } from './feedback';
import { splitPriceRange } from './price-range';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Common = { id: string; name: string; 'aria-describedby': string };

/** The input for a field's control kind; `extra` is a suggestion list beside it. */
function controlFor(
  c: FieldDescriptor['control'],
  common: Common,
  value: string,
): { input: Control; extra: HTMLElement | null } {
  switch (c.type) {
    case 'select': {
      const input = h(
        'select',
        common,
        h('option', { value: '', text: BLANK_OPTION }),
        ...c.options.map((o) => h('option', { value: o, selected: o === value }, o)),
      );
      // A value typed elsewhere (older draft) that is not an option must not vanish silently.
      if (value && !c.options.includes(value))
        input.append(h('option', { value, selected: true }, value));
      return { input, extra: null };
    }
    case 'suggest': {
      const listId = uid('options');
      const extra = h(
        'datalist',
        { id: listId },
        ...c.options.map((o) => h('option', { value: o })),
      );
      const input = h('input', {
        ...common,
        type: 'text',
        list: listId,
        value,
        autocomplete: 'off',
      });
      return { input, extra };
    }
    case 'date':
      return { input: h('input', { ...common, type: 'date', value }), extra: null };
    case 'datetime':
      return { input: h('input', { ...common, type: 'datetime-local', value }), extra: null };
    case 'number': {
      const input = h('input', {
        ...common,
        type: 'text',
        inputmode: 'decimal',
        value,
        autocomplete: 'off',
        spellcheck: 'false',
      });
      return { input, extra: null };
    }
    case 'price': {
      const input = h('input', {
        ...common,
        type: 'text',
        value,
        autocomplete: 'off',
        spellcheck: 'false',
        placeholder: 'e.g. 747,000-753,000',
      });
      return { input, extra: null };
    }
    case 'text': {
      const input = c.long
        ? h('textarea', { ...common, rows: 2 })
        : h('input', { ...common, type: 'text', value });
      if (c.long) input.value = value;
      return { input, extra: null };
    }
  }
}

function setValue(
  ctx: FormContext,
  name: FormSection,
  index: number,
  key: string,
  value: string,
): void {
  const { draft } = ctx;
  if (name === 'triggers') {
    const triggers = draft.triggers.map((t, i) => (i === index ? { ...t, [key]: value } : t));
    ctx.update({ ...draft, triggers });
  } else {
    ctx.update({ ...draft, [name]: { ...draft[name], [key]: value } });
  }
}

export function fieldElement(
  ctx: FormContext,
  name: FormSection,
  index: number,
  spec: FieldDescriptor,
  values: DraftFields,
  details: HTMLDetailsElement | null,
): HTMLElement {
  const key = fieldKey(name, index, spec.key);
  const id = `f-${name}-${index}-${spec.key}`;
  const describedBy = [`${id}-error`, spec.help ? `${id}-help` : '', `${id}-live`]
    .filter(Boolean)
    .join(' ');
  // Required marks (star, aria-required, the blank option's wording) come from markRequired.
  const c = spec.control;
  const { input, extra } = controlFor(
    c,
    { id, name: key, 'aria-describedby': describedBy },
    values[spec.key] ?? '',
  );
  const onChange = () => {
    ctx.touched.add(key);
    setValue(ctx, name, index, spec.key, input.value);
  };
  input.addEventListener('input', onChange);
  input.addEventListener('change', onChange);
  if (name === 'snapshot' && spec.key === 'priceLow')
    input.addEventListener('change', () => splitPriceRange(ctx, input));
  input.addEventListener('blur', () => {
    if (input.value !== '') ctx.touched.add(key);
    refreshErrors(ctx, currentIssues(ctx));
  });
  const error = h('span', { class: 'error', id: `${id}-error` });
  const live = h('span', { class: 'live', id: `${id}-live` });
  const hintText = spec.help || (c.type === 'number' && c.unitHint ? c.unitHint : '');
  if (!spec.help && hintText) input.setAttribute('aria-describedby', `${describedBy} ${id}-help`);
  const labelElement = h('label', { for: id }, spec.label);
  const wrapper = h(
    'div',
    { class: `field${c.type === 'text' && c.long ? ' wide' : ''}`, 'data-field': key },
    labelElement,
    input,
    extra,
    hintText ? h('span', { class: 'hint', id: `${id}-help`, text: hintText }) : null,
    error,
    live,
  );
  const handle = { wrapper, input, error, live, details, label: spec.label, labelElement, spec };
  ctx.handles.set(key, handle);
  markRequired(handle, spec.required || ctx.requiredNow.fields.has(key));
  return wrapper;
}

export function markRequired(handle: FieldHandle, required: boolean): void {
  const mark = handle.labelElement.querySelector('.required-mark');
  if (required && !mark)
    handle.labelElement.append(h('span', { class: 'required-mark', 'aria-hidden': 'true' }, '*'));
  if (!required) mark?.remove();
  if (required) handle.input.setAttribute('aria-required', 'true');
  else handle.input.removeAttribute('aria-required');
  const blankOption = handle.input instanceof HTMLSelectElement ? handle.input.options[0] : null;
  if (blankOption && blankOption.value === '')
    blankOption.textContent = required ? 'Choose…' : BLANK_OPTION;
}
