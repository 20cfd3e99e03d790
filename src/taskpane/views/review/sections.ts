/**
 * The schema's sections: Snapshot and Exposure (one set of fields each) and Triggers (one group
 * per trigger, added and removed here). Required fields first; optional ones folded away.
 */
import { h } from '../../dom';
import type { DraftFields } from '../../draft-store';
import type { FormSection } from '../../form-model';
import { fieldKey } from '../../review-logic';
import { SECTION_HINT, SECTION_TITLE, type FormContext } from './context';
import { fieldElement } from './field';
import { latestPriceControl } from './latest';

export function section(ctx: FormContext, name: 'snapshot' | 'exposure'): HTMLElement {
  return h(
    'fieldset',
    { id: `section-${name}` },
    h('legend', {}, SECTION_TITLE[name]),
    h('p', { class: 'hint', text: SECTION_HINT[name] }),
    ...withLatest(ctx, name, fieldGroups(ctx, name, 0, ctx.draft[name])),
  );
}

/** The snapshot's "Use latest price" goes after its required fields, before the folded ones. */
function withLatest(ctx: FormContext, name: FormSection, groups: HTMLElement[]): HTMLElement[] {
  const control = name === 'snapshot' ? latestPriceControl(ctx) : null;
  if (control === null) return groups;
  const [required, ...rest] = groups;
  return required ? [required, control, ...rest] : [control, ...rest];
}

/** Touched keys of the triggers after `removed`, moved up one, as the triggers are. */
function shiftTouched(touched: Set<string>, removed: number): void {
  const prefix = 'triggers.';
  const next = [...touched].flatMap((k) => {
    if (!k.startsWith(prefix)) return [k];
    const [, i, f] = k.split('.');
    const n = Number(i);
    if (n === removed) return [];
    return [fieldKey('triggers', n > removed ? n - 1 : n, f ?? '')];
  });
  touched.clear();
  next.forEach((k) => touched.add(k));
}

function triggerGroup(ctx: FormContext, fields: DraftFields, index: number): HTMLElement {
  const title = `Trigger ${index + 1}`;
  const remove = h(
    'button',
    {
      type: 'button',
      class: 'btn subtle',
      'data-action': 'remove-trigger',
      'aria-label': `Remove ${title}`,
      disabled: ctx.draft.triggers.length === 1,
      onclick: () => {
        const triggers = ctx.draft.triggers.filter((_, i) => i !== index);
        shiftTouched(ctx.touched, index);
        ctx.update({ ...ctx.draft, triggers }, true);
        ctx.message.show('info', `${title} removed.`);
        ctx.dom.body.querySelector<HTMLElement>('[data-action="add-trigger"]')?.focus();
      },
    },
    'Remove',
  );
  return h(
    'div',
    {
      class: 'trigger',
      'data-trigger': String(index),
      role: 'group',
      'aria-labelledby': `trigger-${index}-title`,
    },
    h(
      'div',
      { class: 'trigger-head' },
      h('h3', { id: `trigger-${index}-title`, text: title }),
      remove,
    ),
    ...fieldGroups(ctx, 'triggers', index, fields),
  );
}

export function triggersSection(ctx: FormContext): HTMLElement {
  const list = h('div', { class: 'trigger-list' });
  ctx.draft.triggers.forEach((fields, index) => list.append(triggerGroup(ctx, fields, index)));
  const add = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      'data-action': 'add-trigger',
      onclick: () => {
        ctx.update({ ...ctx.draft, triggers: [...ctx.draft.triggers, {}] }, true);
        const n = ctx.draft.triggers.length;
        const first = ctx.dom.body.querySelector<HTMLElement>(
          `[data-trigger="${n - 1}"] input, [data-trigger="${n - 1}"] select`,
        );
        first?.focus();
        ctx.message.show('info', `Trigger ${n} added.`);
      },
    },
    '+ Add trigger',
  );
  return h(
    'fieldset',
    { id: 'section-triggers' },
    h('legend', {}, SECTION_TITLE.triggers),
    h('p', { class: 'hint', text: SECTION_HINT.triggers }),
    list,
    h('div', { class: 'actions' }, add),
  );
}

/**
 * Required fields first; optional ones folded away (opened when one has a value or an error, or
 * when the draft makes some of them required, e.g. supply-chain evidence for producer equity:
 * see required.ts).
 */
function fieldGroups(
  ctx: FormContext,
  name: FormSection,
  index: number,
  values: DraftFields,
): HTMLElement[] {
  const fields = ctx.logic.fields[name];
  const required = fields.filter((f) => f.required);
  const optional = fields.filter((f) => !f.required);
  const groups: HTMLElement[] = [
    h(
      'div',
      { class: 'fields' },
      ...required.map((f) => fieldElement(ctx, name, index, f, values, null)),
    ),
  ];
  if (optional.length > 0) {
    const moreId = `more-${name}-${index}`;
    const hasValue = optional.some((f) => (values[f.key] ?? '').trim() !== '');
    const details = h('details', {
      class: 'more',
      id: moreId,
      open: hasValue || ctx.openMore.has(moreId),
    }) as HTMLDetailsElement;
    // The user's own click on the summary decides from then on: never fold it away for them.
    const summary = h('summary', { onclick: () => ctx.autoOpened.delete(moreId) });
    details.append(
      summary,
      h(
        'div',
        { class: 'fields' },
        ...optional.map((f) => fieldElement(ctx, name, index, f, values, details)),
      ),
    );
    ctx.folds.push({ details, summary, section: name, index, optional });
    groups.push(details);
  }
  return groups;
}
