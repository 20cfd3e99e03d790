/**
 * "Insert into workbook" (issue 10): DeskWorkbook.insertRatioHistory writes the DeskRatioHistory
 * table — Ratio a live =DESK.RATIO([@Numerator],[@Denominator]) that the in-memory Excel computes
 * with the add-in's own functions — on its own marked sheet, and a line chart over Date/Ratio
 * (ChartCollection.add("Line", range, "Columns"): learn.microsoft.com/javascript/api/excel/excel.chartcollection;
 * ChartSeries.setValues/setXAxisValues: learn.microsoft.com/javascript/api/excel/excel.chartseries).
 * A later insert updates the same table and chart; a colleague's cells in the way are refused by
 * name; every prefix of the creation request (a request applies in order and stops at its first
 * failure: runtime ClientRequestContext.syncPrivate) is finished by the next try.
 */
import { RATIO_FORMULA, ratioHeaders, type RatioPoint } from '../../../src/core';
import { cellDigest, type MemoryDeskWorkbook, type SyncInfo } from '../../../src/excel/memory';
import { SHEET_MARK } from '../../../src/excel/office';
import type { RatioHistory } from '../../../src/excel/workbook';
import { deskReady } from './ready';

const SHEET = 'DeskRatioHistory';

/** Weekly NdPr/Dy points from 2025-01-09, `n` of them, ratio = numerator / denominator. */
function points(n: number, source = 'SMM'): RatioPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const date = new Date(Date.UTC(2025, 0, 9 + 7 * i)).toISOString().slice(0, 10);
    const numerator = 750_000 + 1_000 * i;
    const denominator = 1_650_000 - 5_000 * i;
    return {
      date,
      numerator,
      denominator,
      ratio: numerator / denominator,
      numeratorSource: source,
      denominatorSource: `${source} (Dy)`,
      unit: 'CNY/t',
    };
  });
}

const history = (n: number, o: Partial<RatioHistory> = {}): RatioHistory => ({
  title: 'NdPr oxide / Dy oxide (CNY/t)',
  numeratorLabel: 'NdPr oxide',
  denominatorLabel: 'Dy oxide',
  points: points(n),
  ...o,
});

async function ready(): Promise<MemoryDeskWorkbook> {
  const m = await deskReady({ firstReview: true });
  m.user.typeCell('Sheet1', 'A1', 'desk notes');
  m.host.resetStats();
  return m;
}

const sheetView = (m: MemoryDeskWorkbook) => m.view().sheets.find((s) => s.name === SHEET);

describe('insertRatioHistory', () => {
  it('writes the table on its own marked sheet, Ratio as DESK.RATIO, and a line chart over Date/Ratio, in 2 round trips', async () => {
    const m = await ready();
    const before = cellDigest(m.model);
    const r = await m.workbook.insertRatioHistory(history(5));
    expect(r).toEqual({
      ok: true,
      landed: [],
      message:
        'Inserted the ratio history: 5 points in DeskRatioHistory (DeskRatioHistory!A1:F6), Ratio as DESK.RATIO over each row; the line chart DeskRatioChart added beside it.',
    });
    expect(m.host.stats.syncs).toBe(2);
    const v = sheetView(m)!;
    const t = v.tables[0]!;
    expect(t).toMatchObject({ name: 'DeskRatioHistory', address: 'DeskRatioHistory!A1:F6' });
    expect(t.headers).toEqual(ratioHeaders());
    expect(t.headers).toEqual([
      'Date',
      'Numerator',
      'Denominator',
      'Ratio',
      'Numerator source',
      'Denominator source',
    ]);
    const first = t.rows[0]!;
    expect(first.map((c) => c.text)).toEqual([
      '2025-01-09',
      '750,000.00',
      '1,650,000.00',
      expect.stringMatching(/^0\.4545$/),
      'SMM',
      'SMM (Dy)',
    ]);
    // The workbook computes the ratio: the add-in's own DESK.RATIO over the row's cells.
    t.rows.forEach((row, i) => {
      expect(row[3]!.formula).toBe(RATIO_FORMULA);
      expect(row[3]!.value as number).toBeCloseTo(points(5)[i]!.ratio, 12);
    });
    expect(v.charts).toEqual([
      {
        name: 'DeskRatioChart',
        type: 'Line',
        title: 'NdPr oxide / Dy oxide (CNY/t)',
        position: { start: 'DeskRatioHistory!H2', end: null },
        series: [
          {
            name: 'NdPr oxide / Dy oxide',
            values: 'DeskRatioHistory!D2:D6',
            xValues: 'DeskRatioHistory!A2:A6',
          },
        ],
      },
    ]);
    expect(m.model.nameItem(SHEET_MARK, m.model.sheet(SHEET))?.formula).toMatch(
      /^="DeskRatioHistory\|\w+\|created"$/,
    );
    // Nothing else changed, and the desk's own health is untouched by the extra sheet.
    const after = cellDigest(m.model);
    for (const [k, val] of before) expect([k, after.get(k)]).toEqual([k, val]);
    const h = await m.workbook.health();
    expect(h).toMatchObject({ writable: true });
    expect(h.tidy).toBeUndefined();
    expect((await m.workbook.ensureTables()).message).toMatch(/nothing changed/);
    expect(m.model.tables.map((t) => t.name)).toEqual([
      'DeskSnapshots',
      'DeskExposures',
      'DeskTriggers',
      'DeskPrices',
      'DeskRatioHistory',
    ]);
  });

  it('a later insert updates the same table and chart: grown, then shrunk, never a second', async () => {
    const m = await ready();
    expect((await m.workbook.insertRatioHistory(history(5))).ok).toBe(true);
    m.host.resetStats();
    const grown = await m.workbook.insertRatioHistory(history(9, { title: 'NdPr/Dy, 9 weeks' }));
    expect(grown).toMatchObject({
      ok: true,
      message: expect.stringContaining('9 points in DeskRatioHistory (DeskRatioHistory!A1:F10)'),
    });
    expect(grown.ok && grown.message).toMatch(/DeskRatioChart updated\.$/);
    expect(m.host.stats.syncs).toBe(3); // read, the rows it grows into, write
    let v = sheetView(m)!;
    expect(v.tables.map((t) => t.address)).toEqual(['DeskRatioHistory!A1:F10']);
    expect(v.charts).toHaveLength(1);
    expect(v.charts[0]).toMatchObject({
      title: 'NdPr/Dy, 9 weeks',
      position: { start: 'DeskRatioHistory!H2' },
      series: [{ values: 'DeskRatioHistory!D2:D10', xValues: 'DeskRatioHistory!A2:A10' }],
    });
    const shrunk = await m.workbook.insertRatioHistory(history(3));
    expect(shrunk.ok).toBe(true);
    v = sheetView(m)!;
    expect(v.tables.map((t) => t.address)).toEqual(['DeskRatioHistory!A1:F4']);
    expect(v.looseCells).toEqual([]); // the rows it left are cleared
    expect(v.charts.map((c) => c.series)).toEqual([
      [
        {
          name: 'NdPr oxide / Dy oxide',
          values: 'DeskRatioHistory!D2:D4',
          xValues: 'DeskRatioHistory!A2:A4',
        },
      ],
    ]);
    expect(m.model.tables.filter((t) => t.name === 'DeskRatioHistory')).toHaveLength(1);
    expect(m.model.sheets.filter((s) => s.name.startsWith(SHEET))).toHaveLength(1);
  });

  it('refuses, naming them, a colleague’s cells where the table would grow; nothing changes', async () => {
    const m = await ready();
    expect((await m.workbook.insertRatioHistory(history(3))).ok).toBe(true);
    m.user.typeCell(SHEET, 'B6', 'my note');
    const before = cellDigest(m.model);
    const charts = JSON.stringify(sheetView(m)!.charts);
    const r = await m.workbook.insertRatioHistory(history(8));
    expect(r).toEqual({
      ok: false,
      reason: 'blocked-below',
      message:
        "Nothing written: the cells below DeskRatioHistory are not empty: DeskRatioHistory!B6 holds 'my note'; the ratio history needs 5 more rows there and the add-in will not write over them. Move them, then insert the ratio history again.",
    });
    expect(cellDigest(m.model)).toEqual(before);
    expect(JSON.stringify(sheetView(m)!.charts)).toBe(charts);
  });

  it('refuses a colleague’s sheet, table or name of its name, writing nothing', async () => {
    const sheetTaken = await ready();
    sheetTaken.user.typeCell(SHEET, 'C3', 'their ratios');
    const before = cellDigest(sheetTaken.model);
    expect(await sheetTaken.workbook.insertRatioHistory(history(3))).toMatchObject({
      ok: false,
      reason: 'name-taken',
      message: expect.stringContaining(
        "a sheet named DeskRatioHistory already holds cells and no ratio history of the add-in's",
      ),
    });
    expect(cellDigest(sheetTaken.model)).toEqual(before);

    const tableTaken = await ready();
    tableTaken.user.typeCell('Sheet1', 'D1', 'x');
    tableTaken.model.addTable(tableTaken.model.sheet('Sheet1')!, {
      row: 0,
      col: 3,
      rows: 2,
      cols: 1,
    });
    tableTaken.model.renameTable(tableTaken.model.tables.at(-1)!, 'DeskRatioHistory');
    expect(await tableTaken.workbook.insertRatioHistory(history(3))).toMatchObject({
      ok: false,
      reason: 'name-taken',
      message: expect.stringContaining(
        'a table DeskRatioHistory (Sheet1!D1:D2) that the add-in did not make is in the way',
      ),
    });
    expect(tableTaken.model.sheet(SHEET)).toBeUndefined();

    const nameTaken = await ready();
    nameTaken.user.setName('DeskRatioHistory', '=Sheet1!$A$1');
    expect(await nameTaken.workbook.insertRatioHistory(history(3))).toMatchObject({
      ok: false,
      reason: 'name-taken',
      message: expect.stringContaining('a defined name DeskRatioHistory (refers to =Sheet1!$A$1)'),
    });
    expect(nameTaken.model.sheet(SHEET)).toBeUndefined();
  });

  it('takes over an empty sheet of its name, and writes sources as text, never as formulas', async () => {
    const m = await ready();
    m.user.addSheet(SHEET);
    const h = history(2);
    const hostile = { ...h, points: h.points.map((p) => ({ ...p, numeratorSource: '=1+1' })) };
    expect((await m.workbook.insertRatioHistory(hostile)).ok).toBe(true);
    const row = sheetView(m)!.tables[0]!.rows[0]!;
    expect([row[4]!.value, row[4]!.formula]).toEqual(['=1+1', null]);
    expect(m.model.sheets.filter((s) => s.name.startsWith(SHEET))).toHaveLength(1);
  });

  it('refuses a history it cannot write, naming the point, with no round trip', async () => {
    const m = await ready();
    const bad: [RatioHistory, RegExp][] = [
      [history(0), /has no points/],
      [{ ...history(2), title: ' ' }, /The title is empty/],
      [
        { ...history(2), points: [{ ...points(1)[0]!, date: '9/1/2025' }] },
        /point 1 \(9\/1\/2025\) has no valid date/,
      ],
      [
        { ...history(2), points: [...points(1), { ...points(1)[0]!, denominator: 0 }] },
        /point 2 \(2025-01-09\) needs a positive numerator and denominator/,
      ],
    ];
    for (const [h, why] of bad) {
      const r = await m.workbook.insertRatioHistory(h);
      expect(r).toMatchObject({
        ok: false,
        reason: 'invalid',
        message: expect.stringMatching(why),
      });
    }
    expect(m.host.stats.syncs).toBe(0);
  });

  it('for every prefix of the creation request, the next insert finishes it: one table, one chart, nothing stray', async () => {
    const sizes: number[] = [];
    {
      const m = await ready();
      m.host.faults = (info) => {
        if (info.writes > 0) sizes.push(info.ops.length);
        return undefined;
      };
      expect((await m.workbook.insertRatioHistory(history(4))).ok).toBe(true);
    }
    expect(sizes).toHaveLength(1);
    for (let k = 0; k < sizes[0]!; k += 1) {
      const m = await ready();
      const before = cellDigest(m.model);
      m.host.faults = (info: SyncInfo) =>
        info.writes > 0 ? { kind: 'fail-partway', after: k } : undefined;
      expect([k, (await m.workbook.insertRatioHistory(history(4))).ok]).toEqual([k, false]);
      m.host.faults = null;
      const again = await m.workbook.insertRatioHistory(history(4));
      if (!again.ok) throw new Error(`k=${k}: ${again.message}`);
      const v = sheetView(m)!;
      expect([k, v.tables.map((t) => `${t.name} ${t.address}`)]).toEqual([
        k,
        ['DeskRatioHistory DeskRatioHistory!A1:F5'],
      ]);
      expect([k, v.charts.map((c) => [c.name, c.series.length, c.series[0]?.values])]).toEqual([
        k,
        [['DeskRatioChart', 1, 'DeskRatioHistory!D2:D5']],
      ]);
      expect(m.model.sheets.map((s) => s.name)).toEqual([
        'Sheet1',
        'DeskSnapshots',
        'DeskExposures',
        'DeskTriggers',
        'DeskPrices',
        SHEET,
      ]);
      expect(m.model.nameItem(SHEET_MARK, m.model.sheet(SHEET))?.formula).toMatch(/\|created"$/);
      const after = cellDigest(m.model);
      for (const [cell, val] of before) expect([k, cell, after.get(cell)]).toEqual([k, cell, val]);
    }
  }, 60_000);
});
