import { reviewQueue } from '../../src/core';
import { dayOf, daysBetween, type QueueRow } from '../../src/core/review-queue';

const NOW = new Date('2026-11-23T12:00:00Z');
const TODAY = '2026-11-23';

/** A trigger row as read back from DeskTriggers, fit for action unless overridden. */
function row(
  rowNumber: number,
  values: Partial<Record<string, string | number | null>> = {},
): QueueRow {
  return {
    rowNumber,
    values: {
      recordId: `id-${rowNumber}`,
      owner: 'Desk lead',
      openQuestion: `Question ${rowNumber}`,
      evidenceRequest: 'Next SMM weekly review',
      dueDate: '2026-12-10',
      triggerType: 'source age',
      expectedDirection: 'up',
      state: 'open',
      quoteTime: '2026-11-22T08:00:00.000Z',
      spreadBps: 120,
      ratioChange: 0,
      sourceState: 'market',
      statusAtRecord: 'action',
      ...values,
    },
  };
}

describe('review queue', () => {
  it('is empty when every open trigger is fit for action and not yet due', () => {
    expect(reviewQueue({ rows: [row(1), row(2)], today: TODAY, now: NOW })).toEqual([]);
  });

  it('lists a trigger due today and one overdue, most overdue first', () => {
    const items = reviewQueue({
      rows: [row(1, { dueDate: TODAY }), row(2, { dueDate: '2026-11-20' }), row(3)],
      today: TODAY,
      now: NOW,
    });
    expect(items.map((i) => [i.rowNumber, i.urgency, i.daysOverdue])).toEqual([
      [2, 'overdue', 3],
      [1, 'due', 0],
    ]);
    expect(items[0]?.reasons[0]).toBe('Overdue by 3 days (due 2026-11-20)');
    expect(items[1]?.reasons[0]).toBe('Due today (2026-11-23)');
  });

  it('reads an Excel serial due date the same as ISO text', () => {
    // 46349 = 2026-11-23
    expect(dayOf(46349)).toBe('2026-11-23');
    const items = reviewQueue({ rows: [row(1, { dueDate: 46349 })], today: TODAY, now: NOW });
    expect(items[0]?.urgency).toBe('due');
  });

  it('names the failing checks of a note that was action and no longer is', () => {
    const items = reviewQueue({
      rows: [row(4, { quoteTime: '2026-11-11T08:00:00.000Z', spreadBps: 410 })],
      today: TODAY,
      now: NOW,
    });
    expect(items).toHaveLength(1);
    expect(items[0]?.urgency).toBe('status');
    expect(items[0]?.statusNow).toBe('watchlist');
    expect(items[0]?.reasons.join(' | ')).toMatch(/No longer action: now watchlist/);
    expect(items[0]?.reasons.join(' | ')).toMatch(/source 12\.\d+ days old \(max 7\)/);
    expect(items[0]?.reasons.join(' | ')).toMatch(/spread 410 bps \(max 300\)/);
  });

  it('does not list a note recorded as watchlist that is still watchlist and not due', () => {
    const items = reviewQueue({
      rows: [row(5, { sourceState: 'indicative', statusAtRecord: 'watchlist' })],
      today: TODAY,
      now: NOW,
    });
    expect(items).toEqual([]);
  });

  it('skips met and cleared triggers even when overdue', () => {
    const rows = [
      row(1, { dueDate: '2026-01-01', state: 'met' }),
      row(2, { dueDate: '2026-01-01', state: 'cleared' }),
    ];
    expect(reviewQueue({ rows, today: TODAY, now: NOW })).toEqual([]);
  });

  it('lists a row whose status inputs cannot be read, saying which one', () => {
    const items = reviewQueue({ rows: [row(6, { quoteTime: null })], today: TODAY, now: NOW });
    expect(items[0]?.statusNow).toBeNull();
    expect(items[0]?.reasons).toContain(
      'cannot evaluate the status: Quote time is blank or unreadable',
    );
  });

  it('a due note with a blank evidence request is research, named in the reasons', () => {
    const items = reviewQueue({
      rows: [row(7, { dueDate: TODAY, evidenceRequest: '' })],
      today: TODAY,
      now: NOW,
    });
    expect(items[0]?.statusNow).toBe('research');
    expect(items[0]?.reasons.join(' ')).toMatch(/evidence request/);
  });

  it('counts whole calendar days', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-11-23', '2026-11-23')).toBe(0);
  });
});

describe('review queue: where and what', () => {
  it('names Excel’s sheet row and the product of the review', () => {
    const r = row(3, { dueDate: TODAY, reviewId: 'rev-1' });
    const items = reviewQueue({
      rows: [{ ...r, sheetRow: 4 }],
      today: TODAY,
      now: NOW,
      products: new Map([['rev-1', 'NdPr oxide']]),
    });
    expect(items[0]).toMatchObject({ rowNumber: 3, sheetRow: 4, product: 'NdPr oxide' });
  });

  it('has no product when the review’s snapshot is not known', () => {
    const items = reviewQueue({ rows: [row(1, { dueDate: TODAY })], today: TODAY, now: NOW });
    expect(items[0]).toMatchObject({ sheetRow: 1, product: null });
  });
});
