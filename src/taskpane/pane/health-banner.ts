/**
 * What a health verdict does to the rest of the pane: the banner above the tabs (it only points
 * to the Workbook tab, which explains once), and why the form or the sample button is refused.
 */
import { h, replaceChildren } from '../dom';
import type { HealthVerdict } from '../views/health-view';

/** Why the form cannot record here, or null when it can. */
export function readOnlyReason(verdict: HealthVerdict): string | null {
  if (verdict === 'newer')
    return 'Read-only: this workbook was written by a newer version of the add-in. Update the add-in to record reviews here.';
  if (verdict === 'blocked')
    return 'A required column is missing from a desk table. Open the Workbook tab and press Repair tables.';
  return null;
}

/** Why "Insert sample data" is refused, or null when it is not. */
export function sampleRefusal(verdict: HealthVerdict): string | null {
  return verdict === 'newer' ? 'Read-only: the workbook schema is newer than this add-in.' : null;
}

const TITLE: Record<Exclude<HealthVerdict, 'ok' | 'fresh'>, string> = {
  newer: 'Read-only workbook',
  blocked: 'Writing blocked',
  rows: 'Some rows break the schema',
  drifted: 'Tables differ from the schema',
};

function pointer(verdict: HealthVerdict): string {
  if (verdict === 'newer')
    return 'Written by a newer version of the add-in; the Workbook tab says why nothing can be written. ';
  if (verdict === 'rows') return 'The Workbook tab names them. ';
  return 'See the Workbook tab for what differs and the repair. ';
}

export interface HealthBanner {
  readonly element: HTMLElement;
  render(verdict: HealthVerdict): void;
}

export function createHealthBanner(openWorkbookTab: () => void): HealthBanner {
  const element = h('div', {
    id: 'health-banner',
    class: 'message-bar',
    'data-intent': 'warning',
    hidden: true,
  });
  const render = (verdict: HealthVerdict) => {
    element.hidden = verdict === 'ok' || verdict === 'fresh';
    if (verdict === 'ok' || verdict === 'fresh') return;
    replaceChildren(
      element,
      h('span', { class: 'title', text: TITLE[verdict] }),
      h('span', { text: pointer(verdict) }),
      h(
        'button',
        { type: 'button', class: 'linklike', onclick: openWorkbookTab },
        'Open Workbook tab',
      ),
    );
    element.setAttribute(
      'data-intent',
      verdict === 'drifted' || verdict === 'rows' ? 'warning' : 'error',
    );
  };
  return { element, render };
}
