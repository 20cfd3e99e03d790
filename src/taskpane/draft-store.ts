/**
 * The review draft survives closing the pane. A task pane without a shared runtime has no
 * OfficeRuntime.storage, so this is localStorage (per add-in origin), behind a tiny interface
 * the tests and the preview can swap.
 */
import type { Checked } from '../core';
export type DraftFields = Record<string, string>;

export interface ReviewDraft {
  readonly snapshot: DraftFields;
  readonly exposure: DraftFields;
  readonly triggers: readonly DraftFields[];
  /** The pane-only converter: the unit prices are shown in, and the FX rate (CNY per USD). */
  readonly convertTo: string;
  readonly fx: string;
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Storage that lasts as long as the page: the pane's stand-in when the host blocks localStorage,
 * and the tests' and benchmarks' (`map` shows what was kept).
 */
export function memoryStorage(): DraftStorage & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

export const DRAFT_KEY = 'metals-desk-record/review-draft/v1';

export function emptyDraft(): ReviewDraft {
  return { snapshot: {}, exposure: {}, triggers: [{}], convertTo: 'USD/kg', fx: '' };
}

/** The desk's calendar day in the user's time zone (review and due dates are calendar days). */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Fields a new draft fills with today; a draft holding only these holds nothing the user typed. */
const TODAY_DEFAULTS = { snapshot: 'reviewDate', exposure: 'asOf' } as const;

/** A new review: empty, except that the review date and the exposure's as-of date are today. */
export function newDraft(today: string): ReviewDraft {
  return {
    ...emptyDraft(),
    snapshot: { [TODAY_DEFAULTS.snapshot]: today },
    exposure: { [TODAY_DEFAULTS.exposure]: today },
  };
}

function isFields(value: unknown): value is DraftFields {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** Reads a saved draft; anything unreadable is reported, never silently replaced. */
export function loadDraft(storage: DraftStorage): Checked<{ draft: ReviewDraft | null }> {
  let raw: string | null;
  try {
    raw = storage.getItem(DRAFT_KEY);
  } catch (e) {
    return { ok: false, message: `Could not read the saved draft: ${describe(e)}` };
  }
  if (raw === null) return { ok: true, draft: null };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
    const p = parsed as Record<string, unknown>;
    const triggers = Array.isArray(p.triggers) ? p.triggers.filter(isFields) : [];
    return {
      ok: true,
      draft: {
        snapshot: isFields(p.snapshot) ? p.snapshot : {},
        exposure: isFields(p.exposure) ? p.exposure : {},
        triggers: triggers.length > 0 ? triggers : [{}],
        convertTo: typeof p.convertTo === 'string' ? p.convertTo : 'USD/kg',
        fx: typeof p.fx === 'string' ? p.fx : '',
      },
    };
  } catch (e) {
    return {
      ok: false,
      message: `The saved draft could not be read (${describe(e)}); it was kept as is.`,
    };
  }
}

export function saveDraft(storage: DraftStorage, draft: ReviewDraft): Checked {
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify(draft));
    return { ok: true };
  } catch (e) {
    return { ok: false, message: `The draft could not be saved in this browser: ${describe(e)}` };
  }
}

export function clearDraft(storage: DraftStorage): void {
  try {
    storage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing to lose: a draft that cannot be removed is simply offered again next time.
  }
}

/** True when the draft holds nothing the user typed (so clearing it loses nothing). */
export function isDraftEmpty(draft: ReviewDraft): boolean {
  const filled = (f: DraftFields, skip = '') =>
    Object.entries(f).some(([k, v]) => k !== skip && v.trim() !== '');
  return (
    !filled(draft.snapshot, TODAY_DEFAULTS.snapshot) &&
    !filled(draft.exposure, TODAY_DEFAULTS.exposure) &&
    !draft.triggers.some((t) => filled(t))
  );
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
