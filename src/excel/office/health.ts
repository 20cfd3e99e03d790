/** Schema health: the version and each table's drift, as the pane shows it. */
import { TABLE_KEYS } from '../../core/record/schema';
import type { TableKey } from '../../core/record/table-def';
import { officeErrorSentence } from '../office-errors';
import type { TableState, WorkbookHealth } from '../workbook';
import { lacksRequired, quoteList, tableName } from './messages';
import { attempt } from './outcome';
import { readState } from './probe';
import { newerMessage } from './schema-version';
import type { Found, Session, State } from './session';

function tableState(f: Found | undefined): TableState {
  if (!f) return { kind: 'missing' };
  const rowCount = f.bodyEmpty ? 0 : f.bodyRows;
  if (f.missingRequired.length === 0 && f.missingOptional.length === 0) {
    return { kind: 'ok', address: f.address, rowCount };
  }
  return {
    kind: 'drifted',
    address: f.address,
    rowCount,
    missingRequired: f.missingRequired.map((c) => c.header),
    missingOptional: f.missingOptional.map((c) => c.header),
    extra: f.extra,
  };
}

/** One sentence per problem, naming table and column. */
function tableMessages(key: TableKey, f: Found | undefined): string[] {
  if (!f) return [`${tableName(key)} is missing; creating the desk tables adds it.`];
  const out: string[] = [];
  const n = f.missingRequired.length;
  if (n > 0) {
    out.push(
      `${lacksRequired(f)}: writing is refused until Repair adds ${n > 1 ? 'them' : 'it'} (renamed columns count as missing).`,
    );
  }
  if (f.missingOptional.length > 0) {
    out.push(
      `${tableName(key)} lacks the optional ${quoteList(f.missingOptional)}; rows are written without it until Repair adds it.`,
    );
  }
  return out;
}

export function healthOf(s: State): WorkbookHealth {
  const messages: string[] = [];
  if (s.schema.kind === 'newer') messages.push(newerMessage(s.schema));
  if (s.schema.kind === 'older') {
    messages.push(
      `This workbook's desk record is schema version ${s.schema.found}; creating or repairing tables brings it to version ${s.schema.current} without changing any cell.`,
    );
  }
  messages.push(...s.renamed);
  const tables = {} as Record<TableKey, TableState>;
  for (const key of TABLE_KEYS) {
    tables[key] = tableState(s.tables[key]);
    messages.push(...tableMessages(key, s.tables[key]));
  }
  const writable =
    s.schema.kind !== 'newer' &&
    TABLE_KEYS.every((k) => (s.tables[k]?.missingRequired.length ?? 1) === 0);
  return { schema: s.schema, tables, writable, messages };
}

export function health(session: Session): Promise<WorkbookHealth> {
  const missing: TableState = { kind: 'missing' };
  return attempt(
    session.run,
    async (ctx) => healthOf(await readState(session, ctx, {})),
    (e) => ({
      schema: { kind: 'absent' },
      tables: { snapshots: missing, exposures: missing, triggers: missing },
      writable: false,
      messages: [officeErrorSentence(e, 'Checking the workbook')],
    }),
  );
}
