/**
 * Browser-test harness: serves dist-preview/ from an in-test static server on a random
 * 127.0.0.1 port and drives Debian's chromium through playwright-core (no browser download).
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '..', '..');
export const PREVIEW_DIR = join(ROOT, 'dist-preview');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

export async function servePreview(dir = PREVIEW_DIR, page = 'preview.html'): Promise<Served> {
  if (!existsSync(join(dir, page))) {
    throw new Error(
      `${dir}/${page} is missing: run \`npm run build${page === 'preview.html' ? ':preview' : ''}\` first.`,
    );
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (!path.startsWith(dir + sep) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Collects page errors, console errors and CSP violations so a test can assert the page ran cleanly. */
export async function watchPage(page: Page): Promise<{ errors: string[] }> {
  const errors: string[] = [];
  await page.exposeFunction('__reportViolation', (text: string) => errors.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportViolation?: (t: string) => void })
        .__reportViolation;
      void report?.(`${e.effectiveDirective} blocked ${e.blockedURI} in ${e.sourceFile}`);
    });
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { errors };
}

/**
 * One preview server and one Chromium for a test file (its beforeAll/afterAll), and `open`: a
 * fresh pane on the preview page — no draft, submit state or receipts left by an earlier test
 * (same origin, same storage), the form interactive. `query` goes on the page's URL.
 */
export function previewPane(): {
  open(query?: string): Promise<{ page: Page; errors: string[] }>;
} {
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    served = await servePreview();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  return {
    async open(query = '') {
      if (!browser || !served) throw new Error('previewPane: the browser is not up yet');
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      page.setDefaultTimeout(10_000);
      const { errors } = await watchPage(page);
      await page.goto(`${served.url}/preview.html${query}`);
      await page.evaluate(() => window.localStorage.clear());
      await page.reload();
      await page.waitForSelector('#submit-review:not([disabled])');
      await page.waitForFunction(() => performance.getEntriesByName('desk:interactive').length > 0);
      return { page, errors };
    },
  };
}

/** One workbook table's rendered rows in the preview: header → displayed text. */
export function tableRows(page: Page, table: string): Promise<Record<string, string>[]> {
  return page.$$eval(`[data-table-name="${table}"] tbody tr`, (rows) =>
    rows.map((tr) => {
      const values: Record<string, string> = {};
      tr.querySelectorAll<HTMLElement>('td[data-header]').forEach((td) => {
        values[td.dataset.header ?? ''] = td.querySelector('.cell-value')?.textContent ?? '';
      });
      return values;
    }),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

// ── filling the review form (shared by the browser suites) ──

/** The browser's local calendar day (due dates are local days). */
export async function localDay(page: Page, offsetDays = 0): Promise<string> {
  return page.evaluate((offset) => {
    const d = new Date();
    d.setDate(d.getDate() + offset);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }, offsetDays);
}

export async function localDateTime(page: Page, offsetHours: number): Promise<string> {
  return page.evaluate((offset) => {
    const d = new Date(Date.now() + offset * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, offsetHours);
}

export const field = (section: string, index: number, key: string) =>
  `#f-${section}-${index}-${key}`;

export async function fill(page: Page, selector: string, value: string): Promise<void> {
  const tag = await page.$eval(selector, (el) => el.tagName);
  if (tag === 'SELECT') await page.selectOption(selector, value);
  else await page.fill(selector, value);
}

/** A complete review; `overrides` maps a field selector to its text. */
export async function fillReview(
  page: Page,
  overrides: Record<string, string> = {},
): Promise<void> {
  const day = await localDay(page);
  const values: Record<string, string> = {
    '#f-recorded-by': 'E2E analyst',
    [field('snapshot', 0, 'reviewDate')]: day,
    [field('snapshot', 0, 'noteType')]: 'research handoff note',
    [field('snapshot', 0, 'product')]: 'NdPr oxide',
    [field('snapshot', 0, 'priceLow')]: '747,000-753,000 yuan/mt',
    [field('snapshot', 0, 'quoteTime')]: await localDateTime(page, -2),
    [field('snapshot', 0, 'sourceLabel')]: 'SMM Rare Earth Weekly Review',
    [field('snapshot', 0, 'sourceState')]: 'market',
    [field('snapshot', 0, 'priceKind')]: 'assessment range',
    [field('snapshot', 0, 'dataBasis')]: 'transaction',
    [field('snapshot', 0, 'finalRead')]: 'confirmed',
    [field('snapshot', 0, 'nextReviewOwner')]: 'Desk lead',
    [field('exposure', 0, 'exposureRoute')]: 'physical metal',
    [field('exposure', 0, 'instrument')]: 'NdPr oxide warehouse lot',
    [field('exposure', 0, 'quantity')]: '1,000',
    [field('exposure', 0, 'unit')]: 'kg',
    [field('exposure', 0, 'bid')]: '62.5',
    [field('exposure', 0, 'ask')]: '63.5',
    [field('exposure', 0, 'positionRole')]: 'Magnet demand exposure',
    [field('exposure', 0, 'owner')]: 'Desk lead',
    [field('exposure', 0, 'asOf')]: day,
    [field('triggers', 0, 'owner')]: 'Desk lead',
    [field('triggers', 0, 'openQuestion')]: 'Does the rise hold after the holiday?',
    [field('triggers', 0, 'evidenceRequest')]: 'Next SMM weekly review',
    [field('triggers', 0, 'dueDate')]: await localDay(page, 7),
    [field('triggers', 0, 'triggerType')]: 'source age',
    [field('triggers', 0, 'nextAction')]: 'monitor',
    ...overrides,
  };
  // Optional fields live in closed <details>: open them all so any field can be typed.
  await page.$$eval('#review-form details.more', (all) =>
    all.forEach((d) => d.setAttribute('open', '')),
  );
  for (const [selector, value] of Object.entries(values)) await fill(page, selector, value);
}

// ── accessibility ──

const AXE_SOURCE = () => readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it stands (empty when clean). */
export async function seriousAxeViolations(
  page: Page,
): Promise<{ id: string; help: string; targets: string[] }[]> {
  // Evaluated through the DevTools protocol: the page's CSP (rightly) forbids inline scripts.
  await page.evaluate(AXE_SOURCE());
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: {
              id: string;
              impact: string;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        help: v.help,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
  });
}
