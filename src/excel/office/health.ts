/**
 * Schema health: the version and each table's drift, as the pane shows it, the workbook's id,
 * and the pane's receipts checked against the bodies read in the same sync.
 */
import { TABLE_KEYS, type TableKey } from '../../core';
import { officeErrorSentence } from '../office-errors';
import {
  brokenSentence,
  type BrokenRows,
  type Receipt,
  type TableState,
  type WorkbookHealth,
} from '../workbook';
import { copiesInside, copiesSentence } from './copies';
import { lacksRequired, quoteList, tableName } from './messages';
import { leftoverSentence, queueLeftovers } from './leftovers';
import { attempt } from './outcome';
import { readBody } from './read';
import { readState } from './probe';
import { checkReceipts } from './receipts';
import { newerMessage } from './schema-version';
import type { Found, Session, State } from './session';

/**
 * "'Product' is missing and 'Metal' is new — …": a schema column gone while an unknown one
 * appeared is most likely a rename, and renaming back keeps the rows' values where Repair would not.
 */
export function renameHint(f: Found): string | undefined {
  const missing = [...f.missingRequired, ...f.missingOptional];
  if (missing.length === 0 || f.extra.length === 0) return undefined;
  const one = missing.length === 1 && f.extra.length === 1;
  const gone = quoteList(missing);
  const added = f.extra.map((h) => `'${h}'`).join(', ');
  return one
    ? `${gone} is missing and ${added} is new — if a colleague renamed it, rename it back to keep the rows' values; Repair would add an empty ${gone} column.`
    : `${gone} are missing and ${added} are new — if a colleague renamed them, rename them back to keep the rows' values; Repair would add them as empty columns.`;
}

/** Rows that break the schema, judged only when every required column is there to read. */
function brokenRows(f: Found): BrokenRows | undefined {
  if (f.missingRequired.length > 0 || !f.body) return undefined;
  const { problems } = readBody(f);
  if (problems.length === 0) return undefined;
  return {
    sheetRows: problems.map((p) => p.sheetRow),
    firstReason: problems[0]?.reason ?? '',
  };
}

function tableState(f: Found | undefined): TableState {
  if (!f) return { kind: 'missing' };
  // Empty rows at the bottom (a new table's one, or what an interrupted write left) hold no review.
  const rowCount = f.bodyRows - f.emptyTail;
  const broken = brokenRows(f);
  const extras = broken ? { broken } : {};
  if (f.missingRequired.length === 0 && f.missingOptional.length === 0) {
    return { kind: 'ok', address: f.address, rowCount, ...extras };
  }
  const hint = renameHint(f);
  return {
    kind: 'drifted',
    address: f.address,
    rowCount,
    missingRequired: f.missingRequired.map((c) => c.header),
    missingOptional: f.missingOptional.map((c) => c.header),
    extra: f.extra,
    ...extras,
    ...(hint ? { renameHint: hint } : {}),
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
      `${tableName(key)} lacks the optional ${quoteList(f.missingOptional)}; reviews are still written, and a value typed for ${f.missingOptional.length > 1 ? 'them' : 'it'} is left out only when you say so (Repair adds ${f.missingOptional.length > 1 ? 'them' : 'it'}).`,
    );
  }
  const hint = renameHint(f);
  if (hint) out.push(`${tableName(key)}: ${hint}`);
  const broken = brokenRows(f);
  if (broken) out.push(`${tableName(key)}: ${brokenSentence(broken)}`);
  out.push(...copiesInside(f).map((c) => copiesSentence(f, c)));
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
  return {
    schema: s.schema,
    workbookId: s.workbookId,
    tables,
    writable,
    messages,
    ...(s.tidy.length > 0 ? { tidy: s.tidy } : {}),
  };
}

export function health(session: Session, receipts?: readonly Receipt[]): Promise<WorkbookHealth> {
  const missing: TableState = { kind: 'missing' };
  return attempt(
    session.run,
    async (ctx) => {
      // Bodies too: health names the rows that break the schema (e.g. left blank by a repair),
      // and checks the receipts against them; the workbook id comes with the same read. Not
      // DeskPrices': an import's history can outgrow one answer (5 MB), and no receipt is in it.
      const o = { body: true };
      let leftovers: ReturnType<typeof queueLeftovers> | null = null;
      const read = await readState(
        session,
        ctx,
        { snapshots: o, exposures: o, triggers: o },
        () => {
          leftovers = queueLeftovers(ctx, session);
        },
      );
      const left = await (leftovers as unknown as ReturnType<typeof queueLeftovers>).read(read);
      const s = { ...read, tidy: [...read.tidy, ...left.map(leftoverSentence)] };
      const h = healthOf(s);
      return receipts ? { ...h, receipts: checkReceipts(s, receipts) } : h;
    },
    (e) => {
      const reason = officeErrorSentence(e, 'Checking the workbook');
      return {
        schema: { kind: 'absent' },
        workbookId: null,
        tables: Object.fromEntries(TABLE_KEYS.map((k) => [k, missing])) as Record<
          TableKey,
          TableState
        >,
        writable: false,
        messages: [reason],
        ...(receipts
          ? { receipts: receipts.map(() => ({ kind: 'unknown', reason }) as const) }
          : {}),
      };
    },
  );
}
