/** ARIA tabs: arrow keys move between tabs, Home/End jump, only the selected tab is in the tab order. */
import { h } from '../dom';

export interface TabSpec {
  readonly id: string;
  readonly label: string;
  readonly panel: HTMLElement;
}

export interface Tabs {
  readonly list: HTMLElement;
  select(id: string, focus?: boolean): void;
  setCount(id: string, count: number | null): void;
  onChange(listener: (id: string) => void): void;
}

export function createTabs(specs: readonly TabSpec[], label: string): Tabs {
  const listeners: ((id: string) => void)[] = [];
  const buttons = new Map<string, HTMLButtonElement>();
  const counts = new Map<string, HTMLElement>();
  const list = h('div', { class: 'tablist', role: 'tablist', 'aria-label': label });

  const select = (id: string, focus = false) => {
    for (const spec of specs) {
      const on = spec.id === id;
      const button = buttons.get(spec.id);
      button?.setAttribute('aria-selected', String(on));
      button?.setAttribute('tabindex', on ? '0' : '-1');
      spec.panel.hidden = !on;
      if (on && focus) button?.focus();
    }
    for (const l of listeners) l(id);
  };

  specs.forEach((spec, index) => {
    const count = h('span', { class: 'count', hidden: true });
    const button = h(
      'button',
      {
        type: 'button',
        class: 'tab',
        role: 'tab',
        id: `tab-${spec.id}`,
        'aria-controls': spec.panel.id,
        onclick: () => select(spec.id),
        onkeydown: (event: Event) => {
          const key = (event as KeyboardEvent).key;
          const last = specs.length - 1;
          const next =
            key === 'ArrowRight'
              ? index === last
                ? 0
                : index + 1
              : key === 'ArrowLeft'
                ? index === 0
                  ? last
                  : index - 1
                : key === 'Home'
                  ? 0
                  : key === 'End'
                    ? last
                    : -1;
          const target = specs[next];
          if (target) {
            event.preventDefault();
            select(target.id, true);
          }
        },
      },
      spec.label,
      count,
    );
    spec.panel.setAttribute('role', 'tabpanel');
    spec.panel.setAttribute('aria-labelledby', button.id);
    spec.panel.setAttribute('tabindex', '0');
    buttons.set(spec.id, button);
    counts.set(spec.id, count);
    list.appendChild(button);
  });

  return {
    list,
    select,
    setCount(id, count) {
      const el = counts.get(id);
      if (!el) return;
      // Nothing due needs no badge: a "0" reads as something to look at.
      el.hidden = count === null || count === 0;
      el.textContent = count === null || count === 0 ? '' : String(count);
      if (count === 0) el.setAttribute('data-zero', '');
      else el.removeAttribute('data-zero');
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
