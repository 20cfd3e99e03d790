/**
 * Sample data for an empty workbook. Facts quoted by the seed documents, kept as data (not code): SMM weekly reviews (CNY/t
 * assessment ranges, as published) and the Fastmarkets rare-earths price specifications (codes,
 * basis, unit, cadence). Sample reviews and sample prices are built from these; what the seeds
 * do not give (positions, Dy oxide prices, Fastmarkets assessments) is marked illustrative.
 */

import {
  candidateFromFields,
  type FieldTexts,
  type ImportDefaults,
} from '../prices/import-candidate';
import { markCandidates } from '../prices/dedupe';
import { priceRecords } from '../prices/import-records';
import { done, refused, type Checked } from '../result';
import { buildReviewRows, type ReviewRecords } from './build';
import type { DeskRecord } from './cells';
import { FASTMARKETS_CODES, FASTMARKETS_PUBLICATION, type FastmarketsSpec } from './price-codes';
import { INDICATIVE } from '../status/types';
import { VAT_INCLUSIVE_BASIS } from './schema';

export { FASTMARKETS_CODES, FASTMARKETS_PUBLICATION, type FastmarketsSpec };

export interface SmmQuote {
  readonly product: string;
  /** As printed, e.g. "3,600-4,000 yuan/mt". */
  readonly range: string;
  readonly unit: 'CNY/t';
  /** Publication time of the review (China Standard Time, UTC+8). */
  readonly published: string;
  readonly move: 'slightly decreased' | 'slightly increased' | 'stable' | 'fluctuated and rose';
  readonly source: string;
}

export const SMM_QUOTES: readonly SmmQuote[] = [
  {
    product: 'Lanthanum oxide',
    range: '3,600-4,000 yuan/mt',
    unit: 'CNY/t',
    published: '2025-01-09T14:38:00+08:00',
    move: 'slightly decreased',
    source: 'SMM Weekly Review, Jan 9 2025',
  },
  {
    product: 'Cerium oxide',
    range: '7,800-8,000 yuan/mt',
    unit: 'CNY/t',
    published: '2025-01-09T14:38:00+08:00',
    move: 'slightly increased',
    source: 'SMM Weekly Review, Jan 9 2025',
  },
  {
    product: 'Yttrium oxide',
    range: '40,000-43,000 yuan/mt',
    unit: 'CNY/t',
    published: '2025-01-09T14:38:00+08:00',
    move: 'stable',
    source: 'SMM Weekly Review, Jan 9 2025',
  },
  {
    product: 'Pr-Nd oxide',
    range: '747,000-753,000 yuan/mt',
    unit: 'CNY/t',
    published: '2026-02-05T15:12:00+08:00',
    move: 'fluctuated and rose',
    source: 'SMM Rare Earth Weekly Review, Feb 5 2026',
  },
];

/** The two MetalBrief desk notes (snapshot May 17, 2026). */
export const DESK_NOTES = [
  {
    slug: 'rare-earth-metals-by-product-price-coupling-research-handoff-note',
    noteType: 'research handoff note',
    mechanism: 'by-product price coupling',
    snapshot: '2026-05-17',
    ratioWatched: 'NdPr-dysprosium ratio',
  },
  {
    slug: 'rare-earth-metals-producer-hedging-behavior-portfolio-audit',
    noteType: 'portfolio audit',
    mechanism: 'producer hedging behavior',
    snapshot: '2026-05-17',
    ratioWatched: 'NdPr-dysprosium ratio',
  },
] as const;

// ── sample reviews ───────────────────────────────────────────────────────────────────────────
/**
 * Example reviews as form values, so they go through the same record builder as a typed review.
 * Prices, products, codes, bases and quote times are the seed documents' facts (above). The
 * positions (quantities, bids, asks) are illustrative, and say so in their Instrument text: the
 * seeds quote no positions, and an agency's low–high range is not a bid/ask quote.
 */
export interface SampleReview {
  readonly snapshot: Readonly<Record<string, string>>;
  readonly exposure: Readonly<Record<string, string>>;
  readonly triggers: readonly Readonly<Record<string, string>>[];
}

const quote = (product: string): SmmQuote => {
  const q = SMM_QUOTES.find((x) => x.product === product);
  if (!q) throw new Error(`sample data: no SMM quote for ${product}`); // a programming error, caught by tests
  return q;
};

const [handoff, audit] = DESK_NOTES;
const ndpr = quote('Pr-Nd oxide');
const la = quote('Lanthanum oxide');
const ce = quote('Cerium oxide');
const y = quote('Yttrium oxide');

export const SAMPLE_REVIEWS: readonly SampleReview[] = [
  {
    snapshot: {
      reviewDate: '2026-02-06',
      articleSlug: handoff.slug,
      noteType: handoff.noteType,
      mechanism: handoff.mechanism,
      product: 'NdPr oxide',
      locationBasis: VAT_INCLUSIVE_BASIS,
      priceLow: ndpr.range,
      quoteTime: ndpr.published,
      sourceLabel: ndpr.source,
      sourceState: 'mixed',
      priceKind: 'assessment range',
      dataBasis: 'bid/offer',
      ratioWatched: handoff.ratioWatched,
      inventoryNote:
        'Downstream buyers began holidays and halted procurement; actual trading declined.',
      premiumAssumption:
        'Domestic quote incl. VAT; compare with MB-NDP-0001 (fob China, USD/kg) ex-VAT.',
      bidCheck: 'Suppliers unwilling to sell at low prices.',
      portfolioField: 'Ratio watched',
      finalRead: 'complicated',
      nextSourceRefresh: '2026-02-12',
      nextReviewOwner: 'Desk lead',
    },
    exposure: {
      exposureRoute: 'physical metal',
      instrument: 'NdPr oxide, bonded warehouse lot (illustrative position)',
      quantity: '2,000',
      unit: 'kg',
      priceUnit: 'CNY/kg',
      bid: '740',
      ask: '760',
      feeRate: '0.01',
      fixedCosts: '3,000',
      positionRole: 'Magnet-demand exposure; tests the by-product coupling read',
      owner: 'Desk lead',
      liquidityNote: 'Warehouse lot; exit route through a trader; bid and ask are illustrative.',
      asOf: '2026-02-06',
    },
    triggers: [
      {
        owner: 'Desk lead',
        openQuestion: 'Does the Pr-Nd oxide rise hold after the holiday restart?',
        evidenceRequest: 'Next SMM weekly review and MB-NDP-0001 assessment (Thursday 4pm London)',
        dueDate: '2026-02-13',
        triggerType: 'source age',
        threshold: '7',
        expectedDirection: 'up',
        nextAction: 'request re-check',
      },
      {
        owner: 'Analyst',
        openQuestion: 'Are metal plants absorbing higher oxide prices?',
        missingSource: 'Metal plant order book',
        evidenceRequest: 'Two metal-plant contacts on order acceptance',
        dueDate: '2026-02-20',
        triggerType: 'premium absorption',
        expectedDirection: 'up',
        nextAction: 'monitor',
      },
    ],
  },
  {
    snapshot: {
      reviewDate: '2025-01-10',
      articleSlug: audit.slug,
      noteType: audit.noteType,
      mechanism: audit.mechanism,
      product: 'La oxide',
      locationBasis: VAT_INCLUSIVE_BASIS,
      priceLow: la.range,
      quoteTime: la.published,
      sourceLabel: la.source,
      sourceState: INDICATIVE,
      priceKind: 'assessment range',
      dataBasis: 'indication',
      ratioWatched: 'Ce/La oxide',
      inventoryNote: `Lanthanum oxide ${la.move}; cerium oxide ${ce.move} to ${ce.range}; separation plants expected to pause for maintenance.`,
      storageNote: 'Scrap sellers holding inventory for post-holiday sales.',
      portfolioField: 'Inventory note',
      finalRead: 'contradicted',
      nextReviewOwner: 'Analyst',
    },
    exposure: {
      exposureRoute: 'refiner contract',
      instrument: 'Light rare earth oxide offtake (illustrative position)',
      quantity: '20',
      unit: 't',
      priceUnit: 'CNY/t',
      bid: '3,700',
      ask: '3,950',
      positionRole: 'Light rare earth supply hedge',
      owner: 'Analyst',
      asOf: '2025-01-10',
      stageProven: 'commercial',
      separationEvidence: 'Separation plant maintenance schedule (SMM, Jan 9 2025)',
      complianceDocuments: 'Export licence on file',
      downstreamQualification: 'qualified',
      offtake: 'non-binding',
      jurisdictionExposure: 'China quota policy',
    },
    triggers: [
      {
        owner: 'Analyst',
        openQuestion: 'Does the light rare earth oxide rise survive the maintenance pause?',
        evidenceRequest: 'SMM weekly review after the Chinese New Year holiday',
        dueDate: '2025-02-13',
        triggerType: 'inventory confirmation',
        expectedDirection: 'flat',
        nextAction: 'monitor',
      },
    ],
  },
  {
    snapshot: {
      reviewDate: '2025-01-10',
      noteType: 'other',
      product: 'Y oxide',
      locationBasis: VAT_INCLUSIVE_BASIS,
      priceLow: y.range,
      quoteTime: y.published,
      sourceLabel: y.source,
      sourceState: 'mixed',
      priceKind: 'assessment range',
      dataBasis: 'unchanged fallback',
      inventoryNote: `Yttrium oxide ${y.move} week on week.`,
      finalRead: 'confirmed',
      nextReviewOwner: 'Analyst',
    },
    exposure: {
      exposureRoute: 'strategic stockpile program',
      instrument: 'Yttrium oxide stockpile allocation (illustrative position)',
      quantity: '5',
      unit: 't',
      positionRole: 'Supply-security reserve',
      owner: 'Analyst',
      asOf: '2025-01-10',
    },
    triggers: [
      {
        owner: 'Analyst',
        openQuestion: 'Does yttrium oxide stay flat once separation restarts?',
        evidenceRequest: 'SMM weekly review quote for yttrium oxide',
        dueDate: '2025-01-23',
        triggerType: 'source age',
        spreadBps: '0',
        expectedDirection: 'flat',
        nextAction: 'monitor',
      },
    ],
  },
];

/**
 * The sample reviews as rows, each recorded as of its review date (18:00 desk time), so Status at
 * record shows what the desk knew then and the live Status now shows what changed since.
 */
export function buildSampleReviews(ctx: {
  readonly recordedBy: string;
  readonly newId: () => string;
}): Checked<{ reviews: ReviewRecords[] }> {
  const reviews: ReviewRecords[] = [];
  for (const review of SAMPLE_REVIEWS) {
    const [y, m, d] = (review.snapshot.reviewDate ?? '').split('-').map(Number);
    const now = new Date(y ?? 2026, (m ?? 1) - 1, d ?? 1, 18, 0);
    const built = buildReviewRows(review, { recordedBy: ctx.recordedBy, now, newId: ctx.newId });
    if (!built.ok) {
      const first = built.issues[0];
      return refused(
        `Sample review of ${review.snapshot.product} does not build: ${first?.message ?? 'unknown issue'}`,
      );
    }
    reviews.push(built.rows);
  }
  return done({ reviews });
}

// ── sample prices ────────────────────────────────────────────────────────────────────────────
/** Every illustrative price says so in its Source label: the seeds publish no such price. */
export const ILLUSTRATIVE = 'Illustrative, not a published price';

const smmPrice = (q: SmmQuote, product: string): FieldTexts => ({
  product,
  price: q.range,
  priceDate: q.published.slice(0, 10),
  locationBasis: VAT_INCLUSIVE_BASIS,
  sourceLabel: q.source,
});

const illustrative = (texts: FieldTexts, basis: string): FieldTexts => ({
  ...texts,
  sourceLabel: `${ILLUSTRATIVE} (${basis})`,
});

/**
 * The sample's DeskPrices rows as an import's field texts, so they go through the import's own
 * evaluator (candidateFromFields) and record builder (priceRecords) like a pasted sheet. The SMM
 * rows are the seeds' ranges on their publication dates. The seeds give one dated NdPr oxide
 * price and no Dy oxide price, so the Ratio view's default pair (NdPr oxide over Dy oxide, one
 * location basis) gets illustrative points on the SMM review dates and one between; the
 * Fastmarkets codes (whose methodology publishes no prices) get illustrative Thursday rows.
 */
export const SAMPLE_PRICES: readonly FieldTexts[] = [
  smmPrice(la, 'La oxide'),
  smmPrice(ce, 'Ce oxide'),
  smmPrice(y, 'Y oxide'),
  smmPrice(ndpr, 'NdPr oxide'),
  illustrative(
    { ...smmPrice(ndpr, 'NdPr oxide'), price: '395,000-400,000 CNY/t', priceDate: '2025-01-09' },
    'NdPr oxide beside the SMM review of Jan 9 2025',
  ),
  illustrative(
    { ...smmPrice(ndpr, 'NdPr oxide'), price: '520,000-530,000 CNY/t', priceDate: '2025-07-10' },
    'NdPr oxide, mid-2025',
  ),
  illustrative(
    { ...smmPrice(ndpr, 'Dy oxide'), price: '1,640,000-1,660,000 CNY/t', priceDate: '2025-01-09' },
    'Dy oxide beside the SMM review of Jan 9 2025',
  ),
  illustrative(
    { ...smmPrice(ndpr, 'Dy oxide'), price: '1,600,000-1,620,000 CNY/t', priceDate: '2025-07-10' },
    'Dy oxide, mid-2025',
  ),
  illustrative(
    { ...smmPrice(ndpr, 'Dy oxide'), price: '1,450,000-1,470,000 CNY/t', priceDate: '2026-02-05' },
    'Dy oxide beside the SMM review of Feb 5 2026',
  ),
  illustrative(
    { priceCode: 'MB-TB-0001', price: '880-900', priceDate: '2026-02-05' },
    `Fastmarkets MB-TB-0001 specification; ${FASTMARKETS_PUBLICATION}`,
  ),
  illustrative(
    { priceCode: 'MB-GD-0001', price: '20-22', priceDate: '2026-02-05' },
    `Fastmarkets MB-GD-0001 specification; ${FASTMARKETS_PUBLICATION}`,
  ),
];

/** What a sample price row leaves blank: the seeds' agencies assess, they do not quote deals. */
const SAMPLE_PRICE_DEFAULTS: ImportDefaults = {
  sourceLabel: '',
  sourceState: INDICATIVE,
  dataBasis: 'indication',
  locationBasis: null,
  unit: null,
  priceDate: null,
};

/** The sample import's time: the evening after its last price date (as the reviews are recorded). */
export const SAMPLE_IMPORTED_AT = '2026-02-06T18:00:00.000Z';

/** The sample prices as checked DeskPrices records of one import, or why one does not build. */
export function buildSamplePrices(ctx: {
  readonly recordedBy: string;
  readonly newId: () => string;
}): Checked<{ prices: DeskRecord<'prices'>[] }> {
  const candidates = SAMPLE_PRICES.map((texts, i) =>
    candidateFromFields(i + 1, `sample price ${i + 1}`, texts, SAMPLE_PRICE_DEFAULTS),
  );
  const built = priceRecords(candidates, markCandidates(candidates, []), {
    importId: ctx.newId(),
    importedAt: SAMPLE_IMPORTED_AT,
    importedBy: ctx.recordedBy,
    newId: ctx.newId,
  });
  return built.ok ? done({ prices: built.records }) : refused(`Sample prices: ${built.message}`);
}

/** Everything "Insert sample data" writes: the reviews and the prices, built with fresh ids. */
export interface SampleRecords {
  readonly reviews: readonly ReviewRecords[];
  readonly prices: readonly DeskRecord<'prices'>[];
}

export function buildSampleData(ctx: {
  readonly recordedBy: string;
  readonly newId: () => string;
}): Checked<SampleRecords> {
  const reviews = buildSampleReviews(ctx);
  if (!reviews.ok) return reviews;
  const prices = buildSamplePrices(ctx);
  if (!prices.ok) return prices;
  return done({ reviews: reviews.reviews, prices: prices.prices });
}
