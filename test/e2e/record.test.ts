/**
 * The desk record in the preview page: a failed write keeps the form and a retry lands every row
 * once; a trigger's Threshold drives its status; a colleague's rename is named as one; the queue
 * speaks in Excel's row numbers. Same harness and page as taskpane.test.ts.
 */
import type { Page } from 'playwright-core';
import { field, fillReview, localDay, screenshot, previewPane, tableRows } from './harness';

jest.setTimeout(60_000);

const { open } = previewPane();

/** The shared complete review, with a 2,000 kg position priced in USD/kg. */
const fillPricedReview = (page: Page, overrides: Record<string, string> = {}) =>
  fillReview(page, {
    [field('exposure', 0, 'quantity')]: '2,000',
    [field('exposure', 0, 'priceUnit')]: 'USD/kg',
    ...overrides,
  });

const rowCounts = async (page: Page) => [
  (await tableRows(page, 'DeskSnapshots')).length,
  (await tableRows(page, 'DeskExposures')).length,
  (await tableRows(page, 'DeskTriggers')).length,
];

const statusText = (page: Page) => page.textContent('#pane-status');

describe('the desk record in the preview', () => {
  it.each([
    ['after', [2, 2, 2]],
    ['before', [1, 1, 1]],
  ] as const)(
    'a write that fails %s it is applied: the pane says so, keeps the form, and a retry lands each row once',
    async (when, afterFailure) => {
      const { page, errors } = await open();
      // A first review creates the tables, so the armed failure hits the rows' own write.
      await fillPricedReview(page);
      await page.click('#submit-review');
      await page.waitForSelector('#pane-status[data-intent="success"]');
      await expect(rowCounts(page)).resolves.toEqual([1, 1, 1]);
      await page.click('#start-next-review');
      await fillPricedReview(page);
      await page.selectOption('#colleague-fail-when', when);
      await page.click('#colleague-fail');
      await expect(page.textContent('#colleague-log')).resolves.toMatch(/next write will/);
      await page.click('#submit-review');
      await page.waitForSelector('#pane-status[data-intent="error"]');
      await expect(statusText(page)).resolves.toMatch(
        /The review could not be confirmed as recorded\.Recording the review failed.*Your form is unchanged/s,
      );
      // Nothing typed is lost.
      await expect(page.inputValue(field('snapshot', 0, 'product'))).resolves.toBe('NdPr oxide');
      await expect(page.inputValue(field('triggers', 0, 'openQuestion'))).resolves.toBe(
        'Does the rise hold after the holiday?',
      );
      await expect(rowCounts(page)).resolves.toEqual(afterFailure);
      await screenshot(page, `record-1-write-failed-${when}`);
      await page.click('#submit-review');
      await page.waitForSelector('#pane-status[data-intent="success"]');
      await expect(rowCounts(page)).resolves.toEqual([2, 2, 2]);
      const ids = (await tableRows(page, 'DeskTriggers')).map((r) => r['Record ID']);
      expect(new Set(ids).size).toBe(2);
      // The card names the retry's rows: the same Record IDs the failed attempt sent.
      await expect(
        page.textContent('#recorded-review [data-landed="triggers"]'),
      ).resolves.toContain(ids[1]);
      await screenshot(page, `record-2-retry-landed-${when}`);
      await page.click('#start-next-review');
      await expect(page.inputValue(field('snapshot', 0, 'product'))).resolves.toBe('');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('a spread-friction threshold of 500 makes 398 bps action, at record and now', async () => {
    const { page, errors } = await open();
    await fillPricedReview(page, {
      [field('exposure', 0, 'bid')]: '61.5',
      [field('exposure', 0, 'ask')]: '64',
      [field('triggers', 0, 'triggerType')]: 'spread friction',
      [field('triggers', 0, 'threshold')]: '500',
    });
    await expect(page.textContent('[data-computed="status-0"]')).resolves.toContain('action');
    await page.click('#submit-review');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    const [trigger] = await tableRows(page, 'DeskTriggers');
    expect(trigger).toMatchObject({
      'Spread bps': '398',
      Threshold: '500',
      'Status at record': 'action',
      'Status now': 'action',
    });
    const [exposure] = await tableRows(page, 'DeskExposures');
    expect(exposure).toMatchObject({ Quantity: '2,000', 'Price unit': 'USD/kg' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names a colleague’s rename, and after Repair names the rows that break the schema', async () => {
    const { page, errors } = await open();
    await page.click('#tab-workbook');
    await page.click('#insert-sample');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    await page.selectOption('#colleague-table', 'DeskSnapshots');
    await page.selectOption('#colleague-column', 'Product');
    await page.fill('#colleague-new-name', 'Metal');
    await page.click('#colleague-rename');
    await page.waitForSelector('#health [data-verdict="blocked"]', { state: 'attached' });
    await expect(page.textContent('#health [data-table="snapshots"]')).resolves.toContain(
      "'Product' is missing and 'Metal' is new — if a colleague renamed it, rename it back to keep the rows' values; Repair would add an empty 'Product' column.",
    );
    await screenshot(page, 'record-3-rename-hint');
    await page.click('#repair');
    await page.waitForSelector('#health [data-verdict="rows"]', { state: 'attached' });
    const snapshots = await page.textContent('#health [data-table="snapshots"]');
    expect(snapshots).toMatch(/3 rows break the schema \(sheet rows 2–4\): Product is required/);
    expect(snapshots).not.toMatch(/matches the schema/);
    await screenshot(page, 'record-4-after-repair-rows');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the queue names Excel’s row and the product; a table missing Due date lists its rows at the top', async () => {
    const { page, errors } = await open();
    await fillPricedReview(page, { [field('triggers', 0, 'dueDate')]: await localDay(page) });
    await page.click('#submit-review');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    await page.click('#tab-queue');
    await page.waitForSelector('.queue-item');
    const item = await page.textContent('.queue-item');
    expect(item).toContain('DeskTriggers row 2');
    expect(item).toContain('NdPr oxide: Does the rise hold after the holiday?');
    await page.click('.queue-item');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    await expect(statusText(page)).resolves.toMatch(
      /^Selected DeskTriggers row 2 \(NdPr oxide\)\.$/,
    );
    // A colleague deletes Due date; Repair puts it back empty: the row cannot be read.
    await page.selectOption('#colleague-table', 'DeskTriggers');
    await page.selectOption('#colleague-column', 'Due date');
    await page.click('#colleague-delete');
    await page.click('#tab-workbook');
    await page.click('#repair');
    await page.waitForSelector('#health [data-verdict="rows"]', { state: 'attached' });
    await page.click('#tab-queue');
    await page.click('#refresh-queue');
    await page.waitForSelector('#queue-body .message-bar');
    const first = await page.$eval('#queue-body', (el) => el.firstElementChild?.textContent ?? '');
    expect(first).toMatch(/DeskTriggers rows that could not be read \(1\)/);
    expect(first).toMatch(/Sheet row 2: Due date is required/);
    await screenshot(page, 'record-5-queue-unreadable-top');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('under a newer schema, the Workbook tab explains once and no table claims to match', async () => {
    const { page } = await open();
    await page.click('#tab-workbook');
    await page.click('#insert-sample');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    await page.click('#colleague-newer');
    await page.waitForSelector('#health [data-verdict="newer"]', { state: 'attached' });
    const health = (await page.textContent('#health')) ?? '';
    // One explanation (the intro): the version is stated once, not again in a footer.
    expect(health.match(/schema version \d/g)).toHaveLength(1);
    expect(health).not.toMatch(/matches the schema/);
    // The banner on the other tabs points to it rather than repeating it.
    await expect(page.textContent('#health-banner')).resolves.not.toMatch(/version \d/);
    await screenshot(page, 'record-6-newer-once');
    await page.close();
  });
});
