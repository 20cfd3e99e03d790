/** The pane's environment for a real browser page (Office or preview): clock, ids, storage, logic. */
import type { PaneEnv } from './app';
import { createDeskLogic } from './desk-logic';
import { memoryStorage, type DraftStorage } from './draft-store';

/** The seeds' sample reviews and prices: a chunk of their own ("sample"), fetched on first use. */
const sampleChunk = () => import(/* webpackChunkName: "sample" */ '../core/sample');

/** RFC 4122 v4 UUID; randomUUID exists on secure origins (https, localhost, 127.0.0.1). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

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
