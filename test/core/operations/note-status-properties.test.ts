/** DESK.NOTE_STATUS properties (its unit tests: note-status.test.ts, note-status-qa.test.ts). */
import fc from 'fast-check';
import { noteStatus } from '../../../src/core';
import { fcParams } from '../fc-seed';
import { typed } from './arbitraries';

describe('NOTE_STATUS properties', () => {
  it('NOTE_STATUS is never action when a hard check fails', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 * 24 * 60 }),
        typed(1000),
        fc.integer({ min: -300, max: 300 }).map((x) => x / 1000),
        fc.constantFrom('up', 'down', 'flat'),
        fc.constantFrom('market', 'mixed', 'indicative', null),
        (ageMinutes, spread, change, direction, state) => {
          const quote = new Date(now.getTime() - ageMinutes * 60_000).toISOString();
          const out = noteStatus(
            quote,
            spread,
            change,
            null,
            direction,
            null,
            state,
            null,
            null,
            now,
          );
          const against =
            direction === 'up'
              ? change < -0.05
              : direction === 'down'
                ? change > 0.05
                : Math.abs(change) > 0.05;
          const failing =
            ageMinutes > 7 * 24 * 60 || spread > 300 || against || state === 'indicative';
          expect(out).toBe(failing ? 'watchlist' : 'action');
        },
      ),
      fcParams(),
    );
  });
});
