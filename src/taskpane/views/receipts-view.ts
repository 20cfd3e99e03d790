/**
 * What the pane's receipts say: reviews waiting to be confirmed in the shared workbook, reviews
 * re-added because a co-author's change took their rows, rows found with other values (a
 * colleague may have corrected them: the add-in leaves them, the user dismisses the report), and
 * why receipts may not outlive the pane (storage full or blocked, a workbook without an id).
 */
import { tableName } from '../../excel/workbook';
import type { OutboxSummary } from '../outbox';
import { h, replaceChildren } from '../dom';

export interface ReceiptsView {
  readonly element: HTMLElement;
  render(summary: OutboxSummary): void;
}

const reviews = (n: number) => `${n} review${n === 1 ? '' : 's'}`;

/** "2 reviews waiting to be confirmed in the shared workbook" (pure). */
export function pendingLine(n: number): string {
  return `${reviews(n)} waiting to be confirmed in the shared workbook`;
}

/** "1 review re-added: its rows had vanished after a co-author's change" (pure). */
export function reAddedLine(n: number): string {
  return `${reviews(n)} re-added: ${n === 1 ? 'its' : 'their'} rows had vanished after a co-author's change`;
}

export function createReceiptsView(actions: { dismiss(reviewId: string): void }): ReceiptsView {
  const element = h('section', {
    id: 'receipts',
    class: 'message-bar receipts',
    'aria-label': 'Recorded reviews in the shared workbook',
    hidden: true,
  });
  return {
    element,
    render(s) {
      const lines: HTMLElement[] = [];
      if (s.pending > 0) {
        lines.push(
          h('p', {
            class: 'title',
            'data-receipts': 'pending',
            text: `${pendingLine(s.pending)}.`,
          }),
          h('p', {
            class: 'hint',
            text: 'The pane checks them each time it reads the workbook and adds a review again if a co-author’s change made its rows vanish.',
          }),
        );
      }
      if (s.reAdded > 0)
        lines.push(h('p', { 'data-receipts': 're-added', text: `${reAddedLine(s.reAdded)}.` }));
      for (const p of s.problems) lines.push(h('p', { 'data-receipts': 'problem', text: p }));
      if (s.sessionOnly)
        lines.push(
          h('p', {
            'data-receipts': 'session',
            text: 'This workbook has no desk id yet, so these receipts are kept only while this pane stays open.',
          }),
        );
      if (s.storageProblem)
        lines.push(h('p', { 'data-receipts': 'storage', text: s.storageProblem }));
      for (const d of s.differing) {
        const where = d.rows.map((r) => `${tableName(r.table)} row ${r.sheetRow}`).join(', ');
        lines.push(
          h(
            'div',
            { class: 'receipt-differs', 'data-receipts': 'differs', 'data-review': d.reviewId },
            h('p', {
              class: 'title',
              text: `A review you recorded now holds other values (${where}).`,
            }),
            h(
              'ul',
              {},
              ...d.rows.flatMap((r) =>
                r.fields.map((f) =>
                  h('li', {
                    text: `${tableName(r.table)} row ${r.sheetRow} · ${f.header}: written ${f.written}, now ${f.found}`,
                  }),
                ),
              ),
            ),
            h('p', {
              class: 'hint',
              text: 'A colleague may have corrected it; the add-in leaves the workbook as it is.',
            }),
            h('button', {
              type: 'button',
              class: 'btn subtle',
              'data-action': 'dismiss-receipt',
              'aria-label': `Dismiss the report on ${where}`,
              text: 'Dismiss',
              onclick: () => actions.dismiss(d.reviewId),
            }),
          ),
        );
      }
      element.hidden = lines.length === 0;
      const warn =
        s.problems.length > 0 || s.differing.length > 0 || s.storageProblem || s.sessionOnly;
      element.setAttribute('data-intent', warn ? 'warning' : 'info');
      replaceChildren(element, ...lines);
    },
  };
}
