/**
 * The rows an import writes: each new or correcting candidate with its stamps, checked by the
 * DeskPrices schema (checkRecord) so the adapter writes only checked records. All or nothing: one
 * row that does not pass refuses the import, naming its line and why.
 */
import { checkRecord, type DeskRecord } from '../record/cells';
import { done, refused, type Checked } from '../result';
import { stampedRow, type PriceCandidate } from './import-candidate';
import type { ImportMark } from './dedupe';

export interface ImportStamps {
  readonly importId: string;
  /** ISO date-time, wall-clock as UTC (as Excel keeps times). */
  readonly importedAt: string;
  readonly importedBy: string;
  readonly newId: () => string;
}

/** Checked DeskPrices records for the candidates marked new or correction; duplicates are skipped. */
export function priceRecords(
  candidates: readonly PriceCandidate[],
  marks: readonly ImportMark[],
  stamps: ImportStamps,
): Checked<{ records: DeskRecord<'prices'>[] }> {
  if (marks.length !== candidates.length)
    return refused(
      `The import has ${candidates.length} rows but ${marks.length} marks: mark them again`,
    );
  const records: DeskRecord<'prices'>[] = [];
  const importedBy = stamps.importedBy.trim();
  for (const [i, c] of candidates.entries()) {
    const mark = marks[i] as ImportMark;
    if (mark.kind === 'duplicate') continue;
    if (mark.kind === 'invalid')
      return refused(
        `Line ${c.line} cannot be recorded — ${mark.reasons.join('; ')}; untick it or correct it`,
      );
    const check = checkRecord(
      'prices',
      stampedRow(c.values, {
        recordId: stamps.newId(),
        importedAt: stamps.importedAt,
        importedBy,
        importId: stamps.importId,
        correctionOf: mark.kind === 'correction' ? mark.of : null,
      }),
    );
    if (!check.ok)
      return refused(
        `Line ${c.line} is invalid — ${check.issues.map((x) => x.message).join('; ')}`,
      );
    records.push(check.record);
  }
  return done({ records });
}
