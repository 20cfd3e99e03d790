/**
 * The workbook's health: one read (which also checks the receipts and tidies a second set of desk
 * tables), shown on the Workbook tab and in the banner, and turned into what the pane may write.
 * Repair and Recheck live here too: both end in a health read.
 */
import type { WorkbookHealth, WriteOutcome } from '../../excel/workbook';
import { readHealth } from '../outbox';
import { safe } from '../safe';
import { createHealthPanel, healthVerdict, type HealthVerdict } from '../views/health-view';
import type { PaneCore } from './context';
import { createHealthBanner, readOnlyReason, sampleRefusal } from './health-banner';
import type { PaneReceipts } from './receipts';

/** What a health read changes outside the Workbook tab. */
export interface HealthEffects {
  setReadOnly(reason: string | null): void;
  setSampleDisabled(reason: string | null): void;
  openWorkbookTab(): void;
}

export interface HealthController {
  /** The Workbook tab's card. */
  readonly panel: HTMLElement;
  readonly banner: HTMLElement;
  /** The last health read, null before the first or after one failed. */
  current(): WorkbookHealth | null;
  refresh(announce?: boolean): Promise<WorkbookHealth | null>;
}

export function createHealthController(
  pane: PaneCore,
  receipts: PaneReceipts,
  effects: HealthEffects,
): HealthController {
  const { workbook, outbox, serial, message } = pane;
  let health: WorkbookHealth | null = null;
  const banner = createHealthBanner(effects.openWorkbookTab);
  const panel = createHealthPanel({
    repair: async () => {
      const outcome = await serial(() => safe(() => workbook.repair()));
      report(pane, outcome, 'Tables repaired.', 'Repair did not run.');
      await refresh();
    },
    recheck: async () => void (await refresh(true)),
  });

  const show = (read: WorkbookHealth, verdict: HealthVerdict) => {
    panel.render(read);
    effects.setReadOnly(readOnlyReason(verdict));
    effects.setSampleDisabled(sampleRefusal(verdict));
    banner.render(verdict);
  };

  async function refresh(announce = false): Promise<WorkbookHealth | null> {
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
      panel.render(null, `Could not read the workbook: ${describe(e)}`);
      return null;
    } finally {
      receipts.render();
      receipts.schedule();
    }
    show(health, healthVerdict(health));
    if (announce)
      message.show(
        'info',
        'Workbook checked.',
        health.messages.length ? [...health.messages] : 'All desk tables match the schema.',
      );
    return health;
  }

  return { panel: panel.element, banner: banner.element, current: () => health, refresh };
}

function report(pane: PaneCore, outcome: WriteOutcome, success: string, failure: string): void {
  if (outcome.ok) pane.message.show('success', success, outcome.message || undefined);
  else pane.message.show('error', failure, outcome.message);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
