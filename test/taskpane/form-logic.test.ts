import { STATUS_NOW_FORMULA, TABLES } from '../../src/core';
import {
  buildSampleReviews,
  FASTMARKETS_CODES,
  SAMPLE_REVIEWS,
  SMM_QUOTES,
} from '../../src/core/sample';
import {
  emptyDraft,
  loadDraft,
  saveDraft,
  isDraftEmpty,
  DRAFT_KEY,
  memoryStorage,
  type ReviewDraft,
} from '../../src/taskpane/draft-store';
import { formFields } from '../../src/taskpane/form-model';
import { fieldKey } from '../../src/taskpane/review-logic';
import { describeTable, healthVerdict } from '../../src/taskpane/views/health-view';
import type { WorkbookHealth } from '../../src/excel/workbook';

import { logic, newId, validDraft } from './helpers';

describe('form fields from the schema', () => {
  it('asks only for what the analyst types: no ids, timestamps or computed values', () => {
    const keys = formFields(TABLES.triggers).map((f) => f.key);
    expect(keys).toContain('openQuestion');
    for (const generated of [
      'recordId',
      'recordedAt',
      'recordedBy',
      'reviewId',
      'statusAtRecord',
      'statusNow',
    ]) {
      expect(keys).not.toContain(generated);
    }
    expect(formFields(TABLES.snapshots).map((f) => f.key)).not.toContain('priceMid');
  });

  it('offers a dropdown for every enumeration and a suggestion list for price codes', () => {
    const snapshot = formFields(TABLES.snapshots);
    const noteType = snapshot.find((f) => f.key === 'noteType');
    expect(noteType?.control).toEqual({
      type: 'select',
      options: ['research handoff note', 'portfolio audit', 'other'],
    });
    const code = snapshot.find((f) => f.key === 'priceCode');
    expect(code?.control.type).toBe('suggest');
    expect(code?.control.type === 'suggest' && code.control.options).toContain('MB-NDP-0001');
    expect(snapshot.find((f) => f.key === 'reviewDate')?.control.type).toBe('date');
    expect(snapshot.find((f) => f.key === 'quoteTime')?.control.type).toBe('datetime');
    expect(snapshot.find((f) => f.key === 'priceLow')?.control.type).toBe('price');
  });

  it('shows trigger fields the builder defaults as optional, with the default named', () => {
    const quote = logic.fields.triggers.find((f) => f.key === 'quoteTime');
    expect(quote?.required).toBe(false);
    expect(quote?.help).toMatch(/snapshot’s quote time/);
  });
});

describe('review logic', () => {
  it('builds all rows of a valid review with the formula column', () => {
    const out = logic.build(validDraft(), 'AB');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.rows.snapshots[0]).toMatchObject({
      priceLow: 747000,
      priceHigh: 753000,
      priceMid: 750000,
      unit: 'CNY/t',
      recordedBy: 'AB',
    });
    expect(out.rows.exposures[0]).toMatchObject({ spreadCost: 2500 });
    expect(out.rows.triggers[0]).toMatchObject({
      statusNow: STATUS_NOW_FORMULA,
      statusAtRecord: 'watchlist',
    });
  });

  it('names every invalid field, including a blank Recorded by', () => {
    const draft = validDraft();
    const out = logic.build(
      {
        ...draft,
        snapshot: { ...draft.snapshot, product: '' },
        exposure: { ...draft.exposure, bid: '70' },
      },
      '',
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const keys = out.issues.map((i) => fieldKey(i.section, i.index, i.field));
    expect(keys).toEqual(
      expect.arrayContaining(['pane.0.recordedBy', 'snapshot.0.product', 'exposure.0.ask']),
    );
    expect(out.issues.find((i) => i.field === 'ask')?.message).toMatch(/crossed/);
    expect(out.issues.find((i) => i.field === 'product')?.message).toMatch(/Product/);
  });

  it('shows the parsed mid and the converted value live', () => {
    const draft = { ...validDraft(), convertTo: 'USD/kg', fx: '7.5' };
    const line = logic.live(draft).fields[fieldKey('snapshot', 0, 'priceLow')];
    expect(line?.text).toBe('747,000–753,000 → mid 750,000 CNY/t ≈ 100 USD/kg');
    const noFx = logic.live({ ...draft, fx: '' }).fields[fieldKey('snapshot', 0, 'priceLow')];
    expect(noFx?.text).toMatch(/fx/i);
  });

  it('previews spread cost, exit value and status with the functions’ arithmetic', () => {
    const computed = logic.live(validDraft()).computed;
    expect(computed.find((c) => c.id === 'spread-cost')?.value).toBe('2,500.00');
    expect(computed.find((c) => c.id === 'exit-value')?.value).toBe('61,500.00');
    const status = computed.find((c) => c.id === 'status-0');
    // spread (64-61.5)/62.75 = 398 bps > 300: watchlist, and the check is named.
    expect(status?.status).toBe('watchlist');
    expect(status?.detail).toMatch(/spread 398/);
  });
});

describe('draft persistence', () => {
  it('round-trips a draft and reports an unreadable one instead of dropping it', () => {
    const storage = memoryStorage();
    const draft = validDraft();
    expect(saveDraft(storage, draft).ok).toBe(true);
    const loaded = loadDraft(storage);
    expect(loaded.ok && loaded.draft).toEqual(draft);
    storage.setItem(DRAFT_KEY, '{broken');
    const bad = loadDraft(storage);
    expect(bad.ok).toBe(false);
    expect(storage.getItem(DRAFT_KEY)).toBe('{broken');
    expect(isDraftEmpty(emptyDraft())).toBe(true);
    expect(isDraftEmpty(draft)).toBe(false);
  });

  it('says so when the browser refuses to store the draft', () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const saved = saveDraft(storage, validDraft());
    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.message).toMatch(/QuotaExceededError/);
  });
});

describe('sample data', () => {
  it('keeps the seed facts as published', () => {
    expect(SMM_QUOTES.map((q) => [q.product, q.range])).toEqual([
      ['Lanthanum oxide', '3,600-4,000 yuan/mt'],
      ['Cerium oxide', '7,800-8,000 yuan/mt'],
      ['Yttrium oxide', '40,000-43,000 yuan/mt'],
      ['Pr-Nd oxide', '747,000-753,000 yuan/mt'],
    ]);
    expect(FASTMARKETS_CODES.map((c) => c.code)).toContain('MB-DY-0001');
    expect(FASTMARKETS_CODES.every((c) => c.unit === 'USD/kg')).toBe(true);
  });

  it('builds through the record builder, with live Status now formulas', () => {
    const built = buildSampleReviews({ recordedBy: 'Sample data', newId });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.reviews).toHaveLength(SAMPLE_REVIEWS.length);
    const ndpr = built.reviews[0];
    expect(ndpr?.snapshots[0]).toMatchObject({
      priceLow: 747000,
      priceHigh: 753000,
      priceMid: 750000,
      unit: 'CNY/t',
    });
    expect(
      built.reviews.flatMap((r) => r.triggers).every((t) => t.statusNow === STATUS_NOW_FORMULA),
    ).toBe(true);
    // Recorded as of the review date: what the desk knew then.
    expect(ndpr?.triggers[0]?.statusAtRecord).toBe('action');
  });
});

describe('schema health wording', () => {
  const ok = { kind: 'ok', address: 'DeskSnapshots!A1:AC3', rowCount: 2 } as const;
  const base: WorkbookHealth = {
    schema: { kind: 'current', version: 1 },
    workbookId: null,
    tables: { snapshots: ok, exposures: ok, triggers: ok, prices: ok },
    writable: true,
    messages: [],
  };

  it('names the columns a colleague removed and added', () => {
    const drifted = {
      kind: 'drifted',
      address: 'A1:B2',
      rowCount: 1,
      missingRequired: ['Owner'],
      missingOptional: ['Missing source'],
      extra: ['My notes'],
    } as const;
    expect(
      healthVerdict({ ...base, tables: { ...base.tables, triggers: drifted }, writable: false }),
    ).toBe('blocked');
    expect(describeTable(drifted).join(' ')).toMatch(
      /Required column missing: Owner.*Optional column missing: Missing source.*My notes/,
    );
  });

  it('a newer schema wins over everything: read-only', () => {
    expect(
      healthVerdict({ ...base, schema: { kind: 'newer', found: 3, current: 1 }, writable: false }),
    ).toBe('newer');
  });
});

describe('form logic: QA findings (form and validation)', () => {
  const computed = (draft: ReviewDraft, id: string) =>
    logic.live(draft).computed.find((c) => c.id === id);

  it('splits a range typed in Price low into what Price low, Price high and Unit show', () => {
    expect(logic.splitPrice('747,000-753,000 yuan/mt')).toEqual({
      low: '747,000',
      high: '753,000',
      unit: 'CNY/t',
    });
    expect(logic.splitPrice('64.5 - 65.25')).toEqual({ low: '64.5', high: '65.25', unit: null });
    expect(logic.splitPrice('64.5')).toBeNull();
    expect(logic.splitPrice('n/a')).toBeNull();
  });

  it('makes the supply-chain fields required as soon as the route asks for them', () => {
    const draft = validDraft();
    expect(logic.requiredNow(draft).fields.size).toBe(0);
    const equity = { ...draft, exposure: { ...draft.exposure, exposureRoute: 'producer equity' } };
    const now = logic.requiredNow(equity);
    expect([...now.fields]).toContain(fieldKey('exposure', 0, 'offtake'));
    expect(now.fields.size).toBe(6);
    expect(now.reason).toBe('required for a producer equity exposure');
  });

  it('starts a new draft with today as review date and as-of date, and still calls it empty', () => {
    const fresh = logic.newDraft();
    expect(fresh.snapshot.reviewDate).toBe('2026-02-06');
    expect(fresh.exposure.asOf).toBe('2026-02-06');
    expect(isDraftEmpty(fresh)).toBe(true);
  });

  it('strips 13% VAT from a China domestic price in the live conversion, and says so', () => {
    const draft = { ...validDraft(), fx: '7.1', convertTo: 'USD/kg' };
    const exVat = computed(
      { ...draft, snapshot: { ...draft.snapshot, locationBasis: 'China domestic incl. VAT' } },
      'price-mid',
    );
    // 750,000 CNY/t ÷ 1,000 ÷ 7.1 = 105.6338 USD/kg with VAT; ÷ 1.13 = 93.4812 without.
    expect(exVat?.value).toMatch(/≈ 93\.4812 USD\/kg ex-VAT \(13% China VAT removed\)/);
    const fob = computed(
      { ...draft, snapshot: { ...draft.snapshot, locationBasis: 'fob China' } },
      'price-mid',
    );
    expect(fob?.value).toMatch(/≈ 105\.6338 USD\/kg$/);
  });

  it('shows a huge computed value as too large, never as "1e+320"', () => {
    const draft = validDraft();
    const huge = { ...draft, exposure: { ...draft.exposure, quantity: '1e320' } };
    const cost = computed(huge, 'spread-cost');
    expect(cost?.value).toBe('the number is too large for Excel');
    expect(cost?.intent).toBe('error');
  });

  it('previews the exit value with summed fixed costs and Spread bps 0 without any bid/ask', () => {
    const draft = validDraft();
    const summed = computed(
      { ...draft, exposure: { ...draft.exposure, fixedCosts: '500; 300' } },
      'exit-value',
    );
    // 1,000 kg × 61.5 − 800.
    expect(summed?.value).toBe('60,700.00');
    const noQuote = {
      ...draft,
      exposure: {
        ...draft.exposure,
        bid: '',
        ask: '',
        exposureRoute: 'strategic stockpile program',
      },
    };
    expect(computed(noQuote, 'status-0')?.value).toMatch(/^(action|watchlist|research)$/);
    expect(logic.build(noQuote, 'QA').ok).toBe(true);
  });

  it('names fee and haircut problems in the form’s words', () => {
    const draft = validDraft();
    const r = logic.build({ ...draft, exposure: { ...draft.exposure, feeRate: '1.5' } }, 'QA');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([expect.objectContaining({ section: 'exposure', field: 'feeRate' })]);
    expect(r.issues[0]!.message).toMatch(/^Exit fee rate/);
  });
});
