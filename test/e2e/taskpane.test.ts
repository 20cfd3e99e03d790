/**
 * The task pane in Debian's chromium, on the preview page (the real pane against the in-memory
 * workbook). Each test loads a fresh page: a fresh workbook and an empty draft.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS,
  field,
  fill,
  fillReview,
  localDay,
  previewPane,
  screenshot,
  seriousAxeViolations,
} from './harness';

jest.setTimeout(60_000);

interface ReflowFace {
  readonly name: string;
  readonly slug: string;
  /** A CSS font-family forced on the whole pane, or null for the pane's own stack. */
  readonly family: string | null;
  readonly bold: boolean;
  /** The platform face Chromium must have rendered with (the check that the fonts are really there). */
  readonly rendered: string;
  /** Debian package that provides it (installed by .ci/run). */
  readonly package: string;
}

const REFLOW_FACES: readonly ReflowFace[] = [
  {
    name: 'default face: Fluent stack, Roboto',
    slug: 'default',
    family: null,
    bold: false,
    rendered: 'Roboto',
    package: 'fonts-roboto-unhinted',
  },
  {
    name: 'widest face: DejaVu Sans',
    slug: 'dejavu',
    family: "'DejaVu Sans'",
    bold: false,
    rendered: 'DejaVu Sans',
    package: 'fonts-dejavu-core',
  },
  {
    name: 'widest face, bold: DejaVu Sans Bold',
    slug: 'dejavu-bold',
    family: "'DejaVu Sans'",
    bold: true,
    rendered: 'DejaVu Sans',
    package: 'fonts-dejavu-core',
  },
];

const { open } = previewPane();

/** The rendered rows of one workbook table: header → cell text, plus formula text where the cell holds one. */
async function tableRows(
  page: Page,
  table: string,
): Promise<{ values: Record<string, string>; formulas: Record<string, string> }[]> {
  return page.$$eval(`[data-table-name="${table}"] tbody tr`, (rows) =>
    rows.map((tr) => {
      const values: Record<string, string> = {};
      const formulas: Record<string, string> = {};
      tr.querySelectorAll<HTMLElement>('td[data-header]').forEach((td) => {
        const header = td.dataset.header ?? '';
        values[header] = td.querySelector('.cell-value')?.textContent ?? '';
        if (td.dataset.formula !== undefined) formulas[header] = td.dataset.formula;
      });
      return { values, formulas };
    }),
  );
}

/** Scrolls an element into view (inside the pane frame or a grid) before a screenshot. */
async function reveal(page: Page, selector: string): Promise<void> {
  await page.$eval(selector, (el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
}

async function status(page: Page): Promise<{ intent: string | null; text: string }> {
  return page.$eval('#pane-status', (el) => ({
    intent: el.getAttribute('data-intent'),
    text: el.textContent ?? '',
  }));
}

async function axe(page: Page, name: string): Promise<void> {
  const serious = await seriousAxeViolations(page);
  if (serious.length > 0) console.log(`axe (${name}):`, JSON.stringify(serious, null, 2));
  expect(serious).toEqual([]);
}

describe('task pane preview', () => {
  it('fills and submits a review; the rows land in all three tables and the snapshot row is selected', async () => {
    const { page, errors } = await open();
    await screenshot(page, '01-empty-form');
    await fillReview(page, {
      [field('exposure', 0, 'bid')]: '61.5',
      [field('exposure', 0, 'ask')]: '64',
      '#f-fx': '7.5',
    });
    // Live previews computed by the core before anything is written.
    await expect(page.textContent(`${field('snapshot', 0, 'priceLow')}-live`)).resolves.toBe(
      '747,000–753,000 → mid 750,000 CNY/t ≈ 100 USD/kg',
    );
    await expect(page.textContent('[data-computed="spread-cost"]')).resolves.toContain('2,500.00');
    await expect(page.textContent('[data-computed="status-0"]')).resolves.toContain('watchlist');
    await reveal(page, '#computed');
    await screenshot(page, '02-filled-form');
    await page.click('#submit-review');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    const done = await status(page);
    expect(done.text).toMatch(/Review recorded/);
    // Where the rows landed is on the recorded-review card that now stands in for the form.
    const card = (await page.textContent('#recorded-review')) ?? '';
    expect(card).toMatch(/DeskSnapshots: 1 row at \S+![A-Z]+\d+:[A-Z]+\d+/);
    expect(card).toMatch(/DeskTriggers: 1 row at/);
    const snapshots = await tableRows(page, 'DeskSnapshots');
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.values).toMatchObject({
      Product: 'NdPr oxide',
      Unit: 'CNY/t',
      'Recorded by': 'E2E analyst',
    });
    expect(snapshots[0]?.values['Price mid']).toMatch(/750,000/);
    const exposures = await tableRows(page, 'DeskExposures');
    expect(exposures[0]?.values['Spread cost']).toMatch(/2,500/);
    const triggers = await tableRows(page, 'DeskTriggers');
    expect(triggers).toHaveLength(1);
    expect(triggers[0]?.formulas['Status now']).toMatch(/^=DESK\.NOTE_STATUS\(/);
    expect(triggers[0]?.values['Status at record']).toBe('watchlist');
    // The landed snapshot row is selected in the workbook.
    await expect(
      page.$$eval('[data-table-name="DeskSnapshots"] tbody tr[data-selected]', (r) => r.length),
    ).resolves.toBe(1);
    await reveal(page, '[data-table-name="DeskTriggers"] td[data-header="Status now"]');
    await screenshot(page, '03-submitted');
    // The next review starts when the analyst says so: then the form is empty and the draft cleared.
    await page.click('#start-next-review');
    await expect(page.inputValue(field('snapshot', 0, 'product'))).resolves.toBe('');
    await expect(
      page.evaluate(() => window.localStorage.getItem('metals-desk-record/review-draft/v1')),
    ).resolves.not.toMatch(/NdPr oxide/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('submit with invalid fields writes nothing and shows every error', async () => {
    const { page, errors } = await open();
    await fillReview(page, {
      [field('snapshot', 0, 'priceLow')]: 'about 750k',
      [field('exposure', 0, 'quantity')]: 'lots',
      [field('triggers', 0, 'dueDate')]: '',
      [field('triggers', 0, 'owner')]: '',
    });
    await page.click('#submit-review');
    await page.waitForSelector('#pane-status[data-intent="error"]');
    const shown = await status(page);
    expect(shown.text).toMatch(/Nothing was written/);
    const invalid = await page.$$eval('[data-invalid]', (els) =>
      els.map((el) => ({
        field: el.getAttribute('data-field'),
        error: el.querySelector('.error')?.textContent ?? '',
      })),
    );
    const byField = Object.fromEntries(invalid.map((i) => [i.field, i.error]));
    expect(byField['snapshot.0.priceLow']).toMatch(/Price low: cannot read 'about 750k'/);
    expect(byField['exposure.0.quantity']).toMatch(/Quantity/);
    expect(byField['triggers.0.dueDate']).toMatch(/Due date/);
    expect(byField['triggers.0.owner']).toMatch(/Owner/);
    // Every marked field is listed in the summary, and every listed problem is marked.
    const listed = await page.$$eval('#pane-status li', (li) => li.length);
    expect(listed).toBe(invalid.length);
    await expect(page.$$eval('[aria-invalid="true"]', (els) => els.length)).resolves.toBe(
      invalid.length,
    );
    // Nothing was written: no desk table exists.
    await expect(page.$$eval('[data-table-name] tbody tr', (r) => r.length)).resolves.toBe(0);
    // Focus moved to the first invalid field; the typed text is still there.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'f-snapshot-0-priceLow',
    );
    await expect(page.inputValue(field('snapshot', 0, 'priceLow'))).resolves.toBe('about 750k');
    await screenshot(page, '04-invalid');
    await axe(page, 'invalid form');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps hostile text as text in the workbook', async () => {
    const { page, errors } = await open();
    const hostile = {
      [field('exposure', 0, 'instrument')]: '=HYPERLINK("http://x","y")',
      [field('snapshot', 0, 'sourceLabel')]: '@SUM(1)',
      [field('triggers', 0, 'openQuestion')]: '+1',
      [field('triggers', 0, 'evidenceRequest')]: '-1',
    };
    await fillReview(page, hostile);
    await page.click('#submit-review');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    const [snap] = await tableRows(page, 'DeskSnapshots');
    const [expo] = await tableRows(page, 'DeskExposures');
    const [trig] = await tableRows(page, 'DeskTriggers');
    expect(expo?.values.Instrument).toBe('=HYPERLINK("http://x","y")');
    expect(expo?.formulas.Instrument).toBeUndefined();
    expect(snap?.values['Source label']).toBe('@SUM(1)');
    expect(snap?.formulas['Source label']).toBeUndefined();
    expect(trig?.values['Open question']).toBe('+1');
    expect(trig?.values['Evidence request']).toBe('-1');
    expect(trig?.formulas['Open question']).toBeUndefined();
    expect(trig?.formulas['Evidence request']).toBeUndefined();
    // Only the Status now column holds a formula.
    expect(Object.keys(trig?.formulas ?? {})).toEqual(['Status now']);
    // No link element was created anywhere from user text.
    await expect(page.$$eval('#tables a', (a) => a.length)).resolves.toBe(0);
    await reveal(page, '[data-table-name="DeskExposures"] td[data-header="Instrument"]');
    await reveal(page, '[data-table-name="DeskSnapshots"] td[data-header="Source label"]');
    await reveal(page, '[data-table-name="DeskTriggers"] td[data-header="Evidence request"]');
    await screenshot(page, '05-hostile-text');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the review queue lists a due trigger; clicking it selects the row', async () => {
    const { page, errors } = await open();
    await fillReview(page, { [field('triggers', 0, 'dueDate')]: await localDay(page) });
    await page.click('#submit-review');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    await page.click('#tab-queue');
    await page.waitForSelector('.queue-item');
    const items = await page.$$eval('.queue-item', (els) =>
      els.map((e) => ({ urgency: e.getAttribute('data-urgency'), text: e.textContent ?? '' })),
    );
    expect(items).toHaveLength(1);
    expect(items[0]?.urgency).toBe('due');
    expect(items[0]?.text).toMatch(/Due today/);
    expect(items[0]?.text).toMatch(/Does the rise hold after the holiday\?/);
    await expect(page.textContent('#tab-queue .count')).resolves.toBe('1');
    await page.click('.queue-item');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    await expect(status(page)).resolves.toMatchObject({
      text: expect.stringMatching(/Selected DeskTriggers row 2 \(NdPr oxide\)/),
    });
    await expect(
      page.$$eval('[data-table-name="DeskTriggers"] tbody tr[data-selected]', (r) => r.length),
    ).resolves.toBe(1);
    await screenshot(page, '06-queue');
    await axe(page, 'queue');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sample data inserts once, with live formulas, and refuses a second time', async () => {
    const { page, errors } = await open();
    await page.click('#tab-workbook');
    await screenshot(page, '07-workbook-fresh');
    await page.click('#insert-sample');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    await expect(status(page)).resolves.toMatchObject({
      text: expect.stringMatching(/Sample data inserted/),
    });
    const snapshots = await tableRows(page, 'DeskSnapshots');
    const triggers = await tableRows(page, 'DeskTriggers');
    expect(snapshots.map((r) => r.values.Product)).toEqual(['NdPr oxide', 'La oxide', 'Y oxide']);
    expect(snapshots[0]?.values['Price low']).toMatch(/747,000/);
    expect(triggers.length).toBeGreaterThanOrEqual(3);
    for (const t of triggers) expect(t.formulas['Status now']).toMatch(/^=DESK\.NOTE_STATUS\(/);
    // The live formula evaluates: the sample quotes are months old now.
    expect(triggers[0]?.values['Status now']).toBe('watchlist');
    // The seeds' prices land with the reviews, one import, SMM's on their dates.
    const prices = await tableRows(page, 'DeskPrices');
    expect(new Set(prices.map((r) => r.values['Import ID'])).size).toBe(1);
    expect(prices.map((r) => r.values['Source label'])).toContain(
      'SMM Rare Earth Weekly Review, Feb 5 2026',
    );
    await reveal(page, '[data-table-name="DeskTriggers"] td[data-header="Status now"]');
    await screenshot(page, '08-sample-inserted');
    await page.click('#insert-sample');
    await page.waitForSelector('#pane-status[data-intent="error"]');
    await expect(status(page)).resolves.toMatchObject({
      text: expect.stringMatching(/Sample data not inserted/),
    });
    await expect(tableRows(page, 'DeskSnapshots')).resolves.toHaveLength(3);
    await screenshot(page, '09-sample-refused');
    // The queue now lists the overdue sample triggers.
    await page.click('#tab-queue');
    await page.waitForSelector('.queue-item');
    await expect(
      page.$$eval('.queue-item[data-urgency="overdue"]', (els) => els.length),
    ).resolves.toBeGreaterThan(0);
    await screenshot(page, '10-queue-after-sample');
    // The Ratio view charts the sample's NdPr oxide over Dy oxide as it opens, nothing chosen.
    await page.click('#tab-ratio');
    await page.waitForSelector('#ratio-form');
    await page.click('#ratio-show');
    await page.waitForSelector('#ratio-chart circle');
    await expect(
      page.$$eval('#ratio-chart circle', (c) => c.length),
    ).resolves.toBeGreaterThanOrEqual(2);
    await screenshot(page, '10b-sample-ratio');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the draft across closing and reopening the pane', async () => {
    const { page } = await open();
    await page.fill('#f-recorded-by', 'Draft keeper');
    await page.fill(field('snapshot', 0, 'product'), 'Dy oxide');
    await page.fill(field('triggers', 0, 'openQuestion'), 'Half-typed question');
    await page.click('[data-action="add-trigger"]');
    await page.fill(field('triggers', 1, 'owner'), 'Second owner');
    await page.reload();
    await page.waitForSelector('#submit-review:not([disabled])');
    await expect(page.inputValue('#f-recorded-by')).resolves.toBe('Draft keeper');
    await expect(page.inputValue(field('snapshot', 0, 'product'))).resolves.toBe('Dy oxide');
    await expect(page.inputValue(field('triggers', 0, 'openQuestion'))).resolves.toBe(
      'Half-typed question',
    );
    await expect(page.inputValue(field('triggers', 1, 'owner'))).resolves.toBe('Second owner');
    await expect(status(page)).resolves.toMatchObject({
      text: expect.stringMatching(/Draft restored/),
    });
    // Removing a trigger removes only that one.
    await page.click('[data-trigger="0"] [data-action="remove-trigger"]');
    await expect(page.inputValue(field('triggers', 0, 'owner'))).resolves.toBe('Second owner');
    await page.close();
  });

  it('shows drift by column name, repairs it, and is keyboard navigable', async () => {
    const { page, errors } = await open();
    await page.click('#tab-workbook');
    await page.click('#insert-sample');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    await page.selectOption('#colleague-table', 'DeskTriggers');
    await page.selectOption('#colleague-column', 'Evidence request');
    // A rename counts as the old header missing plus a colleague's column.
    await page.selectOption('#colleague-column', 'Missing source');
    await page.fill('#colleague-new-name', 'Source we lack');
    await page.click('#colleague-rename');
    await page.waitForSelector('#health [data-verdict="drifted"]', { state: 'attached' });
    await expect(page.textContent('#health [data-table="triggers"]')).resolves.toMatch(
      /Optional column missing: Missing source.*Source we lack/,
    );
    await expect(page.isDisabled('#submit-review')).resolves.toBe(false);
    await page.selectOption('#colleague-column', 'Evidence request');
    await page.click('#colleague-delete');
    await page.waitForSelector('#health [data-verdict="blocked"]', { state: 'attached' });
    await expect(page.textContent('#health [data-table="triggers"]')).resolves.toMatch(
      /Required column missing: Evidence request/,
    );
    await expect(page.isDisabled('#submit-review')).resolves.toBe(true);
    await screenshot(page, '11-drift');
    await page.click('#repair');
    // The repaired Evidence request column is empty: the rows that now break the schema are named.
    await page.waitForSelector('#health [data-verdict="rows"]', { state: 'attached' });
    await expect(page.isDisabled('#submit-review')).resolves.toBe(false);
    await screenshot(page, '12-repaired');
    // Keyboard: arrow keys move between tabs, focus is visible.
    await page.focus('#tab-workbook');
    await page.keyboard.press('ArrowLeft');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('tab-queue');
    await expect(page.getAttribute('#tab-queue', 'aria-selected')).resolves.toBe('true');
    const outline = await page.$eval('#tab-queue', (el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await axe(page, 'workbook tab');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a newer schema makes the pane read-only and says why', async () => {
    const { page } = await open();
    await page.click('#colleague-newer');
    await page.waitForSelector('#health [data-verdict="newer"]', { state: 'attached' });
    await expect(page.isDisabled('#submit-review')).resolves.toBe(true);
    await expect(page.textContent('#read-only-note')).resolves.toMatch(
      /newer version of the add-in/,
    );
    await expect(page.textContent('#health-banner')).resolves.toMatch(/Read-only workbook/);
    await screenshot(page, '13-newer-schema');
    await axe(page, 'read-only');
    await page.close();
  });

  it('the empty form passes an axe scan', async () => {
    const { page } = await open();
    await axe(page, 'empty form');
    await page.close();
  });
});

describe('task pane preview: form and validation (QA findings)', () => {
  it('a single price passes; errors land on their field, listed in form order as links; focus goes to the first', async () => {
    const { page, errors } = await open();
    await fillReview(page, {
      [field('snapshot', 0, 'priceLow')]: '64.5',
      [field('snapshot', 0, 'unit')]: 'USD/kg',
      [field('exposure', 0, 'feeRate')]: '1.5',
      [field('triggers', 0, 'owner')]: '',
    });
    await page.click('#submit-review');
    await page.waitForSelector('#pane-status[data-intent="error"]');
    const invalid = await page.$$eval('[data-invalid]', (els) =>
      els.map((el) => ({
        field: el.getAttribute('data-field'),
        error: el.querySelector('.error')?.textContent ?? '',
      })),
    );
    // Exactly the two wrong fields, in the form's words; nothing on Price low/high, Bid or Ask.
    expect(invalid.map((i) => i.field)).toEqual(['exposure.0.feeRate', 'triggers.0.owner']);
    expect(invalid[0]!.error).toMatch(/^Exit fee rate/);
    expect(invalid.map((i) => i.error).join(' ')).not.toMatch(/fee_rate|Price low is required/);
    // The summary lists them in form order, each a button that goes to its field.
    const links = await page.$$eval('#pane-status li button[data-goto]', (b) =>
      b.map((x) => ({ goto: x.getAttribute('data-goto'), text: x.textContent ?? '' })),
    );
    expect(links.map((l) => l.goto)).toEqual(['exposure.0.feeRate', 'triggers.0.owner']);
    expect(links[0]!.text).toMatch(/^Exposure · Exit fee rate: /);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'f-exposure-0-feeRate',
    );
    await page.click('#pane-status li:nth-child(2) button');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'f-triggers-0-owner',
    );
    await screenshot(page, '20-errors-in-form-order');
    // Fixed, the single price is recorded as low = high.
    await fill(page, field('exposure', 0, 'feeRate'), '1%');
    await fill(page, field('triggers', 0, 'owner'), 'Desk lead');
    await page.click('#submit-review');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    const [row] = await tableRows(page, 'DeskSnapshots');
    expect(row!.values['Price low']).toBe(row!.values['Price high']);
    // Starting the next review clears the stale "Review recorded".
    await page.click('#start-next-review');
    await expect(status(page)).resolves.toEqual({ intent: null, text: '' });
    await page.fill('#f-recorded-by', 'E2E analyst 2');
    await expect(status(page)).resolves.toEqual({ intent: null, text: '' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a range typed in Price low visibly fills Price high and Unit, never over what the user typed', async () => {
    const { page, errors } = await open();
    await page.fill(field('snapshot', 0, 'priceLow'), '747,000-753,000 yuan/mt');
    await page.press(field('snapshot', 0, 'priceLow'), 'Tab');
    await expect(page.inputValue(field('snapshot', 0, 'priceLow'))).resolves.toBe('747,000');
    await expect(page.inputValue(field('snapshot', 0, 'priceHigh'))).resolves.toBe('753,000');
    await expect(page.inputValue(field('snapshot', 0, 'unit'))).resolves.toBe('CNY/t');
    await expect(page.isVisible(field('snapshot', 0, 'priceHigh'))).resolves.toBe(true);
    await screenshot(page, '21-range-split');
    // A Unit the user chose stays; a Price high the user typed is not overwritten.
    await page.fill(field('snapshot', 0, 'priceHigh'), '');
    await page.selectOption(field('snapshot', 0, 'unit'), 'USD/t');
    await page.fill(field('snapshot', 0, 'priceLow'), '1-2 CNY/kg');
    await page.press(field('snapshot', 0, 'priceLow'), 'Tab');
    await expect(page.inputValue(field('snapshot', 0, 'unit'))).resolves.toBe('USD/t');
    await expect(page.inputValue(field('snapshot', 0, 'priceHigh'))).resolves.toBe('2');
    await page.fill(field('snapshot', 0, 'priceHigh'), '9');
    await page.fill(field('snapshot', 0, 'priceLow'), '5-6');
    await page.press(field('snapshot', 0, 'priceLow'), 'Tab');
    await expect(page.inputValue(field('snapshot', 0, 'priceHigh'))).resolves.toBe('9');
    await expect(page.inputValue(field('snapshot', 0, 'priceLow'))).resolves.toBe('5-6');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a producer-equity route opens and marks the supply-chain fields required at once', async () => {
    const { page, errors } = await open();
    const summary = () => page.textContent('#more-exposure-0 > summary');
    const before = Number(/\((\d+) optional\)/.exec((await summary()) ?? '')?.[1]);
    expect(before).toBeGreaterThan(6);
    await page.focus(field('exposure', 0, 'exposureRoute'));
    await page.selectOption(field('exposure', 0, 'exposureRoute'), 'producer equity');
    await expect(
      page.$eval('#more-exposure-0', (d) => (d as HTMLDetailsElement).open),
    ).resolves.toBe(true);
    await expect(summary()).resolves.toMatch(
      new RegExp(`\\(${before - 6} optional, 6 required for a producer equity exposure\\)`),
    );
    await expect(page.getAttribute(field('exposure', 0, 'offtake'), 'aria-required')).resolves.toBe(
      'true',
    );
    await expect(
      page.$eval(`label[for="f-exposure-0-offtake"] .required-mark`, (m) => m.textContent),
    ).resolves.toBe('*');
    // The blank choice of an optional dropdown reads "— not set —", not "(none)" next to "none".
    await expect(
      page.$eval(`${field('snapshot', 0, 'locationBasis')} option[value=""]`, (o) => o.textContent),
    ).resolves.toBe('— not set —');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'f-exposure-0-exposureRoute',
    );
    await screenshot(page, '22-supply-chain-required');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('review date defaults to today; a quote after the review day and a due date before it are field errors', async () => {
    const { page, errors } = await open();
    await expect(page.inputValue(field('snapshot', 0, 'reviewDate'))).resolves.toBe(
      await localDay(page),
    );
    await fillReview(page, {
      [field('snapshot', 0, 'reviewDate')]: await localDay(page, -3),
      [field('triggers', 0, 'dueDate')]: await localDay(page, -10),
    });
    await page.click('#submit-review');
    await page.waitForSelector('#pane-status[data-intent="error"]');
    await expect(page.textContent('[data-field="snapshot.0.quoteTime"] .error')).resolves.toMatch(
      /^Quote time .* is after the review date/,
    );
    await expect(page.textContent('[data-field="triggers.0.dueDate"] .error')).resolves.toMatch(
      /^Due date .* is before the review date/,
    );
    await expect(page.$$eval('[data-table-name] tbody tr', (r) => r.length)).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Clear form asks nothing and offers an Undo that restores the draft', async () => {
    const { page, errors } = await open();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.fill(field('snapshot', 0, 'product'), 'Dy oxide');
    await page.click('#more-exposure-0 > summary');
    await page.fill(field('exposure', 0, 'fixedCosts'), '500; 300');
    await page.click('#clear-review');
    await expect(page.inputValue(field('snapshot', 0, 'product'))).resolves.toBe('');
    await page.click('#undo-clear');
    await expect(page.inputValue(field('snapshot', 0, 'product'))).resolves.toBe('Dy oxide');
    await expect(page.inputValue(field('exposure', 0, 'fixedCosts'))).resolves.toBe('500; 300');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Each face the pane must hold with: the pane's own font stack (Fluent's fontFamilyBase, which
  // resolves to Roboto once .ci/run has installed fonts-roboto-unhinted), and DejaVu Sans — among
  // the widest sans faces, the only one a fresh Debian machine has — in its regular and bold cuts.
  it.each(REFLOW_FACES)(
    'reflows at 320 px and 200% zoom with no horizontal scrolling ($name)',
    async (face) => {
      const { page, errors } = await open();
      await page.setViewportSize({ width: 320, height: 800 });
      await page.evaluate(
        ({ family, bold }) => {
          (document.querySelector('.preview-layout') as HTMLElement).style.gridTemplateColumns =
            '320px minmax(0, 1fr)';
          (document.querySelector('#app') as HTMLElement).style.zoom = '2';
          if (family === null) return;
          // A constructed sheet (CSSOM), which the page's CSP allows, unlike an inline <style>.
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(
            `#app, #app * { font-family: ${family} !important;` +
              `${bold ? ' font-weight: 700 !important;' : ''} }`,
          );
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        },
        { family: face.family, bold: face.bold },
      );
      const slug = face.slug;

      // New review, at its widest: two triggers (both with Remove), every optional field open, every error shown.
      await page.click('[data-action="add-trigger"]');
      await page.$$eval('#review-form details.more', (all) =>
        all.forEach((d) => d.setAttribute('open', '')),
      );
      await page.click('#submit-review');
      await page.waitForSelector('#pane-status[data-intent="error"]');
      await expectFace(page, face, ['#submit-review', '[data-trigger="1"] h3', '.pane-header h1']);
      await expectReflow(page, 'New review');
      await frameShot(page, `23-zoom-200-320-${slug}-form-top`, '.pane-header');
      await frameShot(page, `23-zoom-200-320-${slug}-trigger`, '[data-trigger="1"] .trigger-head');
      await frameShot(page, `23-zoom-200-320-${slug}-form`, '#clear-review');

      // Workbook: sample data, then a colleague's rename, so health shows drift and Repair.
      await page.click('#tab-workbook');
      await page.click('#insert-sample');
      await page.waitForSelector('#pane-status[data-intent="success"]');
      await page.selectOption('#colleague-table', 'DeskTriggers');
      await page.selectOption('#colleague-column', 'Missing source');
      await page.fill('#colleague-new-name', 'Source we lack for this trigger');
      await page.click('#colleague-rename');
      await page.waitForSelector('#health [data-verdict="drifted"]', { state: 'attached' });
      await expectReflow(page, 'Workbook');
      await frameShot(page, `23-zoom-200-320-${slug}-workbook`, '#health');

      // Review queue, listing the overdue sample triggers.
      await page.click('#tab-queue');
      await page.waitForSelector('.queue-item');
      await expectReflow(page, 'Review queue');
      await frameShot(page, `23-zoom-200-320-${slug}-queue`, '.tablist');

      // Import: a pasted grid (tabs) with a row that cannot be recorded, one row's editor open.
      await page.click('#tab-import');
      await page.waitForSelector('#import-text');
      await page.fill('#import-by', 'E2E analyst');
      await page.fill('#import-source-label', 'Fastmarkets (illustrative)');
      await page.fill(
        '#import-text',
        [
          'Symbol\tLocation\tLow\tHigh\tUnit\tAssessment date',
          'MB-NDP-0001\tfob China\t57.5\t59.5\tUSD/kg\t2025-01-09',
          'MB-DY-0001\tfob China\t230\t240\tUSD/kg\t2025-01-09',
          'MB-NDP-0001\tfob China\t60\t62\tUSD/kg\t2025-02-06',
          'MB-DY-0001\tfob China\t235\t245\tUSD/kg\t2025-02-06',
          'MB-DY-0001\tfob China\tabc\t\tUSD/kg\t9/1/2025',
        ].join('\n'),
      );
      await page.click('#import-read');
      await page.waitForSelector('#import-rows .import-row');
      await page.click('#import-edit-button-4');
      await expectReflow(page, 'Import');
      await frameShot(page, `23-zoom-200-320-${slug}-import`, '#import-confirm-card');
      await frameShot(page, `23-zoom-200-320-${slug}-import-edit`, '[data-index="4"]');
      await page.click('[data-action="cancel-edit"]');
      await page.click('#import-untick-invalid');
      await page.click('#import-confirm');
      await page.waitForSelector('#pane-status[data-intent="success"]');

      // Ratio: the chart over what was just imported.
      await page.click('#tab-ratio');
      await page.waitForSelector('#ratio-form');
      await page.selectOption('#ratio-basis', 'fob China');
      await page.click('#ratio-show');
      await page.waitForSelector('#ratio-chart circle');
      await expectReflow(page, 'Ratio');
      await frameShot(page, `23-zoom-200-320-${slug}-ratio`, '#ratio-chart');

      // The recorded review: full-length addresses and Record IDs (one long word each).
      await page.click('#tab-review');
      await page.click('[data-trigger="1"] [data-action="remove-trigger"]');
      await fillReview(page);
      await page.click('#submit-review');
      await page.waitForSelector('#recorded-review');
      await expectReflow(page, 'Recorded review');
      await frameShot(page, `23-zoom-200-320-${slug}-recorded`, '#recorded-review');
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

/** Asks Chromium (DevTools protocol) which installed face drew each element's text, so a missing font fails loudly instead of falling back. */
async function expectFace(page: Page, face: ReflowFace, selectors: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const drawn: Record<string, string[]> = {};
  for (const selector of selectors) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    drawn[selector] = fonts.map((f) => f.familyName);
  }
  await cdp.detach();
  const expected = Object.fromEntries(selectors.map((s) => [s, [face.rendered]]));
  if (JSON.stringify(drawn) !== JSON.stringify(expected)) {
    console.log(
      `reflow (${face.name}): text was not drawn in ${face.rendered}; install Debian's ` +
        `${face.package} (bash .ci/run does). Drawn: ${JSON.stringify(drawn)}`,
    );
  }
  expect(drawn).toEqual(expected);
}

/**
 * On the visible tab: the pane and its frame do not scroll sideways, and no interactive element
 * (button, input, select, textarea, summary, link, the tab list and its tabs) reaches past the
 * frame's inner left or right edge; nor does any other element of the pane.
 */
async function expectReflow(page: Page, tab: string): Promise<void> {
  const found = await page.$eval('.preview-pane-frame', (frame) => {
    const box = frame.getBoundingClientRect();
    const left = box.left + frame.clientLeft;
    const right = left + frame.clientWidth;
    const pane = frame.querySelector('.pane') as HTMLElement;
    const controls = frame.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, summary, a[href], [role="tablist"], [role="tab"]',
    );
    const outside: string[] = [];
    for (const el of controls) {
      if (el.getClientRects().length === 0) continue; // not rendered (hidden tab, closed details)
      const r = el.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1) continue; // visually hidden
      const past = Math.max(r.right - right, left - r.left);
      if (past > 0.5) {
        const name = el.id ? `#${el.id}` : (el.getAttribute('data-action') ?? el.className);
        const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
        outside.push(`${el.tagName.toLowerCase()} ${name} "${text}" by ${past.toFixed(1)} px`);
      }
    }
    // Whatever else sticks out (text, a card), named so a failure says where to look.
    const wide: string[] = [];
    for (const el of pane.querySelectorAll<HTMLElement>('*')) {
      if (el.getClientRects().length === 0) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1) continue;
      const past = r.right - right;
      const child = [...el.children].some((c) => c.getBoundingClientRect().right - right > 0.5);
      if (past > 0.5 && !child) {
        const name = el.id ? `#${el.id}` : `.${[...el.classList].join('.')}`;
        const text = (el.textContent ?? '').trim().slice(0, 40);
        wide.push(`${el.tagName.toLowerCase()}${name} "${text}" by ${past.toFixed(1)} px`);
      }
    }
    // Text overflows without widening its box: measure each rendered text node itself.
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1) continue;
      const past = r.right - right;
      if (past > 0.5) {
        const owner = node.parentElement as HTMLElement;
        const name = owner.id ? `#${owner.id}` : `.${[...owner.classList].join('.')}`;
        const text = (node.textContent ?? '').trim().slice(0, 40);
        wide.push(
          `text in ${owner.tagName.toLowerCase()}${name} "${text}" by ${past.toFixed(1)} px`,
        );
      }
    }
    return {
      paneScroll: pane.scrollWidth - pane.clientWidth,
      frameScroll: frame.scrollWidth - frame.clientWidth,
      outside,
      wide,
    };
  });
  expect({ tab, ...found }).toEqual({ tab, paneScroll: 0, frameScroll: 0, outside: [], wide: [] });
}

/** A screenshot of the pane frame scrolled to `selector` (the frame scrolls; the page does not). */
async function frameShot(page: Page, name: string, selector: string): Promise<void> {
  await page.$eval(selector, (el) => el.scrollIntoView({ block: 'start' }));
  await page.locator('.preview-pane-frame').screenshot({ path: await screenshotPath(name) });
}

async function screenshotPath(name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}
