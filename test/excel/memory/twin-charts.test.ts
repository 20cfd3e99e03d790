/**
 * Charts in the in-memory Excel (issue 10), as strict as Office.js:
 * - ChartCollection.add(type, sourceData, seriesBy), getItem, getItemOrNullObject, getItemAt,
 *   count, items (learn.microsoft.com/javascript/api/excel/excel.chartcollection);
 * - Chart.name, chartType, title.text, series, setData, setPosition, delete
 *   (learn.microsoft.com/javascript/api/excel/excel.chart, excel.charttitle);
 * - ChartSeries.name, setValues, setXAxisValues (ExcelApi 1.7,
 *   learn.microsoft.com/javascript/api/excel/excel.chartseries);
 * - a type outside Excel.ChartType fails the request with InvalidArgument ("The argument is invalid
 *   or missing or has an incorrect format": learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes);
 * - an unloaded property throws PropertyNotLoaded (runtime Utility.throwIfNotLoaded), an object used
 *   after its Excel.run throws InvalidObjectPath (learn.microsoft.com/javascript/api/office/officeextension.trackedobjects);
 * - a range split into series by Excel's rule for names and categories (SeriesCollection.Add:
 *   "attempts to determine the location of the series name from the contents of the first row or
 *   column", learn.microsoft.com/office/vba/api/excel.seriescollection.add).
 */
import { MemoryHost, MemoryWorkbookModel, viewOf } from '../../../src/excel/memory';

function host() {
  const m = new MemoryWorkbookModel();
  const s = m.addSheet('Sheet1');
  // A ratio history: dates (date format) and two value columns under a header.
  const rows: [number, number, number][] = [
    [45663, 750_000, 2.2],
    [45670, 752_000, 2.25],
    [45677, 751_000, 2.3],
  ];
  m.writeCells(s, { row: 0, col: 0, rows: 1, cols: 3 }, [['Date', 'Numerator', 'Ratio']]);
  m.writeCells(s, { row: 1, col: 0, rows: 3, cols: 3 }, rows);
  for (let r = 1; r <= 3; r += 1) m.setNumberFormat(s, r, 0, 'yyyy-mm-dd');
  return new MemoryHost(m);
}

async function codeOf(
  h: MemoryHost,
  batch: (ctx: Excel.RequestContext) => void | Promise<void>,
): Promise<string | null> {
  return h
    .run(async (ctx) => {
      await batch(ctx);
      await ctx.sync();
    })
    .then(
      () => null,
      (e: { code?: string }) => e.code ?? 'none',
    );
}

const sheet1 = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Sheet1');
const charts = (h: MemoryHost) => viewOf(h.model).sheets[0]!.charts;

describe('worksheet.charts', () => {
  it('adds a line chart over a range: the header names the series, a date column is the x-values', async () => {
    const h = host();
    const got = await h.run(async (ctx) => {
      const c = sheet1(ctx).charts.add('Line', sheet1(ctx).getRange('A1:C4'), 'Columns');
      c.load('name,chartType,id');
      c.series.load('items/name,count');
      await ctx.sync();
      return {
        name: c.name,
        type: c.chartType,
        id: c.id,
        series: c.series.items.map((s) => s.name),
        count: c.series.count,
      };
    });
    expect(got).toMatchObject({
      name: 'Chart 1',
      type: 'Line',
      series: ['Numerator', 'Ratio'],
      count: 2,
    });
    expect(charts(h)).toEqual([
      {
        name: 'Chart 1',
        type: 'Line',
        title: '',
        position: null,
        series: [
          { name: 'Numerator', values: 'Sheet1!B2:B4', xValues: 'Sheet1!A2:A4' },
          { name: 'Ratio', values: 'Sheet1!C2:C4', xValues: 'Sheet1!A2:A4' },
        ],
      },
    ]);
  });

  it('without a text header or category column every column is a series, by columns or rows', async () => {
    const h = host();
    expect(
      await codeOf(h, (ctx) => {
        sheet1(ctx).charts.add('ColumnClustered', sheet1(ctx).getRange('B2:C4'), 'Columns');
        sheet1(ctx).charts.add('Line', sheet1(ctx).getRange('B2:C4'), 'Rows');
      }),
    ).toBeNull();
    const [cols, rows] = charts(h);
    expect(cols!.series).toEqual([
      { name: 'Series1', values: 'Sheet1!B2:B4', xValues: null },
      { name: 'Series2', values: 'Sheet1!C2:C4', xValues: null },
    ]);
    expect(rows!.name).toBe('Chart 2');
    expect(rows!.series.map((s) => s.values)).toEqual([
      'Sheet1!B2:C2',
      'Sheet1!B3:C3',
      'Sheet1!B4:C4',
    ]);
  });

  it('names, titles, re-points a series and sets the data again; finds by name, position and null object', async () => {
    const h = host();
    expect(
      await codeOf(h, (ctx) => {
        const c = sheet1(ctx).charts.add('Line', sheet1(ctx).getRange('C1:C4'), 'Columns');
        c.name = 'Ratio history';
        c.title.text = 'NdPr oxide / Dy oxide';
        const s = c.series.getItemAt(0);
        s.setXAxisValues(sheet1(ctx).getRange('A2:A4'));
        s.name = 'NdPr/Dy';
      }),
    ).toBeNull();
    expect(charts(h)[0]).toMatchObject({
      name: 'Ratio history',
      title: 'NdPr oxide / Dy oxide',
      series: [{ name: 'NdPr/Dy', values: 'Sheet1!C2:C4', xValues: 'Sheet1!A2:A4' }],
    });
    const found = await h.run(async (ctx) => {
      const byName = sheet1(ctx).charts.getItem('Ratio history').load('name');
      const title = sheet1(ctx).charts.getItemAt(0).title.load('text');
      const none = sheet1(ctx).charts.getItemOrNullObject('Nope');
      const all = sheet1(ctx).charts.load('items/name,count');
      await ctx.sync();
      return [byName.name, title.text, none.isNullObject, all.count, all.items.length];
    });
    expect(found).toEqual(['Ratio history', 'NdPr oxide / Dy oxide', true, 1, 1]);
    expect(
      await codeOf(h, (ctx) => {
        const c = sheet1(ctx).charts.getItem('Ratio history');
        c.setData(sheet1(ctx).getRange('A1:C3'), 'Columns');
        c.setPosition('E2', 'L18');
      }),
    ).toBeNull();
    expect(charts(h)[0]).toMatchObject({
      position: { start: 'Sheet1!E2', end: 'Sheet1!L18' },
      series: [
        { name: 'Numerator', values: 'Sheet1!B2:B3', xValues: 'Sheet1!A2:A3' },
        { name: 'Ratio', values: 'Sheet1!C2:C3', xValues: 'Sheet1!A2:A3' },
      ],
    });
  });

  it('refuses a chart type Excel does not have, or "Invalid", with InvalidArgument; nothing is added', async () => {
    const h = host();
    for (const type of ['Lines', 'line', 'Invalid', '']) {
      expect(
        await codeOf(
          h,
          (ctx) => void sheet1(ctx).charts.add(type as 'Line', sheet1(ctx).getRange('A1:C4')),
        ),
      ).toBe('InvalidArgument');
    }
    expect(
      await codeOf(
        h,
        (ctx) =>
          void sheet1(ctx).charts.add('Line', sheet1(ctx).getRange('A1:C4'), 'Sideways' as 'Rows'),
      ),
    ).toBe('InvalidArgument');
    expect(charts(h)).toEqual([]);
    expect(
      await codeOf(h, (ctx) => {
        sheet1(ctx).charts.add('Line', sheet1(ctx).getRange('A1:C4')).chartType = 'Pie3D' as 'Pie';
      }),
    ).toBe('InvalidArgument');
    // The add before the failing operation applied (a request is not a transaction).
    expect(charts(h).map((c) => c.type)).toEqual(['Line']);
  });

  it('is strict like Office.js: PropertyNotLoaded before load, ItemNotFound by name, InvalidObjectPath after the run', async () => {
    const h = host();
    let kept: Excel.Chart | null = null;
    const unloaded = await h.run(async (ctx) => {
      const c = sheet1(ctx).charts.add('Line', sheet1(ctx).getRange('A1:C4'));
      kept = c;
      await ctx.sync();
      const errors: string[] = [];
      for (const read of [
        () => c.name,
        () => c.chartType,
        () => c.title.text,
        () => c.series.items,
        () => sheet1(ctx).charts.count,
      ])
        try {
          read();
        } catch (e) {
          errors.push((e as { code: string }).code);
        }
      return errors;
    });
    expect(unloaded).toEqual(Array(5).fill('PropertyNotLoaded'));
    expect(await codeOf(h, (ctx) => void sheet1(ctx).charts.getItem('Nope').load('name'))).toBe(
      'ItemNotFound',
    );
    expect(() => {
      (kept as unknown as Excel.Chart).name = 'late';
    }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });

  it('deletes a chart (and a sheet takes its charts with it); a deleted chart is ItemNotFound', async () => {
    const h = host();
    expect(
      await codeOf(h, (ctx) => {
        sheet1(ctx).charts.add('Line', sheet1(ctx).getRange('A1:C4')).name = 'one';
        sheet1(ctx).charts.add('Line', sheet1(ctx).getRange('A1:B4')).name = 'two';
      }),
    ).toBeNull();
    expect(
      await codeOf(h, async (ctx) => {
        const c = sheet1(ctx).charts.getItem('one');
        c.delete();
        await ctx.sync();
        c.title.text = 'after delete';
      }),
    ).toBe('ItemNotFound');
    expect(charts(h).map((c) => c.name)).toEqual(['two']);
    h.model.addSheet('Other');
    h.model.deleteSheet(h.model.sheet('Sheet1')!);
    expect(h.model.charts).toEqual([]);
  });
});
