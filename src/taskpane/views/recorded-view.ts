/**
 * The recorded review, read-only: what was written (Record IDs per table, the addresses the rows
 * landed at, product, review date, each trigger's owner and question). It replaces the form after
 * a successful submit, so a second press cannot look like an empty new review, and starting the
 * next review is the analyst's explicit act.
 */
import { tableName } from '../../excel/workbook';
import { h } from '../dom';
import type { RecordedReview } from '../submit-state';

export interface RecordedCard {
  readonly element: HTMLElement;
  /** The "Start next review" button: focus goes here after a submit. */
  readonly startNext: HTMLButtonElement;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "2026-02-06T14:05:00.000Z" (wall clock stored as UTC, like Excel) → "2026-02-06 14:05". */
const shownTime = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

export function recordedCard(review: RecordedReview, startNext: () => void): RecordedCard {
  const summaryId = 'recorded-summary';
  const button = h(
    'button',
    {
      type: 'button',
      class: 'btn primary',
      id: 'start-next-review',
      'aria-describedby': summaryId,
      onclick: startNext,
    },
    'Start next review',
  );
  const rows = review.landed.reduce((n, l) => n + l.recordIds.length, 0);
  const element = h(
    'section',
    {
      class: 'card recorded',
      id: 'recorded-review',
      'aria-labelledby': 'recorded-title',
      'data-review-id': review.reviewId,
    },
    h('h2', { id: 'recorded-title', text: 'Review recorded' }),
    h('p', {
      id: summaryId,
      text:
        `${review.product || 'Review'}, review date ${review.reviewDate}: ` +
        `${plural(rows, 'row')} written by ${review.recordedBy} at ${shownTime(review.recordedAt)}. ` +
        'It is in the workbook; there is nothing to record again.',
    }),
    h('p', { class: 'review-id' }, 'Review ID ', h('code', { text: review.reviewId })),
    h(
      'ul',
      { class: 'recorded-landed' },
      ...review.landed.map((l) =>
        h(
          'li',
          { 'data-landed': l.table },
          h('span', {
            class: 'landed-at',
            text: `${tableName(l.table)}: ${plural(l.recordIds.length, 'row')} at ${l.address}`,
          }),
          h(
            'span',
            { class: 'hint record-ids' },
            l.recordIds.length === 1 ? 'Record ID ' : 'Record IDs ',
            ...l.recordIds.flatMap((id, i) => [i > 0 ? ', ' : '', h('code', { text: id })]),
          ),
        ),
      ),
    ),
    h('h3', { text: 'Triggers' }),
    h(
      'ol',
      { class: 'recorded-triggers' },
      ...review.triggers.map((t) =>
        h(
          'li',
          {},
          h('span', { class: 'owner', text: t.owner }),
          `: ${t.openQuestion}`,
          h('span', { class: 'hint', text: ` (due ${t.dueDate})` }),
        ),
      ),
    ),
    h('div', { class: 'actions' }, button),
    h('p', {
      class: 'hint',
      text: 'Start next review clears this draft and begins an empty form.',
    }),
  );
  return { element, startNext: button };
}
