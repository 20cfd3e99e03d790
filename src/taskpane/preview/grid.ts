/**
 * Read-only rendering of the in-memory workbook's tables: what a user would see in Excel (values
 * by number format) plus each formula as typed. Cell text goes in through textContent only.
 */
import { displayText } from '../../excel/memory';
import { h, replaceChildren } from '../dom';

export type CellScalar = string | number | boolean;

export interface GridCell {
  readonly value: CellScalar;
  readonly formula: string | null;
  readonly numberFormat: string;
}

export interface GridTable {
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
  /** Sheet row number of the header row (body rows follow). */
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly GridCell[])[];
  /** Body row indexes (0-based) inside the current selection. */
  readonly selectedRows: ReadonlySet<number>;
}

export function renderTables(container: HTMLElement, tables: readonly GridTable[]): void {
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
            text: `${t.sheet}!${t.address} · ${t.rows.length} row${t.rows.length === 1 ? '' : 's'}`,
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
                  { 'data-row': String(i + 1), 'data-selected': t.selectedRows.has(i) },
                  h('th', { class: 'rowhead', scope: 'row', text: String(t.headerRow + i + 1) }),
                  ...row.map((cell, j) => {
                    const shown = displayText(cell.value, cell.numberFormat);
                    return h(
                      'td',
                      {
                        'data-header': t.headers[j] ?? '',
                        'data-formula': cell.formula ?? undefined,
                        class:
                          `${typeof cell.value === 'number' && !/^yyyy/.test(cell.numberFormat) ? 'num' : ''}${cell.formula ? ' formula' : ''}`.trim() ||
                          undefined,
                        title: cell.formula ? `${shown}\n${cell.formula}` : shown || undefined,
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
