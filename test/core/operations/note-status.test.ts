import {
  D,
  DEFAULT_LIMITS,
  evaluateNoteStatus,
  excelSerialFromDate,
  noteStatus,
  type Arg,
  type Output,
  type NoteStatusInput,
} from '../../../src/core';
import { expectError, statusWith, type StatusOptions } from '../helpers';

const NOW = new Date('2026-11-20T12:00:00Z');
const serial = (iso: string): number => excelSerialFromDate(new Date(iso));
const CLOSED: Arg = [
  ['Mia', 'Does the Dy premium hold?', 'Ask two traders for bids', '2026-12-01'],
];

/** NOTE_STATUS with named optional arguments, at this suite's fixed clock. */
const status = (q: Arg, s: Arg, c: Arg, o: Partial<StatusOptions> = {}): Output =>
  statusWith(q, s, c, { now: NOW, ...o });

describe('NOTE_STATUS', () => {
  it('is action when the closeout is complete and every hard check passes', () => {
    expect(status('2026-11-19', 120, 0.02, { closeout: CLOSED, state: 'market' })).toBe('action');
    expect(status(serial('2026-11-19T00:00:00Z'), 120, 0.02, { state: 'mixed' })).toBe('action');
  });

  it('sends an unfinished note back to research, naming the blank cell', () => {
    const closeout = [['Mia', 'Does the Dy premium hold?', '', '2026-12-01']];
    expect(status('2026-11-19', 120, 0.02, { closeout })).toBe('research');
    expect(status('2026-11-19', 120, 0.02, { closeout, explain: true })).toBe(
      'research: no evidence request',
    );
    expect(
      status('2026-11-01', 900, -0.5, { closeout: [[null, null, null, null]], explain: true }),
    ).toBe('research: no owner; no open question; no evidence request; no review date');
  });

  it('lists every failing check on the watchlist', () => {
    expect(status('2026-11-08T12:00:00Z', 410, 0, { explain: true })).toBe(
      'watchlist: source 12 days old (max 7); spread 410 bps (max 300)',
    );
    expect(status('2026-11-08T12:00:00Z', 410, 0)).toBe('watchlist');
  });

  it('counts fractional days of source age', () => {
    expect(status('2026-11-13T12:00:00Z', 0, 0)).toBe('action'); // exactly 7 days
    expect(status('2026-11-13T11:00:00Z', 0, 0, { explain: true })).toBe(
      'watchlist: source 7.04 days old (max 7)',
    );
  });

  it('judges the ratio against the expected direction', () => {
    expect(status('2026-11-19', 0, -0.08, { explain: true })).toBe(
      'watchlist: ratio down 8% against expected up (tolerance 5%)',
    );
    expect(status('2026-11-19', 0, -0.05)).toBe('action'); // at the tolerance, not beyond
    expect(status('2026-11-19', 0, 0.08, { direction: 'down' })).toBe('watchlist');
    expect(status('2026-11-19', 0, -0.08, { direction: 'down' })).toBe('action');
    expect(status('2026-11-19', 0, 0.06, { direction: 'flat' })).toBe('watchlist');
    expect(status('2026-11-19', 0, -0.06, { direction: 'FLAT' })).toBe('watchlist');
    expect(status('2026-11-19', 0, 0.04, { direction: 'flat' })).toBe('action');
  });

  it('an indicative quote cannot carry action', () => {
    expect(status('2026-11-19', 0, 0, { state: 'indicative', explain: true })).toBe(
      'watchlist: source state indicative',
    );
  });

  it('reads limits whole, blanks keeping their defaults', () => {
    expect(status('2026-11-05', 350, 0, { limits: [[30, 400, 0.1]] })).toBe('action');
    expect(status('2026-11-05', 350, 0, { limits: [[30, null, 0.1]], explain: true })).toBe(
      'watchlist: spread 350 bps (max 300)',
    );
    expectError(
      status('2026-11-19', 0, 0, { limits: [[1, 2]] }),
      'value',
      'limits must be 3 cells',
    );
    expectError(
      status('2026-11-19', 0, 0, { limits: [[-1, 2, 3]] }),
      'value',
      'limits: max_age_days must not be negative',
    );
  });

  it('as_of defaults to now and may be given as serial or text', () => {
    expect(status('2026-11-10', 0, 0, { asOf: '2026-11-12' })).toBe('action');
    expect(status('2026-11-10', 0, 0, { asOf: serial('2026-11-30T00:00:00Z') })).toBe('watchlist');
  });

  it('refuses hindsight and bad arguments, naming them', () => {
    expectError(
      status('2026-11-21', 0, 0),
      'value',
      'quote_time 2026-11-21 is after as_of 2026-11-20 12:00 (that would be hindsight)',
    );
    expectError(status(serial('2026-11-25T00:00:00Z'), 0, 0), 'value', 'hindsight');
    expectError(status('2026-11-19', -1, 0), 'value', 'spread_bps must not be negative');
    expectError(
      status('2026-11-19', 0, 0, { direction: 'sideways' }),
      'value',
      "expected_direction must be up, down or flat (got 'sideways')",
    );
    expectError(
      status('2026-11-19', 0, 0, { state: 'rumour' }),
      'value',
      'source_state must be market, mixed or indicative',
    );
    expectError(
      status('yesterday', 0, 0),
      'value',
      "quote_time: cannot read 'yesterday' as a date",
    );
    expectError(status(null, 0, 0), 'na', 'quote_time');
    expectError(status('2026-11-19', true, 0), 'value', 'spread_bps: TRUE is a logical value');
    expectError(
      status('2026-11-19', 0, 0, { closeout: [['a', 'b']] }),
      'value',
      'closeout must be 4 cells',
    );
  });

  it('evaluates ranges element-wise with the closeout read whole', () => {
    const out = noteStatus(
      [['2026-11-19'], ['2026-11-01'], ['2026-11-30']],
      [[100], [100], [100]],
      0,
      null,
      null,
      null,
      null,
      CLOSED,
      null,
      NOW,
    );
    expect(Array.isArray(out)).toBe(true);
    const rows = out as unknown[][];
    expect(rows[0]).toEqual(['action']);
    expect(rows[1]).toEqual(['watchlist']);
    expectError(rows[2]![0] as never, 'value', 'hindsight');
  });

  it('evaluateNoteStatus (the record builders’ entry) gives the same verdict', () => {
    const input: NoteStatusInput = {
      quoteTime: new Date('2026-11-08T12:00:00Z'),
      asOf: NOW,
      spreadBps: new D(410),
      ratioChange: new D(0),
      expectedDirection: 'up',
      limits: DEFAULT_LIMITS,
      sourceState: 'market',
      closeout: null,
    };
    const verdict = evaluateNoteStatus(input);
    expect(verdict.status).toBe('watchlist');
    expect(verdict.reasons).toEqual(['source 12 days old (max 7)', 'spread 410 bps (max 300)']);
    expect(verdict.text(false)).toBe('watchlist');
  });
});

describe('NOTE_STATUS called once per table row', () => {
  it('reads each row’s own limits, however many different ones the rows cycle through', () => {
    // More distinct limit triples than the reader remembers, in a cycle, twice over.
    for (let round = 0; round < 2; round++) {
      for (let maxSpread = 100; maxSpread <= 1200; maxSpread += 100) {
        const out = status('2026-11-19', 550, 0, { limits: [[7, maxSpread, 0.05]] });
        expect(out).toBe(550 > maxSpread ? 'watchlist' : 'action');
        expectError(
          status('2026-11-19', 550, 0, { limits: [[7, -maxSpread, 0.05]] }),
          'value',
          'limits: max_spread_bps must not be negative',
        );
      }
    }
  });
});
