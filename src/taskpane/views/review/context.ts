/**
 * What the parts of the review form share: the deps it was created with, the state of one form
 * (draft, touched fields, field handles, phase) and the few actions every part calls (update,
 * refresh, render). Each part (fields, sections, required marks, feedback, submit, phase) takes
 * this one input; createReviewForm (../review-form.ts) assembles it.
 */
import type { ReviewRecords, WriteOutcome } from '../../../excel/workbook';
import type { ReviewDraft } from '../../draft-store';
import type { FieldDescriptor, FormSection } from '../../form-model';
import { fieldKey, type FormIssue, type ReviewLogic } from '../../review-logic';
import type { SubmitState } from '../../submit-state';
import type { MessageBar } from '../message';
import type { LatestAnswer, LatestQuestion } from './latest';
import type { FormDom } from './skeleton';

export interface ReviewFormDeps {
  readonly logic: ReviewLogic;
  readonly message: MessageBar;
  readonly initialDraft: ReviewDraft;
  readonly initialRecordedBy: string;
  /** Where the last submit stood when the pane closed (pending rows, or a recorded review). */
  readonly initialSubmit: SubmitState | null;
  saveDraft(draft: ReviewDraft): void;
  saveRecordedBy(name: string): void;
  /** Keeps the submit state across a reload; returns a sentence when it could not. */
  saveSubmit(state: SubmitState | null): string | null;
  /** Writes the rows (creating tables if needed) and selects them; returns the outcome. */
  write(rows: ReviewRecords): Promise<WriteOutcome>;
  /** "Use latest price": the snapshot fields DeskPrices' latest row fills (absent: no button). */
  useLatest?(q: LatestQuestion): Promise<LatestAnswer>;
}

export interface FieldHandle {
  readonly wrapper: HTMLElement;
  readonly input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  readonly error: HTMLElement;
  readonly live: HTMLElement;
  readonly details: HTMLDetailsElement | null;
  readonly label: string;
  readonly labelElement: HTMLLabelElement;
  /** The schema field (null for Recorded by, which is always required). */
  readonly spec: FieldDescriptor | null;
}

/** A folded group of optional fields; some become required with the draft (supply-chain evidence). */
export interface FoldHandle {
  readonly details: HTMLDetailsElement;
  readonly summary: HTMLElement;
  readonly section: FormSection;
  readonly index: number;
  readonly optional: readonly FieldDescriptor[];
}

export type Phase = 'editing' | 'writing' | 'recorded';

export interface FormContext {
  readonly deps: ReviewFormDeps;
  readonly logic: ReviewLogic;
  readonly message: MessageBar;
  readonly dom: FormDom;
  draft: ReviewDraft;
  recordedBy: string;
  readOnly: string | null;
  phase: Phase;
  /** Once Submit was tried, every field shows its issue (not only touched ones). */
  showAll: boolean;
  readonly touched: Set<string>;
  handles: Map<string, FieldHandle>;
  folds: FoldHandle[];
  /** Folded sections the user had open, kept open across a re-render. */
  openMore: Set<string>;
  /** Folded sections opened because fields in them became required (closed again if they stop being). */
  readonly autoOpened: Set<string>;
  requiredNow: { fields: ReadonlySet<string>; reason: string };
  /** The required fields as last announced, while a change waits to settle. */
  announcedFrom: ReadonlySet<string> | null;
  announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The draft "Clear form" emptied (and its pending rows), offered back by its Undo. */
  cleared: { draft: ReviewDraft; submit: SubmitState | null } | null;
  /**
   * Pending: rows built for an unchanged draft are reused on retry (kept across a reload), so a
   * retry after an unclear failure cannot duplicate a review. Recorded: the review on screen.
   */
  submitState: SubmitState | null;
  /** A new draft: saved, then the marks and feedback follow (or the whole form is rebuilt). */
  update(next: ReviewDraft, rerender?: boolean): void;
  /** Live lines, the computed card and the errors, from the current draft. */
  refresh(): void;
  render(): void;
}

export const SECTION_TITLE: Record<FormSection, string> = {
  snapshot: 'Snapshot',
  exposure: 'Exposure',
  triggers: 'Triggers',
};

export const SECTION_HINT: Record<FormSection, string> = {
  snapshot: 'What was known at review time: the price as quoted, its source and how fresh it is.',
  exposure:
    'The position this review concerns, and what crossing the spread or exiting would cost.',
  triggers:
    'What would change the read: each trigger has an owner, an open question, an evidence request and a due date.',
};

export const RECORDED_BY_KEY = fieldKey('pane', 0, 'recordedBy');
/** The blank choice of an optional dropdown; "(none)" read like the option "none". */
export const BLANK_OPTION = '— not set —';

/** The issues of the draft as it stands (none once it builds). */
export function currentIssues(ctx: FormContext): readonly FormIssue[] {
  const outcome = ctx.logic.build(ctx.draft, ctx.recordedBy);
  return outcome.ok ? [] : outcome.issues;
}

export const issueKey = (issue: FormIssue): string =>
  fieldKey(issue.section, issue.index, issue.field);
