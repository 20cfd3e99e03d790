/**
 * The review queue: reads the triggers (and, for the product names, the snapshots), ranks what
 * is due with the core's queue rule, and selects a trigger's row when one is chosen.
 */
import { type QueueItem, reviewQueue } from '../../core';
import type { WorkbookHealth } from '../../excel/workbook';
import { localDay } from '../draft-store';
import { safe } from '../safe';
import { createQueueView } from '../views/queue-view';
import type { PaneCore } from './context';

export interface QueueDeps {
  /** The last health read: tells a missing triggers table from a failed read. */
  health(): WorkbookHealth | null;
  /** The queue tab's badge. */
  setCount(count: number | null): void;
  /** Re-reads the receipts too when reviews wait. */
  checkIfPending(): void;
}

export interface QueueController {
  readonly element: HTMLElement;
  refresh(): Promise<void>;
}

export function createQueueController(pane: PaneCore, deps: QueueDeps): QueueController {
  const { workbook, env, message } = pane;
  const view = createQueueView({
    select: (item) => void select(item),
    refresh: () => {
      deps.checkIfPending();
      void refresh();
    },
  });

  async function refresh(): Promise<void> {
    view.render('loading');
    const read = await safe(() => workbook.read('triggers'));
    if (!read.ok) {
      const missing = deps.health()?.tables.triggers.kind === 'missing';
      view.render({
        error: missing
          ? 'No DeskTriggers table yet: record a review or insert the sample data.'
          : read.message,
      });
      deps.setCount(null);
      return;
    }
    const products = await productsByReview(pane);
    const now = env.now();
    const items = reviewQueue({ rows: read.records, today: localDay(now), now, products });
    view.render({
      items,
      problems: read.problems.map((p) => `Sheet row ${p.sheetRow}: ${p.reason}`),
    });
    deps.setCount(items.length);
  }

  async function select(item: QueueItem): Promise<void> {
    const outcome = await safe(() => workbook.select('triggers', [item.recordId]));
    // One sentence, in Excel's row numbers (the adapter's address would say it twice).
    if (outcome.ok)
      message.show(
        'success',
        `Selected DeskTriggers row ${item.sheetRow}${item.product ? ` (${item.product})` : ''}.`,
      );
    else message.show('error', 'Could not select the row.', outcome.message);
  }

  return { element: view.element, refresh };
}

/** Each item names its review's product (a snapshot row, joined by Review ID); optional. */
async function productsByReview({ workbook }: PaneCore): Promise<Map<string, string>> {
  const snapshots = await safe(() => workbook.read('snapshots'));
  const products = new Map<string, string>();
  if (snapshots.ok && 'records' in snapshots)
    for (const r of snapshots.records)
      if (typeof r.values.reviewId === 'string' && typeof r.values.product === 'string')
        products.set(r.values.reviewId, r.values.product);
  return products;
}
