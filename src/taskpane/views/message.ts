/** The pane's one live region: every outcome (written, refused, failed) is announced here. */
import { h, replaceChildren } from '../dom';

export type Intent = 'info' | 'success' | 'warning' | 'error';

/** A detail line: text, or an element such as a button that takes the user to a field. */
export type MessageLine = string | HTMLElement;

export interface MessageAction {
  readonly label: string;
  readonly id?: string;
  run(): void;
}

export interface MessageBar {
  readonly element: HTMLElement;
  show(
    intent: Intent,
    title: string,
    detail?: MessageLine | readonly MessageLine[],
    action?: MessageAction,
  ): void;
  clear(): void;
  /** Clears the message only when it is of this intent (a stale "recorded" once the user moves on). */
  clearIf(intent: Intent): void;
  /** Scrolls the message into view (after a submit the user may be at the bottom of a long form). */
  reveal(): void;
}

export function createMessageBar(id: string): MessageBar {
  const element = h('div', { id, class: 'message-bar', role: 'status', 'aria-live': 'polite' });
  const clear = () => {
    element.removeAttribute('data-intent');
    replaceChildren(element);
  };
  return {
    element,
    show(intent, title, detail, action) {
      element.setAttribute('data-intent', intent);
      const lines: readonly MessageLine[] =
        detail === undefined ? [] : Array.isArray(detail) ? detail : [detail as MessageLine];
      const button = action
        ? h('button', {
            type: 'button',
            class: 'btn subtle message-action',
            ...(action.id ? { id: action.id } : {}),
            text: action.label,
            onclick: () => action.run(),
          })
        : null;
      replaceChildren(
        element,
        h('span', { class: 'title', text: title }),
        lines.length === 1 ? h('span', {}, lines[0]) : null,
        lines.length > 1 ? h('ul', {}, ...lines.map((l) => h('li', {}, l))) : null,
        button,
      );
    },
    reveal() {
      element.scrollIntoView({ block: 'nearest' });
    },
    clear,
    clearIf(intent) {
      if (element.getAttribute('data-intent') === intent) clear();
    },
  };
}
