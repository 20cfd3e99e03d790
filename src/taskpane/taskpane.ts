/**
 * Task pane entry: the only side effects (Office.onReady, mounting). Everything else takes the
 * workbook as a parameter, so the preview and the browser tests run the same pane.
 */
import './csp'; // first: configures zod before any schema exists
import { createOfficeDeskWorkbook } from '../excel/office';
import { mount } from './app';
import { h, replaceChildren } from './dom';
import { browserEnv } from './env';

void Office.onReady((info) => {
  const root = document.getElementById('app');
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    replaceChildren(
      root,
      h(
        'main',
        { class: 'pane' },
        h('header', { class: 'pane-header' }, h('h1', { text: 'Metals Desk Record' })),
        h('p', {
          class: 'message-bar',
          'data-intent': 'info',
          text: 'This pane runs inside Excel. To try it in a browser, run `npm run preview`.',
        }),
      ),
    );
    return;
  }
  mount(root, createOfficeDeskWorkbook(Excel.run), browserEnv());
});
