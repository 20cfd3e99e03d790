/** A control with its label and an optional hint it is described by: the price views' fields. */
import { h } from '../dom';

export function labelledField(
  id: string,
  label: string,
  control: HTMLElement,
  hint?: string,
): HTMLElement {
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'hint', id: `${id}-hint`, text: hint }) : null,
  );
}
