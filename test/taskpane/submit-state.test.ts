/**
 * The submit state kept beside the draft: a reload after success shows the review as recorded,
 * and a reload after an unclear failure retries the very rows (Record IDs) already sent.
 */
import { memoryStorage, type DraftStorage } from '../../src/taskpane/draft-store';
import {
  SUBMIT_KEY,
  loadSubmitState,
  recordedReview,
  saveSubmitState,
} from '../../src/taskpane/submit-state';
import { idMaker, reviewRows } from '../excel/helpers';

const rows = reviewRows(idMaker(), { triggers: 2 });
const landed = (['snapshots', 'exposures', 'triggers'] as const).map((table, i) => ({
  table,
  address: `Desk${table}!A2:Z${2 + i}`,
  recordIds: rows[table].map((r) => String(r.recordId)),
}));

describe('submit state', () => {
  it('summarises a recorded review from the rows written and where they landed', () => {
    const review = recordedReview(rows, landed);
    expect(review).toMatchObject({
      product: 'NdPr oxide',
      reviewDate: '2026-02-05',
      recordedBy: 'ana',
      reviewId: rows.snapshots[0]!.reviewId,
      landed,
    });
    expect(review.triggers).toEqual([
      { owner: 'Ana Ruiz', openQuestion: 'Does the NdPr bid hold (1)?', dueDate: '2026-02-12' },
      { owner: 'Ana Ruiz', openQuestion: 'Does the NdPr bid hold (2)?', dueDate: '2026-02-12' },
    ]);
  });

  it('round-trips pending rows and a recorded review, and clears', () => {
    const storage = memoryStorage();
    const pending = { kind: 'pending', fingerprint: '["x"]', rows } as const;
    expect(saveSubmitState(storage, pending)).toEqual({ ok: true });
    expect(loadSubmitState(storage)).toEqual({ ok: true, state: pending });
    const recorded = { kind: 'recorded', review: recordedReview(rows, landed) } as const;
    saveSubmitState(storage, recorded);
    expect(loadSubmitState(storage)).toEqual({ ok: true, state: recorded });
    saveSubmitState(storage, null);
    expect(storage.map.has(SUBMIT_KEY)).toBe(false);
    expect(loadSubmitState(storage)).toEqual({ ok: true, state: null });
  });

  it.each([
    ['not JSON', '{broken'],
    ['an unknown kind', JSON.stringify({ kind: 'sent' })],
    [
      'pending rows of the wrong shape',
      JSON.stringify({ kind: 'pending', fingerprint: 'x', rows: {} }),
    ],
    [
      'a recorded review without Record IDs',
      JSON.stringify({
        kind: 'recorded',
        review: { ...recordedReview(rows, landed), landed: [{}] },
      }),
    ],
  ])('reports %s instead of trusting it, and keeps it stored', (_what, raw) => {
    const storage = memoryStorage();
    storage.setItem(SUBMIT_KEY, raw);
    const loaded = loadSubmitState(storage);
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.message).toMatch(/The last submit could not be read/);
    expect(storage.getItem(SUBMIT_KEY)).toBe(raw);
  });

  it('pending rows that break the schema are not retried: the reload says which row and why', () => {
    const storage = memoryStorage();
    expect(saveSubmitState(storage, { kind: 'pending', fingerprint: '["x"]', rows })).toEqual({
      ok: true,
    });
    const kept = JSON.parse(storage.getItem(SUBMIT_KEY)!);
    kept.rows.triggers[1].owner = null;
    storage.setItem(SUBMIT_KEY, JSON.stringify(kept));
    expect(loadSubmitState(storage)).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^The last submit could not be read: DeskTriggers row 2 is invalid — Owner is required/,
      ),
    });
  });

  it('says so when the browser refuses to store it', () => {
    const storage: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const saved = saveSubmitState(storage, { kind: 'pending', fingerprint: 'x', rows });
    expect(!saved.ok && saved.message).toMatch(/QuotaExceededError/);
  });
});
