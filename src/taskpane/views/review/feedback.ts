/** What the form says while the analyst types: each field's live line and error, and the computed card. */
import { h, replaceChildren } from '../../dom';
import type { FormIssue, LiveView } from '../../review-logic';
import { issueKey, type FormContext } from './context';
import { converterSummary } from './pane-fields';

export function renderLive(ctx: FormContext, view: LiveView): void {
  for (const [key, handle] of ctx.handles) {
    const line = view.fields[key];
    handle.live.textContent = line ? line.text : '';
    if (line?.intent === 'error') handle.live.setAttribute('data-intent', 'error');
    else handle.live.removeAttribute('data-intent');
  }
  replaceChildren(
    ctx.dom.computedCard,
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
export function refreshErrors(ctx: FormContext, issues: readonly FormIssue[]): void {
  const byKey = new Map<string, string>();
  for (const issue of issues) {
    const key = issueKey(issue);
    if (!byKey.has(key)) byKey.set(key, issue.message);
  }
  for (const [key, handle] of ctx.handles) {
    const text = byKey.get(key);
    const show = text !== undefined && (ctx.showAll || ctx.touched.has(key));
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

/** Everything the draft shows beside its fields, from the draft as it stands. */
export function refreshFeedback(ctx: FormContext, issues: readonly FormIssue[]): void {
  const summary = ctx.dom.body.querySelector('#converter-summary');
  if (summary) summary.textContent = converterSummary(ctx.draft);
  renderLive(ctx, ctx.logic.live(ctx.draft));
  refreshErrors(ctx, issues);
}
