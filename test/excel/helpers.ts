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
