import { buildReviewRows, previewReview } from '../../../src/core/record/build';
import { STATUS_NOW_FORMULA } from '../../../src/core/record/schema';
import { idMaker, NOW, reviewInput } from '../../excel/helpers';

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

describe('buildReviewRows: QA findings on the pane (form and validation)', () => {
  const issuesOf = (r: ReturnType<typeof buildReviewRows>) => (r.ok ? [] : r.issues);
  const on = (r: ReturnType<typeof buildReviewRows>, table: string, field: string) =>
    issuesOf(r).filter((i) => i.table === table && i.field === field);

  it('records a single price with Price high blank as low = high, never "Price low is required"', () => {
    const input = reviewInput();
    for (const priceLow of ['64.5', '747.000', '0', '750,000 RMB/t']) {
      const r = buildReviewRows(
        { ...input, snapshot: { ...input.snapshot, priceLow, unit: '' } },
        ctx(),
      );
      expect(issuesOf(r).filter((i) => /Price (low|high)/.test(i.message))).toEqual([]);
    }
    const r = buildReviewRows(
      { ...input, snapshot: { ...input.snapshot, priceLow: '64.5', unit: 'USD/kg' } },
      ctx(),
    );
    expect(r.ok && r.rows.snapshots[0]).toMatchObject({
      priceLow: 64.5,
      priceHigh: 64.5,
      priceMid: 64.5,
    });
  });

  it.each([
    ['feeRate', '1.5', /^Exit fee rate: .*between 0% and 100%/],
    ['depthHaircut', '1.5', /^Depth haircut: .*between 0% and 100%/],
    ['bidDepth', '-1', /^Bid depth: must not be negative/],
    ['quantity', '-5', /^Quantity: must not be negative/],
  ])(
    'puts one issue on %s (%s), in the form’s words, and none on Bid or Ask',
    (field, value, text) => {
      const input = reviewInput();
      const r = buildReviewRows(
        { ...input, exposure: { ...input.exposure, [field]: value } },
        ctx(),
      );
      expect(on(r, 'exposures', field).map((i) => i.message)).toEqual([
        expect.stringMatching(text),
      ]);
      expect([...on(r, 'exposures', 'bid'), ...on(r, 'exposures', 'ask')]).toEqual([]);
      expect(issuesOf(r).every((i) => !/_/.test(i.message))).toBe(true);
    },
  );

  it('defaults Spread bps to 0 when there is no bid/ask anywhere', () => {
    const input = reviewInput();
    const r = buildReviewRows(
      {
        ...input,
        exposure: {
          ...input.exposure,
          exposureRoute: 'strategic stockpile program',
          bid: '',
          ask: '',
        },
      },
      ctx(),
    );
    expect(r.ok && r.rows.triggers[0]!.spreadBps).toBe(0);
  });

  it('reports a crossed bid/ask once, on Ask, with no extra Spread bps or Bid issue', () => {
    const input = reviewInput();
    const r = buildReviewRows(
      { ...input, exposure: { ...input.exposure, bid: '64', ask: '61.5' } },
      ctx(),
    );
    expect(issuesOf(r).map((i) => `${i.table}.${i.field}`)).toEqual(['exposures.ask']);
    expect(issuesOf(r)[0]!.message).toMatch(/crossed quote/);
  });

  it('refuses a quote time after the review day and a due date before the review date', () => {
    const input = reviewInput();
    const r = buildReviewRows(
      {
        ...input,
        snapshot: { ...input.snapshot, reviewDate: '2026-01-10', quoteTime: '2026-01-19 09:00' },
        triggers: [{ ...input.triggers[0], dueDate: '2020-01-01' }],
      },
      ctx(),
    );
    expect(on(r, 'snapshots', 'quoteTime')[0]?.message).toBe(
      'Quote time 2026-01-19 09:00 is after the review date 2026-01-10: a review records what was known on its day',
    );
    expect(on(r, 'triggers', 'dueDate')[0]?.message).toMatch(
      /^Due date 2020-01-01 is before the review date 2026-01-10/,
    );
    // A quote on the evening of the review day is fine.
    const same = buildReviewRows(
      { ...input, snapshot: { ...input.snapshot, quoteTime: '2026-02-05 23:59' } },
      ctx(),
    );
    expect(on(same, 'snapshots', 'quoteTime')).toEqual([]);
  });

  it.each([
    ['500; 300', 800],
    ['500 + 300', 800],
    ['1,500;250.5', 1750.5],
    ['800', 800],
  ])('sums Exit fixed costs typed as %s', (fixedCosts, total) => {
    const input = reviewInput();
    const r = buildReviewRows({ ...input, exposure: { ...input.exposure, fixedCosts } }, ctx());
    expect(r.ok && r.rows.exposures[0]!.fixedCosts).toBe(total);
  });

  it('explains a comma between costs once, without repeating the label', () => {
    const input = reviewInput();
    const r = buildReviewRows(
      { ...input, exposure: { ...input.exposure, fixedCosts: '500, 300' } },
      ctx(),
    );
    const [issue] = on(r, 'exposures', 'fixedCosts');
    expect(issue?.message).toMatch(
      /^Exit fixed costs: cannot read '500, 300': a comma is a thousands separator/,
    );
    expect(issue?.message).not.toMatch(/Exit fixed costs.*Exit fixed costs/);
  });

  it('says a too-long text is over Excel’s cell limit and a weight of 5 should be 5%', () => {
    const input = reviewInput();
    const r = buildReviewRows(
      {
        ...input,
        exposure: { ...input.exposure, positionRole: 'x'.repeat(40_000), currentWeight: '5' },
      },
      ctx(),
    );
    expect(on(r, 'exposures', 'positionRole')[0]?.message).toBe(
      "Position role is longer than 32,767 characters (Excel's cell limit)",
    );
    expect(on(r, 'exposures', 'currentWeight')[0]?.message).toMatch(
      /^Current weight: 5 must be between 0% and 100% — type 5% for 5 percent/,
    );
  });

  it('says a number too large for Excel is too large, not "1e+320"', () => {
    const input = reviewInput();
    const r = buildReviewRows(
      { ...input, exposure: { ...input.exposure, quantity: '1e320' } },
      ctx(),
    );
    expect(on(r, 'exposures', 'quantity')[0]?.message).toBe(
      'Quantity: the number is too large for Excel',
    );
  });
});
