/**
 * One evaluator per rule: the in-memory workbook's Status now cells give exactly what calling
 * DESK.NOTE_STATUS's core entry point (`noteStatus`, as src/functions/functions.ts calls it) gives
 * on the cells the formula names — on the sample data, on the rows the adapter tests write, and
 * after a user types values the record builder would never write ('Down', 'sideways', a blank owner).
 */
import fc from 'fast-check';
import {
  isDeskError,
  noteStatus,
  STATUS_NOW_FORMULA,
  triggerLimits,
  wallClockAsUtc,
} from '../../../src/core';
import { buildSampleData } from '../../../src/core/sample';
import { EXCEL_ERROR } from '../../../src/excel/function-errors';
import {
  createMemoryDeskWorkbook,
  type MemoryDeskWorkbook,
  type MemoryTableView,
} from '../../../src/excel/memory';
import { fcParams } from '../../core/fc-seed';
import { idMaker, reviewRows } from '../helpers';

const MS_PER_DAY = 86_400_000;
const nowSerial = () =>
  (wallClockAsUtc(new Date()).getTime() - Date.UTC(1899, 11, 30)) / MS_PER_DAY;

function triggers(m: MemoryDeskWorkbook): MemoryTableView {
  const t = m
    .view()
    .sheets.flatMap((s) => s.tables)
    .find((x) => x.name === 'DeskTriggers');
  if (!t) throw new Error('no DeskTriggers table');
  return t;
}

/** Status now computed by calling noteStatus on the row's cells, argument by argument as the formula passes them. */
function direct(t: MemoryTableView, row: number): { value: unknown; message?: string } {
  const cell = (h: string) => t.rows[row]![t.headers.indexOf(h)]!.value;
  const text = (h: string) => String(cell(h));
  const limits = triggerLimits(cell('Trigger type'), cell('Threshold'));
  const out = noteStatus(
    cell('Quote time'),
    cell('Spread bps'),
    cell('Ratio change'),
    nowSerial(),
    cell('Expected direction'),
    [[limits.maxAgeDays, limits.maxSpreadBps, limits.ratioTolerance].map((d) => d.toNumber())],
    cell('Source state'),
    [[text('Owner'), text('Open question'), text('Evidence request'), text('Due date')]],
    undefined,
    wallClockAsUtc(new Date()),
  );
  if (Array.isArray(out)) throw new Error('Status now spilled');
  return isDeskError(out) ? { value: EXCEL_ERROR[out.code], message: out.message } : { value: out };
}

/** Every trigger row: the twin's Status now (value and message) equals the direct call. */
function expectEveryRowAgrees(m: MemoryDeskWorkbook): number {
  const t = triggers(m);
  const j = t.headers.indexOf('Status now');
  t.rows.forEach((cells, i) => {
    expect(cells[j]!.formula).toBe(STATUS_NOW_FORMULA);
    const got = cells[j]!;
    const want = direct(t, i);
    expect({ row: i + 1, value: got.value, message: got.message }).toEqual({ row: i + 1, ...want });
  });
  return t.rows.length;
}

async function withSamplesAndFixtures(): Promise<MemoryDeskWorkbook> {
  const m = createMemoryDeskWorkbook();
  const newId = idMaker();
  const samples = buildSampleData({ recordedBy: 'ana', newId });
  if (!samples.ok) throw new Error(samples.message);
  expect((await m.workbook.insertSampleData(samples)).ok).toBe(true);
  expect((await m.workbook.appendReview(reviewRows(newId, { triggers: 3 }))).ok).toBe(true);
  expect((await m.workbook.appendReview(reviewRows(newId, { owner: 'Li Wei' }))).ok).toBe(true);
  return m;
}

describe('Status now in the in-memory workbook is DESK.NOTE_STATUS', () => {
  it('on every row of the sample data and of the adapter fixtures', async () => {
    const m = await withSamplesAndFixtures();
    expect(expectEveryRowAgrees(m)).toBeGreaterThan(4);
  });

  it('reads "Down" as down and refuses "sideways" with the function’s message (not "up")', async () => {
    const m = await withSamplesAndFixtures();
    m.user.typeInTable('DeskTriggers', 1, 'Expected direction', 'Down');
    m.user.typeInTable('DeskTriggers', 2, 'Expected direction', 'sideways');
    expectEveryRowAgrees(m);
    const t = triggers(m);
    const j = t.headers.indexOf('Status now');
    expect(t.rows[1]![j]!.value).toBe('#VALUE!');
    expect(t.rows[1]![j]!.message).toMatch(/expected_direction/);
  });

  it('after any edit a user may type into the formula’s input cells', async () => {
    const m = await withSamplesAndFixtures();
    const rows = triggers(m).rows.length;
    const typed = fc.oneof(
      fc.constantFrom('', 'up', 'Down', 'FLAT', 'sideways', 'market', 'Indicative', 'rumour'),
      fc.constantFrom('source age', 'Spread Friction', 'ratio contradiction', 'price level'),
      fc.double({ min: -2, max: 2000, noNaN: true }),
      fc.constantFrom('2026-02-05', 'abc', '7'),
    );
    const header = fc.constantFrom(
      'Expected direction',
      'Source state',
      'Trigger type',
      'Threshold',
      'Owner',
      'Open question',
      'Spread bps',
      'Ratio change',
      'Quote time',
      'Due date',
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: rows }), header, typed, (row, h, v) => {
        m.user.typeInTable('DeskTriggers', row, h, v);
        expectEveryRowAgrees(m);
      }),
      fcParams(60),
    );
  });
});
