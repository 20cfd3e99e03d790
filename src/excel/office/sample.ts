/** Sample reviews into a workbook without desk tables: create them, then one append. */
import { TABLE_KEYS } from '../../core/record/schema';
import type { ReviewRows, WriteOutcome } from '../workbook';
import { appendReview } from './append';
import { ensureTables } from './ensure';
import { tableName } from './messages';
import { attempt, failure, officeFailure } from './outcome';
import { readState } from './probe';
import type { Session } from './session';

export async function insertSampleData(
  session: Session,
  reviews: readonly ReviewRows[],
): Promise<WriteOutcome> {
  // Refuses over any existing desk table: sample rows must never mix with a desk's own.
  const refused = await attempt(
    session.run,
    async (ctx) => {
      const existing = await readState(session, ctx, {});
      const present = TABLE_KEYS.filter((k) => existing.tables[k]).map(tableName);
      return present.length === 0
        ? null
        : failure(
            'not-empty',
            `Sample data goes only into a workbook without desk tables; ${present.join(', ')} already exist${present.length === 1 ? 's' : ''}.`,
          );
    },
    officeFailure('Inserting sample data'),
  );
  if (refused) return refused;
  const made = await ensureTables(session);
  if (!made.ok) return made;
  const merged: ReviewRows = {
    snapshots: reviews.flatMap((r) => r.snapshots),
    exposures: reviews.flatMap((r) => r.exposures),
    triggers: reviews.flatMap((r) => r.triggers),
  };
  const written = await appendReview(session, merged);
  return written.ok ? { ...written, message: `Sample data: ${written.message}` } : written;
}
