/** The pane's one live region: every outcome (written, refused, failed) is announced here. */
import { h, replaceChildren } from '../dom';

export type Intent = 'info' | 'success' | 'warning' | 'error';

export interface MessageBar {
  readonly element: HTMLElement;
  show(intent: Intent, title: string, detail?: string | readonly string[]): void;
  clear(): void;
  /** Scrolls the message into view (after a submit the user may be at the bottom of a long form). */
  reveal(): void;
}

export function createMessageBar(id: string): MessageBar {
  const element = h('div', { id, class: 'message-bar', role: 'status', 'aria-live': 'polite' });
  return {
    element,
    show(intent, title, detail) {
      element.setAttribute('data-intent', intent);
      const lines = detail === undefined ? [] : typeof detail === 'string' ? [detail] : detail;
      replaceChildren(
        element,
        h('span', { class: 'title', text: title }),
        lines.length === 1 ? h('span', { text: lines[0] }) : null,
        lines.length > 1 ? h('ul', {}, ...lines.map((l) => h('li', { text: l }))) : null,
      );
    },
    reveal() {
      element.scrollIntoView({ block: 'nearest' });
    },
    clear() {
      element.removeAttribute('data-intent');
      replaceChildren(element);
    },
  };
}
