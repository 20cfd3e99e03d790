/**
 * The pane's page: title, health banner, message bar, unplaced choice, receipts, then five tabs
 * (New review, Review queue, Workbook, Import, Ratio). Opens on New review.
 */
import { h, replaceChildren } from '../dom';
import { createTabs, type Tabs } from '../views/tabs';

export interface PaneParts {
  readonly banner: HTMLElement;
  readonly message: HTMLElement;
  readonly unplaced: HTMLElement;
  readonly receipts: HTMLElement;
  readonly form: HTMLElement;
  readonly queue: HTMLElement;
  readonly import: HTMLElement;
  readonly ratio: HTMLElement;
  readonly workbook: readonly HTMLElement[];
}

/** Lays the parts out in `root`; `onTab` hears every tab change, the opening one included. */
export function layoutPane(root: HTMLElement, parts: PaneParts, onTab: (id: string) => void): Tabs {
  const reviewPanel = h('div', { id: 'panel-review' }, parts.form);
  const queuePanel = h('div', { id: 'panel-queue', hidden: true }, parts.queue);
  const importPanel = h('div', { id: 'panel-import', hidden: true }, parts.import);
  const ratioPanel = h('div', { id: 'panel-ratio', hidden: true }, parts.ratio);
  const workbookPanel = h('div', { id: 'panel-workbook', hidden: true }, ...parts.workbook);
  const tabs = createTabs(
    [
      { id: 'review', label: 'New review', panel: reviewPanel },
      { id: 'queue', label: 'Review queue', panel: queuePanel },
      { id: 'workbook', label: 'Workbook', panel: workbookPanel },
      { id: 'import', label: 'Import', panel: importPanel },
      { id: 'ratio', label: 'Ratio', panel: ratioPanel },
    ],
    'Task pane sections',
  );
  tabs.onChange(onTab);
  replaceChildren(
    root,
    h(
      'main',
      { class: 'pane', 'aria-labelledby': 'pane-title' },
      h(
        'header',
        { class: 'pane-header' },
        h('h1', { id: 'pane-title', text: 'Metals Desk Record' }),
        h('p', { text: 'Record a review in one pass; see what is due.' }),
      ),
      parts.banner,
      parts.message,
      parts.unplaced,
      parts.receipts,
      tabs.list,
      reviewPanel,
      queuePanel,
      workbookPanel,
      importPanel,
      ratioPanel,
    ),
  );
  tabs.select('review');
  return tabs;
}
