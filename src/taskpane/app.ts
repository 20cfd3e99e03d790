/**
 * The task pane, mounted on a DeskWorkbook (Office in Excel, in-memory in the preview and the
 * browser tests: the same code path). Views get workbook operations as parameters; nothing here
 * calls Excel.run.
 *
 * The parts live in pane/: what they share (context), what a reload keeps (remembered), the
 * receipts and their re-read timer (receipts), health, repair and the banner (health,
 * health-banner), the queue (queue), submit (write), sample data (sample), the price import
 * (import), "Use latest price" (latest), the ratio (ratio) and the page (layout).
 * mount only assembles them.
 */
import type { DeskWorkbook, WorkbookHealth } from '../excel/workbook';
import { createPaneCore, type PaneEnv, type PaneRefresh } from './pane/context';
import { createHealthController } from './pane/health';
import { createImportTab } from './pane/import';
import { createLatestLookup } from './pane/latest';
import { layoutPane } from './pane/layout';
import { createQueueController } from './pane/queue';
import { createRatioTab } from './pane/ratio';
import { createPaneReceipts } from './pane/receipts';
import { restoreReview } from './pane/remembered';
import { createSampleController } from './pane/sample';
import { createReviewWriter } from './pane/write';
import { createReviewForm } from './views/review-form';
import { createUnplacedChoice } from './views/unplaced-view';

export { localDay } from './draft-store';
export type { PaneEnv } from './pane/context';
export { RECEIPT_CHECK_MS } from './pane/receipts';
export { selectionNote } from './pane/write';
export { submitReview } from './submit';

export interface PaneHandle {
  /** Re-reads health and the queue (the preview calls it after a simulated colleague edit). */
  refresh(): Promise<void>;
}

export function mount(root: HTMLElement, workbook: DeskWorkbook, env: PaneEnv): PaneHandle {
  const pane = createPaneCore(workbook, env);
  // The parts ask each other for re-reads; these are bound to the controllers made below, and
  // nothing calls them before those exist.
  const refresh: PaneRefresh = {
    health: (announce?: boolean): Promise<WorkbookHealth | null> => health.refresh(announce),
    queue: () => queue.refresh(),
  };
  const receipts = createPaneReceipts(pane, () => void refresh.health());
  const unplaced = createUnplacedChoice();
  const restored = restoreReview(pane);
  const form = createReviewForm({
    logic: env.logic,
    message: pane.message,
    ...restored.form,
    write: createReviewWriter(pane, unplaced, refresh),
    useLatest: createLatestLookup(workbook),
  });
  const queue = createQueueController(pane, {
    health: () => health.current(),
    setCount: (count) => tabs.setCount('queue', count),
    checkIfPending: () => receipts.checkIfPending(),
  });
  const sample = createSampleController(pane, () => form.recordedBy(), refresh);
  const prices = createImportTab(pane, () => form.recordedBy(), refresh);
  const ratio = createRatioTab(pane);
  const health = createHealthController(pane, receipts, {
    setReadOnly: (reason) => {
      form.setReadOnly(reason);
      prices.setReadOnly(reason);
      ratio.setReadOnly(reason);
    },
    setSampleDisabled: (reason) => sample.setDisabled(reason),
    openWorkbookTab: () => tabs.select('workbook', true),
  });

  const tabs = layoutPane(
    root,
    {
      banner: health.banner,
      message: pane.message.element,
      unplaced: unplaced.element,
      receipts: receipts.element,
      form: form.element,
      queue: queue.element,
      import: prices.element,
      ratio: ratio.element,
      workbook: [health.panel, sample.element],
    },
    (id) => {
      receipts.checkIfPending();
      if (id === 'queue') void refresh.queue();
      if (id === 'ratio') void ratio.show(false);
    },
  );
  restored.announce();

  void refresh.health().then(() => {
    // The bench reads this mark: the form is rendered and the workbook's writability known.
    performance.mark('desk:interactive');
    return refresh.queue();
  });
  return {
    refresh: async () => {
      await refresh.health();
      await refresh.queue();
    },
  };
}
