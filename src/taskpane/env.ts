/** The pane's environment for a real browser page (Office or preview): clock, ids, storage, logic. */
import type { PaneEnv } from './app';
import { createDeskLogic } from './desk-logic';
import { memoryStorage, type DraftStorage } from './draft-store';
import { newUuid } from './uuid';

export { newUuid } from './uuid';

/** The seeds' sample reviews and prices: a chunk of their own ("sample"), fetched on first use. */
const sampleChunk = () => import(/* webpackChunkName: "sample" */ '../core/sample');

/** localStorage, or a page-lifetime map when the host blocks it (`persistent` says which). */
function pageStorage(): { storage: DraftStorage; persistent: boolean } {
  try {
    const probe = '__desk_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return { storage: window.localStorage, persistent: true };
  } catch {
    return { storage: memoryStorage(), persistent: false };
  }
}

export function browserEnv(overrides: Partial<PaneEnv> = {}): PaneEnv {
  const now = overrides.now ?? (() => new Date());
  const { storage, persistent } = pageStorage();
  return {
    storage,
    storagePersistent: persistent,
    now,
    logic: createDeskLogic({ now, newId: newUuid }),
    sampleData: (recordedBy) =>
      sampleChunk().then(
        ({ buildSampleData }) => {
          const built = buildSampleData({ recordedBy, newId: newUuid });
          return built.ok
            ? { reviews: built.reviews, prices: built.prices }
            : { error: built.message };
        },
        () => ({
          error:
            'The add-in’s sample data could not be loaded from its server, so nothing was written. Check the connection and try again.',
        }),
      ),
    ...overrides,
  };
}
