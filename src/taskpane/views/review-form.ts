/**
 * The "new review" flow: snapshot, exposure and triggers in one form generated from the schema.
 * Every keystroke lands in the draft (saved, so closing the pane loses nothing) and refreshes the
 * live preview; Submit validates everything with the record builder and writes nothing until
 * every field is valid. After a write the form shows the recorded review until the analyst starts
 * the next one: a second press can neither write again nor look like an empty new review.
 */
import type { ReviewRows, WriteOutcome } from '../../excel/workbook';
import { h, replaceChildren, uid } from '../dom';
import type { DraftFields, ReviewDraft } from '../draft-store';
import type { FieldDescriptor, FormSection } from '../form-model';
import { fieldKey, type FormIssue, type LiveView, type ReviewLogic } from '../review-logic';
import { recordedReview, type RecordedReview, type SubmitState } from '../submit-state';
import type { MessageBar } from './message';
import { recordedCard } from './recorded-view';

export interface ReviewFormDeps {
  readonly logic: ReviewLogic;
  readonly message: MessageBar;
  readonly initialDraft: ReviewDraft;
  readonly initialRecordedBy: string;
  /** Where the last submit stood when the pane closed (pending rows, or a recorded review). */
  readonly initialSubmit: SubmitState | null;
  saveDraft(draft: ReviewDraft): void;
  saveRecordedBy(name: string): void;
  /** Keeps the submit state across a reload; returns a sentence when it could not. */
  saveSubmit(state: SubmitState | null): string | null;
  /** Writes the rows (creating tables if needed) and selects them; returns the outcome. */
  write(rows: ReviewRows): Promise<WriteOutcome>;
}

export interface ReviewForm {
  readonly element: HTMLElement;
  setReadOnly(reason: string | null): void;
  /** The name typed in "Recorded by" (also used for sample rows). */
  recordedBy(): string;
}

interface FieldHandle {
  readonly wrapper: HTMLElement;
  readonly input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  readonly error: HTMLElement;
  readonly live: HTMLElement;
  readonly details: HTMLDetailsElement | null;
  readonly label: string;
  readonly labelElement: HTMLLabelElement;
  /** The schema field (null for Recorded by, which is always required). */
  readonly spec: FieldDescriptor | null;
}

/** A folded group of optional fields; some become required with the draft (supply-chain evidence). */
interface FoldHandle {
  readonly details: HTMLDetailsElement;
  readonly summary: HTMLElement;
  readonly section: FormSection;
  readonly index: number;
  readonly optional: readonly FieldDescriptor[];
}

const SECTION_TITLE: Record<FormSection, string> = {
  snapshot: 'Snapshot',
  exposure: 'Exposure',
  triggers: 'Triggers',
};

const SECTION_HINT: Record<FormSection, string> = {
  snapshot: 'What was known at review time: the price as quoted, its source and how fresh it is.',
  exposure:
    'The position this review concerns, and what crossing the spread or exiting would cost.',
  triggers:
    'What would change the read: each trigger has an owner, an open question, an evidence request and a due date.',
};

const RECORDED_BY_KEY = fieldKey('pane', 0, 'recordedBy');
/** The blank choice of an optional dropdown; "(none)" read like the option "none". */
export const BLANK_OPTION = '— not set —';
const SUBMIT_WAIT_LABEL = 'Writing…';
/**
 * A change of required fields is announced once the choice settles: Chromium ends a select's
 * type-to-select after 1 s without a key, so "physical metal" typed letter by letter passes
 * through "producer equity" without a word about supply-chain fields.
 */
const ANNOUNCE_AFTER_MS = 1000;

type Phase = 'editing' | 'writing' | 'recorded';

export function createReviewForm(deps: ReviewFormDeps): ReviewForm {
  const { logic, message } = deps;
  let draft: ReviewDraft = deps.initialDraft;
  let recordedBy = deps.initialRecordedBy;
  let readOnly: string | null = null;
  let phase: Phase = 'editing';
  let showAll = false;
  const touched = new Set<string>();
  let handles = new Map<string, FieldHandle>();
  let folds: FoldHandle[] = [];
  /** Folded sections the user had open, kept open across a re-render. */
  let openMore = new Set<string>();
  /** Folded sections opened because fields in them became required (closed again if they stop being). */
  const autoOpened = new Set<string>();
  let requiredNow = logic.requiredNow(draft);
  /** The required fields as last announced, while a change waits to settle. */
  let announcedFrom: ReadonlySet<string> | null = null;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The draft "Clear form" emptied (and its pending rows), offered back by its Undo. */
  let cleared: { draft: ReviewDraft; submit: SubmitState | null } | null = null;
  /**
   * Pending: rows built for an unchanged draft are reused on retry (kept across a reload), so a
   * retry after an unclear failure cannot duplicate a review. Recorded: the review on screen.
   */
  let submitState: SubmitState | null = deps.initialSubmit;

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
  /** Tells screen-reader users which fields the draft just made required (or optional again). */
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

  // ---------- rendering ----------
  function render(): void {
    openMore = new Set(
      [...body.querySelectorAll<HTMLDetailsElement>('details.more[id]')]
        .filter((d) => d.open)
        .map((d) => d.id),
    );
    handles = new Map();
    folds = [];
    replaceChildren(
      body,
      recordedByField(),
      converterField(),
      section('snapshot'),
      section('exposure'),
      triggersSection(),
    );
    applyRequired();
    refresh();
  }

  function recordedByField(): HTMLElement {
    const id = 'f-recorded-by';
    const input = h('input', {
      id,
      type: 'text',
      autocomplete: 'name',
      required: true,
      'aria-required': 'true',
      value: recordedBy,
    });
    const error = h('span', { class: 'error', id: `${id}-error` });
    const live = h('span', { class: 'live', id: `${id}-live` });
    input.setAttribute('aria-describedby', `${id}-help ${id}-error`);
    input.addEventListener('input', () => {
      recordedBy = input.value;
      message.clearIf('success');
      deps.saveRecordedBy(recordedBy);
      touched.add(RECORDED_BY_KEY);
      refresh();
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
    handles.set(RECORDED_BY_KEY, {
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

  function converterField(): HTMLElement {
    const unitId = 'f-convert-to';
    const fxId = 'f-fx';
    const unit = h(
      'select',
      { id: unitId },
      ...logic.units.map((u) => h('option', { value: u, selected: u === draft.convertTo }, u)),
    );
    const fx = h('input', {
      id: fxId,
      type: 'text',
      inputmode: 'decimal',
      value: draft.fx,
      'aria-describedby': `${fxId}-help`,
    });
    unit.addEventListener('change', () => update({ ...draft, convertTo: unit.value }));
    fx.addEventListener('input', () => update({ ...draft, fx: fx.value }));
    return h(
      'details',
      { class: 'card more converter', id: 'converter' },
      h(
        'summary',
        {},
        'Price display: ',
        h('span', { id: 'converter-summary', text: converterSummary() }),
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

  function converterSummary(): string {
    return draft.fx.trim() ? `${draft.convertTo} at ${draft.fx.trim()} CNY/USD` : draft.convertTo;
  }

  function section(name: 'snapshot' | 'exposure'): HTMLElement {
    return h(
      'fieldset',
      { id: `section-${name}` },
      h('legend', {}, SECTION_TITLE[name]),
      h('p', { class: 'hint', text: SECTION_HINT[name] }),
      ...fieldGroups(name, 0, draft[name]),
    );
  }

  function triggersSection(): HTMLElement {
    const list = h('div', { class: 'trigger-list' });
    draft.triggers.forEach((fields, index) => {
      const title = `Trigger ${index + 1}`;
      const remove = h(
        'button',
        {
          type: 'button',
          class: 'btn subtle',
          'data-action': 'remove-trigger',
          'aria-label': `Remove ${title}`,
          disabled: draft.triggers.length === 1,
          onclick: () => {
            const triggers = draft.triggers.filter((_, i) => i !== index);
            shiftTouched(index);
            update({ ...draft, triggers }, true);
            message.show('info', `${title} removed.`);
            body.querySelector<HTMLElement>('[data-action="add-trigger"]')?.focus();
          },
        },
        'Remove',
      );
      list.append(
        h(
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
          ...fieldGroups('triggers', index, fields),
        ),
      );
    });
    const add = h(
      'button',
      {
        type: 'button',
        class: 'btn',
        'data-action': 'add-trigger',
        onclick: () => {
          update({ ...draft, triggers: [...draft.triggers, {}] }, true);
          const n = draft.triggers.length;
          const first = body.querySelector<HTMLElement>(
            `[data-trigger="${n - 1}"] input, [data-trigger="${n - 1}"] select`,
          );
          first?.focus();
          message.show('info', `Trigger ${n} added.`);
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
   * see applyRequired).
   */
  function fieldGroups(name: FormSection, index: number, values: DraftFields): HTMLElement[] {
    const fields = logic.fields[name];
    const required = fields.filter((f) => f.required);
    const optional = fields.filter((f) => !f.required);
    const groups: HTMLElement[] = [
      h('div', { class: 'fields' }, ...required.map((f) => field(name, index, f, values, null))),
    ];
    if (optional.length > 0) {
      const moreId = `more-${name}-${index}`;
      const hasValue = optional.some((f) => (values[f.key] ?? '').trim() !== '');
      const details = h('details', {
        class: 'more',
        id: moreId,
        open: hasValue || openMore.has(moreId),
      }) as HTMLDetailsElement;
      // The user's own click on the summary decides from then on: never fold it away for them.
      const summary = h('summary', { onclick: () => autoOpened.delete(moreId) });
      details.append(
        summary,
        h(
          'div',
          { class: 'fields' },
          ...optional.map((f) => field(name, index, f, values, details)),
        ),
      );
      folds.push({ details, summary, section: name, index, optional });
      groups.push(details);
    }
    return groups;
  }

  /**
   * Required marks follow the draft in place (star, aria-required, the blank option's wording,
   * the fold's counts): nothing is re-rendered and focus never moves, so a keyboard user's
   * type-to-select in Exposure route keeps its letters.
   */
  function applyRequired(): void {
    const before = requiredNow.fields;
    requiredNow = logic.requiredNow(draft);
    for (const [key, handle] of handles)
      if (handle.spec) markRequired(handle, handle.spec.required || requiredNow.fields.has(key));
    for (const fold of folds) {
      const { details, optional } = fold;
      const nowRequired = optional.filter((f) =>
        requiredNow.fields.has(fieldKey(fold.section, fold.index, f.key)),
      ).length;
      const counts = [`${optional.length - nowRequired} optional`];
      if (nowRequired > 0) counts.push(`${nowRequired} ${requiredNow.reason}`);
      fold.summary.textContent = `More ${SECTION_TITLE[fold.section].toLowerCase().replace(/s$/, '')} fields (${counts.join(', ')})`;
      if (nowRequired > 0 && !details.open) {
        details.open = true;
        autoOpened.add(details.id);
      } else if (nowRequired === 0 && autoOpened.has(details.id) && !inUse(fold)) {
        details.open = false;
        autoOpened.delete(details.id);
      }
    }
    if (!sameKeys(before, requiredNow.fields)) scheduleAnnouncement(before);
  }

  function markRequired(handle: FieldHandle, required: boolean): void {
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

  /** A fold holding a value or the focus stays open whatever the draft requires. */
  function inUse(fold: FoldHandle): boolean {
    const values = fold.section === 'triggers' ? draft.triggers[fold.index] : draft[fold.section];
    return (
      fold.details.contains(document.activeElement) ||
      fold.optional.some((f) => (values?.[f.key] ?? '').trim() !== '')
    );
  }

  function scheduleAnnouncement(before: ReadonlySet<string>): void {
    announcedFrom ??= before;
    clearTimeout(announceTimer);
    announceTimer = setTimeout(announceRequired, ANNOUNCE_AFTER_MS);
  }

  function announceRequired(): void {
    const from = announcedFrom ?? new Set<string>();
    announcedFrom = null;
    const now = requiredNow.fields;
    const labels = (keys: string[]) => keys.map((k) => handles.get(k)?.label ?? k).join(', ');
    const added = [...now].filter((k) => !from.has(k));
    const removed = [...from].filter((k) => !now.has(k));
    const reason = requiredNow.reason.replace(/^./, (c) => c.toUpperCase());
    requiredAnnouncer.textContent = [
      added.length > 0 ? `${reason}: ${labels(added)}.` : '',
      removed.length > 0 ? `No longer required: ${labels(removed)}.` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  function field(
    name: FormSection,
    index: number,
    spec: FieldDescriptor,
    values: DraftFields,
    details: HTMLDetailsElement | null,
  ): HTMLElement {
    const key = fieldKey(name, index, spec.key);
    const id = `f-${name}-${index}-${spec.key}`;
    const value = values[spec.key] ?? '';
    const describedBy = [`${id}-error`, spec.help ? `${id}-help` : '', `${id}-live`]
      .filter(Boolean)
      .join(' ');
    let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    let extra: HTMLElement | null = null;
    // Required marks (star, aria-required, the blank option's wording) come from markRequired.
    const common = { id, name: key, 'aria-describedby': describedBy };
    const c = spec.control;
    switch (c.type) {
      case 'select':
        input = h(
          'select',
          common,
          h('option', { value: '', text: BLANK_OPTION }),
          ...c.options.map((o) => h('option', { value: o, selected: o === value }, o)),
        );
        // A value typed elsewhere (older draft) that is not an option must not vanish silently.
        if (value && !c.options.includes(value))
          input.append(h('option', { value, selected: true }, value));
        break;
      case 'suggest': {
        const listId = uid('options');
        extra = h('datalist', { id: listId }, ...c.options.map((o) => h('option', { value: o })));
        input = h('input', { ...common, type: 'text', list: listId, value, autocomplete: 'off' });
        break;
      }
      case 'date':
        input = h('input', { ...common, type: 'date', value });
        break;
      case 'datetime':
        input = h('input', { ...common, type: 'datetime-local', value });
        break;
      case 'number':
        input = h('input', {
          ...common,
          type: 'text',
          inputmode: 'decimal',
          value,
          autocomplete: 'off',
          spellcheck: 'false',
        });
        break;
      case 'price':
        input = h('input', {
          ...common,
          type: 'text',
          value,
          autocomplete: 'off',
          spellcheck: 'false',
          placeholder: 'e.g. 747,000-753,000',
        });
        break;
      case 'text':
        input = c.long
          ? h('textarea', { ...common, rows: 2 })
          : h('input', { ...common, type: 'text', value });
        if (c.long) input.value = value;
        break;
    }
    const onChange = () => {
      touched.add(key);
      setValue(name, index, spec.key, input.value);
    };
    input.addEventListener('input', onChange);
    input.addEventListener('change', onChange);
    if (name === 'snapshot' && spec.key === 'priceLow')
      input.addEventListener('change', () => splitPriceRange(input));
    input.addEventListener('blur', () => {
      if (input.value !== '') touched.add(key);
      refreshErrors(currentIssues());
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
    handles.set(key, handle);
    markRequired(handle, spec.required || requiredNow.fields.has(key));
    return wrapper;
  }

  // ---------- state ----------
  function setValue(name: FormSection, index: number, key: string, value: string): void {
    if (name === 'triggers') {
      const triggers = draft.triggers.map((t, i) => (i === index ? { ...t, [key]: value } : t));
      update({ ...draft, triggers });
    } else {
      update({ ...draft, [name]: { ...draft[name], [key]: value } });
    }
  }

  /**
   * "747,000-753,000 yuan/mt" in Price low: Price low, Price high and Unit show what will be
   * written, without overwriting a Price high or Unit the user typed.
   */
  function splitPriceRange(
    input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  ): void {
    const split = logic.splitPrice(input.value);
    const s = draft.snapshot;
    if (split === null || (s.priceHigh ?? '').trim() !== '') return;
    const next: DraftFields = { ...s, priceLow: split.low, priceHigh: split.high };
    if (split.unit !== null && (s.unit ?? '').trim() === '') next.unit = split.unit;
    const highKey = fieldKey('snapshot', 0, 'priceHigh');
    const high = handles.get(highKey);
    high?.details?.setAttribute('open', '');
    touched.add(highKey);
    update({ ...draft, snapshot: next });
    input.value = split.low;
    if (high) high.input.value = split.high;
    const unit = handles.get(fieldKey('snapshot', 0, 'unit'));
    if (unit && next.unit !== undefined) unit.input.value = next.unit;
    refresh();
  }

  function update(next: ReviewDraft, rerender = false): void {
    // A new review has begun: "Review recorded" no longer describes what is on screen.
    message.clearIf('success');
    draft = next;
    deps.saveDraft(draft);
    if (rerender) render();
    else {
      applyRequired();
      refresh();
    }
  }

  function shiftTouched(removed: number): void {
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

  function currentIssues(): readonly FormIssue[] {
    const outcome = logic.build(draft, recordedBy);
    return outcome.ok ? [] : outcome.issues;
  }

  function refresh(): void {
    const summary = body.querySelector('#converter-summary');
    if (summary) summary.textContent = converterSummary();
    renderLive(logic.live(draft));
    refreshErrors(currentIssues());
  }

  function renderLive(view: LiveView): void {
    for (const [key, handle] of handles) {
      const line = view.fields[key];
      handle.live.textContent = line ? line.text : '';
      if (line?.intent === 'error') handle.live.setAttribute('data-intent', 'error');
      else handle.live.removeAttribute('data-intent');
    }
    replaceChildren(
      computedCard,
      h('h2', { id: 'computed-title', text: 'Computed before you submit' }),
      h(
        'dl',
        {},
        ...view.computed.flatMap((item) => [
          h('dt', { text: item.label }),
          h(
            'dd',
            { 'data-computed': item.id, 'data-intent': item.intent },
            item.status
              ? h('span', { class: 'badge', 'data-status': item.status, text: item.value })
              : item.value,
            item.detail ? h('div', { class: 'hint', text: item.detail }) : null,
          ),
        ]),
      ),
    );
  }

  /** Marks fields with their issue: touched fields while typing, every field once Submit was tried. */
  function refreshErrors(issues: readonly FormIssue[]): void {
    const byKey = new Map<string, string>();
    for (const issue of issues) {
      const key = fieldKey(issue.section, issue.index, issue.field);
      if (!byKey.has(key)) byKey.set(key, issue.message);
    }
    for (const [key, handle] of handles) {
      const text = byKey.get(key);
      const show = text !== undefined && (showAll || touched.has(key));
      handle.error.textContent = show ? text : '';
      // The error already says what the live line would: show one, not both.
      handle.live.hidden = show;
      if (show) {
        handle.wrapper.setAttribute('data-invalid', '');
        handle.input.setAttribute('aria-invalid', 'true');
      } else {
        handle.wrapper.removeAttribute('data-invalid');
        handle.input.removeAttribute('aria-invalid');
      }
    }
  }

  // ---------- submit ----------
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });

  // No confirm() (Office blocks dialogs): the clear is undoable instead.
  clearButton.addEventListener('click', () => {
    cleared = { draft, submit: submitState };
    showAll = false;
    touched.clear();
    setSubmitState(null);
    update(logic.newDraft(), true);
    message.show(
      'info',
      'Form cleared.',
      'Nothing in the workbook changed. Undo brings the cleared draft back.',
      { label: 'Undo', id: 'undo-clear', run: undoClear },
    );
  });

  function undoClear(): void {
    if (cleared === null) return;
    const restored = cleared;
    cleared = null;
    // The restored draft's pending rows come back too: a retry of it still reuses its Record IDs.
    setSubmitState(restored.submit);
    update(restored.draft, true);
    message.show('info', 'Draft restored.', 'The cleared draft is back as it was.');
    body.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  /** Issues in the order their fields appear on screen (issues without a field last). */
  function inFormOrder(issues: readonly FormIssue[]): FormIssue[] {
    const order = [...handles.keys()];
    const rank = (i: FormIssue) => {
      const at = order.indexOf(fieldKey(i.section, i.index, i.field));
      return at === -1 ? order.length : at;
    };
    return [...issues].sort((a, b) => rank(a) - rank(b));
  }

  function goTo(handle: FieldHandle): void {
    handle.details?.setAttribute('open', '');
    handle.input.focus();
    handle.wrapper.scrollIntoView?.({ block: 'nearest' });
  }

  async function submit(): Promise<void> {
    // In flight or already recorded: a second press (click or Enter) writes and says nothing.
    if (phase !== 'editing' || readOnly !== null) return;
    showAll = true;
    const outcome = logic.build(draft, recordedBy);
    if (!outcome.ok) {
      refreshErrors(outcome.issues);
      for (const issue of outcome.issues)
        handles
          .get(fieldKey(issue.section, issue.index, issue.field))
          ?.details?.setAttribute('open', '');
      const ordered = inFormOrder(outcome.issues);
      const lines = ordered.map((issue) => {
        const handle = handles.get(fieldKey(issue.section, issue.index, issue.field));
        const where =
          issue.section === 'triggers'
            ? `Trigger ${issue.index + 1}`
            : issue.section === 'pane'
              ? ''
              : SECTION_TITLE[issue.section];
        // Messages usually name their field already ("Exit fixed costs: cannot read…"): once is enough.
        const named =
          handle && !issue.message.startsWith(handle.label)
            ? `${handle.label}: ${issue.message}`
            : issue.message;
        const text = where ? `${where} · ${named}` : named;
        if (!handle) return text;
        return h('button', {
          type: 'button',
          class: 'linklike',
          'data-goto': fieldKey(issue.section, issue.index, issue.field),
          text,
          onclick: () => goTo(handle),
        });
      });
      message.show(
        'error',
        `Nothing was written: ${lines.length} field${lines.length === 1 ? ' needs' : 's need'} attention.`,
        lines,
      );
      const first = ordered
        .map((i) => handles.get(fieldKey(i.section, i.index, i.field)))
        .find(Boolean);
      if (first) goTo(first);
      return;
    }
    const fingerprint = JSON.stringify([
      draft.snapshot,
      draft.exposure,
      draft.triggers,
      recordedBy,
    ]);
    const reused =
      submitState?.kind === 'pending' && submitState.fingerprint === fingerprint
        ? submitState.rows
        : null;
    const rows = reused ?? outcome.rows;
    // Kept before the write: a reload during it (or after an unclear failure) retries the same rows.
    setSubmitState({ kind: 'pending', fingerprint, rows });
    const focused = document.activeElement;
    setPhase('writing');
    message.show('info', 'Recording the review…');
    const result = await deps.write(rows);
    if (!result.ok) {
      setPhase('editing');
      if (focused instanceof HTMLElement && focused.isConnected) focused.focus();
      // Kept to edit after "these values have no column": nothing was tried, nothing failed.
      const kept = result.reason === 'unplaced';
      message.show(
        kept ? 'info' : 'error',
        kept ? 'Nothing was written yet.' : 'The review could not be confirmed as recorded.',
        [result.message, 'Your form is unchanged; fix the cause and press Record review again.'],
      );
      message.reveal();
      return;
    }
    const review = recordedReview(rows, result.landed);
    const unsaved = setSubmitState({ kind: 'recorded', review });
    showAll = false;
    touched.clear();
    showRecorded(review, true);
    message.show(
      'success',
      'Review recorded.',
      [
        result.message,
        unsaved &&
          `The pane could not note that it is recorded (${unsaved}): after a reload the form may show it again; it is in the workbook, do not record it twice.`,
      ].filter((line): line is string => Boolean(line)),
    );
    message.reveal();
  }

  function setSubmitState(state: SubmitState | null): string | null {
    submitState = state;
    return deps.saveSubmit(state);
  }

  /** While the write is in flight the fields are inert: what is on screen is what is being written. */
  function setPhase(next: Phase): void {
    phase = next;
    const writing = next === 'writing';
    body.inert = writing;
    submitButton.disabled = writing || readOnly !== null;
    submitButton.textContent = writing ? SUBMIT_WAIT_LABEL : 'Record review';
    clearButton.disabled = writing;
    writingNote.hidden = !writing;
    element.setAttribute('aria-busy', String(writing));
    editor.hidden = next === 'recorded';
    recordedSlot.hidden = next !== 'recorded';
    element.setAttribute(
      'aria-labelledby',
      next === 'recorded' ? 'recorded-title' : 'review-title',
    );
    if (next !== 'recorded') replaceChildren(recordedSlot);
  }

  function showRecorded(review: RecordedReview, focus: boolean): void {
    const card = recordedCard(review, startNextReview);
    replaceChildren(recordedSlot, card.element);
    setPhase('recorded');
    if (focus) card.startNext.focus();
  }

  /** The explicit step to a new review: only now is the recorded draft replaced by an empty one. */
  function startNextReview(): void {
    setSubmitState(null);
    cleared = null;
    showAll = false;
    touched.clear();
    setPhase('editing');
    update(logic.newDraft(), true);
    message.clearIf('success');
    const controls = [
      ...body.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        '#section-snapshot input, #section-snapshot select, #section-snapshot textarea',
      ),
    ];
    (controls.find((c) => c.value === '') ?? controls[0])?.focus();
  }

  render();
  if (submitState?.kind === 'recorded') showRecorded(submitState.review, false);

  return {
    element,
    recordedBy: () => recordedBy.trim(),
    setReadOnly(reason) {
      // "Review recorded" next to "Writing blocked" would contradict it.
      if (reason !== null) message.clearIf('success');
      readOnly = reason;
      submitButton.disabled = reason !== null || phase === 'writing';
      readOnlyNote.hidden = reason === null;
      readOnlyNote.textContent = reason ?? '';
      if (reason) submitButton.setAttribute('aria-describedby', 'read-only-note');
      else submitButton.removeAttribute('aria-describedby');
    },
  };
}

function sameKeys(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((k) => b.has(k));
}
