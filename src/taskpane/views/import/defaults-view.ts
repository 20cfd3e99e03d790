/**
 * What an import fills where its rows say nothing: source label, source state, data basis,
 * location basis, unit, price date, and the day/month order of a slash date that reads either
 * way. The options are the DeskPrices schema's own.
 */
import {
  columnList,
  type DataBasis,
  type ImportDefaults,
  type LocationBasis,
  type SourceState,
  type Unit,
} from '../../../core';
import { h } from '../../dom';
import { BLANK_OPTION } from '../review-form';
import { labelledField } from '../labelled-field';

export interface DefaultsView {
  readonly element: HTMLElement;
  defaults(): ImportDefaults;
  importedBy(): string;
  setImportedBy(name: string): void;
  /** How many rows have a date that reads either way (the order choice is then asked for). */
  setAmbiguous(count: number): void;
}

const options = (field: string): readonly string[] =>
  columnList('prices').find((c) => c.field === field)?.options ?? [];
const header = (field: string): string =>
  columnList('prices').find((c) => c.field === field)?.header ?? field;

function select(id: string, values: readonly string[], blank: string | null, value: string) {
  return h(
    'select',
    { id },
    blank === null ? null : h('option', { value: '' }, blank),
    ...values.map((v) => h('option', { value: v, selected: v === value }, v)),
  );
}

export function createDefaultsView(onChange: () => void): DefaultsView {
  const importedBy = h('input', { id: 'import-by', type: 'text', autocomplete: 'name' });
  const sourceLabel = h('input', { id: 'import-source-label', type: 'text', autocomplete: 'off' });
  const sourceState = select('import-source-state', options('sourceState'), null, 'market');
  const dataBasis = select('import-data-basis', options('dataBasis'), null, 'indication');
  const basis = select('import-location-basis', options('locationBasis'), BLANK_OPTION, '');
  const unit = select('import-unit', options('unit'), BLANK_OPTION, '');
  const date = h('input', { id: 'import-date', type: 'date' });
  const dayFirst = select(
    'import-day-first',
    ['day first (9/1/2025 = 9 January)', 'month first (9/1/2025 = September 1)'],
    'ask me (rows stay unread)',
    '',
  );
  const ambiguous = h('p', { class: 'hint', id: 'import-ambiguous', hidden: true });
  for (const el of [sourceLabel, date]) el.addEventListener('change', onChange);
  for (const el of [sourceState, dataBasis, basis, unit, dayFirst])
    el.addEventListener('change', onChange);

  const element = h(
    'fieldset',
    { id: 'import-defaults' },
    h('legend', {}, 'Where the rows say nothing'),
    h('p', {
      class: 'hint',
      text: 'Each row’s own value wins; these fill the blanks. Changing one checks every row again.',
    }),
    h(
      'div',
      { class: 'fields' },
      labelledField('import-by', 'Imported by', importedBy, 'Written in each row’s Imported by.'),
      labelledField(
        'import-source-label',
        header('sourceLabel'),
        sourceLabel,
        'Who published the prices (SMM, Fastmarkets, a colleague).',
      ),
      labelledField('import-source-state', header('sourceState'), sourceState),
      labelledField('import-data-basis', header('dataBasis'), dataBasis),
      labelledField('import-location-basis', header('locationBasis'), basis),
      labelledField('import-unit', header('unit'), unit),
      labelledField(
        'import-date',
        header('priceDate'),
        date,
        'For rows without a date. A review’s “Published:” date fills it when blank.',
      ),
      labelledField('import-day-first', 'A date like 9/1/2025 reads', dayFirst),
      ambiguous,
    ),
  );
  return {
    element,
    defaults() {
      const order = dayFirst.selectedIndex; // 0 ask, 1 day first, 2 month first
      return {
        sourceLabel: sourceLabel.value,
        sourceState: sourceState.value as SourceState,
        dataBasis: dataBasis.value as DataBasis,
        locationBasis: basis.value === '' ? null : (basis.value as LocationBasis),
        unit: unit.value === '' ? null : (unit.value as Unit),
        priceDate: date.value === '' ? null : date.value,
        ...(order === 0 ? {} : { dayFirst: order === 1 }),
      };
    },
    importedBy: () => importedBy.value.trim(),
    setImportedBy(name) {
      if (importedBy.value.trim() === '') importedBy.value = name;
    },
    setAmbiguous(count) {
      ambiguous.hidden = count === 0;
      ambiguous.textContent =
        count === 0
          ? ''
          : `${count.toLocaleString('en-US')} row${count === 1 ? ' has a date' : 's have dates'} that read${count === 1 ? 's' : ''} either way: choose the order above.`;
      if (count > 0) {
        dayFirst.setAttribute('aria-invalid', 'true');
        dayFirst.setAttribute('aria-describedby', 'import-ambiguous');
      } else {
        dayFirst.removeAttribute('aria-invalid');
        dayFirst.removeAttribute('aria-describedby');
      }
    },
  };
}
