/**
 * A tab whose content is loaded when first opened: a placeholder until then, the content after,
 * or a sentence when the chunk could not be fetched (the pane's origin unreachable). What was set
 * before it arrived (read-only) is applied once it is there.
 */
import { h, replaceChildren } from '../dom';

export interface TabContent {
  readonly element: HTMLElement;
  setReadOnly(reason: string | null): void;
  /** Each time the tab is opened (after the first load too). */
  opened?(): void;
}

export interface LazyTab {
  readonly element: HTMLElement;
  open(): Promise<void>;
  setReadOnly(reason: string | null): void;
}

export function lazyTab(name: string, load: () => Promise<TabContent>): LazyTab {
  const element = h(
    'div',
    { class: 'lazy-tab', 'aria-busy': 'true' },
    h('p', { class: 'hint', text: `Loading ${name}…` }),
  );
  let content: TabContent | null = null;
  let loading: Promise<void> | null = null;
  let readOnly: string | null = null;
  const open = (): Promise<void> => {
    if (content) {
      content.opened?.();
      return Promise.resolve();
    }
    loading ??= load().then(
      (c) => {
        content = c;
        c.setReadOnly(readOnly);
        element.removeAttribute('aria-busy');
        replaceChildren(element, c.element);
        c.opened?.();
      },
      (e: unknown) => {
        loading = null; // the next open tries again
        element.removeAttribute('aria-busy');
        replaceChildren(
          element,
          h('p', {
            class: 'message-bar',
            'data-intent': 'error',
            text: `${name} could not be loaded: ${e instanceof Error ? e.message : String(e)}. Check the connection and open the tab again.`,
          }),
        );
      },
    );
    return loading;
  };
  return {
    element,
    open,
    setReadOnly(reason) {
      readOnly = reason;
      content?.setReadOnly(reason);
    },
  };
}
