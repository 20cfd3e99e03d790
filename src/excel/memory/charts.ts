/**
 * Charts on a worksheet (`worksheet.charts`), as far as the desk uses them: added over a range
 * with a type and a series orientation, found by name or position, named, typed, titled, their
 * series (name, values and x-values as ranges) re-pointed, their data set again, deleted. Sources:
 * learn.microsoft.com/javascript/api/excel/excel.chartcollection (add, getItem,
 * getItemOrNullObject, getItemAt, count), excel.chart (name, chartType, title, series, setData,
 * setPosition, delete), excel.charttitle (text, visible), excel.chartseriescollection and
 * excel.chartseries (name, setValues, setXAxisValues: ExcelApi 1.7), excel.charttype (the types).
 *
 * Strict like Office.js: every property reads PropertyNotLoaded until loaded and synced; a chart
 * type outside Excel.ChartType (or "Invalid", the value Excel only reports) fails the request
 * with InvalidArgument; a chart or series used after it was deleted is ItemNotFound; every object
 * is invalid after its Excel.run (proxy.ts). Not modelled: a chart following its table as rows
 * are added (Excel extends a chart over a table; the twin keeps the ranges it was given, so the
 * adapter must set them), formats, axes, co-authoring of charts.
 *
 * How add/setData split a range into series (Excel "attempts to determine the location of the
 * series name from the contents of the first row or column": SeriesCollection.Add,
 * learn.microsoft.com/office/vba/api/excel.seriescollection.add): by columns when asked, or when
 * "Auto" and the range has at least as many rows as columns; a first row holding text names the
 * series; a first column holding text or dates (or under a blank top-left cell) is the x-values.
 */
import { formatAddress, parseAddress, type Box } from '../a1';
import { CollectionP, itemProps } from './collection';
import type { MemoryContext } from './context';
import { invalidArgument, itemNotFound } from './errors';
import type { MemoryWorkbookModel, SheetData } from './model';
import { call, ClientResultP, notLoaded, propList, ProxyBase, type ProxyOrigin } from './proxy';
import type { RangeP, RangeTarget } from './ranges';

export type SeriesBy = 'Auto' | 'Columns' | 'Rows';

export interface SeriesData {
  name: string;
  values: RangeTarget | null;
  xValues: RangeTarget | null;
}

export interface ChartData {
  readonly id: string;
  name: string;
  readonly sheet: SheetData;
  type: string;
  title: { text: string; visible: boolean };
  series: SeriesData[];
  /** Top-left (and bottom-right) cell it covers, once setPosition placed it. */
  position: { start: string; end: string | null } | null;
}

/**
 * Every Excel.ChartType, checked against @types/office-js by the compiler (a key missing or extra
 * fails `tsc`), so the list is the dependency's, not a copy that can drift.
 */
const CHART_TYPES: Readonly<Record<`${Excel.ChartType}`, true>> = {
  Invalid: true,
  ColumnClustered: true,
  ColumnStacked: true,
  ColumnStacked100: true,
  '3DColumnClustered': true,
  '3DColumnStacked': true,
  '3DColumnStacked100': true,
  BarClustered: true,
  BarStacked: true,
  BarStacked100: true,
  '3DBarClustered': true,
  '3DBarStacked': true,
  '3DBarStacked100': true,
  LineStacked: true,
  LineStacked100: true,
  LineMarkers: true,
  LineMarkersStacked: true,
  LineMarkersStacked100: true,
  PieOfPie: true,
  PieExploded: true,
  '3DPieExploded': true,
  BarOfPie: true,
  XYScatterSmooth: true,
  XYScatterSmoothNoMarkers: true,
  XYScatterLines: true,
  XYScatterLinesNoMarkers: true,
  AreaStacked: true,
  AreaStacked100: true,
  '3DAreaStacked': true,
  '3DAreaStacked100': true,
  DoughnutExploded: true,
  RadarMarkers: true,
  RadarFilled: true,
  Surface: true,
  SurfaceWireframe: true,
  SurfaceTopView: true,
  SurfaceTopViewWireframe: true,
  Bubble: true,
  Bubble3DEffect: true,
  StockHLC: true,
  StockOHLC: true,
  StockVHLC: true,
  StockVOHLC: true,
  CylinderColClustered: true,
  CylinderColStacked: true,
  CylinderColStacked100: true,
  CylinderBarClustered: true,
  CylinderBarStacked: true,
  CylinderBarStacked100: true,
  CylinderCol: true,
  ConeColClustered: true,
  ConeColStacked: true,
  ConeColStacked100: true,
  ConeBarClustered: true,
  ConeBarStacked: true,
  ConeBarStacked100: true,
  ConeCol: true,
  PyramidColClustered: true,
  PyramidColStacked: true,
  PyramidColStacked100: true,
  PyramidBarClustered: true,
  PyramidBarStacked: true,
  PyramidBarStacked100: true,
  PyramidCol: true,
  '3DColumn': true,
  Line: true,
  '3DLine': true,
  '3DPie': true,
  Pie: true,
  XYScatter: true,
  '3DArea': true,
  Area: true,
  Doughnut: true,
  Radar: true,
  Histogram: true,
  Boxwhisker: true,
  Pareto: true,
  RegionMap: true,
  Treemap: true,
  Waterfall: true,
  Sunburst: true,
  Funnel: true,
};

/** A type a chart may be given: Excel's, except "Invalid" (what Excel reports, never takes). */
function checkType(type: unknown): string {
  if (
    typeof type !== 'string' ||
    type === 'Invalid' ||
    !Object.prototype.hasOwnProperty.call(CHART_TYPES, type)
  )
    throw invalidArgument(`'${String(type)}' is not an Excel.ChartType`);
  return type;
}

function checkSeriesBy(by: unknown): SeriesBy {
  if (by === undefined || by === null) return 'Auto';
  if (by === 'Auto' || by === 'Columns' || by === 'Rows') return by;
  throw invalidArgument(`'${String(by)}' is not an Excel.ChartSeriesBy`);
}

const isText = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const isDateFormat = (f: string): boolean => /(^|[^"\\])[yd]/i.test(f) && !/^General$/i.test(f);

/** The series a range makes (see the header), each as ranges of the sheet. */
export function seriesOf(m: MemoryWorkbookModel, src: RangeTarget, by: SeriesBy): SeriesData[] {
  const { sheet, box } = src;
  const byRows = by === 'Rows' || (by === 'Auto' && box.cols > box.rows);
  const points = byRows ? box.cols : box.rows; // along one series, header included
  const lines = byRows ? box.rows : box.cols; // candidate series
  /** Cell `i` along line `j`, in sheet coordinates. */
  const at = (i: number, j: number): [number, number] =>
    byRows ? [box.row + j, box.col + i] : [box.row + i, box.col + j];
  const value = (i: number, j: number) => m.valueOf(sheet, ...at(i, j));
  const named = points > 1 && Array.from({ length: lines }, (_, j) => value(0, j)).some(isText);
  const first = named ? 1 : 0;
  const body = (j: number): RangeTarget | null => {
    if (points - first <= 0) return null;
    const [r, c] = at(first, j);
    const b: Box = byRows
      ? { row: r, col: c, rows: 1, cols: points - first }
      : { row: r, col: c, rows: points - first, cols: 1 };
    return { sheet, box: b };
  };
  const categoryCells = Array.from({ length: points - first }, (_, i) => i + first)
    .map((i) => ({ v: value(i, 0), f: m.formatOf(sheet, ...at(i, 0)) }))
    .filter((x) => x.v !== '');
  const categories =
    lines > 1 &&
    ((named && value(0, 0) === '') ||
      (categoryCells.length > 0 &&
        categoryCells.every((x) => isText(x.v) || (typeof x.v === 'number' && isDateFormat(x.f)))));
  const out: SeriesData[] = [];
  for (let j = categories ? 1 : 0; j < lines; j += 1) {
    out.push({
      name: named ? String(value(0, j)) : `Series${out.length + 1}`,
      values: body(j),
      xValues: categories ? body(0) : null,
    });
  }
  return out;
}

const CHART_SCALARS = ['id', 'name', 'chartType'] as const;

/** Loads of a collection's own `count` as well as its items (ChartCollection.count, …). */
function countAware<T>(
  self: ProxyBase<T> & { stageCount(n: number): void },
  props: unknown,
  count: () => number,
): unknown {
  const list = props === undefined || props === null ? ['items', 'count'] : propList(props, []);
  if (!list.some((p) => p.toLowerCase() === 'count')) return props;
  self.context.enqueue('load', `${self.path}.load(count)`, () => {
    const n = count();
    self.context.stage(() => self.stageCount(n));
  });
  const rest = list.filter((p) => p.toLowerCase() !== 'count');
  return rest.length > 0 ? rest : null;
}

/** A collection with a loadable `count` besides its items (ChartCollection, ChartSeriesCollection). */
abstract class CountedCollectionP<T, I extends ProxyBase<T>> extends CollectionP<T, I> {
  private counted: number | undefined;
  stageCount(n: number): void {
    this.counted = n;
  }
  override load(props?: unknown): this {
    this.assertValid();
    const rest = countAware(this, props, () => this.list().length);
    if (rest !== null && itemProps(rest, this.itemScalars).length > 0) super.load(rest);
    return this;
  }
  get count(): number {
    if (this.counted === undefined) throw notLoaded('count');
    return this.counted;
  }
  getCount(): ClientResultP<number> {
    return new ClientResultP(this.context, this, 'getCount()', () => this.list().length);
  }
}

export class ChartCollectionP extends CountedCollectionP<ChartData, ChartP> {
  protected readonly itemScalars = CHART_SCALARS;
  constructor(
    context: MemoryContext,
    private readonly onSheet: () => SheetData | null,
    origin: ProxyOrigin,
  ) {
    super(context, () => context.model, origin);
  }
  protected list(): ChartData[] {
    const s = this.onSheet();
    return this.context.model.charts.filter((c) => c.sheet === s);
  }
  protected item(c: ChartData, i: number): ChartP {
    return new ChartP(this.context, () => c, { parent: this, call: `items[${i}]` }, c);
  }
  /** The first chart of the name (ChartCollection.getItem: "the first one will be returned"). */
  private find(name: string): ChartData | null {
    return this.list().find((c) => c.name === name) ?? null;
  }
  getItem(name: string): ChartP {
    return new ChartP(
      this.context,
      () => {
        const c = this.find(name);
        if (!c) throw itemNotFound(`the chart ${name}`);
        return c;
      },
      { parent: this, call: call('getItem', name) },
    );
  }
  getItemOrNullObject(name: string): ChartP {
    return new ChartP(this.context, () => this.find(name), {
      parent: this,
      call: call('getItemOrNullObject', name),
    });
  }
  getItemAt(index: number): ChartP {
    return new ChartP(
      this.context,
      () => {
        const c = this.list()[index];
        if (!c) throw invalidArgument(`there is no chart at index ${index}`);
        return c;
      },
      { parent: this, call: call('getItemAt', index) },
    );
  }
  add(type: string, sourceData: RangeP, seriesBy?: SeriesBy): ChartP {
    sourceData.assertValid();
    return new ChartP(
      this.context,
      () => {
        const m = this.context.model;
        const sheet = this.onSheet();
        if (!sheet) throw itemNotFound('the worksheet');
        const t = checkType(type);
        const by = checkSeriesBy(seriesBy);
        const src = sourceData.liveTarget();
        const taken = new Set(this.list().map((c) => c.name));
        let n = 1;
        while (taken.has(`Chart ${n}`)) n += 1;
        const chart: ChartData = {
          id: `{chart-${m.newId()}}`,
          name: `Chart ${n}`,
          sheet,
          type: t,
          title: { text: '', visible: true },
          series: seriesOf(m, src, by),
          position: null,
        };
        m.charts.push(chart);
        return chart;
      },
      {
        parent: this,
        call: `add(${JSON.stringify(type)},${sourceData.path},${JSON.stringify(seriesBy ?? 'Auto')})`,
        volatile: true,
        kind: 'chart.add',
      },
    );
  }
}

export class ChartP extends ProxyBase<ChartData> {
  protected readonly props = CHART_SCALARS;
  private made: { title?: ChartTitleP; series?: ChartSeriesCollectionP } = {};
  constructor(
    context: MemoryContext,
    bind: () => ChartData | null,
    origin: ProxyOrigin,
    resolved?: ChartData,
  ) {
    super(context, bind, origin, resolved);
  }
  protected override exists(c: ChartData): boolean {
    return this.context.model.charts.includes(c);
  }
  protected read(c: ChartData, prop: string): unknown {
    return prop === 'id'
      ? c.id
      : prop === 'name'
        ? c.name
        : prop === 'chartType'
          ? c.type
          : undefined;
  }
  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.act('chart.set', `name = ${JSON.stringify(v)}`, (c) => {
      if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('a chart needs a name');
      c.name = v;
    });
  }
  get chartType(): string {
    return this.get('chartType');
  }
  set chartType(v: string) {
    this.act('chart.set', `chartType = ${JSON.stringify(v)}`, (c) => {
      c.type = checkType(v);
    });
  }
  get title(): ChartTitleP {
    return (this.made.title ??= new ChartTitleP(this.context, () => this.peek(), {
      parent: this,
      call: 'title',
    }));
  }
  get series(): ChartSeriesCollectionP {
    return (this.made.series ??= new ChartSeriesCollectionP(this.context, () => this.peek(), {
      parent: this,
      call: 'series',
    }));
  }
  /** Chart.setData: the series made again from the range (see the header). */
  setData(sourceData: RangeP, seriesBy?: SeriesBy): void {
    sourceData.assertValid();
    this.act(
      'chart.set',
      `setData(${sourceData.path},${JSON.stringify(seriesBy ?? 'Auto')})`,
      (c) => {
        c.series = seriesOf(this.context.model, sourceData.liveTarget(), checkSeriesBy(seriesBy));
      },
    );
  }
  /** Chart.setPosition(startCell, endCell?): cells as addresses or ranges on the chart's sheet. */
  setPosition(startCell: RangeP | string, endCell?: RangeP | string): void {
    for (const x of [startCell, endCell]) if (x && typeof x !== 'string') x.assertValid();
    this.act('chart.set', 'setPosition(…)', (c) => {
      const where = (x: RangeP | string): string => {
        if (typeof x !== 'string') {
          const t = x.liveTarget();
          return formatAddress(t.sheet.name, { ...t.box, rows: 1, cols: 1 });
        }
        const a = parseAddress(x);
        if (!a) throw invalidArgument(`'${x}' is not a valid address`);
        return formatAddress(c.sheet.name, { ...a.box, rows: 1, cols: 1 });
      };
      c.position = { start: where(startCell), end: endCell ? where(endCell) : null };
    });
  }
  delete(): void {
    this.act('chart.delete', 'delete()', (c) => {
      const all = this.context.model.charts;
      all.splice(all.indexOf(c), 1);
    });
  }
}

export class ChartTitleP extends ProxyBase<ChartData> {
  protected readonly props = ['text', 'visible'];
  protected override exists(c: ChartData): boolean {
    return this.context.model.charts.includes(c);
  }
  protected read(c: ChartData, prop: string): unknown {
    return prop === 'text' ? c.title.text : prop === 'visible' ? c.title.visible : undefined;
  }
  get text(): string {
    return this.get('text');
  }
  set text(v: string) {
    this.act('chart.set', `title.text = ${JSON.stringify(v)}`, (c) => {
      if (typeof v !== 'string') throw invalidArgument('a chart title is text');
      c.title.text = v;
    });
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(v: boolean) {
    this.act('chart.set', `title.visible = ${String(v)}`, (c) => {
      c.title.visible = v === true;
    });
  }
}

const SERIES_SCALARS = ['name'] as const;

export class ChartSeriesCollectionP extends CountedCollectionP<SeriesData, ChartSeriesP> {
  protected readonly itemScalars = SERIES_SCALARS;
  constructor(
    context: MemoryContext,
    private readonly chart: () => ChartData | null,
    origin: ProxyOrigin,
  ) {
    super(context, () => context.model, origin);
  }
  protected list(): SeriesData[] {
    const c = this.chart();
    if (!c) throw itemNotFound('the chart');
    return c.series;
  }
  protected item(s: SeriesData, i: number): ChartSeriesP {
    return new ChartSeriesP(
      this.context,
      () => s,
      this.chart,
      { parent: this, call: `items[${i}]` },
      s,
    );
  }
  getItemAt(index: number): ChartSeriesP {
    return new ChartSeriesP(
      this.context,
      () => {
        const s = this.list()[index];
        if (!s) throw invalidArgument(`the chart has no series at index ${index}`);
        return s;
      },
      this.chart,
      { parent: this, call: call('getItemAt', index) },
    );
  }
  /** ChartSeriesCollection.add(name?) (ExcelApi 1.7): an empty series at the end. */
  add(name?: string): ChartSeriesP {
    return new ChartSeriesP(
      this.context,
      () => {
        const list = this.list();
        const s: SeriesData = {
          name: name ?? `Series${list.length + 1}`,
          values: null,
          xValues: null,
        };
        list.push(s);
        return s;
      },
      this.chart,
      { parent: this, call: call('add', name ?? ''), volatile: true, kind: 'chart.add' },
    );
  }
}

export class ChartSeriesP extends ProxyBase<SeriesData> {
  protected readonly props = SERIES_SCALARS;
  constructor(
    context: MemoryContext,
    bind: () => SeriesData | null,
    private readonly chart: () => ChartData | null,
    origin: ProxyOrigin,
    resolved?: SeriesData,
  ) {
    super(context, bind, origin, resolved);
  }
  protected override exists(s: SeriesData): boolean {
    const c = this.chart();
    return c !== null && this.context.model.charts.includes(c) && c.series.includes(s);
  }
  protected read(s: SeriesData, prop: string): unknown {
    return prop === 'name' ? s.name : undefined;
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.act('chart.set', `name = ${JSON.stringify(v)}`, (s) => {
      if (typeof v !== 'string') throw invalidArgument('a series name is text');
      s.name = v;
    });
  }
  /** ChartSeries.setValues(sourceData) (ExcelApi 1.7). */
  setValues(sourceData: RangeP): void {
    sourceData.assertValid();
    this.act('chart.set', `setValues(${sourceData.path})`, (s) => {
      s.values = sourceData.liveTarget();
    });
  }
  /** ChartSeries.setXAxisValues(sourceData) (ExcelApi 1.7). */
  setXAxisValues(sourceData: RangeP): void {
    sourceData.assertValid();
    this.act('chart.set', `setXAxisValues(${sourceData.path})`, (s) => {
      s.xValues = sourceData.liveTarget();
    });
  }
  delete(): void {
    this.act('chart.delete', 'delete()', (s) => {
      const list = this.chart()?.series;
      if (list) list.splice(list.indexOf(s), 1);
    });
  }
}

/** A range of a series as an address ("DeskRatioHistory!D2:D40"), for views and tests. */
export const rangeAddress = (r: RangeTarget | null): string | null =>
  r ? formatAddress(r.sheet.name, r.box) : null;
