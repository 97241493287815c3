/// <reference lib="dom" />
import { html } from 'lit-html';
import { ref } from 'lit-html/directives/ref.js';
import type uPlot from 'uplot';
import { dateFormat } from '../core/format';
import { language, t } from '../core/i18n';
import type { PageContext } from '../core/page';
import type { KpiReport } from './kpi-types';
import { trendOf, trendShapes, type Trend, type TrendShape } from './trend-series';

/** Colours with 4.5:1 contrast on white, and a dash per line, so that lines differ without colour too. */
const STROKES = ['#0b4f8a', '#a11d1d', '#146c2e', '#7a4b00'];
const DASHES = [[], [8, 4], [2, 3], [12, 3, 2, 3]];

/** Periods are days at the finest: the time axis never ticks at hours. */
const DAY_STEPS = [1, 2, 7, 14, 28, 91, 182, 364].map((days) => days * 86_400);
const dayName = (seconds: number): string =>
  dateFormat(language(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(seconds * 1000));

/** What each chart holds, so that a re-render of the page redraws a chart only when its figures or language change. */
const drawn = new WeakMap<HTMLElement, { key: string; plot: uPlot }>();

/** uPlot is a chunk of its own, fetched and run when the first chart is drawn: after the first figures. */
let library: Promise<typeof uPlot> | undefined;
const loadUplot = (): Promise<typeof uPlot> => (library ??= import('uplot').then((module) => module.default));

const draw = (element: HTMLElement, trend: Trend, names: readonly string[], UPlot: typeof uPlot): void => {
  const key = JSON.stringify([trend, names]);
  const before = drawn.get(element);
  if (!element.isConnected || before?.key === key) return;
  before?.plot.destroy();
  const plot = new UPlot(
    {
      width: Math.max(280, element.clientWidth),
      height: 220,
      tzDate: (seconds) => UPlot.tzDate(new Date(seconds * 1000), 'UTC'),
      cursor: { drag: { x: false, y: false } },
      // The legend names the lines; the figures under the cursor are in the tables, for every reader.
      legend: { live: false },
      scales: { x: { time: true } },
      axes: [
        { incrs: DAY_STEPS, values: (_, ticks) => ticks.map(dayName) },
        { values: (_, ticks) => ticks.map((tick) => `${tick}${trend.percent ? '%' : ''}`) },
      ],
      series: [
        {},
        ...trend.lines.map((_, index) => ({
          label: names[index],
          stroke: STROKES[index % STROKES.length],
          dash: DASHES[index % DASHES.length],
          width: 2,
          points: { show: true },
        })),
      ],
    },
    [[...trend.x], ...trend.lines.map((line) => [...line.values])] as uPlot.AlignedData,
    element,
  );
  drawn.set(element, { key, plot });
};

/**
 * Charts are drawn after the tables have been painted: a chart is the tables' figures again, and reading them
 * out of the report or drawing four canvases (measuring the page for their width, setting their fonts) would
 * otherwise hold back the first sight of every figure. Draws keep their order, so that the last render's
 * figures are the ones drawn.
 */
const drawSoon = (element: HTMLElement, report: KpiReport, shape: TrendShape, names: readonly string[]): void => {
  const after = loadUplot();
  requestAnimationFrame(() => setTimeout(() => void after.then((UPlot) => draw(element, trendOf(report, shape), names, UPlot))));
};

/**
 * Trends over the periods, drawn by uPlot on a canvas. The canvas is hidden from screen readers:
 * each figure says in words what it shows and where its numbers are (the tables above and below).
 */
export const trendsView = (report: KpiReport, context: PageContext) => {
  const layers = context.labels.source.layers.map((layer) => layer.id);
  const name = (key: string) => (layers.includes(key) ? context.labels.layer(key) : t(`kpi.${key as 'csat'}`));
  const figures = trendShapes(layers).map((trend) => {
    const names = trend.keys.map(name);
    const what = t(`trend.${trend.id as 'csat'}`);
    const alt = trend.id === 'layers' ? t('trends.altLayers') : t('trends.alt', { what });
    return html`<figure class="chart" aria-labelledby=${`trend-${trend.id}-title`} aria-describedby=${`trend-${trend.id}-alt`}>
      <figcaption id=${`trend-${trend.id}-title`}>${what}</figcaption>
      <p id=${`trend-${trend.id}-alt`} class="visually-hidden">${alt}</p>
      <div
        class="chart-canvas"
        aria-hidden="true"
        data-lang=${language()}
        ${ref((element) => element && drawSoon(element as HTMLElement, report, trend, names))}
      ></div>
    </figure>`;
  });
  return html`<section class="panel" aria-labelledby="trends-title">
    <h2 id="trends-title">${t('trends.title')}</h2>
    ${report.periods.length < 2 ? html`<p>${t('trends.one')}</p>` : html`<div class="charts">${figures}</div>`}
  </section>`;
};
