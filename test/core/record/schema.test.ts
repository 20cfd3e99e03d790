import type { z } from 'zod';
import {
  ExposureTable,
  MIGRATIONS,
  NUMBER_FORMATS,
  PRICE_CODES,
  PRICE_UNITS,
  SCHEMA_VERSION,
  STATUS_NOW_FORMULA,
  REVIEW_KEYS,
  TABLES,
  TABLE_KEYS,
  TriggerTable,
  columnList,
  formColumns,
  migrationPath,
  validationList,
} from '../../../src/core/record/schema';
import {
  checkRecord,
  checkReview,
  recordFromCells,
  withStamps,
  rowCells,
  QUOTE_PREFIX,
  type RecordValues,
} from '../../../src/core/record/cells';
import { UNITS } from '../../../src/core/price/units';
import { idMaker, priceRows, reviewRows } from '../../excel/helpers';

const rows = reviewRows(idMaker());
const valid = {
  snapshots: rows.snapshots[0]!,
  exposures: rows.exposures[0]!,
  triggers: rows.triggers[0]!,
  prices: priceRows(idMaker(1), 1)[0]!,
};
/** With the supply-chain evidence filled, every exposure route is valid. */
const withEvidence = {
  ...valid,
  exposures: {
    ...valid.exposures,
    stageProven: 'pilot',
    separationEvidence: 'SX circuit pilot run, 99.5% NdPr oxide',
    complianceDocuments: 'CoA, chain of custody',
    downstreamQualification: 'samples',
    offtake: 'non-binding',
    jurisdictionExposure: 'separation in Malaysia',
  },
};

describe('the schema', () => {
  it('starts every table with Record ID, Recorded at, Recorded by, Review ID', () => {
    for (const key of REVIEW_KEYS) {
      expect(
        columnList(key)
          .slice(0, 4)
          .map((c) => c.header),
      ).toEqual(['Record ID', 'Recorded at', 'Recorded by', 'Review ID']);
    }
    // DeskPrices is written by imports: its stamps say so (issue 10).
    expect(
      columnList('prices')
        .slice(0, 4)
        .map((c) => c.header),
    ).toEqual(['Record ID', 'Imported at', 'Imported by', 'Import ID']);
  });

  it('has unique headers per table and a number format derived from each kind', () => {
    for (const key of TABLE_KEYS) {
      const headers = columnList(key).map((c) => c.header.toLowerCase());
      expect(new Set(headers).size).toBe(headers.length);
      for (const c of columnList(key)) expect(c.numberFormat).toBe(NUMBER_FORMATS[c.kind]);
    }
    expect(NUMBER_FORMATS).toMatchObject({
      date: 'yyyy-mm-dd',
      datetime: 'yyyy-mm-dd hh:mm',
      money: '#,##0.00',
      ratio: '0.0000',
      percent: '0.00%',
      bps: '0',
      text: '@',
    });
  });

  it('offers the Fastmarkets price codes and the core units', () => {
    const code = columnList('snapshots').find((c) => c.field === 'priceCode')!;
    expect(code.kind).toBe('suggest');
    expect(code.options).toEqual(
      expect.arrayContaining(['MB-NDP-0001', 'MB-DY-0001', 'MB-TB-0001', 'MB-RAE-0008']),
    );
    expect(Object.keys(PRICE_CODES)).toHaveLength(11);
    expect([...PRICE_UNITS].sort()).toEqual([...UNITS].sort());
  });

  describe.each(TABLE_KEYS)('%s', (key) => {
    const enums = columnList(key).filter((c) => c.kind === 'enum');

    it.each(enums.map((c) => [c.header, c] as const))(
      'accepts every option of %s and refuses others by name',
      (_h, col) => {
        for (const option of col.options!) {
          // A per-unit price unit must match the quantity's unit (USD/t with t, not kg).
          const unit = col.field === 'priceUnit' ? { unit: option.split('/')[1] } : {};
          const r = checkRecord(key, { ...withEvidence[key], ...unit, [col.field]: option });
          expect(r.ok).toBe(true);
        }
        const bad = checkRecord(key, { ...valid[key], [col.field]: 'not-an-option' });
        expect(bad.ok).toBe(false);
        if (!bad.ok) expect(bad.issues[0]!.message).toContain(col.header);
        expect(validationList(col)).toBe(col.options!.join(','));
      },
    );

    it.each(
      columnList(key)
        .filter((c) => c.required)
        .map((c) => [c.header, c] as const),
    )('requires %s', (_h, col) => {
      const r = checkRecord(key, { ...valid[key], [col.field]: null });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.message)).toContain(`${col.header} is required`);
    });

    it('round-trips record → row cells → record', () => {
      const fields = TABLES[key].order as string[];
      const cells = rowCells(key, valid[key], fields);
      // What Excel hands back: the quote prefix is not part of a text cell's value.
      const readBack = cells.map((c) =>
        typeof c === 'string' && c.startsWith(QUOTE_PREFIX) ? c.slice(1) : c,
      );
      const byField = Object.fromEntries(fields.map((f, i) => [f, readBack[i]]));
      if (key === 'triggers') byField.statusNow = 'watchlist'; // the formula's value when read
      const back = recordFromCells(key, byField);
      expect(back.ok).toBe(true);
      if (back.ok)
        expect({ ...back.record, statusNow: null }).toEqual({ ...valid[key], statusNow: null });
    });
  });

  it('requires the supply-chain evidence for producer equity and refiner contracts, naming each field', () => {
    for (const route of ['producer equity', 'refiner contract']) {
      const r = checkRecord('exposures', { ...valid.exposures, exposureRoute: route });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.issues.map((i) => i.field).sort()).toEqual([
          'complianceDocuments',
          'downstreamQualification',
          'jurisdictionExposure',
          'offtake',
          'separationEvidence',
          'stageProven',
        ]);
        expect(r.issues[0]!.message).toMatch(/Stage proven is required for a .* exposure/);
      }
    }
    expect(checkRecord('exposures', { ...valid.exposures, exposureRoute: 'futures' }).ok).toBe(
      true,
    );
  });

  it('new stamps on a checked record are checked; the rest of the record is kept', () => {
    const [t] = reviewRows(idMaker(3)).triggers;
    const again = withStamps('triggers', t!, { recordId: '00000000-0000-4000-8000-0000000000aa' });
    expect(again).toEqual({
      ok: true,
      record: { ...t, recordId: '00000000-0000-4000-8000-0000000000aa' },
    });
    expect(withStamps('triggers', t!, { recordId: 'not-a-uuid' })).toMatchObject({
      ok: false,
      issues: [{ field: 'recordId', message: expect.stringMatching(/^Record ID/) }],
    });
  });

  it('checks a review kept as plain values, naming the first row that breaks the schema', () => {
    const rows = reviewRows(idMaker(4), { triggers: 2 });
    expect(checkReview(rows)).toEqual({ ok: true, records: rows });
    const bad = { ...rows, triggers: [rows.triggers[0]!, { ...rows.triggers[1]!, owner: null }] };
    expect(checkReview(bad)).toEqual({
      ok: false,
      message: expect.stringMatching(/^DeskTriggers row 2 is invalid — Owner is required/),
    });
  });

  it('reads Excel serial dates and numbers-as-text back, and names a bad cell', () => {
    const fields = TABLES.snapshots.order as string[];
    const byField: Record<string, unknown> = Object.fromEntries(
      fields.map((f) => [f, (valid.snapshots as RecordValues)[f]]),
    );
    byField.reviewDate = 46058; // 2026-02-05
    byField.priceLow = '747,000';
    expect(recordFromCells('snapshots', byField)).toMatchObject({
      ok: true,
      record: { reviewDate: '2026-02-05', priceLow: 747000 },
    });
    byField.priceHigh = 'n/a';
    const bad = recordFromCells('snapshots', byField);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.message).toBe("Price high: expected a number, got 'n/a'");
  });

  it('gives the trigger row the inputs its Status now formula refers to', () => {
    const headers = new Set(columnList('triggers').map((c) => c.header));
    const refs = [...STATUS_NOW_FORMULA.matchAll(/\[@\[?([^\]]+)\]?\]/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(9);
    for (const r of refs) expect(headers).toContain(r);
    expect(TriggerTable.columns.statusNow.formula).toBe(STATUS_NOW_FORMULA);
  });

  it('keeps ids, timestamps and computed values out of the forms', () => {
    const fields = formColumns('exposures').map((c) => c.field);
    expect(fields).not.toContain('recordId');
    expect(fields).not.toContain('spreadCost');
    expect(fields).toContain('bid');
    expect(ExposureTable.columns.exitValue.source).toBe('computed');
  });

  it('gives exposure money its unit: a Price unit whose per-unit disagrees with the quantity is refused', () => {
    const ok = checkRecord('exposures', { ...valid.exposures, unit: 'kg', priceUnit: 'CNY/kg' });
    expect(ok.ok).toBe(true);
    const bad = checkRecord('exposures', { ...valid.exposures, unit: 'kg', priceUnit: 'USD/t' });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.issues).toContainEqual({
        field: 'priceUnit',
        message: 'Price unit: USD/t is per t but the quantity is in kg',
      });
    expect(ExposureTable.columns.priceUnit.help).toMatch(
      /Notional value, Spread cost.*its currency/,
    );
  });

  it('has a migration path to the current version from every older one', () => {
    expect(SCHEMA_VERSION).toBe(3);
    expect(migrationPath(0)).toEqual([MIGRATIONS[0], MIGRATIONS[1], MIGRATIONS[2]]);
    expect(migrationPath(1)).toEqual([MIGRATIONS[1], MIGRATIONS[2]]);
    // v2→v3 adds DeskPrices whole and no column (issue 10).
    expect(migrationPath(2)).toEqual([MIGRATIONS[2]]);
    expect(MIGRATIONS[2]).toMatchObject({ addColumns: {}, addTables: ['prices'] });
    // A step only appends schema columns: each named field exists in its table.
    for (const m of MIGRATIONS)
      for (const [key, fields] of Object.entries(m.addColumns))
        for (const f of fields ?? [])
          expect(columnList(key as 'exposures').map((c) => c.field)).toContain(f);
    expect(migrationPath(SCHEMA_VERSION)).toEqual([]);
    expect(migrationPath(-5)).toBeNull();
  });
});

export type _Unused = z.ZodType;
