/** A table's column mapping, shown and editable: one choice per column, the fields IMPORT_FIELDS lists. */
import {
  IMPORT_FIELDS,
  importFieldLabel,
  show,
  type ColumnMapping,
  type ImportField,
} from '../../../core';
import { h, replaceChildren } from '../../dom';
import { delimiterName } from '../../prices/paste';

export interface MappingView {
  readonly element: HTMLElement;
  render(headers: readonly string[], mapping: ColumnMapping, delimiter: string): void;
  hide(): void;
}

const NOT_IMPORTED = '— not imported —';

export function createMappingView(onChange: (mapping: ColumnMapping) => void): MappingView {
  const body = h('div', { class: 'fields' });
  const note = h('p', { class: 'hint', id: 'import-mapping-note' });
  const element = h(
    'fieldset',
    { id: 'import-mapping', hidden: true },
    h('legend', {}, 'Columns'),
    note,
    body,
  );
  let current: Record<number, ImportField | null> = {};
  return {
    element,
    render(headers, mapping, delimiter) {
      current = { ...mapping };
      element.hidden = false;
      note.textContent = `Read as a table (${delimiterName(delimiter)}-separated, ${headers.length} columns). Each column’s field was guessed from its header; change any that is wrong.`;
      replaceChildren(
        body,
        ...headers.map((header, col) => {
          const id = `import-map-${col}`;
          const chosen = mapping[col] ?? null;
          const choice = h(
            'select',
            {
              id,
              'data-column': String(col),
              onchange: () => {
                current = {
                  ...current,
                  [col]: choice.value === '' ? null : (choice.value as ImportField),
                };
                onChange(current);
              },
            },
            h('option', { value: '' }, NOT_IMPORTED),
            ...IMPORT_FIELDS.map((f) =>
              h('option', { value: f, selected: f === chosen }, importFieldLabel(f)),
            ),
          );
          return h(
            'div',
            { class: 'field' },
            h(
              'label',
              { for: id },
              `Column ${col + 1}: ${header.trim() === '' ? '(no header)' : show(header)}`,
            ),
            choice,
          );
        }),
      );
    },
    hide() {
      element.hidden = true;
      replaceChildren(body);
    },
  };
}
