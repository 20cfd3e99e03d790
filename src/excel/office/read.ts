/** Reading a table back into validated records; rows that break the schema are reported, not fatal. */
import { readBodyRows, type DeskRecord, type TableKey } from '../../core';
import { officeErrorSentence } from '../office-errors';
import type { ReadOutcome, ReadProblem, ReadRecord } from '../workbook';
import { lacksRequired, tableName } from './messages';
import { attempt } from './outcome';
import { readState } from './probe';
import type { Found, Session } from './session';

/**
 * A table's body as validated records and the rows that break the schema, each with its row
 * number in the table and on the sheet (what Excel's row headers show).
 */
export function readBody(f: Found): {
  records: (ReadRecord & { readonly values: DeskRecord<TableKey> })[];
  problems: ReadProblem[];
} {
  // headerRow is 0-based: the first body row is the sheet row after the header's.
  const { records, problems } = readBodyRows(f.key, f.fields, f.body ?? [], f.headerRow + 2);
  // The pane's problems carry the joined reason only (the reasons one by one are the CLI's).
  return {
    records,
    problems: problems.map((p) => ({
      rowNumber: p.rowNumber,
      sheetRow: p.sheetRow,
      reason: p.reason,
    })),
  };
}

export function read(session: Session, key: TableKey): Promise<ReadOutcome> {
  return attempt<ReadOutcome>(
    session.run,
    async (ctx) => {
      const s = await readState(session, ctx, { [key]: { body: true } });
      const f = s.tables[key];
      if (!f)
        return { ok: false, message: `${tableName(key)} is missing: there is nothing to read.` };
      if (f.missingRequired.length > 0) {
        return {
          ok: false,
          message: `${lacksRequired(f)}; Repair adds it, then rows can be read.`,
        };
      }
      const { records, problems } = readBody(f);
      return { ok: true, records, problems };
    },
    (e) => ({ ok: false, message: officeErrorSentence(e, `Reading ${tableName(key)}`) }),
  );
}
