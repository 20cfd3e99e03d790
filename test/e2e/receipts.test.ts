/**
 * Issue 8 in the preview page: a typed value whose column a colleague renamed is never dropped
 * without the user's word (Repair / record without it / keep editing), and receipts — the pane
 * shows what waits to be confirmed, re-adds a review a co-author's merged write took, reports a
 * row that now differs. Same harness and page as record.test.ts.
 */
import type { Page } from 'playwright-core';
import {
  field,
  fillReview,
  screenshot,
  seriousAxeViolations,
  previewPane,
  tableRows,
} from './harness';

jest.setTimeout(60_000);

const { open } = previewPane();

const STORAGE_NOTE = 'bonded warehouse, Rotterdam';
const statusText = (page: Page) => page.textContent('#pane-status');

async function submitAndWait(page: Page): Promise<void> {
  await page.click('#submit-review');
  await page.waitForSelector('#pane-status[data-intent="success"]');
}

async function renameColumn(page: Page, table: string, column: string, to: string) {
  await page.selectOption('#colleague-table', table);
  await page.selectOption('#colleague-column', column);
  await page.fill('#colleague-new-name', to);
  await page.click('#colleague-rename');
  await page.waitForFunction(() =>
    /renamed/.test(document.querySelector('#colleague-log')?.textContent ?? ''),
  );
}

describe('a typed value whose column a colleague renamed', () => {
  it('is listed before anything is written; keep editing, then record without it, named on success', async () => {
    const { page, errors } = await open();
    await fillReview(page);
    await submitAndWait(page); // creates the tables
    await page.click('#start-next-review'); // the recorded card stays until the next review is begun
    await renameColumn(page, 'DeskSnapshots', 'Storage note', 'Storage');
    await fillReview(page, { [field('snapshot', 0, 'storageNote')]: STORAGE_NOTE });
    await page.click('#submit-review');
    await page.waitForSelector('#unplaced:not([hidden])');
    await expect(page.textContent('#unplaced')).resolves.toContain(
      `Snapshot · Storage note: '${STORAGE_NOTE}' — DeskSnapshots has no 'Storage note' column (renamed to 'Storage'?)`,
    );
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('unplaced-repair');
    expect(await tableRows(page, 'DeskSnapshots')).toHaveLength(1); // nothing written yet
    await screenshot(page, 'receipts-1-unplaced-choice');
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await page.click('#unplaced-keep');
    await page.waitForSelector('#pane-status[data-intent="info"]');
    await expect(statusText(page)).resolves.toMatch(/^Nothing was written yet\./);
    await expect(page.inputValue(field('snapshot', 0, 'storageNote'))).resolves.toBe(STORAGE_NOTE);
    expect(await tableRows(page, 'DeskSnapshots')).toHaveLength(1);
    await page.click('#submit-review');
    await page.waitForSelector('#unplaced:not([hidden])');
    await page.click('#unplaced-drop');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    await expect(statusText(page)).resolves.toContain(
      `Not written, as you chose: Storage note: '${STORAGE_NOTE}' — DeskSnapshots has no 'Storage note' column (renamed to 'Storage'?).`,
    );
    const rows = await tableRows(page, 'DeskSnapshots');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.Storage).toBe(''); // the colleague's column is theirs: never written
    await screenshot(page, 'receipts-2-recorded-without');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Repair adds the column and the value lands in it', async () => {
    const { page, errors } = await open();
    await fillReview(page);
    await submitAndWait(page);
    await page.click('#start-next-review');
    await renameColumn(page, 'DeskSnapshots', 'Storage note', 'Storage');
    await fillReview(page, { [field('snapshot', 0, 'storageNote')]: STORAGE_NOTE });
    await page.click('#submit-review');
    await page.waitForSelector('#unplaced:not([hidden])');
    await page.click('#unplaced-repair');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    const rows = await tableRows(page, 'DeskSnapshots');
    expect(rows.map((r) => r['Storage note'])).toEqual(['', STORAGE_NOTE]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('receipts', () => {
  it('shows the review waiting, re-adds it after a co-author’s merged write took its rows', async () => {
    // A long hold: the receipt stays pending for the whole test.
    // Rows missing are added again on the first read that misses them (receiptMissingMs=0).
    const { page, errors } = await open(
      '?receiptCheckMs=60000&receiptHoldMs=600000&receiptMissingMs=0',
    );
    await fillReview(page);
    await submitAndWait(page);
    await page.waitForSelector('#receipts:not([hidden])');
    await expect(page.textContent('#receipts [data-receipts="pending"]')).resolves.toBe(
      '1 review waiting to be confirmed in the shared workbook.',
    );
    await screenshot(page, 'receipts-3-waiting');
    const mine = (await tableRows(page, 'DeskSnapshots'))[0]?.['Record ID'];
    await page.click('#colleague-coauthor');
    await page.waitForSelector('#receipts [data-receipts="re-added"]');
    await expect(page.textContent('#receipts [data-receipts="re-added"]')).resolves.toBe(
      "1 review re-added: its rows had vanished after a co-author's change.",
    );
    const ids = (await tableRows(page, 'DeskSnapshots')).map((r) => r['Record ID']);
    expect(ids).toHaveLength(2); // the co-author's row where ours was, ours again below it
    expect(ids[1]).toBe(mine);
    await expect(page.textContent('#colleague-log')).resolves.toMatch(/won the same cells/);
    await screenshot(page, 'receipts-4-re-added');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the timer confirms the review once held long enough, and the notice goes', async () => {
    const { page, errors } = await open('?receiptCheckMs=200&receiptHoldMs=300');
    await fillReview(page);
    await submitAndWait(page);
    await page.waitForSelector('#receipts', { state: 'hidden' });
    await expect(
      page.evaluate(() =>
        Object.keys(window.localStorage).filter((k) => /receipts\/v1\/[0-9a-f-]{36}$/.test(k)),
      ),
    ).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a recorded value that now reads otherwise is reported, and dismissed by the user', async () => {
    const { page, errors } = await open('?receiptCheckMs=60000&receiptHoldMs=600000');
    await fillReview(page, { [field('snapshot', 0, 'articleSlug')]: 'ndpr-weekly' });
    await submitAndWait(page);
    await renameColumn(page, 'DeskSnapshots', 'Article slug', 'Slug');
    await page.waitForSelector('#receipts [data-receipts="differs"]');
    const text = await page.textContent('#receipts [data-receipts="differs"]');
    expect(text).toContain('A review you recorded now holds other values (DeskSnapshots row 2).');
    expect(text).toContain(
      "DeskSnapshots row 2 · Article slug: written ndpr-weekly, now (no 'Article slug' column)",
    );
    expect(text).toContain('the add-in leaves the workbook as it is');
    await screenshot(page, 'receipts-5-differs');
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await page.click('[data-action="dismiss-receipt"]');
    await page.waitForSelector('#receipts', { state: 'hidden' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
