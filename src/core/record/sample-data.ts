/**
 * Sample data for an empty workbook. Facts quoted by the seed documents, kept as data (not code): SMM weekly reviews (CNY/t
 * assessment ranges, as published) and the Fastmarkets rare-earths price specifications (codes,
 * basis, unit, cadence). Sample reviews are built from these; nothing here is invented.
 */

import { done, refused, type Checked } from '../result';
import { buildReviewRows, type ReviewRecords } from './build';
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
