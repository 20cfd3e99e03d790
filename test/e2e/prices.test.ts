/**
 * Prices in the preview page (the real pane on the in-memory workbook): a pasted SMM review and a
 * CSV imported, unticked, confirmed, re-imported (nothing twice) and corrected; a large import
 * cancelled (nothing of it left); "Use latest price" never taking a price dated after the review
 * date; the ratio chart, its keyboard and hover details, and Insert into workbook (a table and an
 * Excel chart, updated on a second insert). Screenshots go to test-artifacts/prices-*.png.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, field, previewPane, screenshot, seriousAxeViolations, tableRows } from './harness';

jest.setTimeout(90_000);

const { open } = previewPane();

const SMM_SEED = join(ROOT, '..', 'shared', 'seeds', '002_23f44c0b07ab26ae.txt');
function smmSeed(): string {
  if (!existsSync(SMM_SEED)) throw new Error(`the SMM seed is missing: expected ${SMM_SEED}`);
  return readFileSync(SMM_SEED, 'utf8');
}

/** Fastmarkets-style rows (figures illustrative) for NdPr and Dy oxide on three dates. */
const FASTMARKETS_CSV = [
  'Symbol,Description,Location,Low,High,Unit,Assessment date',
  'MB-NDP-0001,Neodymium-Praseodymium oxide 99%,fob China,57.5,59.5,USD/kg,2025-01-09',
  'MB-DY-0001,Dysprosium oxide 99.5%,fob China,230,240,USD/kg,2025-01-09',
  'MB-NDP-0001,Neodymium-Praseodymium oxide 99%,fob China,60,62,USD/kg,2025-02-06',
  'MB-DY-0001,Dysprosium oxide 99.5%,fob China,235,245,USD/kg,2025-02-06',
  'MB-NDP-0001,Neodymium-Praseodymium oxide 99%,fob China,63,65,USD/kg,2025-03-06',
  'MB-DY-0001,Dysprosium oxide 99.5%,fob China,240,250,USD/kg,2025-03-06',
].join('\r\n');

async function openImport(page: Page): Promise<void> {
  await page.click('#tab-import');
  await page.waitForSelector('#import-text');
  await page.fill('#import-by', 'E2E analyst');
}

async function paste(page: Page, text: string, sourceLabel: string): Promise<void> {
  await page.fill('#import-source-label', sourceLabel);
  await page.fill('#import-text', text);
  await page.click('#import-read');
  await page.waitForSelector('#import-confirm-card:not([hidden])');
}

async function chooseCsv(
  page: Page,
  name: string,
  text: string,
  sourceLabel: string,
): Promise<void> {
  await page.fill('#import-source-label', sourceLabel);
  await page.setInputFiles('#import-file', {
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
  await page.waitForFunction(
    (n) => document.querySelector('#import-origin')?.textContent?.includes(n) ?? false,
    name,
  );
}

/** The preview's cards: line, what was read, price text, mark. */
function previewRows(
  page: Page,
): Promise<{ what: string; price: string; mark: string; ticked: boolean }[]> {
  return page.$$eval('#import-rows .import-row', (rows) =>
    rows.map((li) => ({
      what: li.querySelector('label')?.textContent ?? '',
      price: li.querySelector('.import-row-price')?.textContent ?? '',
      mark: li.getAttribute('data-mark') ?? '',
      ticked: (li.querySelector('input[type="checkbox"]') as HTMLInputElement).checked,
    })),
  );
}

/** DeskPrices' rows with a Record ID (a new table's one blank body row is not a price). */
const recordedRows = async (page: Page) =>
  (await tableRows(page, 'DeskPrices')).filter((r) => (r['Record ID'] ?? '') !== '');

const summary = (page: Page) => page.textContent('#import-summary');
const status = (page: Page) => page.textContent('#pane-status');

async function confirmImport(page: Page, intent = 'success'): Promise<void> {
  await page.click('#import-confirm');
  await page.waitForSelector(`#pane-status[data-intent="${intent}"]`);
}

async function frame(page: Page, name: string, selector: string): Promise<void> {
  await page.$eval(selector, (el) => el.scrollIntoView({ block: 'start' }));
  await page.locator('.preview-pane-frame').screenshot({
    path: join(ROOT, 'test-artifacts', `${name}.png`),
  });
}

async function noAxe(page: Page, name: string): Promise<void> {
  const serious = await seriousAxeViolations(page);
  if (serious.length > 0) console.log(`axe (${name}):`, JSON.stringify(serious, null, 2));
  expect(serious).toEqual([]);
}

describe('price import in the preview', () => {
  it('a pasted SMM review: La, Ce, Y oxide and Pr-Nd oxide ranges in yuan/mt with dates; untick, confirm, re-import', async () => {
    const { page, errors } = await open();
    await openImport(page);
    await paste(page, smmSeed(), 'SMM');
    await expect(summary(page)).resolves.toBe('4 rows: 4 new, 0 corrections, 0 already recorded.');
    await expect(page.textContent('#import-origin')).resolves.toBe(
      'Read from the pasted text; published 2025-01-09.',
    );
    expect(await previewRows(page)).toEqual([
      {
        what: 'Line 10: La oxide',
        price: '3,600–4,000 CNY/t · 2025-01-09 · SMM',
        mark: 'new',
        ticked: true,
      },
      {
        what: 'Line 10: Ce oxide',
        price: '7,800–8,000 CNY/t · 2025-01-09 · SMM',
        mark: 'new',
        ticked: true,
      },
      {
        what: 'Line 14: Y oxide',
        price: '40,000–43,000 CNY/t · 2025-01-09 · SMM',
        mark: 'new',
        ticked: true,
      },
      {
        what: 'Line 49: NdPr oxide',
        price: '747,000–753,000 CNY/t · 2026-02-05 · SMM',
        mark: 'new',
        ticked: true,
      },
    ]);
    // Each price with the sentence it came from.
    await expect(page.textContent('[data-index="2"] .import-row-source')).resolves.toBe(
      'From: Yttrium oxide prices remained stable this week at 40,000-43,000 yuan/mt.',
    );
    await screenshot(page, 'prices-1-smm-preview');
    await frame(page, 'prices-1-smm-rows', '#import-confirm-card');

    // Untick Y oxide: three rows land, the fourth is left out.
    await page.uncheck('#import-tick-2');
    await expect(summary(page)).resolves.toBe(
      '4 rows: 3 new, 0 corrections, 0 already recorded, 1 unticked.',
    );
    await expect(page.textContent('#import-confirm')).resolves.toBe('Import 3 rows');
    await confirmImport(page);
    const table = await tableRows(page, 'DeskPrices');
    expect(
      table.map((r) => [r['Product'], r['Price low'], r['Price high'], r['Unit'], r['Price date']]),
    ).toEqual([
      ['La oxide', '3,600.00', '4,000.00', 'CNY/t', '2025-01-09'],
      ['Ce oxide', '7,800.00', '8,000.00', 'CNY/t', '2025-01-09'],
      ['NdPr oxide', '747,000.00', '753,000.00', 'CNY/t', '2026-02-05'],
    ]);
    // The preview now marks them as recorded.
    await expect(summary(page)).resolves.toBe(
      '4 rows: 0 new, 0 corrections, 3 already recorded, 1 unticked.',
    );

    // The same text again: what was recorded is counted, the row left out is offered as new.
    await paste(page, smmSeed(), 'SMM');
    await expect(summary(page)).resolves.toBe('4 rows: 1 new, 0 corrections, 3 already recorded.');
    await confirmImport(page);
    await expect(status(page)).resolves.toMatch(
      /1 written \(1 new, 0 corrections\); 3 already recorded/,
    );
    expect(await tableRows(page, 'DeskPrices')).toHaveLength(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a CSV: mapping shown, confirm, re-import writes 0 rows, a changed price is a correction', async () => {
    const { page, errors } = await open();
    await openImport(page);
    await chooseCsv(page, 'fastmarkets.csv', FASTMARKETS_CSV, 'Fastmarkets (illustrative)');
    await expect(page.textContent('#import-mapping-note')).resolves.toMatch(
      /comma-separated, 7 columns/,
    );
    const mapped = await page.$$eval('#import-mapping select', (all) =>
      all.map((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''),
    );
    expect(mapped).toEqual([
      'Price code',
      'Product',
      'Location basis',
      'Price low',
      'Price high',
      'Unit',
      'Price date',
    ]);
    await expect(summary(page)).resolves.toBe('6 rows: 6 new, 0 corrections, 0 already recorded.');
    await confirmImport(page);
    expect(await tableRows(page, 'DeskPrices')).toHaveLength(6);

    // Re-import: nothing new, every row counted.
    await chooseCsv(page, 'fastmarkets-again.csv', FASTMARKETS_CSV, 'Fastmarkets (illustrative)');
    await expect(summary(page)).resolves.toBe('6 rows: 0 new, 0 corrections, 6 already recorded.');
    await expect(page.isDisabled('#import-confirm')).resolves.toBe(true);
    await expect(page.textContent('#import-confirm')).resolves.toBe('Nothing new to import');

    // A corrected Dy oxide price for Feb 6: offered as a correction naming the earlier row.
    const earlier = (await tableRows(page, 'DeskPrices'))[3]?.['Record ID'];
    await chooseCsv(
      page,
      'fastmarkets-corrected.csv',
      FASTMARKETS_CSV.replace('235,245', '236,246'),
      'Fastmarkets (illustrative)',
    );
    await expect(summary(page)).resolves.toBe('6 rows: 0 new, 1 correction, 5 already recorded.');
    await expect(page.textContent('[data-index="3"] .import-row-reasons')).resolves.toContain(
      `Corrects the row recorded at 235–245 USD/kg (Record ID ${earlier})`,
    );
    await frame(page, 'prices-2-csv-correction', '[data-index="3"]');
    await confirmImport(page);
    const rows = await tableRows(page, 'DeskPrices');
    expect(rows).toHaveLength(7);
    expect(rows[6]).toMatchObject({ 'Price low': '236.00', 'Correction of': earlier });
    // Nothing overwritten: the earlier row is as it was.
    expect(rows[3]).toMatchObject({ 'Price low': '235.00', 'Correction of': '' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('rows that cannot be recorded say why; an edit is checked again; an ambiguous date asks', async () => {
    const { page, errors } = await open();
    await openImport(page);
    const csv = [
      'Product,Low,High,Unit,Date',
      'La oxide,"3,600","4,000",CNY/t,9/1/2025',
      'Ce oxide,abc,,CNY/t,2025-01-09',
      'Y oxide,40000,43000,furlongs,2025-01-09',
      '=HYPERLINK("http://x"),1,2,CNY/t,2025-01-09',
    ].join('\n');
    await chooseCsv(page, 'bad.csv', csv, 'Colleague sheet');
    await expect(summary(page)).resolves.toBe(
      '4 rows: 1 new, 0 corrections, 0 already recorded, 3 cannot be recorded.',
    );
    await expect(page.textContent('#import-ambiguous')).resolves.toMatch(
      /1 row has a date that reads either way/,
    );
    const reasons = await page.$$eval('#import-rows .import-row-reasons', (all) =>
      all.map((u) => u.textContent ?? ''),
    );
    expect(reasons[0]).toMatch(/Price date: .*9\/1\/2025.* ambiguous/);
    expect(reasons[1]).toMatch(/Price low/);
    expect(reasons[2]).toMatch(/Unit/);
    await frame(page, 'prices-3-invalid-rows', '#import-confirm-card');
    // Nothing is written while a ticked row cannot be recorded.
    await page.click('#import-confirm');
    await page.waitForSelector('#pane-status[data-intent="error"]');
    await expect(status(page)).resolves.toMatch(/Line 2 cannot be recorded/);
    expect(await recordedRows(page)).toHaveLength(0);

    // Day first reads 9/1/2025 as 9 January; an edit fixes Ce oxide.
    await page.selectOption('#import-day-first', { index: 1 });
    await expect(page.getAttribute('[data-index="0"]', 'data-mark')).resolves.toBe('new');
    await page.click('#import-edit-button-1');
    await page.fill('#import-edit-1-priceLow', '7,800-8,000');
    await page.click('[data-action="apply-edit"]');
    await expect(page.getAttribute('[data-index="1"]', 'data-mark')).resolves.toBe('new');
    await expect(page.textContent('[data-index="1"] .import-row-price')).resolves.toBe(
      '7,800–8,000 CNY/t · 2025-01-09 · Colleague sheet',
    );
    await page.click('#import-untick-invalid');
    await expect(summary(page)).resolves.toBe(
      '4 rows: 3 new, 0 corrections, 0 already recorded, 1 unticked.',
    );
    await noAxe(page, 'import preview');
    await confirmImport(page);
    const rows = await tableRows(page, 'DeskPrices');
    expect(rows.map((r) => r['Product'])).toEqual([
      'La oxide',
      'Ce oxide',
      '=HYPERLINK("http://x")',
    ]);
    expect(rows[0]?.['Price date']).toBe('2025-01-09');
    // Pasted text stays text: the formula-looking product is a value, not a formula.
    const formulas = await page.$$eval(
      '[data-table-name="DeskPrices"] td[data-formula]',
      (t) => t.length,
    );
    expect(formulas).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a large import shows progress and can be cancelled: nothing of it is left', async () => {
    const { page, errors } = await open();
    await openImport(page);
    const start = Date.UTC(2000, 0, 1);
    const lines = ['Symbol,Location,Low,High,Unit,Date'];
    for (let i = 0; i < 3000; i++) {
      const d = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      lines.push(`MB-DY-0001,fob China,${200 + (i % 50)},${260 + (i % 50)},USD/kg,${d}`);
    }
    await chooseCsv(page, 'history.csv', lines.join('\n'), 'Fastmarkets (illustrative)');
    await expect(summary(page)).resolves.toBe(
      '3,000 rows: 3,000 new, 0 corrections, 0 already recorded.',
    );
    await expect(page.textContent('#import-range')).resolves.toBe('Showing 100 of 3,000 rows.');

    // Excel is slow to answer: the import waits; the user cancels.
    await page.click('#colleague-hold');
    await page.click('#import-confirm');
    await page.waitForSelector('#import-progress-box:not([hidden])');
    await expect(page.textContent('#import-progress-text')).resolves.toBe(
      '0 of 3,000 rows written',
    );
    await frame(page, 'prices-4-progress', '#import-confirm-card');
    await page.click('#import-cancel');
    await page.click('#colleague-hold');
    await page.waitForSelector('#pane-status[data-intent="warning"]');
    await expect(status(page)).resolves.toMatch(
      /Import cancelled: nothing of it is left in DeskPrices/,
    );
    expect(await recordedRows(page)).toHaveLength(0);

    // Confirmed again, it lands whole, counting as it goes.
    const seen: string[] = [];
    await page.exposeFunction('__progress', (t: string) => seen.push(t));
    await page.evaluate(() => {
      const el = document.getElementById('import-progress-text') as HTMLElement;
      new MutationObserver(() =>
        (window as unknown as { __progress(t: string): void }).__progress(el.textContent ?? ''),
      ).observe(el, { childList: true, characterData: true, subtree: true });
    });
    const started = Date.now();
    await confirmImport(page);
    console.log(
      `3,000-row import in the preview: ${Date.now() - started} ms; progress: ${seen.join(' | ')}`,
    );
    expect(seen[seen.length - 1]).toBe('3,000 of 3,000 rows written');
    expect(await tableRows(page, 'DeskPrices')).toHaveLength(3000);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('prices in the review form and the ratio view', () => {
  async function importFastmarkets(page: Page): Promise<void> {
    await openImport(page);
    await chooseCsv(page, 'fastmarkets.csv', FASTMARKETS_CSV, 'Fastmarkets (illustrative)');
    await confirmImport(page);
  }

  it('"Use latest price" fills the snapshot from the latest price on or before the review date, never a later one', async () => {
    const { page, errors } = await open();
    await importFastmarkets(page);
    await page.click('#tab-review');
    await page.$$eval('#review-form details.more', (all) =>
      all.forEach((d) => d.setAttribute('open', '')),
    );
    await page.fill(field('snapshot', 0, 'product'), 'NdPr oxide');
    await page.selectOption(field('snapshot', 0, 'locationBasis'), 'fob China');
    await page.fill(field('snapshot', 0, 'reviewDate'), '2025-02-20');
    await page.click('#use-latest-price');
    await page.waitForSelector('#pane-status[data-intent="info"]');
    const filled = async () => ({
      low: await page.inputValue(field('snapshot', 0, 'priceLow')),
      high: await page.inputValue(field('snapshot', 0, 'priceHigh')),
      unit: await page.inputValue(field('snapshot', 0, 'unit')),
      quote: await page.inputValue(field('snapshot', 0, 'quoteTime')),
      source: await page.inputValue(field('snapshot', 0, 'sourceLabel')),
      basis: await page.inputValue(field('snapshot', 0, 'dataBasis')),
    });
    // Feb 6 is the latest on or before Feb 20; Mar 6's price is not used.
    await expect(filled()).resolves.toEqual({
      low: '60',
      high: '62',
      unit: 'USD/kg',
      quote: '2025-02-06T00:00',
      source: 'Fastmarkets (illustrative)',
      basis: 'indication',
    });
    await expect(page.textContent('#latest-price-note')).resolves.toMatch(
      /^Used DeskPrices sheet row 4: NdPr oxide \(MB-NDP-0001\), 60–62 USD\/kg, dated 2025-02-06, Fastmarkets \(illustrative\) — the latest on or before 2025-02-20\./,
    );
    await frame(page, 'prices-5-use-latest', '#f-snapshot-0-unit');

    // On the day itself the day's price counts; before the first price there is none.
    await page.fill(field('snapshot', 0, 'reviewDate'), '2025-03-06');
    await page.click('#use-latest-price');
    await page.waitForFunction(
      (sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '63',
      field('snapshot', 0, 'priceLow'),
    );
    await page.fill(field('snapshot', 0, 'reviewDate'), '2025-01-08');
    await page.click('#use-latest-price');
    await page.waitForSelector('#pane-status[data-intent="warning"]');
    // The key is now the code the first use filled in (Price code was blank).
    await expect(status(page)).resolves.toBe(
      "No latest price used.No price for 'MB-NDP-0001' at 'fob China' on or before 2025-01-08 (the first there is dated 2025-01-09)",
    );
    // Nothing was filled from a later price.
    await expect(page.inputValue(field('snapshot', 0, 'priceLow'))).resolves.toBe('63');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the ratio chart renders with dates and sources on focus and hover, a text table, and inserts into the workbook once', async () => {
    const { page, errors } = await open();
    await importFastmarkets(page);
    await page.click('#tab-ratio');
    await page.waitForSelector('#ratio-form');
    await page.selectOption('#ratio-basis', 'fob China');
    await page.click('#ratio-show');
    await page.waitForSelector('#ratio-chart circle');
    await expect(page.$$eval('#ratio-chart circle', (c) => c.length)).resolves.toBe(3);
    const src = 'Fastmarkets (illustrative)';
    await expect(
      page.$$eval('#ratio-table tbody tr', (r) =>
        r.map((tr) => [...tr.children].map((c) => c.textContent)),
      ),
    ).resolves.toEqual([
      ['2025-01-09', '0.2489', '58.5', '235', src, src],
      ['2025-02-06', '0.2542', '61', '240', src, src],
      ['2025-03-06', '0.2612', '64', '245', src, src],
    ]);
    await screenshot(page, 'prices-6-ratio');
    await frame(page, 'prices-6-ratio-chart', '#ratio-chart');

    // Keyboard: one tab stop on the last point; arrows move; the detail names date and sources.
    await page.focus('#ratio-chart circle[tabindex="0"]');
    await expect(page.textContent('#ratio-detail')).resolves.toMatch(/^2025-03-06: ratio /);
    await page.keyboard.press('ArrowLeft');
    await expect(page.textContent('#ratio-detail')).resolves.toMatch(
      /^2025-02-06: ratio 0\.2542 — NdPr oxide 61 USD\/kg \(Fastmarkets \(illustrative\)\) over Dy oxide 240 USD\/kg \(Fastmarkets \(illustrative\)\)$/,
    );
    await page.keyboard.press('Home');
    await expect(page.textContent('#ratio-detail')).resolves.toMatch(/^2025-01-09/);
    await page.hover('#ratio-chart circle[data-date="2025-03-06"]');
    await expect(page.textContent('#ratio-detail')).resolves.toMatch(/^2025-03-06/);
    await noAxe(page, 'ratio view');

    await page.click('#ratio-insert');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    const history = await tableRows(page, 'DeskRatioHistory');
    expect(history.map((r) => r['Date'])).toEqual(['2025-01-09', '2025-02-06', '2025-03-06']);
    await expect(page.textContent('[data-chart-name] [data-chart="type"]')).resolves.toBe('Line');
    await screenshot(page, 'prices-7-inserted');
    // A second insert updates the same table and chart.
    await page.click('#ratio-insert');
    await page.waitForSelector('#pane-status[data-intent="success"]');
    expect(await tableRows(page, 'DeskRatioHistory')).toHaveLength(3);
    await expect(page.$$eval('[data-chart-name]', (c) => c.length)).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the ratio says why when a product has prices at several bases and none is chosen', async () => {
    const { page, errors } = await open();
    await importFastmarkets(page);
    await paste(page, smmSeed(), 'SMM');
    await confirmImport(page);
    await page.click('#tab-ratio');
    await page.waitForSelector('#ratio-form');
    await page.click('#ratio-show');
    await page.waitForSelector('#pane-status[data-intent="warning"]');
    await expect(page.textContent('#ratio-chart')).resolves.toMatch(/NdPr oxide.*fob China/);
    await expect(page.isDisabled('#ratio-insert')).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
