import { dateFromExcelSerial, excelSerialFromDate, parseDate } from '../../src/core';

const iso = (d: Date): string => d.toISOString();

describe('dates', () => {
  it('reads Excel serials, including the 1900 leap-year quirk', () => {
    expect(iso(dateFromExcelSerial(46346))).toBe('2026-11-20T00:00:00.000Z');
    expect(iso(dateFromExcelSerial(46346.5))).toBe('2026-11-20T12:00:00.000Z');
    expect(iso(dateFromExcelSerial(1))).toBe('1900-01-01T00:00:00.000Z');
    expect(iso(dateFromExcelSerial(59))).toBe('1900-02-28T00:00:00.000Z');
    expect(iso(dateFromExcelSerial(61))).toBe('1900-03-01T00:00:00.000Z');
  });

  it('round-trips serials', () => {
    for (const s of [1, 59, 61, 45000, 46346.25])
      expect(excelSerialFromDate(dateFromExcelSerial(s))).toBeCloseTo(s, 9);
  });

  it('reads ISO text with and without time and offset', () => {
    const read = (t: string) => {
      const r = parseDate(t, 'as_of');
      if (!r.ok) throw new Error(r.error.message);
      return iso(r.value);
    };
    expect(read('2026-11-20')).toBe('2026-11-20T00:00:00.000Z');
    expect(read('2026-11-20T16:00')).toBe('2026-11-20T16:00:00.000Z');
    expect(read('2026-11-20T16:00:00Z')).toBe('2026-11-20T16:00:00.000Z');
    expect(read('2026-11-20T16:00:00+01:00')).toBe('2026-11-20T15:00:00.000Z');
    expect(read('46346')).toBe('2026-11-20T00:00:00.000Z');
  });

  it.each(['2026-02-30', '20/11/2026', 'soon', '2026-13-01'])(
    'refuses %s naming the argument',
    (text) => {
      const r = parseDate(text, 'quote_time');
      expect(!r.ok && r.error.code).toBe('value');
      expect(!r.ok && r.error.message).toContain('quote_time: cannot read');
    },
  );

  it('refuses logicals and negative serials; empty is #N/A', () => {
    expect(parseDate(true, 'as_of')).toMatchObject({ ok: false, error: { code: 'value' } });
    expect(parseDate(-1, 'as_of')).toMatchObject({ ok: false, error: { code: 'value' } });
    expect(parseDate(null, 'as_of')).toMatchObject({ ok: false, error: { code: 'na' } });
  });
});
