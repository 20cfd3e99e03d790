/**
 * The pane's messages (field issues on submit, the live lines under fields, the computed card)
 * never hold half a surrogate pair and quote at most 40 code points of what was typed, whatever
 * Unicode is typed into any field.
 */
import fc from 'fast-check';
import { createDeskLogic } from '../../src/taskpane/desk-logic';
import { emptyDraft, type DraftFields, type ReviewDraft } from '../../src/taskpane/draft-store';
import type { FormSection } from '../../src/taskpane/form-model';
import { fcParams } from '../core/fc-seed';
import { quotesAtMost, unicodeText, wellFormed } from '../core/unicode';

const NOW = new Date('2026-02-06T10:00:00Z');
let n = 0;
const logic = createDeskLogic({
  now: () => NOW,
  newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
});

const filled = (section: FormSection, text: string): DraftFields =>
  Object.fromEntries(logic.fields[section].map((f) => [f.key, text]));

/** Every text the pane would show for a draft: issues, live lines, computed values and details. */
function shownTexts(draft: ReviewDraft): string[] {
  const built = logic.build(draft, 'AB');
  const live = logic.live(draft);
  return [
    ...(built.ok ? [] : built.issues.map((i) => i.message)),
    ...Object.values(live.fields).map((l) => l.text),
    ...live.computed.flatMap((c) => [c.value, c.detail ?? '']),
  ];
}

describe('the pane quotes typed text by code points', () => {
  it('with the same text in every field', () => {
    fc.assert(
      fc.property(unicodeText, (t) => {
        const draft: ReviewDraft = {
          ...emptyDraft(),
          snapshot: filled('snapshot', t),
          exposure: filled('exposure', t),
          triggers: [filled('triggers', t)],
          fx: t,
        };
        for (const text of shownTexts(draft)) {
          expect(wellFormed(text)).toBe(true);
          expect(quotesAtMost(text, t)).toBe(true);
        }
      }),
      fcParams(150),
    );
  });

  it('with the text in one field of an otherwise sensible draft', () => {
    const sections: FormSection[] = ['snapshot', 'exposure', 'triggers'];
    const fields = sections.flatMap((s) => logic.fields[s].map((f) => [s, f.key] as const));
    fc.assert(
      fc.property(unicodeText, fc.constantFrom(...fields), (t, [section, key]) => {
        const base: ReviewDraft = {
          ...emptyDraft(),
          snapshot: { priceLow: '747,000-753,000 yuan/mt', quoteTime: '2026-02-05T07:12' },
          exposure: { quantity: '1,000', bid: '61.5', ask: '64' },
          triggers: [{ owner: 'Desk lead', dueDate: '2026-02-13' }],
        };
        const draft: ReviewDraft =
          section === 'triggers'
            ? { ...base, triggers: [{ ...base.triggers[0], [key]: t }] }
            : { ...base, [section]: { ...base[section], [key]: t } };
        for (const text of shownTexts(draft)) {
          expect(wellFormed(text)).toBe(true);
          expect(quotesAtMost(text, t)).toBe(true);
        }
      }),
      fcParams(300),
    );
  });
});
