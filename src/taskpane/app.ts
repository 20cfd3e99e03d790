/**
 * The task pane, mounted on a DeskWorkbook (Office in Excel, in-memory in the preview and the
 * browser tests: the same code path). Views get workbook operations as parameters; nothing here
 * calls Excel.run.
 */
import { type QueueItem, reviewQueue } from '../core';
import {
  notWrittenNote,
  tableName,
  type DeskWorkbook,
  type ReviewRecords,
  type SelectionResult,
  type WorkbookHealth,
  type WriteOutcome,
} from '../excel/workbook';
import { h, replaceChildren } from './dom';
import { isDraftEmpty, loadDraft, localDay, saveDraft, type DraftStorage } from './draft-store';
import { createOutbox, readHealth } from './outbox';
import type { ReviewLogic } from './review-logic';
import { safe } from './safe';
import { createSerial } from './serial';
import { recordReview } from './submit';
import { loadSubmitState, saveSubmitState } from './submit-state';
import { createHealthPanel, healthVerdict } from './views/health-view';
import { createMessageBar } from './views/message';
import { createQueueView } from './views/queue-view';
import { createReceiptsView } from './views/receipts-view';
import { createReviewForm } from './views/review-form';
import { createSampleCard } from './views/sample-view';
import { createTabs } from './views/tabs';
import { createUnplacedChoice } from './views/unplaced-view';

export { submitReview } from './submit';

export interface PaneEnv {
  readonly storage: DraftStorage;
  /** False when the host blocks localStorage and `storage` lasts only as long as the page. */
  readonly storagePersistent?: boolean;
  readonly now: () => Date;
  readonly logic: ReviewLogic;
  /** Sample reviews (rows built from the seed facts) for "Insert sample data". */
  sampleReviews(recordedBy: string): readonly ReviewRecords[] | { error: string };
  /** Receipts: how often the pane re-reads while reviews wait, and how long each is held. */
  readonly receipts?: {
    readonly checkEveryMs?: number;
    readonly holdMs?: number;
    readonly missingMs?: number;
  };
}

/** While reviews wait to be confirmed, the pane re-reads the workbook this often. */
export const RECEIPT_CHECK_MS = 20_000;

export interface PaneHandle {
  /** Re-reads health and the queue (the preview calls it after a simulated colleague edit). */
  refresh(): Promise<void>;
}

const RECORDED_BY_STORAGE_KEY = 'metals-desk-record/recorded-by';

export { localDay };

export function mount(root: HTMLElement, workbook: DeskWorkbook, env: PaneEnv): PaneHandle {
  const message = createMessageBar('pane-status');
  let health: WorkbookHealth | null = null;
  // Receipts of what this pane recorded, checked on every health read; the pane's own writes
  // (submit, re-append, repair, sample) run one at a time so they never race for the same rows.
  const outbox = createOutbox(env.storage, {
    now: env.now,
    persistent: env.storagePersistent !== false,
    ...(env.receipts?.holdMs !== undefined ? { holdMs: env.receipts.holdMs } : {}),
    ...(env.receipts?.missingMs !== undefined ? { missingMs: env.receipts.missingMs } : {}),
  });
  const serial = createSerial();
  const receipts = createReceiptsView({
    dismiss: (reviewId) => {
      outbox.dismiss(reviewId);
      receipts.render(outbox.summary());
    },
  });
  const unplaced = createUnplacedChoice();

  const loaded = loadDraft(env.storage);
  const initialDraft = loaded.ok && loaded.draft ? loaded.draft : env.logic.newDraft();
  const submitLoaded = loadSubmitState(env.storage);
  const initialSubmit = submitLoaded.ok ? submitLoaded.state : null;
  const readRecordedBy = () => {
    try {
      return env.storage.getItem(RECORDED_BY_STORAGE_KEY) ?? '';
    } catch {
      return '';
    }
  };

  const form = createReviewForm({
    logic: env.logic,
    message,
    initialDraft,
    initialRecordedBy: readRecordedBy(),
    initialSubmit,
    saveSubmit: (state) => {
      const saved = saveSubmitState(env.storage, state);
      return saved.ok ? null : saved.message;
    },
    saveDraft: (draft) => {
      const saved = saveDraft(env.storage, draft);
      if (!saved.ok) message.show('warning', 'Draft not saved.', saved.message);
    },
    saveRecordedBy: (name) => {
      try {
        env.storage.setItem(RECORDED_BY_STORAGE_KEY, name);
      } catch {
        // The name is also in the form; losing the remembered copy costs one retype.
      }
    },
    write: writeReview,
  });

  const queue = createQueueView({
    select: selectQueueItem,
    refresh: () => {
      if (outbox.summary().pending > 0) void refreshHealth();
      void refreshQueue();
    },
  });
  const healthPanel = createHealthPanel({
    repair,
    recheck: async () => void (await refreshHealth(true)),
  });
  const sample = createSampleCard({ insert: insertSample });

  const reviewPanel = h('div', { id: 'panel-review' }, form.element);
  const queuePanel = h('div', { id: 'panel-queue', hidden: true }, queue.element);
  const workbookPanel = h(
    'div',
    { id: 'panel-workbook', hidden: true },
    healthPanel.element,
    sample.element,
  );
  const tabs = createTabs(
    [
      { id: 'review', label: 'New review', panel: reviewPanel },
      { id: 'queue', label: 'Review queue', panel: queuePanel },
      { id: 'workbook', label: 'Workbook', panel: workbookPanel },
    ],
    'Task pane sections',
  );
  tabs.onChange((id) => {
    if (outbox.summary().pending > 0) void refreshHealth();
    if (id === 'queue') void refreshQueue();
  });
  const banner = h('div', {
    id: 'health-banner',
    class: 'message-bar',
    'data-intent': 'warning',
    hidden: true,
  });

  replaceChildren(
    root,
    h(
      'main',
      { class: 'pane', 'aria-labelledby': 'pane-title' },
      h(
        'header',
        { class: 'pane-header' },
        h('h1', { id: 'pane-title', text: 'Metals Desk Record' }),
        h('p', { text: 'Record a review in one pass; see what is due.' }),
      ),
      banner,
      message.element,
      unplaced.element,
      receipts.element,
      tabs.list,
      reviewPanel,
      queuePanel,
      workbookPanel,
    ),
  );
  tabs.select('review');
  if (!loaded.ok) message.show('warning', 'Saved draft not restored.', loaded.message);
  else if (!submitLoaded.ok)
    message.show('warning', 'The last submit could not be read.', [
      submitLoaded.message,
      'If the form shows a review you already recorded, check the workbook before recording it again.',
    ]);
  // A recorded review shows itself; its draft is not "unfinished".
  else if (initialSubmit?.kind !== 'recorded' && loaded.draft && !isDraftEmpty(loaded.draft))
    message.show('info', 'Draft restored.', 'Your unfinished review is back as you left it.');

  // ---------- health (and the receipts it checks) ----------
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** Re-reads while reviews wait to be confirmed; stops when none does. */
  function scheduleCheck(): void {
    if (timer !== null || outbox.summary().pending === 0) return;
    timer = setTimeout(() => {
      timer = null;
      void refreshHealth();
    }, env.receipts?.checkEveryMs ?? RECEIPT_CHECK_MS);
  }

  async function refreshHealth(announce = false): Promise<WorkbookHealth | null> {
    try {
      const read = await serial(() => readHealth(workbook, outbox));
      health = read.health;
      // A second set of desk tables merged, or the workbook given its id: said once, quietly.
      if (read.tidied)
        message.show(
          read.tidied.ok ? 'info' : 'warning',
          read.tidied.ok ? 'Desk tables tidied.' : 'The desk tables could not be tidied.',
          read.tidied.message,
        );
    } catch (e) {
      health = null;
      healthPanel.render(null, `Could not read the workbook: ${describe(e)}`);
      return null;
    } finally {
      receipts.render(outbox.summary());
      scheduleCheck();
    }
    healthPanel.render(health);
    const verdict = healthVerdict(health);
    const readOnly =
      verdict === 'newer'
        ? 'Read-only: this workbook was written by a newer version of the add-in. Update the add-in to record reviews here.'
        : verdict === 'blocked'
          ? 'A required column is missing from a desk table. Open the Workbook tab and press Repair tables.'
          : null;
    form.setReadOnly(readOnly);
    sample.setDisabled(
      verdict === 'newer' ? 'Read-only: the workbook schema is newer than this add-in.' : null,
    );
    banner.hidden = verdict === 'ok' || verdict === 'fresh';
    if (!banner.hidden) {
      replaceChildren(
        banner,
        h('span', {
          class: 'title',
          text:
            verdict === 'newer'
              ? 'Read-only workbook'
              : verdict === 'blocked'
                ? 'Writing blocked'
                : verdict === 'rows'
                  ? 'Some rows break the schema'
                  : 'Tables differ from the schema',
        }),
        h('span', {
          // The Workbook tab explains once; the banner only points there.
          text:
            verdict === 'newer'
              ? 'Written by a newer version of the add-in; the Workbook tab says why nothing can be written. '
              : verdict === 'rows'
                ? 'The Workbook tab names them. '
                : 'See the Workbook tab for what differs and the repair. ',
        }),
        h(
          'button',
          { type: 'button', class: 'linklike', onclick: () => tabs.select('workbook', true) },
          'Open Workbook tab',
        ),
      );
      banner.setAttribute(
        'data-intent',
        verdict === 'drifted' || verdict === 'rows' ? 'warning' : 'error',
      );
    }
    if (announce)
      message.show(
        'info',
        'Workbook checked.',
        health.messages.length ? [...health.messages] : 'All desk tables match the schema.',
      );
    return health;
  }

  async function repair(): Promise<void> {
    const outcome = await serial(() => safe(() => workbook.repair()));
    report(outcome, 'Tables repaired.', 'Repair did not run.');
    await refreshHealth();
  }

  // ---------- writing ----------
  async function writeReview(rows: ReviewRecords): Promise<WriteOutcome> {
    const outcome = await serial(() =>
      recordReview(workbook, outbox, rows, {
        decide: (values) => {
          message.show(
            'warning',
            'Nothing written yet.',
            'Some values of this review have no column in the workbook: choose below.',
          );
          return unplaced.ask(values, rows);
        },
      }),
    );
    // Display refreshes come after the write, never before it: they are not part of the submit.
    // The health read also checks the receipt just kept.
    void refreshHealth();
    if (!outcome.ok) return outcome;
    void refreshQueue();
    // The form lists where each table's rows landed; the adapter's sentence says the same, so the
    // message carries only what selection did and what the user chose to leave out.
    const note = notWrittenNote('', outcome.notWritten ?? []).trim();
    return {
      ...outcome,
      message: [selectionNote(outcome.selection), note].filter(Boolean).join(' '),
    };
  }

  /** Selects the snapshot row of sample data that just landed (a review starts at its snapshot). */
  async function selectLanded(outcome: Extract<WriteOutcome, { ok: true }>): Promise<string> {
    const first = outcome.landed.find((l) => l.table === 'snapshots') ?? outcome.landed[0];
    if (!first) return '';
    const selected = await safe(() => workbook.select(first.table, first.recordIds));
    return selectionNote(
      selected.ok
        ? { ok: true, table: first.table, address: first.address }
        : { ok: false, table: first.table, message: selected.message },
    );
  }

  async function insertSample(): Promise<void> {
    const reviews = env.sampleReviews(form.recordedBy() || 'Sample data');
    if ('error' in reviews) {
      message.show('error', 'Sample data not inserted.', reviews.error);
      return;
    }
    const outcome = await serial(() => safe(() => workbook.insertSampleData(reviews)));
    if (outcome.ok) {
      const notes = await selectLanded(outcome);
      message.show('success', 'Sample data inserted.', [
        ...outcome.landed.map(
          (l) =>
            `${tableName(l.table)}: ${l.recordIds.length} row${l.recordIds.length === 1 ? '' : 's'} at ${l.address}`,
        ),
        ...[notes].filter(Boolean),
      ]);
    } else {
      message.show('error', 'Sample data not inserted.', outcome.message);
    }
    await refreshHealth();
    await refreshQueue();
  }

  // ---------- queue ----------
  async function refreshQueue(): Promise<void> {
    queue.render('loading');
    const read = await safe(() => workbook.read('triggers'));
    if (!read.ok) {
      const missing = health?.tables.triggers.kind === 'missing';
      queue.render({
        error: missing
          ? 'No DeskTriggers table yet: record a review or insert the sample data.'
          : read.message,
      });
      tabs.setCount('queue', null);
      return;
    }
    // Each item names its review's product (a snapshot row, joined by Review ID); optional.
    const snapshots = await safe(() => workbook.read('snapshots'));
    const products = new Map<string, string>();
    if (snapshots.ok && 'records' in snapshots)
      for (const r of snapshots.records)
        if (typeof r.values.reviewId === 'string' && typeof r.values.product === 'string')
          products.set(r.values.reviewId, r.values.product);
    const now = env.now();
    const items = reviewQueue({ rows: read.records, today: localDay(now), now, products });
    queue.render({
      items,
      problems: read.problems.map((p) => `Sheet row ${p.sheetRow}: ${p.reason}`),
    });
    tabs.setCount('queue', items.length);
  }

  async function selectQueueItem(item: QueueItem): Promise<void> {
    const outcome = await safe(() => workbook.select('triggers', [item.recordId]));
    // One sentence, in Excel's row numbers (the adapter's address would say it twice).
    if (outcome.ok)
      message.show(
        'success',
        `Selected DeskTriggers row ${item.sheetRow}${item.product ? ` (${item.product})` : ''}.`,
      );
    else message.show('error', 'Could not select the row.', outcome.message);
  }

  function report(outcome: WriteOutcome, success: string, failure: string): void {
    if (outcome.ok) message.show('success', success, outcome.message || undefined);
    else message.show('error', failure, outcome.message);
  }

  const refresh = async () => {
    await refreshHealth();
    await refreshQueue();
  };
  void refreshHealth().then(() => {
    // The bench reads this mark: the form is rendered and the workbook's writability known.
    performance.mark('desk:interactive');
    return refreshQueue();
  });
  return { refresh };
}

/** What the pane says about a selection after a write. */
export function selectionNote(selection: SelectionResult | undefined): string {
  if (!selection) return '';
  return selection.ok
    ? `${tableName(selection.table)} row selected.`
    : `The rows were written but could not be selected: ${selection.message}`;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
