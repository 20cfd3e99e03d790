/**
 * Receipts on screen and the timer behind them: while reviews wait to be confirmed the pane
 * re-reads the workbook (each health read checks the receipts), and stops when none waits.
 */
import { createReceiptsView, type ReceiptsView } from '../views/receipts-view';
import type { PaneCore } from './context';

/** While reviews wait to be confirmed, the pane re-reads the workbook this often. */
export const RECEIPT_CHECK_MS = 20_000;

export interface PaneReceipts {
  readonly element: HTMLElement;
  /** Shows the receipts as the outbox has them now. */
  render(): void;
  /** Arms the next re-read if reviews wait and none is armed. */
  schedule(): void;
  /** Re-reads now if reviews wait (on a tab change or a queue refresh). */
  checkIfPending(): void;
}

export function createPaneReceipts({ env, outbox }: PaneCore, check: () => void): PaneReceipts {
  const view: ReceiptsView = createReceiptsView({
    dismiss: (reviewId) => {
      outbox.dismiss(reviewId);
      view.render(outbox.summary());
    },
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    element: view.element,
    render: () => view.render(outbox.summary()),
    schedule() {
      if (timer !== null || outbox.summary().pending === 0) return;
      timer = setTimeout(() => {
        timer = null;
        check();
      }, env.receipts?.checkEveryMs ?? RECEIPT_CHECK_MS);
    },
    checkIfPending() {
      if (outbox.summary().pending > 0) check();
    },
  };
}
