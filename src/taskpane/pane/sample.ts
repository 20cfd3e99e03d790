/**
 * "Insert sample data": the env's sample reviews and prices, written through the pane's write queue, then
 * the snapshot rows selected (a review starts at its snapshot) and the pane re-read.
 */
import { tableName, type WriteOutcome } from '../../excel/workbook';
import { safe } from '../safe';
import { createSampleCard, type SampleCard } from '../views/sample-view';
import type { PaneCore, PaneRefresh } from './context';
import { selectionNote } from './write';

export function createSampleController(
  pane: PaneCore,
  recordedBy: () => string,
  refresh: PaneRefresh,
): SampleCard {
  const { env, workbook, serial, message } = pane;
  return createSampleCard({
    insert: async () => {
      const sample = await env.sampleData(recordedBy() || 'Sample data');
      if ('error' in sample) {
        message.show('error', 'Sample data not inserted.', sample.error);
        return;
      }
      const outcome = await serial(() => safe(() => workbook.insertSampleData(sample)));
      if (outcome.ok) {
        const notes = await selectLanded(pane, outcome);
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
      await refresh.health();
      await refresh.queue();
    },
  });
}

/** Selects the snapshot row of sample data that just landed (a review starts at its snapshot). */
async function selectLanded(
  { workbook }: PaneCore,
  outcome: Extract<WriteOutcome, { ok: true }>,
): Promise<string> {
  const first = outcome.landed.find((l) => l.table === 'snapshots') ?? outcome.landed[0];
  if (!first) return '';
  const selected = await safe(() => workbook.select(first.table, first.recordIds));
  return selectionNote(
    selected.ok
      ? { ok: true, table: first.table, address: first.address }
      : { ok: false, table: first.table, message: selected.message },
  );
}
