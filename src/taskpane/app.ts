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
import { lazyTab } from './pane/lazy-tab';
import { layoutPane } from './pane/layout';
import { createQueueController } from './pane/queue';
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

/** The price features' chunk, fetched once, when first needed. */
let pricesChunk: Promise<typeof import('./pane/prices-tabs')> | null = null;
const prices = (): Promise<typeof import('./pane/prices-tabs')> => {
  pricesChunk ??= import(/* webpackChunkName: "prices" */ './pane/prices-tabs').catch(
    (e: unknown) => {
      pricesChunk = null;
      throw e;
    },
  );
  return pricesChunk;
};

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
    useLatest: (q) =>
      prices().then(
        (m) => m.createLatestLookup(workbook)(q),
        (e: unknown) => ({
          ok: false as const,
          message: `The price lookup could not be loaded: ${e instanceof Error ? e.message : String(e)}.`,
        }),
      ),
  });
  const queue = createQueueController(pane, {
    health: () => health.current(),
    setCount: (count) => tabs.setCount('queue', count),
    checkIfPending: () => receipts.checkIfPending(),
  });
  const sample = createSampleController(pane, () => form.recordedBy(), refresh);
  const importTab = lazyTab('The Import tab', async () =>
    (await prices()).createImportTab(pane, () => form.recordedBy(), refresh),
  );
  const ratio = lazyTab('The Ratio tab', async () => {
    const tab = (await prices()).createRatioTab(pane);
    return { ...tab, opened: () => void tab.show(false) };
  });
  const health = createHealthController(pane, receipts, {
    setReadOnly: (reason) => {
      form.setReadOnly(reason);
      importTab.setReadOnly(reason);
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
      import: importTab.element,
      ratio: ratio.element,
      workbook: [health.panel, sample.element],
    },
    (id) => {
      receipts.checkIfPending();
      if (id === 'queue') void refresh.queue();
      if (id === 'import') void importTab.open();
      if (id === 'ratio') void ratio.open();
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
