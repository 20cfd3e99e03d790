import {
  excelSerialFromDate,
  parseDate,
  type Arg,
  type Output,
  type Zone,
} from '../../../src/core';
import { expectError, statusWith, type StatusOptions } from '../helpers';

/**
 * NOTE_STATUS behaviours found in QA (time zones, explain text at the limit, empty serials,
 * blank limits/closeout, error cells in closeout). Zones are fixed functions, never the test
 * machine's TZ.
 */

const HOUR = 3_600_000;
/** A desk in Shanghai (UTC+8) and one in New York in winter (UTC−5). */
const SHANGHAI: Zone = (ms) => ms + 8 * HOUR;
const NEW_YORK: Zone = (ms) => ms - 5 * HOUR;
const serial = (iso: string): number => excelSerialFromDate(new Date(iso));

/** NOTE_STATUS with named optional arguments, at this suite's fixed clock. */
const status = (q: Arg, s: Arg, c: Arg, o: Partial<StatusOptions> = {}): Output =>
  statusWith(q, s, c, { now: new Date('2026-11-23T12:00:00Z'), ...o });

describe('NOTE_STATUS time zones: ISO text with Z or an offset is an instant', () => {
  it('reads a Z quote in the desk’s wall clock, so a quote an hour old is not hindsight', () => {
    // New York, 14:03 wall clock (19:03Z) quote; "now" is 15:03 wall clock, passed as UTC.
    const now = new Date('2026-11-23T15:03:07Z');
    expect(status('2026-11-23T19:03:07Z', 100, 0, { now, zone: NEW_YORK, explain: true })).toBe(
      'action',
    );
  });

  it('gives the same age in Shanghai as the instants say (6 days 20 h is not 7.2 days)', () => {
    // 2026-11-23 12:00 Shanghai wall clock = 04:00Z; the quote was 6 d 20 h earlier.
    const now = new Date('2026-11-23T12:00:00Z');
    expect(status('2026-11-16T08:00:00Z', 100, 0, { now, zone: SHANGHAI, explain: true })).toBe(
      'action',
    );
  });

  it('compares an offset quote with a wall-clock as_of in the desk’s zone', () => {
    // 2026-11-20 16:00 +08:00 is 16:00 on a Shanghai desk's clock: exactly 7 days before as_of.
    expect(
      status('2026-11-20T16:00:00+08:00', 100, 0, {
        asOf: '2026-11-27T16:00',
        zone: SHANGHAI,
        explain: true,
      }),
    ).toBe('action');
    expect(
      status('2026-11-20T15:59:00+08:00', 100, 0, {
        asOf: '2026-11-27T16:00',
        zone: SHANGHAI,
        explain: true,
      }),
    ).toBe('watchlist: source 7.001 days old (max 7)');
  });

  it('leaves serials and offset-less text as wall-clock times whatever the zone', () => {
    const asOf = serial('2026-11-27T16:00:00Z');
    for (const zone of [SHANGHAI, NEW_YORK]) {
      expect(status('2026-11-20T16:00', 100, 0, { asOf, zone })).toBe('action');
      expect(status(serial('2026-11-20T15:00:00Z'), 100, 0, { asOf, zone })).toBe('watchlist');
    }
  });

  it('parseDate converts only text with Z or an offset', () => {
    const read = (t: string, zone?: Zone) => {
      const r = parseDate(t, 'as_of', zone);
      if (!r.ok) throw new Error(r.error.message);
      return r.value.toISOString();
    };
    expect(read('2026-11-20T16:00:00Z', SHANGHAI)).toBe('2026-11-21T00:00:00.000Z');
    expect(read('2026-11-20T16:00:00-05:00', NEW_YORK)).toBe('2026-11-20T16:00:00.000Z');
    expect(read('2026-11-20T16:00', NEW_YORK)).toBe('2026-11-20T16:00:00.000Z');
    expect(read('2026-11-20T16:00:00Z')).toBe('2026-11-20T16:00:00.000Z'); // default: UTC
  });
});

describe('NOTE_STATUS explain text never shows a failing value equal to its limit', () => {
  it('shows enough digits for age and spread', () => {
    expect(status('2026-11-01', 100, 0, { asOf: '2026-11-08T00:00:00.001', explain: true })).toBe(
      'watchlist: source 7.00000001 days old (max 7)',
    );
    expect(status(46000, 300.00000001, 0, { asOf: 46001, explain: true })).toBe(
      'watchlist: spread 300.00000001 bps (max 300)',
    );
  });

  it('says "just over" when a ratio exceeds its tolerance by less than it can show', () => {
    // -0.050000000000000044 is what =0.95/1-1 gives in Excel.
    expect(status(46000, 100, -0.050000000000000044, { asOf: 46001, explain: true })).toBe(
      'watchlist: ratio down just over 5% against expected up (tolerance 5%)',
    );
  });

  it('does not say "ratio down 0%" against a zero tolerance', () => {
    expect(
      status(46000, 100, -0.000001, { asOf: 46001, limits: [[7, 300, 0]], explain: true }),
    ).toBe('watchlist: ratio down 0.0001% against expected up (tolerance 0%)');
  });

  it('keeps the usual short figures', () => {
    expect(status(46000, 100, -0.08, { asOf: 46001, explain: true })).toBe(
      'watchlist: ratio down 8% against expected up (tolerance 5%)',
    );
  });
});

describe('NOTE_STATUS arguments a user gets wrong', () => {
  it('shows the seconds that make a quote later than as_of', () => {
    expectError(
      status('2026-11-08T00:00:01', 100, 0, { asOf: '2026-11-08' }),
      'value',
      'quote_time 2026-11-08 00:00:01 is after as_of 2026-11-08 (that would be hindsight)',
    );
  });

  it('refuses a ratio_change below -100%, on both paths', () => {
    const message = 'ratio_change -4 is below -100%: a ratio cannot fall more than 100%';
    expectError(status(46000, 100, -4, { asOf: 46001 }), 'value', message);
    expectError(status(46000, 100, '-4', { asOf: 46001, explain: true }), 'value', message);
    expect(status(46000, 100, -1, { asOf: 46001 })).toBe('watchlist'); // to zero: possible
  });

  it('reads a 0 serial (a formula pointing at a blank cell) as empty, not as 1900', () => {
    for (const zero of [0, '0']) {
      expectError(
        status(zero, 100, 0, { asOf: '2026-11-27T16:00', explain: true }),
        'na',
        'quote_time is empty (0',
      );
      expectError(status(46000, 100, 0, { asOf: zero }), 'na', 'as_of is empty (0');
    }
    expectError(status(0, 100, 0, { asOf: 46001 }), 'na', 'quote_time is empty'); // plain-number path
  });

  it('refuses percent text for basis points instead of dividing by 100', () => {
    expectError(
      status(46000, '4.1%', 0, { asOf: 46001, explain: true }),
      'value',
      "spread_bps: '4.1%' is a percentage; give basis points, e.g. 410",
    );
    expectError(
      status(46000, 100, 0, { asOf: 46001, limits: [[7, '3%', 0.05]] }),
      'value',
      "limits: max_spread_bps: '3%' is a percentage; give basis points, e.g. 300",
    );
    expectError(
      status(46000, 100, 0, { asOf: 46001, limits: [['10%', 300, 0.05]] }),
      'value',
      "limits: max_age_days: '10%' is a percentage",
    );
    // Fractions still take percent text.
    expect(status(46000, 100, '-4%', { asOf: 46001, limits: [[7, 300, '5%']] })).toBe('action');
    expect(status(46000, 100, '-6%', { asOf: 46001, limits: [[7, 300, '5%']] })).toBe('watchlist');
  });

  it('treats limits given as one blank cell as the defaults', () => {
    expect(status(46000, 100, 0.02, { asOf: 46012, limits: [[null]], explain: true })).toBe(
      'watchlist: source 12 days old (max 7)',
    );
    expect(status(46000, 350, 0.02, { asOf: 46001, limits: [['']], explain: true })).toBe(
      'watchlist: spread 350 bps (max 300)',
    );
  });

  it('says a closeout given as one blank cell needs the 4 cells', () => {
    expectError(
      status(46000, 100, 0, { asOf: 46001, closeout: [[null]] }),
      'value',
      'closeout is one blank cell; it needs the 4 cells: owner, open question, evidence request, review date',
    );
  });

  it('counts an error or data-type value in a closeout cell as not filled', () => {
    const errorCell = { type: 'Error', errorType: 'NotAvailable' } as unknown as string;
    expect(
      status(46000, 100, 0, { asOf: 46001, closeout: [['a', 'q', 'e', errorCell]], explain: true }),
    ).toBe('research: no review date');
    expect(status(46000, 100, 0, { asOf: 46001, closeout: [['a', errorCell, 'e', 'd']] })).toBe(
      'research',
    );
  });

  it('reads explain "1" and "0" like 1 and 0', () => {
    expect(status(46000, 410, 0, { asOf: 46001, explain: '1' })).toBe(
      'watchlist: spread 410 bps (max 300)',
    );
    expect(status(46000, 410, 0, { asOf: 46001, explain: '0' })).toBe('watchlist');
  });

  it('names a data-type value instead of quoting [object Object]', () => {
    const entity = { type: 'Double', basicValue: 100 } as unknown as number;
    expectError(
      status(46000, entity, 0, { asOf: 46001 }),
      'value',
      'spread_bps: cannot read an Excel data-type or error value; give a number',
    );
    expectError(
      status(46000, 100, 0, { asOf: 46001, direction: entity }),
      'value',
      'expected_direction must be up, down or flat (got an Excel data-type or error value)',
    );
  });
});
