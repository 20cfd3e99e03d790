import { buildReviewRows, previewReview } from '../../src/core/record/build';
import { STATUS_NOW_FORMULA } from '../../src/core/record/schema';
import { idMaker, NOW, reviewInput } from '../excel/helpers';

const ctx = () => ({ recordedBy: 'ana', now: NOW, newId: idMaker() });

describe('buildReviewRows', () => {
  it('builds one snapshot, one exposure and a row per trigger, linked by one Review ID', () => {
    const r = buildReviewRows(reviewInput({ triggers: 3 }), ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const all = [...r.rows.snapshots, ...r.rows.exposures, ...r.rows.triggers];
    expect(all).toHaveLength(5);
    expect(new Set(all.map((x) => x.reviewId)).size).toBe(1);
    expect(new Set(all.map((x) => x.recordId)).size).toBe(5);
    expect(
      all.every((x) => x.recordedBy === 'ana' && x.recordedAt === '2026-02-06T10:00:00.000Z'),
    ).toBe(true);
  });

  it('reads a price range with its unit into low, high, mid and unit', () => {
    const r = buildReviewRows(reviewInput(), ctx());
    expect(r.ok && r.rows.snapshots[0]).toMatchObject({
      priceLow: 747000,
      priceHigh: 753000,
      priceMid: 750000,
      unit: 'CNY/t',
    });
  });

  it('takes separate low and high with thousands separators', () => {
    const input = reviewInput();
    const r = buildReviewRows(
      {
        ...input,
        snapshot: { ...input.snapshot, priceLow: '64.5', priceHigh: '65.5', unit: 'usd/kg' },
      },
      ctx(),
    );
    expect(r.ok && r.rows.snapshots[0]).toMatchObject({
      priceLow: 64.5,
      priceHigh: 65.5,
      priceMid: 65,
      unit: 'USD/kg',
    });
  });

  it('computes spread cost and exit value with the custom functions’ code', () => {
    const input = reviewInput();
    const r = buildReviewRows(
      {
        ...input,
        exposure: {
          ...input.exposure,
          feeRate: '1%',
          fixedCosts: '800',
          bidDepth: '600',
          depthHaircut: '0.1',
          bid: '60',
          ask: '62',
        },
      },
      ctx(),
    );
    // SPREAD_COST(60, 62, 1000) = 2000; EXIT_VALUE(1000, 60, 0.01, 800, 600, 0.1) = 56,224.
    expect(r.ok && r.rows.exposures[0]).toMatchObject({ spreadCost: 2000, exitValue: 56224 });
  });

  it('stores Status at record as a value and Status now as the NOTE_STATUS formula', () => {
    const r = buildReviewRows(reviewInput(), ctx());
    if (!r.ok) throw new Error('invalid');
    const t = r.rows.triggers[0]!;
    // 61.5/64 is ~398 bps, above the 300 bps limit: the note is on the watchlist.
    expect(t.spreadBps).toBeCloseTo(398.406, 3);
    expect(t.statusAtRecord).toBe('watchlist');
    expect(t.statusNow).toBe(STATUS_NOW_FORMULA);
    expect(t).toMatchObject({
      quoteTime: '2026-02-05T15:12:00.000Z',
      sourceState: 'market',
      ratioChange: 0,
      expectedDirection: 'up',
      state: 'open',
    });
  });

  it('says action when every hard check passes and the closeout is complete', () => {
    const input = reviewInput();
    const r = buildReviewRows(
      { ...input, exposure: { ...input.exposure, bid: '63.9', ask: '64' } },
      ctx(),
    );
    expect(r.ok && r.rows.triggers[0]!.statusAtRecord).toBe('action');
  });

  it('returns an issue naming each bad field and no rows', () => {
    const input = reviewInput();
    const r = buildReviewRows(
      {
        snapshot: { ...input.snapshot, priceLow: 'n/a', noteType: 'memo' },
        exposure: { ...input.exposure, quantity: '-5', exposureRoute: 'producer equity' },
        triggers: [{ ...input.triggers[0], dueDate: '2026-02-30', owner: '' }],
      },
      ctx(),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const by = (table: string, field: string) =>
      r.issues.find((i) => i.table === table && i.field === field)?.message;
    expect(by('snapshots', 'priceLow')).toBe("Price low: cannot read 'n/a' as a price");
    expect(by('snapshots', 'noteType')).toMatch(
      /^Note type: 'memo' is not one of research handoff note/,
    );
    expect(by('exposures', 'quantity')).toBe('Quantity: must not be negative');
    expect(by('exposures', 'offtake')).toBe(
      'Offtake is required for a producer equity exposure (supply-chain evidence)',
    );
    expect(by('triggers', 'dueDate')).toMatch(/^Due date: cannot read '2026-02-30' as a date/);
    expect(by('triggers', 'owner')).toBe('Owner is required');
    expect(r.issues.every((i) => !/Price mid|Status at record/.test(i.message))).toBe(true);
  });

  it('refuses a quote time later than the record (hindsight)', () => {
    const input = reviewInput();
    const r = buildReviewRows(
      { ...input, snapshot: { ...input.snapshot, quoteTime: '2026-03-01 10:00' } },
      ctx(),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ table: 'snapshots', field: 'quoteTime' });
  });

  it('refuses a unit that contradicts the price text, and crossed bid/ask', () => {
    const input = reviewInput();
    const r = buildReviewRows(
      {
        ...input,
        snapshot: { ...input.snapshot, unit: 'USD/kg' },
        exposure: { ...input.exposure, bid: '64', ask: '61.5' },
      },
      ctx(),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.find((i) => i.field === 'unit')?.message).toBe(
      "Unit: 'USD/kg' contradicts the unit in the price text (CNY/t)",
    );
    expect(r.issues.find((i) => i.field === 'ask')?.message).toBe(
      'Ask: bid 64 is above ask 61.5 (crossed quote)',
    );
  });

  it('keeps hostile text as typed (trimmed) in the record: injection is the writer’s job', () => {
    const r = buildReviewRows(reviewInput({ slug: '=HYPERLINK("x")', owner: '+cmd' }), ctx());
    expect(r.ok && r.rows.snapshots[0]!.articleSlug).toBe('=HYPERLINK("x")');
    expect(r.ok && r.rows.triggers[0]!.owner).toBe('+cmd');
  });
});

describe('previewReview', () => {
  it('shows computed values for a half-filled form without complaining about blanks', () => {
    const p = previewReview(
      {
        snapshot: { priceLow: '3,600-4,000 yuan/mt' },
        exposure: { quantity: '1000', bid: '61.5', ask: '64' },
        triggers: [{}],
      },
      NOW,
    );
    expect(p.snapshot).toEqual({ priceLow: 3600, priceHigh: 4000, priceMid: 3800, unit: 'CNY/t' });
    expect(p.exposure).toEqual({ spreadCost: 2500, exitValue: 61500 });
    expect(p.triggers[0]!.spreadBps).toBeCloseTo(398.406, 3);
    expect(p.issues).toEqual([]);
  });

  it('reports issues only for what was typed', () => {
    const p = previewReview({ snapshot: { priceLow: 'abc' }, exposure: {}, triggers: [] }, NOW);
    expect(p.issues).toEqual([
      {
        table: 'snapshots',
        index: 0,
        field: 'priceLow',
        message: "Price low: cannot read 'abc' as a price",
      },
    ]);
  });
});
