/**
 * The Ratio tab: DeskPrices read → the core's ratio history (the same latest-price rule and
 * DESK.RATIO) → the SVG chart and its text table; Insert into workbook writes DeskRatioHistory
 * and its Excel chart (insertRatioHistory) through the pane's one write queue.
 */
import { parseFx, parseUnit, ratioHistory, type RatioPoint, type Unit } from '../../core';
import { createRatioView } from '../views/ratio/ratio-view';
import type { PaneCore } from './context';
import { insertRatioHistory, readPrices } from './price-writes';

export interface RatioTab {
  readonly element: HTMLElement;
  /** Draws the chart from DeskPrices as it stands (the tab calls it each time it is opened). */
  show(announce?: boolean): Promise<void>;
  setReadOnly(reason: string | null): void;
}

export function createRatioTab(pane: PaneCore): RatioTab {
  const { workbook, message, serial } = pane;
  let shown: { points: readonly RatioPoint[]; numerator: string; denominator: string } | null =
    null;
  let readOnly: string | null = null;

  const insertable = () =>
    view.setInsertable(
      readOnly ??
        (shown === null || shown.points.length === 0
          ? 'Show a ratio with at least one point to insert it.'
          : null),
    );

  async function show(announce = true): Promise<void> {
    const q = view.query();
    const fxText = q.fx.trim();
    const fx = fxText === '' ? null : parseFx(fxText, 'FX rate');
    if (fx !== null && !fx.ok) {
      message.show('error', 'No ratio shown.', fx.error.message);
      return;
    }
    const unit = q.unit === '' ? null : parseUnit(q.unit, 'Unit');
    if (unit !== null && !unit.ok) {
      message.show('error', 'No ratio shown.', unit.error.message);
      return;
    }
    view.setBusy(true);
    const history = await readPrices(workbook);
    view.setBusy(false);
    shown = null;
    if (!history.ok) {
      view.chart.clear(history.message);
      insertable();
      if (announce) message.show('error', 'No ratio shown.', history.message);
      return;
    }
    const r = ratioHistory(history.rows, {
      numerator: q.numerator,
      denominator: q.denominator,
      ...(unit !== null ? { unit: unit.value as Unit } : {}),
      fx: fx === null ? null : fx.value.toNumber(),
      locationBasis: q.locationBasis === '' ? null : q.locationBasis,
    });
    if (!r.ok) {
      view.chart.clear(r.message);
      insertable();
      if (announce) message.show('warning', 'No ratio shown.', r.message);
      return;
    }
    const numerator = q.numerator.trim();
    const denominator = q.denominator.trim();
    if (r.points.length === 0) {
      const why = `No date has a price of both ${numerator} and ${denominator} in DeskPrices: import prices of both first.`;
      view.chart.clear(why);
      insertable();
      if (announce) message.show('info', 'No ratio to show yet.', why);
      return;
    }
    shown = { points: r.points, numerator, denominator };
    view.chart.render(r.points, numerator, denominator);
    insertable();
    if (announce)
      message.show(
        'info',
        `${numerator} over ${denominator}: ${r.points.length} point${r.points.length === 1 ? '' : 's'}.`,
      );
  }

  async function insert(): Promise<void> {
    if (!shown || readOnly) return;
    const { points, numerator, denominator } = shown;
    view.setBusy(true);
    const outcome = await serial(() =>
      insertRatioHistory(workbook, {
        title: `${numerator} / ${denominator}`,
        numeratorLabel: numerator,
        denominatorLabel: denominator,
        points,
      }),
    );
    view.setBusy(false);
    insertable();
    if (outcome.ok) message.show('success', 'Ratio history inserted.', outcome.message);
    else message.show('error', 'Ratio history not inserted.', outcome.message);
  }

  const view = createRatioView({ show: () => void show(), insert: () => void insert() });
  view.chart.clear('Press Show ratio to draw the ratio from DeskPrices.');
  insertable();
  return {
    element: view.element,
    show,
    setReadOnly(reason) {
      readOnly = reason;
      insertable();
    },
  };
}
