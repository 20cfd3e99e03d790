/**
 * Messages quote what was typed by code points: never half a surrogate pair (the old 40-unit cut
 * turned 'a😀…' into 'a\ud83d…'), never more than QUOTE_LIMIT code points of it, in every message
 * of all eight functions and of the record read-back. Random Unicode, lone surrogates included.
 */
import fc from 'fast-check';
import {
  clip,
  convert,
  exitValue,
  isDeskError,
  mid,
  noteStatus,
  premium,
  QUOTE_LIMIT,
  ratio,
  spreadBps,
  spreadCost,
  type Output,
} from '../../src/core';
import { recordFromCells } from '../../src/core/record/cells';
import { columnList, TABLE_KEYS } from '../../src/core/record/schema';
import { fcParams } from './fc-seed';
import { quotesAtMost, wellFormed, unicodeText } from './unicode';

const AT = new Date(Date.UTC(2026, 10, 22));

/** Every message in a result, cell by cell. */
function messages(out: Output): string[] {
  const cells = Array.isArray(out) ? out.flat() : [out];
  return cells.filter(isDeskError).map((e) => e.message);
}

/** The text in one argument position of one function at a time, the others valid. */
const CALLS: readonly ((t: string) => Output)[] = [
  (t) => ratio(t, 2),
  (t) => ratio(1, t),
  (t) => ratio(1, 2, t),
  (t) => ratio('65 USD/kg', '750,000 CNY/t', null, null, t),
  (t) => spreadCost(t, 64),
  (t) => spreadCost(60, t),
  (t) => spreadCost(60, 64, t),
  (t) => spreadCost(60, 64, 1, t),
  (t) => exitValue(t, 60),
  (t) => exitValue(1, 60, t),
  (t) => exitValue(1, 60, 0, [[t]]),
  (t) => exitValue(1, 60, 0, 0, t),
  (t) => exitValue(1, 60, 0, 0, 1, t),
  (t) => noteStatus(t, 100, 0, null, null, null, null, null, true, AT),
  (t) => noteStatus('2026-11-20', t, 0, null, null, null, null, null, true, AT),
  (t) => noteStatus('2026-11-20', 100, t, null, null, null, null, null, true, AT),
  (t) => noteStatus('2026-11-20', 100, 0, t, null, null, null, null, true, AT),
  (t) => noteStatus('2026-11-20', 100, 0, null, t, null, null, null, true, AT),
  (t) => noteStatus('2026-11-20', 100, 0, null, null, [[t, 1, 1]], null, null, true, AT),
  (t) => noteStatus('2026-11-20', 100, 0, null, null, null, t, null, true, AT),
  (t) => noteStatus('2026-11-20', 100, 0, null, null, null, null, [[t, '', t, t]], true, AT),
  (t) => noteStatus('2026-11-20', 100, 0, null, null, null, null, null, t, AT),
  (t) => mid(t),
  (t) => convert(t, 'USD/kg', 'USD/t'),
  (t) => convert(1, t, 'USD/t'),
  (t) => convert(1, 'USD/kg', t),
  (t) => convert(1, 'CNY/kg', 'USD/kg', t),
  (t) => convert(1, 'USD/kg', 'USD/t', null, t),
  (t) => spreadBps(t, 64),
  (t) => spreadBps(60, t),
  (t) => premium(t, 100),
  (t) => premium(100, t),
];

describe('quoting by code points', () => {
  it('cuts after 40 code points, never inside a surrogate pair', () => {
    const text = `a${'😀'.repeat(45)}`;
    expect(clip(text)).toBe(`a${'😀'.repeat(QUOTE_LIMIT - 1)}…`);
    expect(clip('😀'.repeat(QUOTE_LIMIT))).toBe('😀'.repeat(QUOTE_LIMIT));
    expect(mid(`a${'😀'.repeat(45)}`)).toMatchObject({
      message: `price: cannot read 'a${'😀'.repeat(QUOTE_LIMIT - 1)}…' as a price`,
    });
  });

  it('quotes a lone surrogate in the input as U+FFFD', () => {
    expect(clip('a\ud83db\udc00')).toBe('a\ufffdb\ufffd');
  });

  it('every message of every function is well-formed and quotes at most 40 code points', () => {
    fc.assert(
      fc.property(unicodeText, (t) => {
        for (const call of CALLS) {
          for (const message of messages(call(t))) {
            expect(wellFormed(message)).toBe(true);
            expect(quotesAtMost(message, t)).toBe(true);
          }
        }
      }),
      fcParams(300),
    );
  });

  it('every message about a row read back from the workbook is well-formed too', () => {
    fc.assert(
      fc.property(unicodeText, (t) => {
        for (const key of TABLE_KEYS) {
          const cells = Object.fromEntries(columnList(key).map((c) => [c.field, t]));
          const r = recordFromCells(key, cells);
          for (const issue of r.ok ? [] : r.issues) {
            expect(wellFormed(issue.message)).toBe(true);
            expect(quotesAtMost(issue.message, t)).toBe(true);
          }
        }
      }),
      fcParams(100),
    );
  });
});
