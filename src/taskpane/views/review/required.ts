/**
 * Required marks follow the draft in place (star, aria-required, the blank option's wording,
 * the fold's counts): nothing is re-rendered and focus never moves, so a keyboard user's
 * type-to-select in Exposure route keeps its letters. A change is announced once it settles.
 */
import { fieldKey } from '../../review-logic';
import { SECTION_TITLE, type FoldHandle, type FormContext } from './context';
import { markRequired } from './field';

/**
 * Chromium ends a select's type-to-select after 1 s without a key, so "physical metal" typed
 * letter by letter passes through "producer equity" without a word about supply-chain fields.
 */
const ANNOUNCE_AFTER_MS = 1000;

function sameKeys(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((k) => b.has(k));
}

/** A fold holding a value or the focus stays open whatever the draft requires. */
function inUse(ctx: FormContext, fold: FoldHandle): boolean {
  const { draft } = ctx;
  const values = fold.section === 'triggers' ? draft.triggers[fold.index] : draft[fold.section];
  return (
    fold.details.contains(document.activeElement) ||
    fold.optional.some((f) => (values?.[f.key] ?? '').trim() !== '')
  );
}

function applyToFold(ctx: FormContext, fold: FoldHandle): void {
  const { details, optional } = fold;
  const { requiredNow } = ctx;
  const nowRequired = optional.filter((f) =>
    requiredNow.fields.has(fieldKey(fold.section, fold.index, f.key)),
  ).length;
  const counts = [`${optional.length - nowRequired} optional`];
  if (nowRequired > 0) counts.push(`${nowRequired} ${requiredNow.reason}`);
  fold.summary.textContent = `More ${SECTION_TITLE[fold.section].toLowerCase().replace(/s$/, '')} fields (${counts.join(', ')})`;
  if (nowRequired > 0 && !details.open) {
    details.open = true;
    ctx.autoOpened.add(details.id);
  } else if (nowRequired === 0 && ctx.autoOpened.has(details.id) && !inUse(ctx, fold)) {
    details.open = false;
    ctx.autoOpened.delete(details.id);
  }
}

export function applyRequired(ctx: FormContext): void {
  const before = ctx.requiredNow.fields;
  ctx.requiredNow = ctx.logic.requiredNow(ctx.draft);
  for (const [key, handle] of ctx.handles)
    if (handle.spec) markRequired(handle, handle.spec.required || ctx.requiredNow.fields.has(key));
  for (const fold of ctx.folds) applyToFold(ctx, fold);
  if (!sameKeys(before, ctx.requiredNow.fields)) scheduleAnnouncement(ctx, before);
}

function scheduleAnnouncement(ctx: FormContext, before: ReadonlySet<string>): void {
  ctx.announcedFrom ??= before;
  clearTimeout(ctx.announceTimer);
  ctx.announceTimer = setTimeout(() => announceRequired(ctx), ANNOUNCE_AFTER_MS);
}

function announceRequired(ctx: FormContext): void {
  const from = ctx.announcedFrom ?? new Set<string>();
  ctx.announcedFrom = null;
  const now = ctx.requiredNow.fields;
  const labels = (keys: string[]) => keys.map((k) => ctx.handles.get(k)?.label ?? k).join(', ');
  const added = [...now].filter((k) => !from.has(k));
  const removed = [...from].filter((k) => !now.has(k));
  const reason = ctx.requiredNow.reason.replace(/^./, (c) => c.toUpperCase());
  ctx.dom.requiredAnnouncer.textContent = [
    added.length > 0 ? `${reason}: ${labels(added)}.` : '',
    removed.length > 0 ? `No longer required: ${labels(removed)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
