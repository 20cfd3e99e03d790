/**
 * What the pane remembers across a reload: the draft, where the last submit stood, and the
 * analyst's name. It hands them to the review form and says once, on opening, what came back.
 */
import { isDraftEmpty, loadDraft, saveDraft } from '../draft-store';
import { loadSubmitState, saveSubmitState } from '../submit-state';
import type { ReviewFormDeps } from '../views/review-form';
import type { PaneCore } from './context';

const RECORDED_BY_STORAGE_KEY = 'metals-desk-record/recorded-by';

type Remembered = Pick<
  ReviewFormDeps,
  | 'initialDraft'
  | 'initialRecordedBy'
  | 'initialSubmit'
  | 'saveDraft'
  | 'saveSubmit'
  | 'saveRecordedBy'
>;

export interface RestoredReview {
  /** The form's starting state and where it saves. */
  readonly form: Remembered;
  /** Says what was (or could not be) restored; called once the pane is on screen. */
  announce(): void;
}

export function restoreReview({ env, message }: PaneCore): RestoredReview {
  const { storage } = env;
  const loaded = loadDraft(storage);
  const submitLoaded = loadSubmitState(storage);
  const initialSubmit = submitLoaded.ok ? submitLoaded.state : null;
  const form: Remembered = {
    initialDraft: loaded.ok && loaded.draft ? loaded.draft : env.logic.newDraft(),
    initialRecordedBy: readRecordedBy(storage),
    initialSubmit,
    saveSubmit: (state) => {
      const saved = saveSubmitState(storage, state);
      return saved.ok ? null : saved.message;
    },
    saveDraft: (draft) => {
      const saved = saveDraft(storage, draft);
      if (!saved.ok) message.show('warning', 'Draft not saved.', saved.message);
    },
    saveRecordedBy: (name) => {
      try {
        storage.setItem(RECORDED_BY_STORAGE_KEY, name);
      } catch {
        // The name is also in the form; losing the remembered copy costs one retype.
      }
    },
  };
  const announce = () => {
    if (!loaded.ok) message.show('warning', 'Saved draft not restored.', loaded.message);
    else if (!submitLoaded.ok)
      message.show('warning', 'The last submit could not be read.', [
        submitLoaded.message,
        'If the form shows a review you already recorded, check the workbook before recording it again.',
      ]);
    // A recorded review shows itself; its draft is not "unfinished".
    else if (initialSubmit?.kind !== 'recorded' && loaded.draft && !isDraftEmpty(loaded.draft))
      message.show('info', 'Draft restored.', 'Your unfinished review is back as you left it.');
  };
  return { form, announce };
}

function readRecordedBy(storage: PaneCore['env']['storage']): string {
  try {
    return storage.getItem(RECORDED_BY_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}
