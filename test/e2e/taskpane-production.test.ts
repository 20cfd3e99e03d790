/**
 * The production task pane page (dist/taskpane.html) loads office.js from Microsoft's CDN. Here the
 * CDN is answered from the @microsoft/office-js package (the network reaches no CDN), so the test
 * proves the shipped page, its CSP and office.js work together. Outside Excel, Office.onReady
 * resolves with no host and the pane says where it runs instead of failing.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { webLightTheme } from '@fluentui/tokens';
import { ROOT, launchChromium, screenshot, servePreview, type Served } from './harness';

jest.setTimeout(30_000);

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await servePreview(join(ROOT, 'dist'), 'taskpane.html');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

it('loads office.js and the pane under its CSP; nothing of ours is blocked', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as {
      __violations: { directive: string; source: string; blocked: string }[];
    };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push({
        directive: e.effectiveDirective,
        source: e.sourceFile,
        blocked: e.blockedURI,
      }),
    );
  });
  // The CDN folder the page names, answered from the npm package's copy of the same files.
  const officeDist = dirname(require.resolve('@microsoft/office-js/dist/office.js'));
  await page.route(`${OFFICE_CDN}**`, (route) => {
    const file = join(officeDist, new URL(route.request().url()).pathname.split('/').pop() ?? '');
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
    return route.fulfill({ status: 200, contentType: 'text/javascript', body });
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${served.url}/taskpane.html`);
  await page.waitForFunction(() =>
    document.getElementById('app')?.textContent?.includes('runs inside Excel'),
  );
  const violations = await page.evaluate(
    () =>
      (
        window as unknown as {
          __violations: { directive: string; source: string; blocked: string }[];
        }
      ).__violations,
  );
  // office.js tries to frame Microsoft's telemetry service and style that frame inline: the CSP
  // blocks both (the pane needs neither). Nothing the pane itself does is blocked.
  expect(violations.filter((v) => !v.source.endsWith('/office.js'))).toEqual([]);
  // Only our origin and the office.js CDN are ever asked for anything.
  expect(requests.filter((u) => !u.startsWith(served.url) && !u.startsWith(OFFICE_CDN))).toEqual(
    [],
  );
  expect(requests).toEqual(
    expect.arrayContaining([
      `${served.url}/taskpane.html`,
      `${OFFICE_CDN}office.js`,
      `${served.url}/taskpane.js`,
      `${served.url}/tokens.css`,
      `${served.url}/taskpane.css`,
    ]),
  );
  // The look comes from @fluentui/tokens through the generated tokens.css, loaded under the CSP.
  const look = await page.evaluate(() => {
    const body = getComputedStyle(document.body);
    return {
      brand: getComputedStyle(document.documentElement).getPropertyValue('--colorBrandBackground'),
      fontFamily: body.fontFamily,
      color: body.color,
    };
  });
  expect(look).toEqual({
    brand: webLightTheme.colorBrandBackground,
    fontFamily: webLightTheme.fontFamilyBase.replace(/'/g, '"'),
    color: rgb(webLightTheme.colorNeutralForeground1),
  });
  expect(pageErrors).toEqual([]);
  await screenshot(page, '00-production-outside-excel');
  await page.close();
});

/** '#242424' → 'rgb(36, 36, 36)', as getComputedStyle reports a colour. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
