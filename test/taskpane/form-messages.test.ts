/**
 * Honest messages: one bad input, everything else valid → exactly one issue, on that field, naming
 * the real problem. A field whose value is missing only because another failed (a computed value,
 * or a trigger's Quote time and Source state that default from the snapshot) gets no "is required"
 * of its own: the analyst would fix a field that holds a good value.
 */
import { type ReviewDraft } from '../../src/taskpane/draft-store';
import type { Control, FormSection } from '../../src/taskpane/form-model';
import { fieldKey, type FormIssue } from '../../src/taskpane/review-logic';

import { logic, validDraft } from './helpers';

type Edit = Partial<
  Record<'snapshot' | 'exposure' | 'trigger0' | 'trigger1', Record<string, string>>
>;

function draftWith(edit: Edit, triggers = 1): ReviewDraft {
  const d = validDraft();
  const base = d.triggers[0] ?? {};
  const list = Array.from({ length: triggers }, (_, i) => ({
    ...base,
    ...(i === 0 ? edit.trigger0 : edit.trigger1),
  }));
  return {
    ...d,
    snapshot: { ...d.snapshot, ...edit.snapshot },
    exposure: { ...d.exposure, ...edit.exposure },
    triggers: list,
  };
}

const keyOf = (i: FormIssue) => fieldKey(i.section, i.index, i.field);

function issuesOf(draft: ReviewDraft, recordedBy = 'QA'): FormIssue[] {
  const out = logic.build(draft, recordedBy);
  return out.ok ? [] : [...out.issues];
}

/** Values of each kind that the builder must refuse (blank only where the form requires the field). */
function badValues(control: Control, required: boolean): string[] {
  const blank = required ? [''] : [];
  switch (control.type) {
    case 'select':
      return [...blank, 'bogus'];
    case 'suggest':
    case 'text':
      return blank; // free text: any value is a value (length limits are pinned elsewhere)
    case 'date':
      return [...blank, 'soon', '2026-02-30'];
    case 'datetime':
      return [...blank, 'soon'];
    case 'number':
      return [...blank, 'lots', '1e400'];
    case 'price':
      return [...blank, 'n/a', '-5', '1e400'];
  }
}

const SECTIONS: readonly FormSection[] = ['snapshot', 'exposure', 'triggers'];

/** Fields a valid draft fills from another: the case clears that source so the field is really bad. */
const CONTEXT: Readonly<Record<string, Edit>> = {
  // The valid price text carries its unit ("yuan/mt"); without it Unit must be chosen.
  'snapshot.unit': { snapshot: { priceLow: '747,000-753,000' } },
};

describe('one bad input → exactly one issue, on that field', () => {
  it('the valid draft builds (the baseline every case varies)', () => {
    expect(issuesOf(validDraft())).toEqual([]);
  });

  // Every field the form shows, with every kind of bad value for its control: derived from the
  // form's own field list, so a field added to the schema is covered without editing this table.
  const cases = SECTIONS.flatMap((section) =>
    logic.fields[section].flatMap((f) =>
      badValues(f.control, f.required).map((value) => ({ section, key: f.key, value })),
    ),
  );

  it.each(cases)('$section $key = "$value"', ({ section, key, value }) => {
    const context = CONTEXT[`${section}.${key}`] ?? {};
    const edit: Edit =
      section === 'triggers'
        ? { trigger0: { [key]: value } }
        : { [section]: { ...context[section], [key]: value } };
    const issues = issuesOf(draftWith(edit));
    expect(issues.map(keyOf)).toEqual([fieldKey(section, 0, key)]);
    // The message names the field it is on (by its label), never another.
    const label = logic.fields[section].find((f) => f.key === key)?.label ?? key;
    expect(issues[0]?.message.startsWith(label)).toBe(true);
  });

  it('a negative number where the column forbids one', () => {
    for (const [section, key] of [
      ['exposure', 'quantity'],
      ['exposure', 'bid'],
      ['exposure', 'fixedCosts'],
      ['snapshot', 'ratioValue'],
      ['triggers', 'spreadBps'],
    ] as const) {
      const edit: Edit =
        section === 'triggers' ? { trigger0: { [key]: '-5' } } : { [section]: { [key]: '-5' } };
      expect(issuesOf(draftWith(edit)).map(keyOf)).toEqual([fieldKey(section, 0, key)]);
    }
  });

  it('a blank Recorded by', () => {
    expect(issuesOf(validDraft(), ' ').map(keyOf)).toEqual(['pane.0.recordedBy']);
  });
});

describe('the real problem only: values missing because another field failed', () => {
  // [what the analyst did, the edit, the one field and the message it must carry]
  const table: readonly [string, Edit, string, RegExp][] = [
    [
      'Price low n/a with Price high 753,000',
      { snapshot: { priceLow: 'n/a', priceHigh: '753,000', unit: 'CNY/t' } },
      'snapshot.0.priceLow',
      /^Price low: cannot read 'n\/a' as a price$/,
    ],
    [
      'Price low blank (Price high and Unit would come from it)',
      { snapshot: { priceLow: '' } },
      'snapshot.0.priceLow',
      /^Price low is required$/,
    ],
    [
      'Price low in an unknown unit, Unit blank',
      { snapshot: { priceLow: '64 EUR/kg' } },
      'snapshot.0.priceLow',
      /^Price low: unknown unit 'EUR\/kg'/,
    ],
    [
      'a range in Price low and a Price high typed too',
      { snapshot: { priceHigh: '753,000' } },
      'snapshot.0.priceHigh',
      /^Price high: leave blank when Price low is a range/,
    ],
    [
      'Price low 747,000 with Price high n/a',
      { snapshot: { priceLow: '747,000', priceHigh: 'n/a', unit: 'CNY/t' } },
      'snapshot.0.priceHigh',
      /^Price high: cannot read 'n\/a' as a price$/,
    ],
    [
      'snapshot Quote time blank, trigger Quote time left to default',
      { snapshot: { quoteTime: '' } },
      'snapshot.0.quoteTime',
      /^Quote time is required$/,
    ],
    [
      'snapshot Quote time unreadable',
      { snapshot: { quoteTime: 'this morning' } },
      'snapshot.0.quoteTime',
      /^Quote time: cannot read 'this morning' as a date/,
    ],
    [
      'snapshot Quote time later than now (the trigger only inherits it)',
      { snapshot: { quoteTime: '2026-03-01T10:00' } },
      'snapshot.0.quoteTime',
      /^Quote time is later than now/,
    ],
    [
      'snapshot Source state blank, trigger Source state left to default',
      { snapshot: { sourceState: '' } },
      'snapshot.0.sourceState',
      /^Source state is required$/,
    ],
    [
      'snapshot Source state not an option',
      { snapshot: { sourceState: 'rumour' } },
      'snapshot.0.sourceState',
      /^Source state: 'rumour' is not one of market, mixed, indicative$/,
    ],
    [
      'a Quantity whose exit value Excel cannot hold',
      { exposure: { quantity: '1e307' } },
      'exposure.0.quantity',
      /^Quantity: Estimated exit value \(Quantity × Bid\) would be too large for Excel$/,
    ],
    [
      'an Ask whose spread cost Excel cannot hold',
      { exposure: { quantity: '1,000', ask: '1e307' } },
      'exposure.0.ask',
      /^Ask: Spread cost \(Quantity × Ask\) would be too large for Excel$/,
    ],
    [
      'a crossed quote',
      { exposure: { bid: '64', ask: '61.5' } },
      'exposure.0.ask',
      /crossed quote/,
    ],
    [
      'a trigger Quote time typed later than now',
      { trigger0: { quoteTime: '2026-03-01T10:00' } },
      'triggers.0.quoteTime',
      /^Quote time is later than now/,
    ],
    [
      'a due date before the review date',
      { trigger0: { dueDate: '2026-01-01' } },
      'triggers.0.dueDate',
      /^Due date 2026-01-01 is before the review date 2026-02-06/,
    ],
  ];

  it.each(table)('%s', (_what, edit, key, message) => {
    const issues = issuesOf(draftWith(edit));
    expect(issues.map(keyOf)).toEqual([key]);
    expect(issues[0]?.message).toMatch(message);
  });

  it('a snapshot Quote time blank is reported once, not again on each trigger that defaults from it', () => {
    const issues = issuesOf(draftWith({ snapshot: { quoteTime: '' } }, 2));
    expect(issues.map(keyOf)).toEqual(['snapshot.0.quoteTime']);
  });

  it('a trigger with its own Quote time and Source state needs nothing from the snapshot', () => {
    const issues = issuesOf(
      draftWith({
        snapshot: { sourceState: '' },
        trigger0: { quoteTime: '2026-02-05T08:00', sourceState: 'market' },
      }),
    );
    expect(issues.map(keyOf)).toEqual(['snapshot.0.sourceState']);
  });

  it('a producer-equity route names each missing supply-chain field, and nothing else', () => {
    const issues = issuesOf(draftWith({ exposure: { exposureRoute: 'producer equity' } }));
    expect(issues.map((i) => i.field)).toEqual([
      'stageProven',
      'separationEvidence',
      'complianceDocuments',
      'downstreamQualification',
      'offtake',
      'jurisdictionExposure',
    ]);
    expect(issues.every((i) => /required for a producer equity exposure/.test(i.message))).toBe(
      true,
    );
  });
});
