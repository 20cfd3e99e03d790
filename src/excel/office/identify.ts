/**
 * Giving a workbook its id when it has none (desk tables made before ids existed, or a creation
 * that failed part-way after the version was stamped): one read, and one write only when the id
 * is absent. Never replaces a name that exists.
 */
import type { IdentifyOutcome } from '../workbook';
import { attempt, failure, officeFailure } from './outcome';
import {
  queueWorkbookId,
  versionState,
  VERSION_NAME,
  WORKBOOK_ID_NAME,
  workbookIdOf,
} from './schema-version';
import type { Session } from './session';

export function identify(session: Session): Promise<IdentifyOutcome> {
  return attempt<IdentifyOutcome>(
    session.run,
    async (ctx) => {
      const name = ctx.workbook.names.getItemOrNullObject(WORKBOOK_ID_NAME).load('formula');
      const version = ctx.workbook.names.getItemOrNullObject(VERSION_NAME).load('formula');
      await ctx.sync();
      const found = workbookIdOf(name);
      if (found !== null) return { ok: true, workbookId: found, written: false };
      if (!name.isNullObject) {
        return failure(
          'name-taken',
          `The workbook name ${WORKBOOK_ID_NAME} holds ${String(name.formula)}, not a desk workbook id; the pane keeps its receipts only while it is open. Rename that name to let the add-in write its id.`,
        );
      }
      if (versionState(version, true).kind === 'newer') {
        return failure(
          'newer-schema',
          'This workbook was written by a newer add-in: no id written; the pane keeps its receipts only while it is open.',
        );
      }
      const workbookId = queueWorkbookId(ctx);
      await ctx.sync();
      return { ok: true, workbookId, written: true };
    },
    officeFailure('Giving the workbook its desk id', 'No cell was changed.'),
  );
}
