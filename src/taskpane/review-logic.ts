/**
 * What the review form needs from the core, as one narrow interface: the fields to show, the
 * validation-and-build step (the same record builder that produces the rows), and the live
 * computed preview. The view stays generic; tests can exercise this without a DOM.
 */
import type { ReviewRecords } from '../excel/workbook';
import type { ReviewDraft } from './draft-store';
import type { FieldDescriptor, FormSection } from './form-model';

/** A problem with one field; `index` is the trigger row (0 for snapshot/exposure). */
export interface FormIssue {
  readonly section: FormSection | 'pane';
  readonly index: number;
  readonly field: string;
  readonly message: string;
}

export type BuildOutcome =
  | { readonly ok: true; readonly rows: ReviewRecords }
  | { readonly ok: false; readonly issues: readonly FormIssue[] };

export type LiveIntent = 'info' | 'error';

export interface LiveLine {
  readonly text: string;
  readonly intent: LiveIntent;
}

export interface ComputedItem {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly status?: 'action' | 'watchlist' | 'research';
  readonly detail?: string;
  readonly intent: LiveIntent;
}

export interface LiveView {
  /** Live text under a field, keyed by fieldKey(section, index, key). */
  readonly fields: Readonly<Record<string, LiveLine>>;
  readonly computed: readonly ComputedItem[];
}

export interface ReviewLogic {
  readonly fields: Readonly<Record<FormSection, readonly FieldDescriptor[]>>;
  /** Units offered by the pane's "show prices in" converter. */
  readonly units: readonly string[];
  /** An empty draft with today's defaults (review date, as of). */
  newDraft(): ReviewDraft;
  /** A range typed in Price low, split into what Price low, Price high and Unit should show; null when not a range. */
  splitPrice(text: string): { low: string; high: string; unit: string | null } | null;
  /** Fields (by fieldKey) the draft's own values make required, e.g. supply-chain evidence for producer equity. */
  requiredNow(draft: ReviewDraft): { fields: ReadonlySet<string>; reason: string };
  build(draft: ReviewDraft, recordedBy: string): BuildOutcome;
  live(draft: ReviewDraft): LiveView;
}

export function fieldKey(section: FormSection | 'pane', index: number, key: string): string {
  return `${section}.${index}.${key}`;
}
