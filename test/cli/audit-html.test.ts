/**
 * `audit --html`: one self-contained page (no script, no external asset), checked in headless
 * Debian Chromium — no request leaves the page, every workbook and queue item is on it — and a
 * screenshot kept in /tmp/i11-shots/ for a person to look at.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { AuditReport } from '../../src/cli/audit/audit';
import { writeDeskFolder } from './fixtures';
import { runCli, scratch } from './helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];
const SHOTS = '/tmp/i11-shots';
const present = existsSync(CHROMIUM);
if (!present)
  console.warn(
    `SKIPPED: audit --html in Chromium — no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does).`,
  );

let dir: string;
let cleanup: () => void;
let browser: Browser | undefined;
beforeAll(() => ({ dir, cleanup } = scratch('html')));
afterAll(async () => {
  await browser?.close();
  cleanup();
});

describe('audit --html', () => {
  (present ? it : it.skip)(
    'writes a self-contained page listing every workbook, queue item and duplicate',
    async () => {
      await writeDeskFolder(dir);
      const page = join(dir, 'report.html');
      const r = await runCli([
        'audit',
        '--as-of',
        '2026-12-01',
        '--json',
        '--html',
        page,
        join(dir, 'desk'),
        join(dir, 'empty'),
      ]);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.out) as AuditReport;
      const html = readFileSync(page, 'utf8');
      expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import/i);

      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      tab.on('request', (q) => requests.push(q.url()));
      const url = pathToFileURL(page).href;
      await tab.goto(url);
      expect(requests).toEqual([url]);
      expect(await tab.title()).toBe('Desk audit as of 2026-12-01');
      const rows = await tab.$$eval('table', (ts) =>
        ts.map((t) => t.querySelectorAll('tbody tr').length),
      );
      expect(rows).toEqual([
        report.workbooks.length,
        report.queue.length,
        report.duplicates.length,
      ]);
      const text = await tab.innerText('body');
      for (const w of report.workbooks) expect(text).toContain(w.path);
      expect(text).toContain('password-protected');
      expect(text).toContain('DeskTriggers: missing Due date');
      mkdirSync(SHOTS, { recursive: true });
      await tab.screenshot({ path: join(SHOTS, 'audit-report.png'), fullPage: true });
    },
    120_000,
  );
});
