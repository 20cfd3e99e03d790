/** Shared fixtures: a seeded PRNG, deterministic UUIDs, and a valid review to vary. */
import { buildReviewRows, type ReviewInput } from '../../src/core/record/build';
import { checkRecord, type DeskRecord } from '../../src/core/record/cells';
import type { TableKey } from '../../src/core/record/table-def';
import type { ReviewRecords } from '../../src/excel/workbook';

/** mulberry32, the generator the co-authoring model replays its schedules with. */
export { seededRandom as prng } from '../../src/excel/memory/coauthoring/random';

/** RFC 4122 v4-shaped ids from a counter, so zod's uuid check passes and runs are repeatable. */
export function idMaker(prefix = 0): () => string {
  let n = 0;
  return () => {
    n += 1;
    const hex = (prefix * 1_000_000 + n).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${hex}`;
  };
}

export const NOW = new Date('2026-02-06T10:00:00Z');

export function reviewInput(
  overrides: Partial<{ slug: string; owner: string; triggers: number; question: string }> = {},
): ReviewInput {
  const triggers = Array.from({ length: overrides.triggers ?? 1 }, (_, i) => ({
    owner: overrides.owner ?? 'Ana Ruiz',
    openQuestion: overrides.question ?? `Does the NdPr bid hold (${i + 1})?`,
    evidenceRequest: 'SMM weekly transaction count',
    dueDate: '2026-02-12',
    triggerType: 'spread friction',
    nextAction: 'monitor',
  }));
  return {
    snapshot: {
      reviewDate: '2026-02-05',
      articleSlug: overrides.slug ?? 'rare-earth-by-product-coupling',
      noteType: 'research handoff note',
      mechanism: 'by-product price coupling',
      priceCode: 'MB-NDP-0001',
      product: 'NdPr oxide',
      locationBasis: 'China domestic incl. VAT',
      priceLow: '747,000-753,000 yuan/mt',
      quoteTime: '2026-02-05 15:12',
      sourceLabel: 'SMM Rare Earth Weekly Review',
      sourceState: 'market',
      priceKind: 'assessment range',
      dataBasis: 'transaction',
      finalRead: 'confirmed',
      nextReviewOwner: 'Ana Ruiz',
    },
    exposure: {
      exposureRoute: 'physical metal',
      instrument: 'NdPr oxide, bonded warehouse',
      quantity: '1,000',
      unit: 'kg',
      bid: '61.5',
      ask: '64',
      positionRole: 'magnet-demand core',
      owner: 'Ana Ruiz',
      asOf: '2026-02-05',
    },
    triggers,
  };
}

export function reviewRows(
  newId: () => string,
  overrides: Parameters<typeof reviewInput>[0] = {},
): ReviewRecords {
  const r = buildReviewRows(reviewInput(overrides), { recordedBy: 'ana', now: NOW, newId });
  if (!r.ok) throw new Error(`fixture invalid: ${JSON.stringify(r.issues)}`);
  return r.rows;
}

/**
 * A fixture row as a checked record (what appendReview takes): through checkRecord, the one way
 * in; a fixture the schema refuses is the test's mistake, so it throws.
 */
export function checked<K extends TableKey>(
  key: K,
  candidate: Readonly<Record<string, unknown>>,
): DeskRecord<K> {
  const r = checkRecord(key, candidate);
  if (!r.ok)
    throw new Error(`fixture invalid (${key}): ${r.issues.map((i) => i.message).join('; ')}`);
  return r.record;
}

/** Strings that must stay text: formula triggers, DDE payloads, things Excel would coerce. */
export const HOSTILE: readonly string[] = [
  '=1+1',
  '=HYPERLINK("http://evil.example","click")',
  "=cmd|' /C calc'!A0",
  '+1+1',
  '+SUM(A1:A2)',
  '-2+3',
  '-1',
  '@SUM(A1)',
  '@',
  '=',
  '\t=1+1',
  '\r=1+1',
  '\n=1',
  "'=1+1",
  "''",
  '1-2',
  '2026-02-05',
  '747,000',
  '12%',
  'TRUE',
  'false',
  '#N/A',
  '=DESK.NOTE_STATUS(1,2,3)',
  ' =1+1',
  '＝1+1',
];

/** Products and codes the price fixtures cycle through (the seeds' Fastmarkets codes). */
const PRICE_FIXTURES = [
  { priceCode: 'MB-NDP-0001', product: 'NdPr oxide', low: 747_000, high: 753_000, unit: 'CNY/t' },
  { priceCode: 'MB-DY-0001', product: 'Dy oxide', low: 1_640_000, high: 1_660_000, unit: 'CNY/t' },
  { priceCode: null, product: 'La oxide', low: 3_600, high: 4_000, unit: 'CNY/t' },
] as const;

/**
 * `n` DeskPrices rows of one import (one Import ID), as checked records: weekly dates back from
 * 2026-02-05, the products cycling, prices varied by row so no two rows are alike.
 */
export function priceRows(
  newId: () => string,
  n: number,
  o: { importId?: string; sourceLabel?: string; importedBy?: string } = {},
): DeskRecord<'prices'>[] {
  const importId = o.importId ?? newId();
  return Array.from({ length: n }, (_, i) => {
    const f = PRICE_FIXTURES[i % PRICE_FIXTURES.length]!;
    const day = new Date(Date.UTC(2026, 1, 5) - 7 * 86_400_000 * Math.floor(i / 3));
    const low = f.low + (i % 97);
    const high = f.high + (i % 97);
    return checked('prices', {
      recordId: newId(),
      importedAt: NOW.toISOString(),
      importedBy: o.importedBy ?? 'ana',
      importId,
      priceDate: day.toISOString().slice(0, 10),
      priceCode: f.priceCode,
      product: f.product,
      locationBasis: 'China domestic incl. VAT',
      priceLow: low,
      priceHigh: high,
      priceMid: (low + high) / 2,
      unit: f.unit,
      sourceLabel: o.sourceLabel ?? 'SMM Rare Earth Weekly Review',
      sourceState: 'market',
      dataBasis: 'transaction',
      correctionOf: null,
    });
  });
}
