/**
 * "These values have no column": shown in the submit flow before anything is written. The user
 * chooses Repair (add the missing columns, then record), record without them, or keep editing;
 * nothing is dropped without that word.
 */
import { unplacedSentence, type ReviewRecords, type UnplacedValue } from '../../excel/workbook';
import { h, replaceChildren } from '../dom';
import type { UnplacedChoice } from '../submit';

export interface UnplacedChoiceView {
  readonly element: HTMLElement;
  ask(unplaced: readonly UnplacedValue[], rows: ReviewRecords): Promise<UnplacedChoice>;
}

/** Where a value sits in the form: Snapshot, Exposure or Trigger n (pure). */
export function formPlace(u: UnplacedValue, rows: ReviewRecords): string {
  if (u.table === 'snapshots') return 'Snapshot';
  if (u.table === 'exposures') return 'Exposure';
  const i = rows.triggers.findIndex((r) => String(r.recordId) === u.recordId);
  return `Trigger ${i + 1}`;
}

/** "Snapshot · Storage note: 'bonded …' — DeskSnapshots has no 'Storage note' column (…?)" */
export const unplacedLine = (u: UnplacedValue, rows: ReviewRecords): string =>
  `${formPlace(u, rows)} · ${unplacedSentence(u)}`;

export function createUnplacedChoice(): UnplacedChoiceView {
  const element = h('section', {
    id: 'unplaced',
    class: 'card unplaced',
    role: 'group',
    'aria-labelledby': 'unplaced-title',
    hidden: true,
  });
  return {
    element,
    ask(unplaced, rows) {
      return new Promise((resolve) => {
        const choose = (choice: UnplacedChoice) => () => {
          element.hidden = true;
          replaceChildren(element);
          resolve(choice);
        };
        const n = unplaced.length;
        const repair = h('button', {
          type: 'button',
          class: 'btn primary',
          id: 'unplaced-repair',
          text: 'Repair tables, then record',
          onclick: choose('repair'),
        });
        replaceChildren(
          element,
          h('h2', {
            id: 'unplaced-title',
            text: `Nothing written yet: ${n} value${n === 1 ? '' : 's'} of this review ${n === 1 ? 'has' : 'have'} no column`,
          }),
          h(
            'ul',
            { class: 'unplaced-list' },
            ...unplaced.map((u) => h('li', { text: unplacedLine(u, rows) })),
          ),
          h('p', {
            class: 'hint',
            text: 'Repair adds the missing columns at the right of the table without changing any cell. If a colleague renamed a column, renaming it back keeps the values already in it; then record again.',
          }),
          h(
            'div',
            { class: 'actions' },
            repair,
            h('button', {
              type: 'button',
              class: 'btn',
              id: 'unplaced-drop',
              text: `Record without ${n === 1 ? 'it' : 'these'}`,
              onclick: choose('drop'),
            }),
            h('button', {
              type: 'button',
              class: 'btn subtle',
              id: 'unplaced-keep',
              text: 'Keep editing',
              onclick: choose('keep-editing'),
            }),
          ),
        );
        element.hidden = false;
        element.scrollIntoView?.({ block: 'nearest' });
        repair.focus();
      });
    },
  };
}
