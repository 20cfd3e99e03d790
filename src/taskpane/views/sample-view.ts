/** "Insert sample data": example reviews from the seed documents' prices, with live DESK formulas. */
import { h } from '../dom';

export interface SampleCard {
  readonly element: HTMLElement;
  setDisabled(reason: string | null): void;
}

export function createSampleCard(actions: { insert(): Promise<void> }): SampleCard {
  let busy = false;
  let disabledReason: string | null = null;
  const button = h(
    'button',
    { type: 'button', class: 'btn', id: 'insert-sample' },
    'Insert sample data',
  );
  const note = h('p', { class: 'hint', id: 'sample-note', hidden: true });
  button.addEventListener('click', async () => {
    if (busy || disabledReason) return;
    busy = true;
    button.disabled = true;
    button.textContent = 'Inserting…';
    await actions.insert();
    busy = false;
    button.disabled = disabledReason !== null;
    button.textContent = 'Insert sample data';
  });
  const element = h(
    'section',
    { class: 'card', id: 'sample', 'aria-labelledby': 'sample-title' },
    h('h2', { id: 'sample-title', text: 'Sample data' }),
    h('p', {
      text: 'Fills an empty workbook with example reviews built from the prices the seed documents quote: SMM weekly reviews (CNY/t ranges for Pr-Nd, lanthanum, cerium and yttrium oxides) and Fastmarkets price codes (USD/kg). The Status now column holds live DESK.NOTE_STATUS formulas.',
    }),
    h('p', {
      class: 'hint',
      text: 'It never writes over existing desk tables: with any table present it refuses and says so.',
    }),
    h('div', { class: 'actions' }, button),
    note,
  );
  return {
    element,
    setDisabled(reason) {
      disabledReason = reason;
      button.disabled = reason !== null || busy;
      note.hidden = reason === null;
      note.textContent = reason ?? '';
    },
  };
}
