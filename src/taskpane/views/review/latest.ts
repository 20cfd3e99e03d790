/**
 * "Use latest price" in the snapshot section: fills the snapshot's price, unit, source, quote time
 * and data basis from the latest DeskPrices row on or before the review date for the product or
 * code typed (blank identity fields — code, product, basis — from the row too). Says which row it
 * used and what it replaced, or why no row was used.
 */
import { h } from '../../dom';
import type { FormContext } from './context';

export interface LatestQuestion {
  readonly key: string;
  /** The review date, yyyy-mm-dd. */
  readonly reviewDate: string;
  readonly locationBasis: string | null;
}

export type LatestAnswer =
  | { readonly ok: true; readonly fields: Readonly<Record<string, string>>; readonly used: string }
  | { readonly ok: false; readonly message: string };

/** Identity fields: filled from the row only when blank (the key the user typed stays). */
const IDENTITY = new Set(['priceCode', 'product', 'locationBasis']);

const NOTE_ID = 'latest-price-note';

function labelOf(ctx: FormContext, key: string): string {
  return ctx.logic.fields.snapshot.find((f) => f.key === key)?.label ?? key;
}

async function useLatest(ctx: FormContext, button: HTMLButtonElement): Promise<void> {
  const ask = ctx.deps.useLatest;
  if (!ask) return;
  const s = ctx.draft.snapshot;
  const code = (s.priceCode ?? '').trim();
  const key = code !== '' ? code : (s.product ?? '').trim();
  button.disabled = true;
  const answer = await ask({
    key,
    reviewDate: (s.reviewDate ?? '').trim(),
    locationBasis: (s.locationBasis ?? '').trim() || null,
  });
  button.disabled = false;
  if (!answer.ok) {
    ctx.message.show('warning', 'No latest price used.', answer.message);
    setNote(ctx, answer.message, 'error');
    return;
  }
  const replaced: string[] = [];
  const next = { ...s };
  for (const [field, value] of Object.entries(answer.fields)) {
    const before = (s[field] ?? '').trim();
    if (IDENTITY.has(field) && before !== '') continue;
    if (value === '' && before === '') continue;
    if (before !== '' && before !== value) replaced.push(`${labelOf(ctx, field)} was ${before}`);
    next[field] = value;
  }
  ctx.update({ ...ctx.draft, snapshot: next }, true);
  const said = `Used ${answer.used}${replaced.length > 0 ? ` Replaced: ${replaced.join('; ')}.` : ''}`;
  ctx.message.show('info', 'Latest price filled in.', said);
  setNote(ctx, said, 'info');
}

function setNote(ctx: FormContext, text: string, intent: 'info' | 'error'): void {
  const note = ctx.dom.body.querySelector<HTMLElement>(`#${NOTE_ID}`);
  if (!note) return;
  note.textContent = text;
  note.setAttribute('data-intent', intent);
}

/** The button and its note, placed after the snapshot's required fields. */
export function latestPriceControl(ctx: FormContext): HTMLElement | null {
  if (!ctx.deps.useLatest) return null;
  const button = h('button', {
    type: 'button',
    class: 'btn',
    id: 'use-latest-price',
    'aria-describedby': NOTE_ID,
    text: 'Use latest price',
  });
  button.addEventListener('click', () => void useLatest(ctx, button));
  return h(
    'div',
    { class: 'latest-price' },
    h('div', { class: 'actions' }, button),
    h('p', {
      class: 'hint live',
      id: NOTE_ID,
      text: 'Fills price, unit, source, quote time and data basis from DeskPrices: the latest price of the Price code (or Product) on or before the Review date.',
    }),
  );
}
