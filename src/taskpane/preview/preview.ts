/**
 * `npm run preview` page (dist-preview/ only, never in production dist/): the real task pane
 * (same mount) on an in-memory workbook driven through the real Office adapter, with the
 * workbook's tables rendered beside it and a colleague's edits one click away.
 */
import '../csp'; // first: configures zod before any schema exists
import { columnList, SCHEMA_VERSION, TABLES } from '../../core';
import { createMemoryDeskWorkbook } from '../../excel/memory';
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
import { renderCharts, renderTables } from './grid';

/** The desk twin: its formula engine has the DESK functions loaded, as Excel with our add-in. */
const twin = createMemoryDeskWorkbook();
const { workbook, host } = twin;
/** While held, every Excel.run waits (a slow network): the pane's in-flight state can be seen and tried. */
let held: { readonly until: Promise<void>; readonly release: () => void } | null = null;

function toggleHold(): string {
  if (held) {
    held.release();
    held = null;
    host.latency = null;
    return 'Excel answers again.';
  }
  let release = () => undefined as void;
  const until = new Promise<void>((done) => (release = done));
  held = { until, release };
  host.latency = () => until;
  return 'Excel’s replies are held: the next request waits until you press Release.';
}

const visibleTables = () =>
  twin
    .view()
    .sheets.filter((s) => s.visible)
    .flatMap((s) => s.tables);

const visibleCharts = () =>
  twin
    .view()
    .sheets.filter((s) => s.visible)
    .flatMap((s) => s.charts.map((c) => ({ ...c, sheet: s.name })));

const tablesEl = document.getElementById('tables');
const chartsEl = document.getElementById('charts');
const render = () => {
  if (tablesEl) renderTables(tablesEl, visibleTables());
  if (chartsEl) renderCharts(chartsEl, visibleCharts());
};
twin.onChange(render);
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
        renameColumn(twin, tableSelect.value, columnSelect.value, newName.value),
      ),
      button('colleague-delete', 'Delete column', () =>
        deleteColumn(twin, tableSelect.value, columnSelect.value),
      ),
      button('colleague-newer', 'Stamp newer schema', () =>
        stampNewerSchema(twin, SCHEMA_VERSION + 1),
      ),
    ),
    h(
      'div',
      { class: 'colleague-row', role: 'group', 'aria-label': 'Simulate a co-author' },
      button('colleague-coauthor', "Merge a co-author's write", () =>
        mergeCoauthorWrite(twin, newUuid),
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
        failNextWrite(twin, failWhen.value as WriteFailure),
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
