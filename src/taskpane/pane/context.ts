/**
 * What every part of the pane shares: the workbook, the host's environment, the message bar, the
 * receipts of what this pane recorded, and the one queue its own writes go through. Each
 * controller in this folder takes this one input; mount (../app.ts) assembles them.
 */
import type { DeskWorkbook, SampleRecords, WorkbookHealth } from '../../excel/workbook';
import type { DraftStorage } from '../draft-store';
import { createOutbox, type Outbox } from '../outbox';
import type { ReviewLogic } from '../review-logic';
import { createSerial, type Serial } from '../serial';
import { createMessageBar, type MessageBar } from '../views/message';

export interface PaneEnv {
  readonly storage: DraftStorage;
  /** False when the host blocks localStorage and `storage` lasts only as long as the page. */
  readonly storagePersistent?: boolean;
  readonly now: () => Date;
  readonly logic: ReviewLogic;
  /**
   * The sample's reviews and prices (rows built from the seed facts) for "Insert sample data";
   * fetched on first use, so a chunk that cannot be fetched is an error here, not a throw.
   */
  sampleData(recordedBy: string): Promise<SampleRecords | { error: string }>;
  /** Receipts: how often the pane re-reads while reviews wait, and how long each is held. */
  readonly receipts?: {
    readonly checkEveryMs?: number;
    readonly holdMs?: number;
    readonly missingMs?: number;
  };
}

export interface PaneCore {
  readonly workbook: DeskWorkbook;
  readonly env: PaneEnv;
  readonly message: MessageBar;
  /** Receipts of what this pane recorded, checked on every health read. */
  readonly outbox: Outbox;
  /** The pane's own writes (submit, re-append, repair, sample) run one at a time, never racing for the same rows. */
  readonly serial: Serial;
}

/** The two re-reads any part of the pane may ask for after it acted. */
export interface PaneRefresh {
  health(announce?: boolean): Promise<WorkbookHealth | null>;
  queue(): Promise<void>;
}

export function createPaneCore(workbook: DeskWorkbook, env: PaneEnv): PaneCore {
  const message = createMessageBar('pane-status');
  const outbox = createOutbox(env.storage, {
    now: env.now,
    persistent: env.storagePersistent !== false,
    ...(env.receipts?.holdMs !== undefined ? { holdMs: env.receipts.holdMs } : {}),
    ...(env.receipts?.missingMs !== undefined ? { missingMs: env.receipts.missingMs } : {}),
  });
  return { workbook, env, message, outbox, serial: createSerial() };
}
