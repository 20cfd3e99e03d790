/**
 * The ratio's history as a line chart in plain SVG (no charting library: a line, its points and
 * two axes are a few dozen lines, and the pane's bundle stays small). Each point shows its date,
 * the two legs and their sources on hover and on keyboard focus (one tab stop; arrow keys, Home
 * and End move between points); a visually hidden table says the same to a screen reader.
 */
import type { RatioPoint } from '../../../core';
import { h, replaceChildren } from '../../dom';
import { plotRatio, VIEW } from '../../prices/chart-geometry';

const SVG = 'http://www.w3.org/2000/svg';

function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const fmt = (n: number, digits = 4): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** "2025-01-09: 3.19 — NdPr oxide 58.5 USD/kg (Fastmarkets) over Dy oxide 235 USD/kg (Fastmarkets)" */
export function pointSentence(p: RatioPoint, num: string, den: string): string {
  return `${p.date}: ratio ${fmt(p.ratio)} — ${num} ${fmt(p.numerator, 2)} ${p.unit} (${p.numeratorSource}) over ${den} ${fmt(p.denominator, 2)} ${p.unit} (${p.denominatorSource})`;
}

export interface RatioChart {
  readonly element: HTMLElement;
  render(points: readonly RatioPoint[], num: string, den: string): void;
  clear(why: string): void;
}

export function createRatioChart(): RatioChart {
  const box = h('div', { class: 'ratio-chart', id: 'ratio-chart' });
  const detail = h('p', { class: 'ratio-detail', id: 'ratio-detail', 'aria-live': 'polite' });
  const tableBox = h('div', { class: 'visually-hidden', id: 'ratio-table-box' });
  const element = h('div', { class: 'ratio-chart-wrap' }, box, detail, tableBox);

  function table(points: readonly RatioPoint[], num: string, den: string): HTMLElement {
    const unit = points[0]?.unit ?? '';
    return h(
      'table',
      { id: 'ratio-table' },
      h(
        'caption',
        {},
        `${num} over ${den}, by price date (${points.length} points, prices in ${unit})`,
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Date', 'Ratio', num, den, `${num} source`, `${den} source`].map((t) =>
            h('th', { scope: 'col', text: t }),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...points.map((p) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', text: p.date }),
            h('td', { text: fmt(p.ratio) }),
            h('td', { text: fmt(p.numerator, 2) }),
            h('td', { text: fmt(p.denominator, 2) }),
            h('td', { text: p.numeratorSource }),
            h('td', { text: p.denominatorSource }),
          ),
        ),
      ),
    );
  }

  return {
    element,
    render(points, num, den) {
      const plot = plotRatio(points);
      const svg = s('svg', {
        viewBox: `0 0 ${VIEW.width} ${VIEW.height}`,
        role: 'group',
        'aria-label': `Line chart of ${num} over ${den}; a table of the same points follows for screen readers`,
        class: 'ratio-svg',
      });
      const axis = s('g', { class: 'axis', 'aria-hidden': 'true' });
      for (const t of plot.yTicks) {
        axis.append(
          s('line', {
            x1: VIEW.left,
            x2: VIEW.width - VIEW.right,
            y1: t.y,
            y2: t.y,
            class: 'grid',
          }),
          s('text', { x: VIEW.left - 4, y: t.y + 3, 'text-anchor': 'end' }, t.label),
        );
      }
      plot.xTicks.forEach((t, i) => {
        const anchor = plot.xTicks.length === 1 ? 'middle' : i === 0 ? 'start' : 'end';
        axis.append(s('text', { x: t.x, y: VIEW.height - 8, 'text-anchor': anchor }, t.label));
      });
      const line = s('polyline', {
        class: 'line',
        'aria-hidden': 'true',
        points: plot.points.map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`).join(' '),
      });
      const dots = s('g', { class: 'points' });
      const circles = plot.points.map((p, i) => {
        const point = points[i] as RatioPoint;
        const c = s('circle', {
          cx: p.x.toFixed(2),
          cy: p.y.toFixed(2),
          r: 4,
          tabindex: i === points.length - 1 ? 0 : -1,
          role: 'img',
          'data-date': point.date,
          'aria-label': pointSentence(point, num, den),
        });
        const show = () => {
          for (const other of circles) other.removeAttribute('data-active');
          c.setAttribute('data-active', '');
          detail.textContent = pointSentence(point, num, den);
        };
        c.addEventListener('mouseenter', show);
        c.addEventListener('focus', show);
        c.addEventListener('keydown', (e) => {
          const k = e.key;
          const next =
            k === 'ArrowRight' || k === 'ArrowUp'
              ? i + 1
              : k === 'ArrowLeft' || k === 'ArrowDown'
                ? i - 1
                : k === 'Home'
                  ? 0
                  : k === 'End'
                    ? circles.length - 1
                    : null;
          if (next === null) return;
          e.preventDefault();
          const target = circles[Math.max(0, Math.min(circles.length - 1, next))];
          if (!target) return;
          c.setAttribute('tabindex', '-1');
          target.setAttribute('tabindex', '0');
          target.focus();
        });
        dots.append(c);
        return c;
      });
      svg.append(axis, line, dots);
      replaceChildren(box, svg);
      const last = points[points.length - 1];
      detail.textContent = last
        ? `Latest: ${pointSentence(last, num, den)}. Hover or focus a point for its date and sources.`
        : '';
      replaceChildren(tableBox, table(points, num, den));
    },
    clear(why) {
      replaceChildren(box, h('p', { class: 'hint ratio-empty', text: why }));
      detail.textContent = '';
      replaceChildren(tableBox);
    },
  };
}
