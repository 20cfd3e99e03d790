/**
 * `npm run preview` page (dist-preview/ only, never in production dist/): the real task pane
 * (same mount) on an in-memory workbook driven through the real Office adapter, with the
 * workbook's tables rendered beside it and a colleague's edits one click away.
 */
import '../csp'; // first: configures zod before any schema exists
import { wallClockAsUtc } from '../../core/dates';
import { noteStatus } from '../../core';
import { isDeskError } from '../../core/errors';
import { STATUS_NOW_FORMULA, TABLES, columnList, triggerLimits } from '../../core/record/schema';
import { formatAddress } from '../../excel/a1';
import { MemoryHost } from '../../excel/memory/context';
import { MemoryWorkbookModel, type Scalar } from '../../excel/memory/model';
import { createOfficeDeskWorkbook } from '../../excel/office-workbook';
import { SCHEMA_VERSION } from '../../core/record/schema';
import { mount } from '../app';
import { h, replaceChildren } from '../dom';
import { browserEnv, newUuid } from '../env';
import {
  deleteColumn,
  failNextWrite,
  mergeCoauthorWrite,
  renameColumn,
  stampNewerSchema,
  type WriteFailure,
} from './colleague';
import { renderTables, type GridTable } from './grid';

const model = new MemoryWorkbookModel();

/**
 * The Status now formula, evaluated by the same whole-argument function DESK.NOTE_STATUS calls
 * in Excel, on the row's cells (the in-memory workbook has no formula engine of its own).
 */
model.evaluate = (formula: string, row: Readonly<Record<string, Scalar>> | null): Scalar => {
  if (formula !== STATUS_NOW_FORMULA || row === null) return '#NAME?';
  const text = (header: string) => String(row[header] ?? '');
  const result = noteStatus(
    row['Quote time'] ?? '',
    row['Spread bps'] ?? '',
    row['Ratio change'] ?? '',
    undefined,
    row['Expected direction'] ?? '',
    [limitsRow(row['Trigger type'], row['Threshold'])],
    row['Source state'] ?? '',
    [[text('Owner'), text('Open question'), text('Evidence request'), text('Due date')]],
    undefined,
    wallClockAsUtc(new Date()),
  );
  if (isDeskError(result)) return result.code === 'na' ? '#N/A' : `#${result.code.toUpperCase()}!`;
  if (Array.isArray(result)) return '#VALUE!';
  return result;
};

/** The 1×3 limits the formula's CHOOSE({1,2,3}, IF(…)) builds from the row. */
function limitsRow(type: Scalar | undefined, threshold: Scalar | undefined): number[] {
  const l = triggerLimits(type, threshold);
  return [l.maxAgeDays, l.maxSpreadBps, l.ratioTolerance].map((d) => d.toNumber());
}

const host = new MemoryHost(model);
/** While held, every Excel.run waits (a slow network): the pane's in-flight state can be seen and tried. */
let held: { readonly until: Promise<void>; readonly release: () => void } | null = null;
const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
  if (held) await held.until;
  return host.run(batch);
};
const workbook = createOfficeDeskWorkbook(run);

function toggleHold(): string {
  if (held) {
    held.release();
    held = null;
    return 'Excel answers again.';
  }
  let release = () => undefined as void;
  const until = new Promise<void>((done) => (release = done));
  held = { until, release };
  return 'Excel’s replies are held: the next request waits until you press Release.';
}

function gridTables(): GridTable[] {
  return model.tables
    .filter((t) => t.sheet.visibility === 'Visible')
    .map((t) => {
      const headers = model.headers(t);
      const sel = model.selection;
      const selected = new Set<number>();
      if (sel && sel.sheet.toLowerCase() === t.sheet.name.toLowerCase()) {
        for (let i = 0; i < t.rows - 1; i++) {
          const r = t.row + 1 + i;
          if (r >= sel.box.row && r < sel.box.row + sel.box.rows) selected.add(i);
        }
      }
      return {
        name: t.name,
        sheet: t.sheet.name,
        address:
          formatAddress(t.sheet.name, { row: t.row, col: t.col, rows: t.rows, cols: t.cols }).split(
            '!',
          )[1] ?? '',
        headerRow: t.row + 1,
        headers,
        selectedRows: selected,
        rows: Array.from({ length: t.rows - 1 }, (_, i) =>
          headers.map((_h, j) => {
            const r = t.row + 1 + i;
            const c = t.col + j;
            const formula = model.cell(t.sheet, r, c)?.formula ?? null;
            return {
              value: model.valueOf(t.sheet, r, c),
              formula,
              numberFormat: model.formatOf(t.sheet, r, c),
            };
          }),
        ),
      };
    });
}

const tablesEl = document.getElementById('tables');
const render = () => {
  if (tablesEl) renderTables(tablesEl, gridTables());
};
model.onChange(render);
render();

const root = document.getElementById('app');
if (root) {
  const pane = mount(root, workbook, browserEnv(receiptTiming()));
  mountColleague(document.getElementById('colleague'), async (say) => {
    render();
    await pane.refresh();
    const log = document.getElementById('colleague-log');
    if (log) log.textContent = say;
  });
}

/**
 * `?receiptCheckMs=500&receiptHoldMs=1000&receiptMissingMs=0`: the browser tests shorten how often
 * the pane re-reads while reviews wait, how long a receipt is held and how long rows must stay
 * missing before they are added again, to see a whole cycle in seconds.
 */
function receiptTiming(): Parameters<typeof browserEnv>[0] {
  const q = new URLSearchParams(window.location.search);
  const ms = (name: string) => {
    const n = Number(q.get(name));
    return q.has(name) && Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const checkEveryMs = ms('receiptCheckMs');
  const holdMs = ms('receiptHoldMs');
  const missingMs = ms('receiptMissingMs');
  return {
    receipts: {
      ...(checkEveryMs !== undefined ? { checkEveryMs } : {}),
      ...(holdMs !== undefined ? { holdMs } : {}),
      ...(missingMs !== undefined ? { missingMs } : {}),
    },
  };
}

function mountColleague(
  container: HTMLElement | null,
  after: (message: string) => Promise<void>,
): void {
  if (!container) return;
  const tableSelect = h(
    'select',
    { id: 'colleague-table' },
    ...Object.values(TABLES).map((t) => h('option', { value: t.name }, t.name)),
  );
  const columnSelect = h('select', { id: 'colleague-column' });
  const fillColumns = () => {
    const key = Object.values(TABLES).find((t) => t.name === tableSelect.value)?.key ?? 'snapshots';
    replaceChildren(
      columnSelect,
      ...columnList(key).map((c) => h('option', { value: c.header }, c.header)),
    );
  };
  tableSelect.addEventListener('change', fillColumns);
  fillColumns();
  const newName = h('input', {
    id: 'colleague-new-name',
    type: 'text',
    value: 'Renamed by colleague',
  });
  const failWhen = h(
    'select',
    { id: 'colleague-fail-when' },
    h('option', { value: 'after' }, 'after it is applied'),
    h('option', { value: 'before' }, 'before it is applied'),
  );
  const button = (id: string, label: string, act: () => string) =>
    h('button', { type: 'button', class: 'btn', id, onclick: () => void after(act()) }, label);
  replaceChildren(
    container,
    h(
      'div',
      {
        class: 'colleague-row',
        role: 'group',
        'aria-label': 'Simulate a colleague editing the workbook',
      },
      h('div', { class: 'field' }, h('label', { for: 'colleague-table' }, 'Table'), tableSelect),
      h('div', { class: 'field' }, h('label', { for: 'colleague-column' }, 'Column'), columnSelect),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'colleague-new-name' }, 'New header'),
        newName,
      ),
      button('colleague-rename', 'Rename column', () =>
        renameColumn(model, tableSelect.value, columnSelect.value, newName.value),
      ),
      button('colleague-delete', 'Delete column', () =>
        deleteColumn(model, tableSelect.value, columnSelect.value),
      ),
      button('colleague-newer', 'Stamp newer schema', () =>
        stampNewerSchema(model, SCHEMA_VERSION + 1),
      ),
    ),
    h(
      'div',
      { class: 'colleague-row', role: 'group', 'aria-label': 'Simulate a co-author' },
      button('colleague-coauthor', "Merge a co-author's write", () =>
        mergeCoauthorWrite(model, newUuid),
      ),
    ),
    h(
      'div',
      { class: 'colleague-row', role: 'group', 'aria-label': 'Simulate a failed or slow write' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'colleague-fail-when' }, 'The sync fails'),
        failWhen,
      ),
      button('colleague-fail', 'Fail the next write', () =>
        failNextWrite(host, failWhen.value as WriteFailure),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn',
          id: 'colleague-hold',
          'aria-pressed': 'false',
          onclick: (event: Event) => {
            const say = toggleHold();
            const b = event.currentTarget as HTMLButtonElement;
            b.setAttribute('aria-pressed', String(held !== null));
            b.textContent = held ? 'Release Excel’s replies' : 'Hold Excel’s replies';
            const log = document.getElementById('colleague-log');
            if (log) log.textContent = say;
          },
        },
        'Hold Excel’s replies',
      ),
    ),
    h('p', { class: 'hint', id: 'colleague-log', role: 'status', 'aria-live': 'polite' }),
  );
}
