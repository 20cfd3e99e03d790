/** The review queue: due/overdue triggers and notes no longer fit for action. Clicking one selects its row. */
import { type QueueItem } from '../../core';
import { h, replaceChildren } from '../dom';

export interface QueueView {
  readonly element: HTMLElement;
  render(
    state:
      { items: readonly QueueItem[]; problems: readonly string[] } | { error: string } | 'loading',
  ): void;
}

const URGENCY_LABEL: Record<QueueItem['urgency'], string> = {
  overdue: 'Overdue',
  due: 'Due today',
  status: 'Status changed',
};

export function createQueueView(actions: {
  select(item: QueueItem): void;
  refresh(): void;
}): QueueView {
  const list = h('div', { id: 'queue-body' });
  const element = h(
    'section',
    { class: 'queue-view', 'aria-labelledby': 'queue-title' },
    h('h2', { id: 'queue-title', text: 'Review queue' }),
    h('p', {
      class: 'hint',
      text: 'Open triggers due today or overdue, and notes whose status is no longer action (evaluated now with the DESK.NOTE_STATUS rules). Select one to go to its row.',
    }),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'btn', id: 'refresh-queue', onclick: () => actions.refresh() },
        'Refresh',
      ),
    ),
    list,
  );

  return {
    element,
    render(state) {
      if (state === 'loading') {
        replaceChildren(list, h('p', { class: 'hint', text: 'Reading DeskTriggers…' }));
        return;
      }
      if ('error' in state) {
        replaceChildren(list, h('p', { class: 'hint', text: state.error }));
        return;
      }
      const problems = state.problems.length
        ? h(
            'div',
            { class: 'message-bar', 'data-intent': 'warning' },
            h('span', {
              class: 'title',
              text: `DeskTriggers rows that could not be read (${state.problems.length}); they are left out of the queue`,
            }),
            h('ul', {}, ...state.problems.map((p) => h('li', { text: p }))),
          )
        : null;
      if (state.items.length === 0) {
        replaceChildren(
          list,
          problems,
          h('p', {
            text: state.problems.length
              ? 'Nothing due among the rows that could be read.'
              : 'Nothing due: no open trigger is due or overdue, and every note recorded as action still is.',
          }),
        );
        return;
      }
      // Unreadable rows first: a trigger that cannot be read cannot be due, so it would hide.
      replaceChildren(
        list,
        problems,
        h(
          'ul',
          { class: 'queue', 'aria-label': 'Triggers needing review' },
          ...state.items.map((item) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'queue-item',
                  'data-record-id': item.recordId,
                  'data-urgency': item.urgency,
                  onclick: () => actions.select(item),
                },
                h(
                  'span',
                  { class: 'line' },
                  h('span', {
                    class: 'badge',
                    'data-status': item.urgency,
                    text: URGENCY_LABEL[item.urgency],
                  }),
                  item.statusNow
                    ? h('span', {
                        class: 'badge',
                        'data-status': item.statusNow,
                        text: item.statusNow,
                      })
                    : null,
                  h('span', { class: 'detail', text: `DeskTriggers row ${item.sheetRow}` }),
                ),
                h('span', {
                  class: 'title',
                  text: item.product ? `${item.product}: ${item.title}` : item.title,
                }),
                item.owner ? h('span', { class: 'detail', text: `Owner: ${item.owner}` }) : null,
                ...item.reasons.map((r) => h('span', { class: 'detail', text: r })),
              ),
            ),
          ),
        ),
      );
    },
  };
}
