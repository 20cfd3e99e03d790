/**
 * Nothing lost, nothing doubled: randomised submits with sync failures at random points (before,
 * partway through, after applying, timed out), each retried until it succeeds. Afterwards every
 * submitted row is present exactly once and no other cell changed.
 */
import { cellDigest, createMemoryDeskWorkbook, type Fault } from '../../src/excel/memory';
import { TABLE_KEYS } from '../../src/core/record/schema';
import { HOSTILE, idMaker, prng, reviewRows } from './helpers';

const SEED = Number(process.env.DESK_SEED ?? Date.now() % 2 ** 31);
const SUBMITS = 1000;

describe('nothing lost under sync failures', () => {
  it(`keeps every row exactly once over ${SUBMITS} randomised submits (seed ${SEED})`, async () => {
    console.log(`nothing-lost seed: ${SEED} (rerun with DESK_SEED=${SEED})`);
    const rand = prng(SEED);
    const m = createMemoryDeskWorkbook();
    expect((await m.workbook.ensureTables()).ok).toBe(true);
    // A colleague's cells elsewhere in the workbook, and right of a table.
    m.user.typeCell('Sheet1', 'A1', 'desk notes');
    m.user.typeCell('Sheet1', 'B7', 42);
    m.user.typeCell('DeskTriggers', 'Z3', '=1+1');
    const before = cellDigest(m.model);
    const newId = idMaker(7);
    const expected: Record<string, string[]> = { snapshots: [], exposures: [], triggers: [] };
    let failures = 0;
    let retries = 0;
    m.host.faults = (info) => {
      const x = rand();
      if (x > 0.3) return undefined;
      failures += 1;
      const kinds: Fault[] = [
        { kind: 'fail-before' },
        { kind: 'fail-partway', after: Math.floor(rand() * info.operations) },
        { kind: 'fail-after' },
        { kind: 'timeout-after' },
      ];
      return kinds[Math.floor(rand() * kinds.length)];
    };
    for (let i = 0; i < SUBMITS; i += 1) {
      const text = rand() < 0.2 ? HOSTILE[Math.floor(rand() * HOSTILE.length)]! : `review ${i}`;
      const rows = reviewRows(newId, {
        triggers: 1 + Math.floor(rand() * 3),
        slug: text,
        question: text,
      });
      let ok = false;
      for (let attempt = 0; attempt < 50 && !ok; attempt += 1) {
        const r = await m.workbook.appendReview(rows);
        ok = r.ok;
        if (!ok) {
          retries += 1;
          expect(r.ok === false && r.message).toMatch(/failed|Could not confirm/);
        }
      }
      expect(ok).toBe(true);
      for (const k of TABLE_KEYS) expected[k]!.push(...rows[k].map((x) => String(x.recordId)));
    }
    m.host.faults = null;
    expect(failures).toBeGreaterThan(100);
    expect(retries).toBeGreaterThan(100);
    for (const key of TABLE_KEYS) {
      const r = await m.workbook.read(key);
      if (!r.ok) throw new Error(r.message);
      expect(r.problems).toEqual([]);
      const ids = r.records.map((x) => String(x.values.recordId));
      expect(ids).toEqual(expected[key]); // each exactly once, in submit order, no blank rows
      const t = m
        .view()
        .sheets.flatMap((s) => s.tables)
        .find(
          (x) =>
            x.name ===
            { snapshots: 'DeskSnapshots', exposures: 'DeskExposures', triggers: 'DeskTriggers' }[
              key
            ],
        )!;
      expect(t.rows).toHaveLength(expected[key]!.length);
    }
    // No other cell changed, and nothing was written outside the tables.
    const after = cellDigest(m.model);
    for (const [k, v] of before) expect([k, after.get(k)]).toEqual([k, v]);
    const loose = m.view().sheets.flatMap((s) => s.looseCells.map((c) => c.address));
    expect(loose.sort()).toEqual(['DeskTriggers!Z3', 'Sheet1!A1', 'Sheet1!B7']);
  }, 120_000);
});
