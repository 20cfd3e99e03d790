/**
 * Panes over co-authoring replicas, without a DOM: the real adapter, the pane's own submit and
 * outbox (src/taskpane/submit.ts, outbox.ts), a localStorage stand-in — and an audit of the
 * converged workbook against every row the panes wrote.
 */
import {
  columnList,
  REVIEW_KEYS,
  rowDifferences,
  TABLE_KEYS,
  type TableKey,
  TABLES,
} from '../../src/core';
import { formatAddress } from '../../src/excel/a1';
import type { Coauthoring, Replica } from '../../src/excel/memory';
import type { MemoryWorkbookModel, TableData } from '../../src/excel/memory/model';
import type {
  ReviewRecords,
  RecordValues,
  WorkbookHealth,
  WriteOutcome,
} from '../../src/excel/workbook';
import { memoryStorage } from '../../src/taskpane/draft-store';
import {
  createOutbox,
  readHealth,
  type Outbox,
  type SettleReport,
} from '../../src/taskpane/outbox';
import { createSerial } from '../../src/taskpane/serial';
import { recordReview } from '../../src/taskpane/submit';
import { orphans } from './audit';

export interface Pane {
  readonly replica: Replica;
  readonly outbox: Outbox;
  /** A health read with the receipts, acting on them (what pane open, tab switch, timer do). */
  check(): Promise<SettleReport>;
  /**
   * The same, with what health said (its messages name second copies of a desk row) and what
   * ensureTables said when the read asked it to tidy up (a second set).
   */
  checkTidying(): Promise<{ report: SettleReport; health: WorkbookHealth; tidied?: WriteOutcome }>;
  /** Submits like the pane; retries the same rows (same Record IDs) while the write fails. */
  record(rows: ReviewRecords, attempts?: number): Promise<{ outcome: WriteOutcome; tries: number }>;
}

/**
 * `between` runs after a failed attempt, before the user submits again: time passes (the sim lets
 * the other panes' timers check their receipts then, and a colleague move a note the pane named).
 */
export function paneOver(
  replica: Replica,
  between: (failed: WriteOutcome) => Promise<void> = async () => {},
  now: () => Date = () => new Date('2026-02-06T10:00:00Z'),
): Pane {
  const outbox = createOutbox(memoryStorage(), { now });
  const serial = createSerial();
  const checkTidying = () =>
    serial(async () => {
      const { report, health, tidied } = await readHealth(replica.workbook, outbox);
      return { report, health, ...(tidied ? { tidied } : {}) };
    });
  return {
    replica,
    outbox,
    check: async () => (await checkTidying()).report,
    checkTidying,
    async record(rows, attempts = 12) {
      let outcome: WriteOutcome = { ok: false, reason: 'office', message: 'not tried' };
      let tries = 0;
      while (tries < attempts && !outcome.ok) {
        tries += 1;
        outcome = await serial(() => recordReview(replica.workbook, outbox, rows));
        if (!outcome.ok) await between(outcome);
      }
      return { outcome, tries };
    },
  };
}

export interface WrittenRow {
  readonly key: TableKey;
  readonly row: RecordValues;
}

/** Every written row by Record ID. */
export function writtenRows(reviews: readonly ReviewRecords[]): Map<string, WrittenRow> {
  const out = new Map<string, WrittenRow>();
  for (const r of reviews)
    for (const key of REVIEW_KEYS)
      for (const row of r[key]) out.set(String(row.recordId), { key, row });
  return out;
}

export interface ColleagueCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly value: string | number;
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * What is wrong with the converged workbook: a review missing or twice, a row mixing reviews (its
 * cells differ from the written row of its Record ID), a blank or unknown row inside a table, a
 * desk cell outside every table, a colleague's cell changed, a table malformed.
 */
export function auditWorkbook(
  co: Coauthoring,
  written: ReadonlyMap<string, WrittenRow>,
  colleague: readonly ColleagueCell[],
  /** Empty rows inside a table are counted here instead of being problems (the sim's limit). */
  emptyRows?: { count: number },
): string[] {
  const problems: string[] = [...co.tableProblems(0)];
  const m: MemoryWorkbookModel = co.replicas[0]!.model;
  const seen = new Map<string, number>();
  const inTables = new Set<string>();
  for (const key of TABLE_KEYS) {
    const t = m.table(TABLES[key].name);
    if (!t) {
      problems.push(`${TABLES[key].name} is gone`);
      continue;
    }
    const headers = m.headers(t);
    const want = columnList(key).map((c) => c.header);
    if (headers.join('|') !== want.join('|'))
      problems.push(`${t.name} headers are ${headers.join(', ')}`);
    for (let i = 1; i < t.rows; i += 1) {
      const byField: Record<string, unknown> = {};
      headers.forEach((h, j) => {
        const c = columnList(key).find((x) => x.header === h);
        inTables.add(`${t.sheet.name}!${t.row + i},${t.col + j}`);
        if (c) byField[c.field] = m.valueOf(t.sheet, t.row + i, t.col + j);
      });
      const id = String(byField.recordId ?? '');
      const where = `${t.name} sheet row ${t.row + i + 1}`;
      if (Object.values(byField).every(isBlank)) {
        // Excel's one empty body row of a new table is fine; any other blank row is a hole.
        if (t.rows !== 2 && emptyRows) emptyRows.count += 1;
        else if (t.rows !== 2) problems.push(`${where} is blank inside the table`);
        continue;
      }
      const w = written.get(id);
      if (!w || w.key !== key) {
        problems.push(`${where} holds Record ID '${id}', which no pane wrote here`);
        continue;
      }
      const diff = rowDifferences(key, w.row, byField);
      if (diff.length > 0)
        problems.push(
          `${where} mixes reviews: ${diff.map((d) => `${d.header} '${d.found}' (written '${d.written}')`).join(', ')}`,
        );
    }
  }
  // Every Record ID anywhere on any sheet: each written one exactly once, and inside its table.
  for (const s of m.sheets) {
    for (const [k, cell] of s.cells) {
      const text = String(cell.value ?? '');
      if (written.has(text)) {
        seen.set(text, (seen.get(text) ?? 0) + 1);
        if (!inTables.has(`${s.name}!${k}`))
          problems.push(`Record ID ${text} at ${s.name}!${k} is outside its table`);
      }
    }
  }
  for (const [id, w] of written) {
    const n = seen.get(id) ?? 0;
    if (n !== 1) problems.push(`${TABLES[w.key].name} row ${id} is present ${n} times`);
  }
  // Desk cells left outside every table (a resize lost, an interrupted write).
  const colleagueAt = new Set(colleague.map((c) => `${c.sheet}!${c.row},${c.col}`));
  for (const s of m.sheets) {
    for (const [k, cell] of s.cells) {
      const at = `${s.name}!${k}`;
      if (inTables.has(at) || colleagueAt.has(at) || isBlank(cell.value)) continue;
      if (m.tables.some((t) => t.sheet === s && inBox(t, k))) continue; // header rows
      problems.push(`${at} holds '${String(cell.value)}' outside every table`);
    }
  }
  for (const c of colleague) {
    const s = m.sheet(c.sheet);
    const v = s ? m.valueOf(s, c.row, c.col) : undefined;
    if (v !== c.value)
      problems.push(`colleague's ${c.sheet}!${c.row},${c.col} now holds '${String(v)}'`);
  }
  // One set of desk tables and nothing else the add-in made: no stray sheet, table or name.
  const strays = orphans(co.replicas[0] as Replica, {
    sheets: ['Sheet1'],
    cells: colleague.map((c) =>
      formatAddress(c.sheet, { row: c.row, col: c.col, rows: 1, cols: 1 }),
    ),
  }).filter((o) => !o.startsWith('cell:')); // loose cells are named above, with what they hold
  problems.push(...strays.map((o) => `left behind: ${o}`));
  return problems;
}

function inBox(t: { row: number; col: number; rows: number; cols: number }, key: string): boolean {
  const [r, c] = key.split(',').map(Number) as [number, number];
  return r >= t.row && r < t.row + t.rows && c >= t.col && c < t.col + t.cols;
}

/**
 * A user's Delete › Table Rows on sheet row `r` (0-based): the table's rows below it move up one,
 * the table shrinks by one. Cells outside the table stay where they are (the twin's choice, as for
 * a deleted table column; whether Excel shifts cells below the table here is not pinned down).
 */
export function deleteTableRow(m: MemoryWorkbookModel, t: TableData, r: number): void {
  const end = t.row + t.rows;
  for (let row = r; row < end; row += 1)
    for (let c = t.col; c < t.col + t.cols; c += 1)
      m.putCell(t.sheet, row, c, row + 1 < end ? m.cell(t.sheet, row + 1, c) : undefined);
  t.rows -= 1;
  m.recorder?.table(t, 'range', false);
  m.changed();
}
