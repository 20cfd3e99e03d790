/**
 * The Office adapter: DeskWorkbook over Excel.run. Every method reads the workbook in one round
 * trip, decides in plain code, then writes in one round trip (more only for imports over the 5 MB
 * request limit). Nothing throws out: Office errors become sentences.
 *
 * Appending: values are written into the rows directly below the table and the table is resized
 * over them, rather than `table.rows.add`. Microsoft's co-authoring guidance warns that
 * `TableRowCollection.add` can cause co-authoring conflicts and suggests writing the range below
 * the table instead; it also cannot refuse: it shifts whatever a colleague keeps below the table.
 * Writing below lets the add-in first check those cells are empty (or hold its own rows from an
 * interrupted attempt) and refuse otherwise. Both put the same values in the request (see the
 * bench), so the choice costs nothing in size or round trips.
 */
import {
  SCHEMA_VERSION,
  TABLES,
  TABLE_KEYS,
  columnList,
  migrationPath,
  validationList,
} from '../core/record/schema';
import { checkRecord, recordFromCells, rowCells, TEXT_CELL_FORMAT } from '../core/record/cells';
import type { ColumnSpec, TableKey } from '../core/record/table-def';
import { formatAddress, type Box } from './a1';
import { officeErrorSentence } from './office-errors';
import type {
  DeskWorkbook,
  LandedRows,
  ReadOutcome,
  ReviewRows,
  RowValues,
  SchemaVersionState,
  TableState,
  WorkbookHealth,
  WriteOutcome,
} from './workbook';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A workbook-level name holding the schema version: visible in Name Manager, readable as =DESK_SCHEMA_VERSION. */
export const VERSION_NAME = 'DESK_SCHEMA_VERSION';
const VERSION_COMMENT = 'Metals Desk Record schema version (written by the add-in; do not edit).';
/** Stay well under Excel on the web's 5 MB request limit (JSON overhead, headers). */
export const CHUNK_BUDGET_BYTES = 4 * 1024 * 1024;
const RETRY_NOTE =
  'Submitting again adds only the rows that are missing; nothing is written twice.';

type Col = ColumnSpec & { readonly field: string };
const norm = (h: unknown): string =>
  String(h ?? '')
    .trim()
    .toLowerCase();

// ── reading the workbook's state in one sync ──────────────────────────────────────────────────
interface ProbeOptions {
  /** Rows below the table to check before appending. */
  readonly below?: number;
  /** Columns right of the table to check before adding columns. */
  readonly right?: number;
  readonly body?: boolean;
}

interface Probe {
  readonly table: Excel.Table;
  readonly sheet: Excel.Worksheet;
  readonly header: Excel.Range;
  readonly range: Excel.Range;
  readonly bodyUsed: Excel.Range;
  readonly ids: Excel.Range;
  readonly belowUsed?: Excel.Range;
  readonly belowIds?: Excel.Range;
  readonly rightUsed?: Excel.Range;
  readonly body?: Excel.Range;
}

function queueProbe(table: Excel.Table, o: ProbeOptions): Probe {
  table.load('id,name');
  const idColumn = table.columns.getItemOrNullObject('Record ID');
  const p: Probe = {
    table,
    sheet: table.worksheet.load('name'),
    header: table.getHeaderRowRange().load('values,rowIndex,columnIndex,columnCount'),
    range: table.getRange().load('address,rowCount'),
    // Only the last body row: Excel gives a new table one empty row, which the first append fills.
    bodyUsed: table.getDataBodyRange().getLastRow().getUsedRangeOrNullObject(true).load('rowIndex'),
    ids: idColumn.getDataBodyRange().load('values'),
    ...(o.below
      ? {
          belowUsed: table
            .getRange()
            .getLastRow()
            .getOffsetRange(1, 0)
            .getResizedRange(o.below - 1, 0)
            .getUsedRangeOrNullObject(true)
            .load('rowIndex,rowCount'),
          belowIds: idColumn
            .getRange()
            .getLastRow()
            .getOffsetRange(1, 0)
            .getResizedRange(o.below - 1, 0)
            .load('values'),
        }
      : {}),
    ...(o.right
      ? {
          rightUsed: table
            .getRange()
            .getLastColumn()
            .getOffsetRange(0, 1)
            .getResizedRange(0, o.right - 1)
            .getUsedRangeOrNullObject(true)
            .load('columnIndex'),
        }
      : {}),
    ...(o.body ? { body: table.getDataBodyRange().load('values') } : {}),
  };
  return p;
}

/** One desk table as found: where it is, how its headers map to the schema, what surrounds it. */
interface Found {
  readonly key: TableKey;
  readonly id: string;
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
  readonly headerRow: number;
  readonly col: number;
  readonly cols: number;
  readonly bodyRows: number;
  /** The table has only its one empty body row (as Excel creates it): rows go into it. */
  readonly bodyEmpty: boolean;
  /** Table column index → schema field (null for a user's own column). */
  readonly fields: readonly (string | null)[];
  readonly missingRequired: readonly Col[];
  readonly missingOptional: readonly Col[];
  readonly extra: readonly string[];
  readonly recordIds: readonly string[];
  readonly below?: {
    readonly used: { row: number; rows: number } | null;
    readonly ids: readonly string[];
  };
  readonly rightUsedCol?: number | null;
  readonly body?: readonly (readonly unknown[])[];
}

function resolveProbe(key: TableKey, p: Probe): Found {
  const headers = (p.header.values[0] ?? []).map((h) => String(h ?? ''));
  const byHeader = new Map(headers.map((h, i) => [norm(h), i]));
  const cols = columnList(key) as readonly Col[];
  const fields: (string | null)[] = headers.map(() => null);
  const missing: Col[] = [];
  for (const c of cols) {
    const i = byHeader.get(norm(c.header));
    if (i === undefined) missing.push(c);
    else fields[i] = c.field;
  }
  const known = new Set(cols.map((c) => norm(c.header)));
  const rowCount = p.range.rowCount;
  return {
    key,
    id: p.table.id,
    name: p.table.name,
    sheet: p.sheet.name,
    address: p.range.address,
    headerRow: p.header.rowIndex,
    col: p.header.columnIndex,
    cols: p.header.columnCount,
    bodyRows: rowCount - 1,
    bodyEmpty: rowCount === 2 && p.bodyUsed.isNullObject,
    fields,
    missingRequired: missing.filter((c) => c.required),
    missingOptional: missing.filter((c) => !c.required),
    extra: headers.filter((h) => !known.has(norm(h))),
    recordIds: p.ids.isNullObject ? [] : p.ids.values.map((r) => String(r[0] ?? '').trim()),
    ...(p.belowUsed && p.belowIds
      ? {
          below: {
            used: p.belowUsed.isNullObject
              ? null
              : { row: p.belowUsed.rowIndex, rows: p.belowUsed.rowCount },
            ids: p.belowIds.isNullObject
              ? []
              : p.belowIds.values.map((r) => String(r[0] ?? '').trim()),
          },
        }
      : {}),
    ...(p.rightUsed
      ? { rightUsedCol: p.rightUsed.isNullObject ? null : p.rightUsed.columnIndex }
      : {}),
    ...(p.body ? { body: p.body.values } : {}),
  };
}

interface State {
  readonly schema: SchemaVersionState;
  readonly tables: Readonly<Partial<Record<TableKey, Found>>>;
  readonly renamed: readonly string[];
}

// ── the adapter ──────────────────────────────────────────────────────────────────────────────
export function createOfficeDeskWorkbook(run: ExcelRun): DeskWorkbook {
  /** Table ids seen in this session: a renamed desk table is still found by its id. */
  const knownIds: Partial<Record<TableKey, string>> = {};

  async function readState(
    ctx: Excel.RequestContext,
    options: Partial<Record<TableKey, ProbeOptions>>,
    extra?: () => void,
  ): Promise<State> {
    const version = ctx.workbook.names.getItemOrNullObject(VERSION_NAME).load('formula');
    // A table seen before is probed by id (it survives a rename); by name only lightly, in case
    // the id is gone. A new table under the old name then costs one more read, once.
    const probes = TABLE_KEYS.map((key) => {
      const o = options[key] ?? {};
      const id = knownIds[key];
      const byName = ctx.workbook.tables.getItemOrNullObject(TABLES[key].name);
      return {
        key,
        o,
        byId: id ? queueProbe(ctx.workbook.tables.getItemOrNullObject(id), o) : null,
        byName: id ? byName.load('id,name') : queueProbe(byName, o),
      };
    });
    extra?.();
    await ctx.sync();
    const late = probes
      .filter(
        (p) =>
          p.byId !== null && p.byId.table.isNullObject && !(p.byName as Excel.Table).isNullObject,
      )
      .map((p) => ({
        ...p,
        byId: null,
        byName: queueProbe(ctx.workbook.tables.getItem((p.byName as Excel.Table).id), p.o),
      }));
    if (late.length > 0) await ctx.sync();
    const tables: Partial<Record<TableKey, Found>> = {};
    const renamed: string[] = [];
    for (const probe of probes) {
      const { key } = probe;
      const { byId, byName } = late.find((l) => l.key === key) ?? probe;
      const p =
        byId && !byId.table.isNullObject
          ? byId
          : 'header' in byName && !byName.table.isNullObject
            ? byName
            : null;
      if (!p) {
        delete knownIds[key];
        continue;
      }
      const found = resolveProbe(key, p);
      knownIds[key] = found.id;
      tables[key] = found;
      if (found.name !== TABLES[key].name) {
        renamed.push(
          `${TABLES[key].name} was renamed to ${found.name}; the add-in follows it by its table id.`,
        );
      }
    }
    return { schema: versionState(version, Object.keys(tables).length > 0), tables, renamed };
  }

  function versionState(name: Excel.NamedItem, anyTable: boolean): SchemaVersionState {
    if (name.isNullObject)
      return anyTable ? { kind: 'older', found: 0, current: SCHEMA_VERSION } : { kind: 'absent' };
    const n = Number(String(name.formula).replace(/^=/, '').trim());
    if (!Number.isInteger(n) || n > SCHEMA_VERSION) {
      return { kind: 'newer', found: Number.isInteger(n) ? n : NaN, current: SCHEMA_VERSION };
    }
    return n === SCHEMA_VERSION
      ? { kind: 'current', version: n }
      : { kind: 'older', found: n, current: SCHEMA_VERSION };
  }

  const newerMessage = (s: SchemaVersionState): string =>
    s.kind === 'newer'
      ? `This workbook's desk record is schema version ${Number.isNaN(s.found) ? '(unreadable)' : s.found}; this add-in knows version ${s.current}, so it writes nothing. Update the add-in to write here (reading still works).`
      : '';

  function tableState(f: Found | undefined): TableState {
    if (!f) return { kind: 'missing' };
    if (f.missingRequired.length === 0 && f.missingOptional.length === 0) {
      return { kind: 'ok', address: f.address, rowCount: f.bodyEmpty ? 0 : f.bodyRows };
    }
    return {
      kind: 'drifted',
      address: f.address,
      rowCount: f.bodyEmpty ? 0 : f.bodyRows,
      missingRequired: f.missingRequired.map((c) => c.header),
      missingOptional: f.missingOptional.map((c) => c.header),
      extra: f.extra,
    };
  }

  const quoteList = (cols: readonly { header: string }[]): string =>
    cols.map((c) => `'${c.header}'`).join(', ');

  function healthOf(s: State): WorkbookHealth {
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
      const f = s.tables[key];
      tables[key] = tableState(f);
      const name = TABLES[key].name;
      if (!f) messages.push(`${name} is missing; creating the desk tables adds it.`);
      else {
        if (f.missingRequired.length > 0) {
          messages.push(
            `${name} has no ${quoteList(f.missingRequired)} column${f.missingRequired.length > 1 ? 's' : ''}: writing is refused until Repair adds ${f.missingRequired.length > 1 ? 'them' : 'it'} (renamed columns count as missing).`,
          );
        }
        if (f.missingOptional.length > 0) {
          messages.push(
            `${name} lacks the optional ${quoteList(f.missingOptional)}; rows are written without it until Repair adds it.`,
          );
        }
      }
    }
    const writable =
      s.schema.kind !== 'newer' &&
      TABLE_KEYS.every(
        (k) => s.tables[k] !== undefined && (s.tables[k] as Found).missingRequired.length === 0,
      );
    return { schema: s.schema, tables, writable, messages };
  }

  /** Refusals that apply to any write: newer schema first. */
  function refuseNewer(s: State): WriteOutcome | null {
    return s.schema.kind === 'newer' ? { ok: false, message: newerMessage(s.schema) } : null;
  }

  /** Appends the given schema columns at the right of a table, formatted; fills Status now formulas. */
  function queueColumns(ctx: Excel.RequestContext, f: Found, cols: readonly Col[]): void {
    const table = ctx.workbook.tables.getItem(f.id);
    for (const c of cols) {
      const column = table.columns.add(undefined, undefined, c.header);
      if (f.bodyRows < 1) continue;
      const body = column.getDataBodyRange();
      body.numberFormat = Array.from({ length: f.bodyRows }, () => [c.numberFormat]);
      const list = validationList(c);
      if (list) body.dataValidation.rule = { list: { inCellDropDown: true, source: list } };
      if (c.kind === 'formula' && c.formula && !f.bodyEmpty) {
        body.formulas = Array.from({ length: f.bodyRows }, () => [c.formula as string]);
      }
    }
  }

  function rightBlocked(f: Found, count: number): string | null {
    if (f.rightUsedCol === null || f.rightUsedCol === undefined) return null;
    if (f.rightUsedCol >= f.col + f.cols + count) return null;
    const box: Box = { row: f.headerRow, col: f.col + f.cols, rows: f.bodyRows + 1, cols: count };
    return `the cells right of ${TABLES[f.key].name} (${formatAddress(f.sheet, box)}) are not empty; the add-in will not move or overwrite them. Clear or move them, then repair again.`;
  }

  function stampVersion(ctx: Excel.RequestContext, s: SchemaVersionState): void {
    if (s.kind === 'absent' || (s.kind === 'older' && s.found === 0)) {
      ctx.workbook.names.add(VERSION_NAME, `=${SCHEMA_VERSION}`, VERSION_COMMENT);
    } else if (s.kind === 'older') {
      ctx.workbook.names.getItem(VERSION_NAME).formula = `=${SCHEMA_VERSION}`;
    }
  }

  // ── appending ──
  interface Piece {
    readonly f: Found;
    readonly rows: readonly RowValues[];
    readonly cells: readonly (readonly (string | number | boolean)[])[];
    /** Worksheet row of the first cell. */
    readonly startRow: number;
    /** Body rows of the table once this piece is in. */
    readonly bodyRowsAfter: number;
    readonly bytes: number;
  }

  /**
   * Cuts the rows of every table into syncs under the request budget, filling each sync before
   * starting the next (a table may span two syncs; its pieces stay in order).
   */
  function packBatches(plan: readonly { f: Found; missing: readonly RowValues[] }[]): Piece[][] {
    const batches: Piece[][] = [];
    let room = 0;
    for (const { f, missing } of plan) {
      const start = f.bodyEmpty ? f.headerRow + 1 : f.headerRow + 1 + f.bodyRows;
      const cells = missing.map((r) => rowCells(f.key, r, f.fields));
      const formatted = columnList(f.key).filter(
        (c) =>
          f.fields.includes(c.field) &&
          c.numberFormat !== 'General' &&
          c.numberFormat !== TEXT_CELL_FORMAT,
      );
      const perRowFormat = formatted.reduce((n, c) => n + c.numberFormat.length + 5, 0);
      const pieceOverhead = 200 + 120 * f.cols;
      let from = 0;
      while (from < missing.length) {
        if (room < pieceOverhead + 1000) {
          batches.push([]);
          room = CHUNK_BUDGET_BYTES;
        }
        let bytes = pieceOverhead;
        let to = from;
        while (to < missing.length) {
          const rowBytes = JSON.stringify(cells[to]).length + perRowFormat + 40;
          if (bytes + rowBytes > room && !(to === from && room === CHUNK_BUDGET_BYTES)) break;
          bytes += rowBytes;
          to += 1;
        }
        if (to === from) {
          room = 0; // not even one row fits: next sync
          continue;
        }
        const startRow = start + from;
        (batches[batches.length - 1] as Piece[]).push({
          f,
          rows: missing.slice(from, to),
          cells: cells.slice(from, to),
          startRow,
          bodyRowsAfter: Math.max(f.bodyRows, startRow + (to - from) - (f.headerRow + 1)),
          bytes,
        });
        room -= bytes;
        from = to;
      }
    }
    return batches;
  }

  function queuePiece(
    ctx: Excel.RequestContext,
    p: Piece,
  ): { readBack: Excel.Range; tableRange: Excel.Range } {
    const f = p.f;
    const table = ctx.workbook.tables.getItem(f.id);
    const sheet = table.worksheet;
    const n = p.rows.length;
    // Formats first, so a date lands as a date; text needs none (it carries the quote prefix).
    f.fields.forEach((field, j) => {
      const c =
        field === null
          ? undefined
          : (columnList(f.key).find((x) => x.field === field) as Col | undefined);
      if (!c) return;
      const column = sheet.getRangeByIndexes(p.startRow, f.col + j, n, 1);
      if (c.numberFormat !== 'General' && c.numberFormat !== TEXT_CELL_FORMAT) {
        column.numberFormat = Array.from({ length: n }, () => [c.numberFormat]);
      }
    });
    const block = sheet.getRangeByIndexes(p.startRow, f.col, n, f.cols);
    block.formulas = p.cells.map((r) => [...r]);
    f.fields.forEach((field, j) => {
      const c = field === null ? undefined : columnList(f.key).find((x) => x.field === field);
      const list = c ? validationList(c) : null;
      if (list)
        sheet.getRangeByIndexes(p.startRow, f.col + j, n, 1).dataValidation.rule = {
          list: { inCellDropDown: true, source: list },
        };
    });
    table.resize(sheet.getRangeByIndexes(f.headerRow, f.col, 1 + p.bodyRowsAfter, f.cols));
    const idCol = f.fields.indexOf('recordId');
    return {
      readBack: sheet.getRangeByIndexes(p.startRow, f.col + idCol, n, 1).load('values'),
      tableRange: table.getRange().load('rowCount'),
    };
  }

  /** Cells below the table must be empty, or hold this review's own rows from an interrupted try. */
  function belowBlocked(f: Found, missing: readonly RowValues[]): string | null {
    const need = f.bodyEmpty ? Math.max(0, missing.length - f.bodyRows) : missing.length;
    const offset = missing.length - need;
    const used = f.below?.used;
    if (!used || need === 0) return null;
    const firstBelow = f.headerRow + 1 + f.bodyRows;
    let ours = 0;
    while (ours < need && f.below?.ids[ours] === String(missing[offset + ours]?.recordId ?? ''))
      ours += 1;
    const top = used.row - firstBelow;
    const bottom = Math.min(top + used.rows - 1, need - 1);
    if (top >= need || bottom < ours) return null;
    const box: Box = { row: firstBelow, col: f.col, rows: need, cols: f.cols };
    return `the cells below ${TABLES[f.key].name} (${formatAddress(f.sheet, box)}) are not empty; the add-in will not write over them. Move them or the table, then submit again.`;
  }

  function landedOf(
    f: Found,
    rows: readonly RowValues[],
    newStart: number | null,
    written: readonly RowValues[],
  ): LandedRows {
    const positions: number[] = [];
    for (const r of rows) {
      const id = String(r.recordId);
      const at = f.recordIds.indexOf(id);
      if (at >= 0) positions.push(f.headerRow + 1 + at);
      else if (newStart !== null) {
        const w = written.findIndex((x) => x.recordId === r.recordId);
        if (w >= 0) positions.push(newStart + w);
      }
    }
    const lo = Math.min(...positions);
    const hi = Math.max(...positions);
    return {
      table: f.key,
      address: formatAddress(f.sheet, { row: lo, col: f.col, rows: hi - lo + 1, cols: f.cols }),
      recordIds: rows.map((r) => String(r.recordId)),
    };
  }

  const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
  const NOUN: Record<TableKey, string> = {
    snapshots: 'snapshot',
    exposures: 'exposure',
    triggers: 'trigger',
  };

  async function appendReview(rows: ReviewRows): Promise<WriteOutcome> {
    // Everything is validated before anything is written: an invalid row writes zero cells.
    const seen = new Set<string>();
    for (const key of TABLE_KEYS) {
      for (const [i, row] of rows[key].entries()) {
        const check = checkRecord(key, row);
        if (!check.ok) {
          return {
            ok: false,
            message: `Nothing written: ${TABLES[key].name} row ${i + 1} is invalid — ${check.issues.map((x) => x.message).join('; ')}.`,
          };
        }
        const id = String(row.recordId);
        if (seen.has(id))
          return {
            ok: false,
            message: `Nothing written: Record ID ${id} appears twice in this review.`,
          };
        seen.add(id);
      }
    }
    const keys = TABLE_KEYS.filter((k) => rows[k].length > 0);
    if (keys.length === 0)
      return { ok: false, message: 'Nothing to write: the review has no rows.' };
    try {
      return await run(async (ctx) => {
        const options: Partial<Record<TableKey, ProbeOptions>> = {};
        for (const k of keys) options[k] = { below: rows[k].length };
        const s = await readState(ctx, options);
        const newer = refuseNewer(s);
        if (newer) return newer;
        const path = s.schema.kind === 'older' ? migrationPath(s.schema.found) : [];
        if (path === null || path.some((m) => Object.keys(m.addColumns).length > 0)) {
          return {
            ok: false,
            message:
              'Nothing written: the desk tables need updating to this add-in\u2019s schema first (Repair).',
          };
        }
        const problems: string[] = [];
        const plan: { f: Found; missing: readonly RowValues[] }[] = [];
        for (const k of keys) {
          const f = s.tables[k];
          if (!f) {
            problems.push(`${TABLES[k].name} is missing (create the desk tables first)`);
            continue;
          }
          if (f.missingRequired.length > 0) {
            problems.push(
              `${TABLES[k].name} has no ${quoteList(f.missingRequired)} column (Repair adds it)`,
            );
            continue;
          }
          if (f.fields.indexOf('recordId') < 0) continue; // unreachable: Record ID is required
          const present = new Set(f.recordIds);
          const missing = rows[k].filter((r) => !present.has(String(r.recordId)));
          const blocked = belowBlocked(f, missing);
          if (blocked) problems.push(blocked);
          plan.push({ f, missing });
        }
        if (problems.length > 0)
          return { ok: false, message: `Nothing written: ${problems.join('; ')}.` };

        const batches = packBatches(plan);
        if (s.schema.kind !== 'current' && batches.length === 0) stampVersion(ctx, s.schema);
        for (const [b, batch] of batches.entries()) {
          if (b === 0 && s.schema.kind !== 'current') stampVersion(ctx, s.schema);
          const checks = batch.map((p) => ({ p, ...queuePiece(ctx, p) }));
          await ctx.sync();
          for (const { p, readBack, tableRange } of checks) {
            const got = readBack.values.map((r) => String(r[0] ?? ''));
            const want = p.rows.map((r) => String(r.recordId));
            if (got.join('\n') !== want.join('\n') || tableRange.rowCount - 1 < p.bodyRowsAfter) {
              return {
                ok: false,
                message: `Could not confirm the rows written to ${TABLES[p.f.key].name}: reading them back by Record ID did not match. ${RETRY_NOTE}`,
              };
            }
          }
        }
        const landed = plan.map(({ f, missing }) =>
          landedOf(
            f,
            rows[f.key],
            missing.length > 0
              ? f.bodyEmpty
                ? f.headerRow + 1
                : f.headerRow + 1 + f.bodyRows
              : null,
            missing,
          ),
        );
        const written = plan.reduce((n, x) => n + x.missing.length, 0);
        const counts = keys.map((k) => plural(rows[k].length, NOUN[k])).join(', ');
        const where = landed.map((l) => l.address).join(', ');
        const message =
          written === 0
            ? `Already recorded: ${counts} (${where}); nothing written twice.`
            : `Recorded ${counts} (${where}).`;
        return { ok: true, landed, message };
      });
    } catch (e) {
      return { ok: false, message: officeErrorSentence(e, 'Recording the review', RETRY_NOTE) };
    }
  }

  // ── creating, repairing ──
  async function ensureTables(): Promise<WriteOutcome> {
    try {
      return await run(async (ctx) => {
        const sheets = ctx.workbook.worksheets.load('items/name');
        const usedBySheet = new Map<string, Excel.Range>();
        const all =
          columnList('snapshots').length +
          columnList('exposures').length +
          columnList('triggers').length;
        const s = await readState(
          ctx,
          { snapshots: { right: all }, exposures: { right: all }, triggers: { right: all } },
          () => {
            for (const key of TABLE_KEYS) {
              const name = TABLES[key].name;
              usedBySheet.set(
                name,
                ctx.workbook.worksheets
                  .getItemOrNullObject(name)
                  .getUsedRangeOrNullObject(true)
                  .load('address'),
              );
            }
          },
        );
        const newer = refuseNewer(s);
        if (newer) return newer;
        const path = s.schema.kind === 'older' ? migrationPath(s.schema.found) : [];
        if (path === null) {
          return {
            ok: false,
            message: `No migration from schema version ${(s.schema as { found: number }).found}; nothing changed.`,
          };
        }
        // Migration columns: appended at the right, like a repair, never touching a cell.
        const migrate: { f: Found; cols: Col[] }[] = [];
        for (const step of path) {
          for (const [key, fields] of Object.entries(step.addColumns) as [
            TableKey,
            readonly string[],
          ][]) {
            const f = s.tables[key];
            if (!f) continue;
            const cols = f.missingRequired
              .concat(f.missingOptional)
              .filter((c) => fields.includes(c.field));
            if (cols.length === 0) continue;
            const blocked = rightBlocked(f, cols.length);
            if (blocked) return { ok: false, message: `Nothing changed: ${blocked}` };
            migrate.push({ f, cols });
          }
        }
        const names = new Set(sheets.items.map((w) => w.name.toLowerCase()));
        const created: { key: TableKey; table: Excel.Table; sheet: string }[] = [];
        for (const key of TABLE_KEYS) {
          if (s.tables[key]) continue;
          const t = TABLES[key];
          const used = usedBySheet.get(t.name);
          let sheetName: string = t.name;
          const reuse = names.has(sheetName.toLowerCase()) && used?.isNullObject === true;
          if (!reuse) {
            for (let i = 2; names.has(sheetName.toLowerCase()); i += 1)
              sheetName = `${t.name} (${i})`;
          }
          names.add(sheetName.toLowerCase());
          const sheet = reuse
            ? ctx.workbook.worksheets.getItem(sheetName)
            : ctx.workbook.worksheets.add(sheetName);
          const cols = columnList(key);
          const header = sheet.getRangeByIndexes(0, 0, 1, cols.length);
          header.numberFormat = [cols.map(() => TEXT_CELL_FORMAT)];
          header.values = [cols.map((c) => c.header)];
          const table = sheet.tables.add(header, true);
          table.name = t.name;
          const firstRow = sheet.getRangeByIndexes(1, 0, 1, cols.length);
          firstRow.numberFormat = [cols.map((c) => c.numberFormat)];
          cols.forEach((c, j) => {
            const list = validationList(c);
            if (list)
              sheet.getRangeByIndexes(1, j, 1, 1).dataValidation.rule = {
                list: { inCellDropDown: true, source: list },
              };
          });
          table.load('id,name');
          created.push({ key, table, sheet: sheetName });
        }
        for (const m of migrate) queueColumns(ctx, m.f, m.cols);
        const stamp = s.schema.kind !== 'current';
        if (stamp) stampVersion(ctx, s.schema);
        if (created.length === 0 && migrate.length === 0 && !stamp) {
          return {
            ok: true,
            landed: [],
            message: `The desk tables are in place (schema version ${SCHEMA_VERSION}); nothing changed.`,
          };
        }
        await ctx.sync();
        for (const c of created) knownIds[c.key] = c.table.id;
        const parts = created.map((c) => `created ${TABLES[c.key].name} on sheet ${c.sheet}`);
        if (migrate.length > 0)
          parts.push(`added ${migrate.map((m) => quoteList(m.cols)).join(', ')}`);
        if (stamp)
          parts.push(`stamped schema version ${SCHEMA_VERSION} (no existing cell changed)`);
        const msg = parts.join('; ');
        return { ok: true, landed: [], message: msg.charAt(0).toUpperCase() + msg.slice(1) + '.' };
      });
    } catch (e) {
      return {
        ok: false,
        message: officeErrorSentence(
          e,
          'Creating the desk tables',
          'Nothing that existed before was changed.',
        ),
      };
    }
  }

  async function repair(): Promise<WriteOutcome> {
    try {
      return await run(async (ctx) => {
        const width = Math.max(...TABLE_KEYS.map((k) => columnList(k).length));
        const s = await readState(ctx, {
          snapshots: { right: width },
          exposures: { right: width },
          triggers: { right: width },
        });
        const newer = refuseNewer(s);
        if (newer) return newer;
        const todo: { f: Found; cols: Col[] }[] = [];
        const refused: string[] = [];
        for (const key of TABLE_KEYS) {
          const f = s.tables[key];
          if (!f) continue;
          // Schema order, so a repaired table reads like a new one from the left.
          const missing = new Set([...f.missingRequired, ...f.missingOptional].map((c) => c.field));
          const cols = (columnList(key) as readonly Col[]).filter((c) => missing.has(c.field));
          if (cols.length === 0) continue;
          const blocked = rightBlocked(f, cols.length);
          if (blocked) refused.push(blocked);
          todo.push({ f, cols });
        }
        if (refused.length > 0)
          return { ok: false, message: `Nothing repaired: ${refused.join('; ')}` };
        const missingTables = TABLE_KEYS.filter((k) => !s.tables[k]).map((k) => TABLES[k].name);
        if (todo.length === 0) {
          const rest =
            missingTables.length > 0
              ? ` ${missingTables.join(', ')} missing: create the desk tables.`
              : '';
          return { ok: true, landed: [], message: `No columns to repair.${rest}` };
        }
        const headers = todo.map(({ f, cols }) => {
          queueColumns(ctx, f, cols);
          return {
            f,
            cols,
            header: ctx.workbook.tables.getItem(f.id).getHeaderRowRange().load('values'),
          };
        });
        await ctx.sync();
        for (const h of headers) {
          const got = new Set((h.header.values[0] ?? []).map(norm));
          const absent = h.cols.filter((c) => !got.has(norm(c.header)));
          if (absent.length > 0) {
            return {
              ok: false,
              message: `Could not confirm the repair of ${TABLES[h.f.key].name}: ${quoteList(absent)} not found after writing.`,
            };
          }
        }
        const done = todo
          .map(({ f, cols }) => `${TABLES[f.key].name}: added ${quoteList(cols)}`)
          .join('; ');
        return { ok: true, landed: [], message: `Repaired ${done}. No existing cell changed.` };
      });
    } catch (e) {
      return {
        ok: false,
        message: officeErrorSentence(
          e,
          'Repairing the desk tables',
          'Columns already added stay; repairing again adds the rest.',
        ),
      };
    }
  }

  // ── reading, selecting ──
  async function read(key: TableKey): Promise<ReadOutcome> {
    try {
      return await run(async (ctx) => {
        const s = await readState(ctx, { [key]: { body: true } });
        const f = s.tables[key];
        const name = TABLES[key].name;
        if (!f) return { ok: false, message: `${name} is missing: there is nothing to read.` };
        if (f.missingRequired.length > 0) {
          return {
            ok: false,
            message: `${name} has no ${quoteList(f.missingRequired)} column; Repair adds it, then rows can be read.`,
          };
        }
        const records: { rowNumber: number; values: RowValues }[] = [];
        const problems: { rowNumber: number; reason: string }[] = [];
        (f.body ?? []).forEach((cells, i) => {
          if (cells.every((v) => v === '' || v === null)) return; // an empty row is not a record
          const byField: Record<string, unknown> = {};
          f.fields.forEach((field, j) => {
            if (field !== null) byField[field] = cells[j];
          });
          const r = recordFromCells(key, byField);
          if (r.ok) records.push({ rowNumber: i + 1, values: r.record });
          else
            problems.push({ rowNumber: i + 1, reason: r.issues.map((x) => x.message).join('; ') });
        });
        return { ok: true, records, problems };
      });
    } catch (e) {
      return { ok: false, message: officeErrorSentence(e, `Reading ${TABLES[key].name}`) };
    }
  }

  async function select(key: TableKey, recordIds: readonly string[]): Promise<WriteOutcome> {
    try {
      return await run(async (ctx) => {
        const s = await readState(ctx, {});
        const f = s.tables[key];
        if (!f) return { ok: false, message: `${TABLES[key].name} is missing.` };
        const at = recordIds.map((id) => f.recordIds.indexOf(id)).filter((i) => i >= 0);
        if (at.length === 0)
          return { ok: false, message: `None of those rows is in ${TABLES[key].name} any more.` };
        const lo = Math.min(...at);
        const hi = Math.max(...at);
        const box: Box = { row: f.headerRow + 1 + lo, col: f.col, rows: hi - lo + 1, cols: f.cols };
        const table = ctx.workbook.tables.getItem(f.id);
        table.worksheet.activate();
        table.worksheet.getRangeByIndexes(box.row, box.col, box.rows, box.cols).select();
        await ctx.sync();
        const address = formatAddress(f.sheet, box);
        return {
          ok: true,
          landed: [{ table: key, address, recordIds: [...recordIds] }],
          message: `Selected ${address}.`,
        };
      });
    } catch (e) {
      return { ok: false, message: officeErrorSentence(e, 'Selecting the rows') };
    }
  }

  async function health(): Promise<WorkbookHealth> {
    try {
      return await run(async (ctx) => healthOf(await readState(ctx, {})));
    } catch (e) {
      const missing: TableState = { kind: 'missing' };
      return {
        schema: { kind: 'absent' },
        tables: { snapshots: missing, exposures: missing, triggers: missing },
        writable: false,
        messages: [officeErrorSentence(e, 'Checking the workbook')],
      };
    }
  }

  async function insertSampleData(reviews: readonly ReviewRows[]): Promise<WriteOutcome> {
    try {
      const existing = await run(async (ctx) => readState(ctx, {}));
      const present = TABLE_KEYS.filter((k) => existing.tables[k]).map((k) => TABLES[k].name);
      if (present.length > 0) {
        return {
          ok: false,
          message: `Sample data goes only into a workbook without desk tables; ${present.join(', ')} already exist${present.length === 1 ? 's' : ''}.`,
        };
      }
    } catch (e) {
      return { ok: false, message: officeErrorSentence(e, 'Inserting sample data') };
    }
    const made = await ensureTables();
    if (!made.ok) return made;
    const merged: ReviewRows = {
      snapshots: reviews.flatMap((r) => r.snapshots),
      exposures: reviews.flatMap((r) => r.exposures),
      triggers: reviews.flatMap((r) => r.triggers),
    };
    const written = await appendReview(merged);
    return written.ok ? { ...written, message: `Sample data: ${written.message}` } : written;
  }

  return { health, ensureTables, repair, appendReview, read, select, insertSampleData };
}
