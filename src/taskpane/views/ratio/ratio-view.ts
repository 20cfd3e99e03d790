/**
 * The Ratio view's form: numerator and denominator (any price code or product; default NdPr
 * oxide over Dy oxide), the location basis both legs are read at, the unit and the FX rate the
 * core converts with; the chart; and Insert into workbook.
 */
import { columnList, PRICE_CODES } from '../../../core';
import { h, uid } from '../../dom';
import { BLANK_OPTION } from '../review-form';
import { createRatioChart, type RatioChart } from './chart';
import { labelledField } from '../labelled-field';

export interface RatioQueryTexts {
  readonly numerator: string;
  readonly denominator: string;
  readonly locationBasis: string;
  readonly unit: string;
  readonly fx: string;
}

export interface RatioView {
  readonly element: HTMLElement;
  readonly chart: RatioChart;
  query(): RatioQueryTexts;
  setInsertable(reason: string | null): void;
  setBusy(busy: boolean): void;
}

export const DEFAULT_NUMERATOR = 'NdPr oxide';
export const DEFAULT_DENOMINATOR = 'Dy oxide';

const options = (field: string): readonly string[] =>
  columnList('prices').find((c) => c.field === field)?.options ?? [];

function keyInput(id: string, value: string, listId: string): HTMLInputElement {
  return h('input', {
    id,
    type: 'text',
    value,
    list: listId,
    autocomplete: 'off',
    spellcheck: 'false',
  });
}

export function createRatioView(actions: { show(): void; insert(): void }): RatioView {
  const listId = uid('ratio-keys');
  const keys = h(
    'datalist',
    { id: listId },
    ...[...options('product'), ...Object.keys(PRICE_CODES)].map((o) => h('option', { value: o })),
  );
  const numerator = keyInput('ratio-numerator', DEFAULT_NUMERATOR, listId);
  const denominator = keyInput('ratio-denominator', DEFAULT_DENOMINATOR, listId);
  const basis = h(
    'select',
    { id: 'ratio-basis' },
    h('option', { value: '' }, BLANK_OPTION),
    ...options('locationBasis').map((b) => h('option', { value: b }, b)),
  );
  const unit = h(
    'select',
    { id: 'ratio-unit' },
    h('option', { value: '' }, 'the denominator’s unit'),
    ...options('unit').map((u) => h('option', { value: u }, u)),
  );
  const fx = h('input', {
    id: 'ratio-fx',
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
  });
  const showButton = h(
    'button',
    { type: 'submit', class: 'btn primary', id: 'ratio-show' },
    'Show ratio',
  );
  const insert = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      id: 'ratio-insert',
      disabled: true,
      onclick: () => actions.insert(),
    },
    'Insert into workbook',
  );
  const insertNote = h('p', { class: 'hint', id: 'ratio-insert-note' });
  const chart = createRatioChart();
  const form = h(
    'form',
    {
      id: 'ratio-form',
      novalidate: true,
      'aria-labelledby': 'ratio-title',
      onsubmit: (e: Event) => {
        e.preventDefault();
        actions.show();
      },
    },
    h(
      'div',
      { class: 'fields' },
      labelledField('ratio-numerator', 'Numerator', numerator, 'A price code or a product.'),
      labelledField('ratio-denominator', 'Denominator', denominator),
      labelledField(
        'ratio-basis',
        'Location basis',
        basis,
        'Both legs are read at this basis; needed when a product has prices at several.',
      ),
      labelledField('ratio-unit', 'Both legs in', unit),
      labelledField(
        'ratio-fx',
        'FX rate (CNY per USD)',
        fx,
        'Needed only when a leg is in another currency than the unit shown. China domestic incl. VAT prices have their VAT taken out first.',
      ),
    ),
    keys,
    h('div', { class: 'actions' }, showButton),
  );
  const element = h(
    'section',
    { class: 'card ratio-view', id: 'ratio-view', 'aria-labelledby': 'ratio-title' },
    h('h2', { id: 'ratio-title', text: 'Ratio over time' }),
    h('p', {
      class: 'hint',
      text: 'From DeskPrices: at each price date of either leg, each leg’s latest price on or before that day (never a later one), and their ratio as DESK.RATIO gives it.',
    }),
    form,
    chart.element,
    h('div', { class: 'actions' }, insert),
    insertNote,
  );
  return {
    element,
    chart,
    query: () => ({
      numerator: numerator.value,
      denominator: denominator.value,
      locationBasis: basis.value,
      unit: unit.value,
      fx: fx.value,
    }),
    setInsertable(reason) {
      insert.disabled = reason !== null;
      insertNote.textContent =
        reason ??
        'Writes a DeskRatioHistory table (Ratio as DESK.RATIO formulas over its cells) and an Excel line chart over it; a later insert updates them.';
    },
    setBusy(busy) {
      showButton.disabled = busy;
      if (busy) insert.disabled = true;
    },
  };
}
