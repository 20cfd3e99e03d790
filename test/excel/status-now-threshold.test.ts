/** A trigger's Threshold drives the check its type names, in Status at record and Status now alike. */
import { buildReviewRows, type ReviewInput } from '../../src/core/record/build';
import { STATUS_NOW_FORMULA, triggerLimits } from '../../src/core/record/schema';
import { reviewQueue } from '../../src/core/review-queue';
import { deskFormulaEvaluator } from '../../src/excel/memory';
import { idMaker, NOW, reviewInput } from './helpers';

const ctx = () => ({ recordedBy: 'ana', now: NOW, newId: idMaker() });
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const serial = (iso: string) => (Date.parse(iso) - EXCEL_EPOCH_MS) / 86_400_000;

function withTrigger(
  trigger: Record<string, string>,
  exposure: Record<string, string> = {},
): ReviewInput {
  const input = reviewInput();
  return {
    ...input,
    exposure: { ...input.exposure, ...exposure },
    triggers: [{ ...input.triggers[0], ...trigger }],
  };
}

function built(input: ReviewInput) {
  const r = buildReviewRows(input, ctx());
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.rows.triggers[0]!;
}

/** Status now as the in-memory workbook evaluates the formula on the written row (at the real now). */
function statusNow(t: Record<string, unknown>, ageShift: number): unknown {
  const quote = serial(String(t.quoteTime)) + ageShift;
  return deskFormulaEvaluator(STATUS_NOW_FORMULA, {
    'Quote time': quote,
    'Spread bps': t.spreadBps as number,
    'Ratio change': t.ratioChange as number,
    'Expected direction': String(t.expectedDirection),
    'Source state': String(t.sourceState),
    'Trigger type': String(t.triggerType),
    Threshold: (t.threshold as number | null) ?? '',
    Owner: String(t.owner),
    'Open question': String(t.openQuestion),
    'Evidence request': String(t.evidenceRequest),
    'Due date': String(t.dueDate),
  });
}
/** Days from the build's NOW to the real now, so the evaluator sees the same quote age. */
const shift = () =>
  serial(new Date(Date.now() - (Date.now() % 1000)).toISOString()) - serial(NOW.toISOString());

describe('Threshold drives the trigger’s status', () => {
  it('a spread-friction trigger with threshold 500 at 398 bps is action (300 would be watchlist)', () => {
    const t = built(withTrigger({ triggerType: 'spread friction', threshold: '500' }));
    expect(t.spreadBps).toBeCloseTo(398.4, 1);
    expect(t.statusAtRecord).toBe('action');
    expect(statusNow(t, shift())).toBe('action');
    const untouched = built(withTrigger({ triggerType: 'spread friction' }));
    expect(untouched.statusAtRecord).toBe('watchlist');
    expect(statusNow(untouched, shift())).toBe('watchlist');
  });

  it('a source-age trigger with threshold 30 keeps a 10-day-old quote at action', () => {
    const t = built(
      withTrigger(
        { triggerType: 'source age', threshold: '30', quoteTime: '2026-01-27 10:00' },
        { bid: '63.9', ask: '64' },
      ),
    );
    expect(t.statusAtRecord).toBe('action');
    expect(statusNow(t, shift())).toBe('action');
  });

  it('a source-age trigger with threshold 2 puts a 4-day-old quote on the watchlist', () => {
    const t = built(
      withTrigger(
        { triggerType: 'source age', threshold: '2', quoteTime: '2026-02-02 10:00' },
        { bid: '63.9', ask: '64' },
      ),
    );
    expect(t.statusAtRecord).toBe('watchlist');
    expect(statusNow(t, shift())).toBe('watchlist');
  });

  it('ignores the threshold of a type that is not a hard check', () => {
    const t = built(withTrigger({ triggerType: 'bid depth', threshold: '10000' }));
    expect(t.statusAtRecord).toBe('watchlist'); // 398 bps against the default 300
  });

  it('refuses a negative threshold for a type that sets a limit, naming the field', () => {
    const r = buildReviewRows(
      withTrigger({ triggerType: 'ratio contradiction', threshold: '-0.1' }),
      ctx(),
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toContainEqual(
        expect.objectContaining({
          field: 'threshold',
          message: 'Threshold must not be negative for a ratio contradiction trigger',
        }),
      );
  });

  it('the review queue evaluates with the row’s threshold too', () => {
    const values = {
      recordId: 'r1',
      owner: 'Ana',
      openQuestion: 'Q',
      evidenceRequest: 'E',
      dueDate: '2026-12-31',
      triggerType: 'source age',
      threshold: 30,
      expectedDirection: 'up',
      state: 'open',
      quoteTime: '2026-01-27T10:00:00.000Z',
      spreadBps: 10,
      ratioChange: 0,
      sourceState: 'market',
      statusAtRecord: 'action',
    };
    const rows = [{ rowNumber: 1, values }];
    expect(reviewQueue({ rows, today: '2026-02-06', now: NOW })).toEqual([]);
    const strict = [{ rowNumber: 1, values: { ...values, threshold: 2 } }];
    expect(reviewQueue({ rows: strict, today: '2026-02-06', now: NOW })[0]?.reasons).toContain(
      'source 10 days old (max 2)',
    );
  });

  it('the formula builds limits from Trigger type and Threshold with the defaults elsewhere', () => {
    expect(STATUS_NOW_FORMULA).toContain(
      'CHOOSE({1,2,3},IF(AND([@[Trigger type]]="source age",ISNUMBER([@Threshold])),[@Threshold],7),' +
        'IF(AND([@[Trigger type]]="spread friction",ISNUMBER([@Threshold])),[@Threshold],300),' +
        'IF(AND([@[Trigger type]]="ratio contradiction",ISNUMBER([@Threshold])),[@Threshold],0.05))',
    );
    const l = triggerLimits('Spread Friction', 500);
    expect([l.maxAgeDays, l.maxSpreadBps, l.ratioTolerance].map(Number)).toEqual([7, 500, 0.05]);
    const none = triggerLimits('source age', null);
    expect(Number(none.maxAgeDays)).toBe(7);
  });
});
