/**
 * Read-only rendering of the in-memory workbook's tables: what a user would see in Excel (values
 * by number format) plus each formula as typed. Cell text goes in through textContent only.
 */
import type { MemoryChartView, MemoryTableView } from '../../excel/memory';
import { h, replaceChildren } from '../dom';

export function renderTables(container: HTMLElement, tables: readonly MemoryTableView[]): void {
  if (tables.length === 0) {
    replaceChildren(
      container,
      h('p', {
        class: 'sheet hint',
        text: 'No desk tables yet. Record a review or insert the sample data from the task pane.',
      }),
    );
    return;
  }
  replaceChildren(
    container,
    ...tables.map((t) =>
      h(
        'section',
        { class: 'sheet', 'data-table-name': t.name, 'aria-label': `${t.name} table` },
        h(
          'h2',
          {},
          t.name,
          ' ',
          h('span', {
            class: 'hint',
            text: `${t.address} · ${t.rows.length} row${t.rows.length === 1 ? '' : 's'}`,
          }),
        ),
        h(
          'div',
          { class: 'grid-scroll', tabindex: '0', role: 'region', 'aria-label': `${t.name} cells` },
          h(
            'table',
            { class: 'grid' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { class: 'rowhead', scope: 'col', text: 'Row' }),
                ...t.headers.map((hd) => h('th', { scope: 'col', text: hd })),
              ),
            ),
            h(
              'tbody',
              {},
              ...t.rows.map((row, i) =>
                h(
                  'tr',
                  { 'data-row': String(i + 1), 'data-selected': t.selectedRows.includes(i) },
                  h('th', { class: 'rowhead', scope: 'row', text: String(t.headerRow + i + 1) }),
                  ...row.map((cell, j) => {
                    const shown = cell.text;
                    return h(
                      'td',
                      {
                        'data-header': t.headers[j] ?? '',
                        'data-formula': cell.formula ?? undefined,
                        class:
                          `${typeof cell.value === 'number' && !/^yyyy/.test(cell.numberFormat) ? 'num' : ''}${cell.formula ? ' formula' : ''}`.trim() ||
                          undefined,
                        title: cell.formula
                          ? [shown, cell.message, cell.formula].filter(Boolean).join('\n')
                          : shown || undefined,
                      },
                      h('span', { class: 'cell-value', text: shown }),
                      cell.formula
                        ? h('span', { class: 'formula-text', text: cell.formula })
                        : null,
                    );
                  }),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The in-memory workbook's charts, as Excel would name them: type, title and each series' ranges. */
export function renderCharts(
  container: HTMLElement,
  charts: readonly (MemoryChartView & { readonly sheet: string })[],
): void {
  replaceChildren(
    container,
    ...charts.map((c) =>
      h(
        'section',
        { class: 'sheet', 'data-chart-name': c.name, 'aria-label': `${c.name} chart` },
        h('h2', {}, `Chart ${c.name} `, h('span', { class: 'hint', text: `on ${c.sheet}` })),
        h(
          'dl',
          { class: 'chart-facts' },
          h('dt', { text: 'Type' }),
          h('dd', { 'data-chart': 'type', text: c.type }),
          h('dt', { text: 'Title' }),
          h('dd', { 'data-chart': 'title', text: c.title }),
          ...c.series.flatMap((s, i) => [
            h('dt', { text: `Series ${i + 1}` }),
            h('dd', {
              'data-chart': 'series',
              text: `${s.name}: values ${s.values ?? '—'}, categories ${s.xValues ?? '—'}`,
            }),
          ]),
        ),
      ),
    ),
  );
}
