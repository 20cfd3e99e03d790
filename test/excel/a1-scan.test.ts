/**
 * The A1-address scanner (src/excel/a1.ts) accepts exactly what the regex it replaced did: the old
 * regex is kept here as the oracle (moved from test/core's scanner suite: it tests an adapter).
 */
import fc from 'fast-check';
import { parseAddress } from '../../src/excel/a1';
import { fcParams } from '../core/fc-seed';

const OLD_ADDRESS =
  /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i;

/** Texts over the given characters. */
const textOf = (chars: string, maxLength = 16) =>
  fc.string({ unit: fc.constantFrom(...Array.from(chars)), maxLength });

describe('the A1 scanner accepts exactly what the regex did', () => {
  it('A1 addresses, quoted sheet names included', () => {
    fc.assert(
      fc.property(textOf("''!!aZ19$: ", 14), (text) => {
        const m = OLD_ADDRESS.exec(text.trim());
        const got = parseAddress(text);
        if (m === null) return expect(got).toBeNull();
        const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
        expect(got?.sheet).toBe(sheet);
      }),
      fcParams(3000),
    );
  });
});
