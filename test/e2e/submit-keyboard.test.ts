/**
 * Double submit and keyboard selection in the preview (issue 8, items 9 and 10): after a write the
 * form shows the recorded review until "Start next review"; presses while a write is in flight do
 * nothing; a retry sends the same Record IDs, even after a reload; and a keyboard user typing an
 * Exposure route gets the route typed.
 */
import type { Page } from 'playwright-core';
import { field, fill, fillReview, screenshot, previewPane } from './harness';

jest.setTimeout(60_000);

const { open } = previewPane();

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('desk:interactive').length > 0);
}

/** One workbook table's column, as the grid shows it. */
function column(page: Page, table: string, header: string): Promise<string[]> {
  return page.$$eval(
    `[data-table-name="${table}"] tbody td[data-header="${header}"] .cell-value`,
    (cells) => cells.map((c) => c.textContent ?? ''),
  );
}

const rowCounts = async (page: Page) => [
  (await column(page, 'DeskSnapshots', 'Record ID')).length,
  (await column(page, 'DeskExposures', 'Record ID')).length,
  (await column(page, 'DeskTriggers', 'Record ID')).length,
];

/** Every title the pane's message bar shows from now on (one entry per message shown). */
async function watchMessages(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __titles: string[] };
    w.__titles = [];
    const bar = document.getElementById('pane-status') as HTMLElement;
    new MutationObserver(() => {
      const title = bar.querySelector('.title')?.textContent;
      if (title) w.__titles.push(title);
    }).observe(bar, { childList: true });
  });
  return () => page.evaluate(() => (window as unknown as { __titles: string[] }).__titles);
}

/** A submit by any route the form has (Enter in a field, a script, a second button press). */
const requestSubmit = (page: Page) =>
  page.$eval('#review-form', (f) => (f as HTMLFormElement).requestSubmit());

const SUPPLY_CHAIN = [
  'stageProven',
  'separationEvidence',
  'complianceDocuments',
  'downstreamQualification',
  'offtake',
  'jurisdictionExposure',
];

describe('double submit', () => {
  it('after success the form shows the recorded review; pressing again neither writes nor says "Nothing was written"', async () => {
    const { page, errors } = await open();
    await fillReview(page, {
      [field('triggers', 0, 'openQuestion')]: 'Does the NdPr bid hold?',
    });
    await page.click('[data-action="add-trigger"]');
    const second: Record<string, string> = {
      owner: 'Second owner',
      openQuestion: 'Does Dy follow?',
      evidenceRequest: 'Fastmarkets Dy assessment',
      dueDate: await page.inputValue(field('triggers', 0, 'dueDate')),
      triggerType: 'source age',
      nextAction: 'monitor',
    };
    for (const [key, value] of Object.entries(second))
      await fill(page, field('triggers', 1, key), value);
    await page.click('#submit-review');
    await page.waitForSelector('#pane-status[data-intent="success"]');

    // The card, not the form: Record IDs per table where the rows landed, product, date, triggers.
    await expect(page.isVisible('#recorded-review')).resolves.toBe(true);
    await expect(page.isVisible('#submit-review')).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'start-next-review',
    );
    const card = (await page.textContent('#recorded-review')) ?? '';
    expect(card).toMatch(/^Review recorded/);
    expect(card).toMatch(/NdPr oxide, review date \d{4}-\d\d-\d\d: 4 rows written by E2E analyst/);
    for (const [table, rows] of [
      ['DeskSnapshots', 1],
      ['DeskExposures', 1],
      ['DeskTriggers', 2],
    ] as const) {
      const ids = await column(page, table, 'Record ID');
      expect(ids).toHaveLength(rows);
      const landed = (await page.textContent(
        `#recorded-review [data-landed]:has-text("${table}:")`,
      ))!;
      expect(landed).toMatch(
        new RegExp(`^${table}: ${rows} rows? at ${table}!A2:[A-Z]+${1 + rows}`),
      );
      for (const id of ids) expect(landed).toContain(id);
    }
    const reviewId = (await column(page, 'DeskSnapshots', 'Review ID'))[0]!;
    await expect(page.getAttribute('#recorded-review', 'data-review-id')).resolves.toBe(reviewId);
    await expect(
      page.$$eval('.recorded-triggers li', (li) => li.map((l) => l.textContent)),
    ).resolves.toEqual([
      expect.stringMatching(/^Desk lead: Does the NdPr bid hold\? \(due /),
      expect.stringMatching(/^Second owner: Does Dy follow\? \(due /),
    ]);
    await screenshot(page, 'double-1-recorded');

    // Any further submit (a script, Enter, a stale button press) does nothing at all.
    const titles = await watchMessages(page);
    await requestSubmit(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(titles()).resolves.toEqual([]);
    await expect(page.textContent('#pane-status')).resolves.toMatch(/^Review recorded\./);
    await expect(rowCounts(page)).resolves.toEqual([1, 1, 2]);

    // A reload (the pane closed and opened) still shows it recorded, not as an unrecorded draft.
    await page.reload();
    await ready(page);
    await expect(page.isVisible('#recorded-review')).resolves.toBe(true);
    await expect(page.getAttribute('#recorded-review', 'data-review-id')).resolves.toBe(reviewId);
    await expect(page.textContent('#pane-status')).resolves.not.toMatch(/Draft restored/);
    await expect(page.isVisible('#submit-review')).resolves.toBe(false);

    // Starting the next review is an explicit, keyboard-reachable step; then the form is new.
    await page.focus('#start-next-review');
    await page.keyboard.press('Enter');
    await expect(page.isVisible('#recorded-review')).resolves.toBe(false);
    await expect(page.inputValue(field('snapshot', 0, 'product'))).resolves.toBe('');
    await expect(page.$$eval('[data-trigger]', (t) => t.length)).resolves.toBe(1);
    await expect(page.inputValue('#f-recorded-by')).resolves.toBe('E2E analyst');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'f-snapshot-0-noteType',
    );
    await page.reload();
    await ready(page);
    await expect(page.isVisible('#recorded-review')).resolves.toBe(false);
    await expect(page.inputValue(field('snapshot', 0, 'product'))).resolves.toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clicks and Enter while the write is in flight are ignored: one write, no second message', async () => {
    const { page, errors } = await open();
    await fillReview(page);
    const titles = await watchMessages(page);
    await page.click('#colleague-hold');
    await page.click('#submit-review');
    await page.waitForSelector('#submit-review[disabled]');
    await expect(page.textContent('#submit-review')).resolves.toBe('Writing…');
    await expect(page.getAttribute('#review-form', 'aria-busy')).resolves.toBe('true');
    // What is on screen is what is being written: the fields take no input meanwhile.
    await expect(page.$eval('.review-body', (b) => (b as HTMLElement).inert)).resolves.toBe(true);
    await expect(page.isVisible('#writing-note')).resolves.toBe(true);
    await page.$eval('.pane-header', (el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'double-2-in-flight');
    await page.click('#submit-review', { force: true });
    await page.keyboard.press('Enter');
    await requestSubmit(page);
    await expect(titles()).resolves.toEqual(['Recording the review…']);
    await page.click('#colleague-hold');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    await expect(titles()).resolves.toEqual(['Recording the review…', 'Review recorded.']);
    await expect(page.isVisible('#writing-note')).resolves.toBe(false);
    await expect(rowCounts(page)).resolves.toEqual([1, 1, 1]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a failed write keeps the form as typed, and the retry sends the same Record IDs, even after a reload', async () => {
    const { page, errors } = await open();
    // Tables first (sample data), so the armed failure hits the review's own rows.
    await page.click('#tab-workbook');
    await page.click('#insert-sample');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    await page.click('#tab-review');
    await fillReview(page);
    const before = (await column(page, 'DeskSnapshots', 'Record ID')).length;
    await page.selectOption('#colleague-fail-when', 'after');
    await page.click('#colleague-fail');
    await page.click('#submit-review');
    await page.waitForSelector('#pane-status[data-intent="error"]');
    await expect(page.isVisible('#recorded-review')).resolves.toBe(false);
    await expect(page.inputValue(field('snapshot', 0, 'product'))).resolves.toBe('NdPr oxide');
    await expect(page.$eval('.review-body', (b) => (b as HTMLElement).inert)).resolves.toBe(false);
    // The rows reached the workbook although the reply was lost.
    const sent = (await column(page, 'DeskSnapshots', 'Record ID')).slice(before);
    expect(sent).toHaveLength(1);

    // Reload: the preview's workbook starts empty again, but the pane still holds the rows it sent.
    await page.reload();
    await ready(page);
    await expect(page.inputValue(field('snapshot', 0, 'product'))).resolves.toBe('NdPr oxide');
    await page.click('#submit-review');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    await expect(column(page, 'DeskSnapshots', 'Record ID')).resolves.toEqual(sent);
    await expect(page.textContent('#recorded-review')).resolves.toContain(sent[0]!);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('keyboard selection', () => {
  const route = field('exposure', 0, 'exposureRoute');
  const requiredMarks = (page: Page) =>
    Promise.all(
      SUPPLY_CHAIN.map(async (key) => ({
        key,
        aria: await page.getAttribute(field('exposure', 0, key), 'aria-required'),
        star: await page.$$eval(
          `label[for="f-exposure-0-${key}"] .required-mark`,
          (marks) => marks.length,
        ),
      })),
    );

  it('typing "physical metal" into a blank Exposure route selects physical metal; no supply-chain field becomes required', async () => {
    const { page, errors } = await open();
    await page.focus(route);
    await page.keyboard.type('physical metal', { delay: 120 });
    await expect(page.inputValue(route)).resolves.toBe('physical metal');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'f-exposure-0-exposureRoute',
    );
    await expect(requiredMarks(page)).resolves.toEqual(
      SUPPLY_CHAIN.map((key) => ({ key, aria: null, star: 0 })),
    );
    await expect(page.textContent('#more-exposure-0 > summary')).resolves.toMatch(
      /^More exposure fields \(\d+ optional\)$/,
    );
    // The fold "producer equity" opened on the way was folded again, and nothing was announced
    // once the choice settled (Chromium's type-to-select ends after 1 s without a key).
    await expect(
      page.$eval('#more-exposure-0', (d) => (d as HTMLDetailsElement).open),
    ).resolves.toBe(false);
    await page.waitForTimeout(1_500);
    await expect(page.textContent('#required-announcer')).resolves.toBe('');
    await screenshot(page, 'keyboard-1-physical-metal');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('typing "refiner contract" selects it and marks the six supply-chain fields required, announced once', async () => {
    const { page, errors } = await open();
    await page.focus(route);
    await page.keyboard.type('refiner contract', { delay: 120 });
    await expect(page.inputValue(route)).resolves.toBe('refiner contract');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'f-exposure-0-exposureRoute',
    );
    await expect(requiredMarks(page)).resolves.toEqual(
      SUPPLY_CHAIN.map((key) => ({ key, aria: 'true', star: 1 })),
    );
    await expect(page.textContent('#more-exposure-0 > summary')).resolves.toMatch(
      /, 6 required for a refiner contract exposure\)$/,
    );
    await page.waitForFunction(
      () => document.getElementById('required-announcer')?.textContent !== '',
    );
    await expect(page.textContent('#required-announcer')).resolves.toBe(
      'Required for a refiner contract exposure: Stage proven, Separation evidence, Compliance documents, Downstream qualification, Offtake, Jurisdiction exposure note.',
    );
    await page.$eval('[data-field="exposure.0.stageProven"]', (el) =>
      el.scrollIntoView({ block: 'start' }),
    );
    await screenshot(page, 'keyboard-2-refiner-contract');
    expect(errors).toEqual([]);
    await page.close();
  });
});
