/** Price dates in the forms sheets and reviews print, and never a guess at day/month order. */
import fc from 'fast-check';
import { readPriceDate } from '../../../src/core/prices/import-dates';
import { fcParams } from '../fc-seed';

const read = (t: string, dayFirst?: boolean) => readPriceDate(t, 'Price date', dayFirst);

describe('readPriceDate', () => {
  it.each([
    ['2025-01-09', '2025-01-09'],
    ['2025-01-09 14:38', '2025-01-09'],
    ['2025-01-09T14:38:00Z', '2025-01-09'],
    ['Jan 9, 2025', '2025-01-09'],
    ['Jan 9, 2025 14:38', '2025-01-09'],
    ['January 9th, 2025', '2025-01-09'],
    ['Thursday, January 9, 2025', '2025-01-09'],
    ['9 January 2025', '2025-01-09'],
    ['09-Jan-2025', '2025-01-09'],
    ['Sept 30, 2025', '2025-09-30'],
    ['13/1/2025', '2025-01-13'],
    ['1/13/2025', '2025-01-13'],
    ['5/5/2025', '2025-05-05'],
    ['2025/01/09', '2025-01-09'],
  ])('%s → %s', (text, date) => {
    expect(read(text)).toEqual({ ok: true, date });
  });

  it('9/1/2025 is ambiguous until an order is chosen', () => {
    expect(read('9/1/2025')).toEqual({
      ok: false,
      ambiguous: true,
      message: 'Price date: 9/1/2025 is ambiguous — choose day/month order',
    });
    expect(read('9/1/2025', true)).toEqual({ ok: true, date: '2025-01-09' });
    expect(read('9/1/2025', false)).toEqual({ ok: true, date: '2025-09-01' });
  });

  it('a date that contradicts the chosen order is refused, not silently switched', () => {
    expect(read('13/1/2025', false)).toEqual({
      ok: false,
      ambiguous: false,
      message: "Price date: '13/1/2025' is not a day of the calendar read as month/day",
    });
  });

  it.each([
    ['2025-02-30', "Price date: '2025-02-30' is not a day of the calendar"],
    ['Feb 30, 2025', "Price date: 'Feb 30, 2025' is not a day of the calendar"],
    ['Foo 9, 2025', "Price date: 'Foo 9, 2025' is not a date: no month named 'Foo'"],
    [
      '45666',
      "Price date: '45666' is a number, not a date (use 2025-01-09, Jan 9, 2025, 9 January 2025 or 9/1/2025); an Excel date pasted as a number is not read",
    ],
    [
      '9/1/25',
      "Price date: '9/1/25' is not a date (use 2025-01-09, Jan 9, 2025, 9 January 2025 or 9/1/2025)",
    ],
    [
      '=TODAY()',
      "Price date: '=TODAY()' is not a date (use 2025-01-09, Jan 9, 2025, 9 January 2025 or 9/1/2025)",
    ],
  ])('%s is refused, quoted', (text, message) => {
    expect(read(text)).toEqual({ ok: false, ambiguous: false, message });
  });

  it('refuses a text over the limit, saying the limit', () => {
    const r = read(`Jan 9, ${' '.repeat(300)}2025`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('at most 256');
  });

  it('property: every day written in each form reads back as that day; slash dates are ambiguous exactly when day ≠ month and both ≤ 12', () => {
    const MON = [
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1900, 0, 1)),
          max: new Date(Date.UTC(9999, 11, 31)),
          noInvalidDate: true,
        }),
        (when) => {
          const y = when.getUTCFullYear();
          const m = when.getUTCMonth() + 1;
          const d = when.getUTCDate();
          const iso = when.toISOString().slice(0, 10);
          for (const text of [
            iso,
            `${MON[m - 1]} ${d}, ${y}`,
            `${d} ${MON[m - 1]} ${y}`,
            `${y}/${m}/${d}`,
          ])
            expect(read(text)).toEqual({ ok: true, date: iso });
          const slash = read(`${d}/${m}/${y}`);
          if (d !== m && d <= 12) expect(slash).toMatchObject({ ok: false, ambiguous: true });
          else expect(slash).toEqual({ ok: true, date: iso });
          expect(read(`${d}/${m}/${y}`, true)).toEqual({ ok: true, date: iso });
          expect(read(`${m}/${d}/${y}`, false)).toEqual({ ok: true, date: iso });
        },
      ),
      fcParams(300),
    );
  });
});
