import type { KpiReport, OverallKpi } from './kpi-types';

export interface TrendLine {
  /** A KPI or a layer id: the page names it. */
  readonly key: string;
  readonly values: readonly (number | null)[];
}

export interface Trend {
  readonly id: string;
  /** Period starts, in seconds since the epoch at midnight UTC of the local date (the chart's x axis). */
  readonly x: readonly number[];
  readonly lines: readonly TrendLine[];
  /** Shares are drawn in %, like the table writes them. */
  readonly percent: boolean;
}

const dayStart = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000;

/** What a chart draws, without its figures: the page names the lines from this alone. */
export interface TrendShape {
  readonly id: string;
  /** KPIs, or layer ids (contacts per layer). */
  readonly keys: readonly string[];
  readonly percent: boolean;
}

/**
 * The charts of the dashboard, grouped by scale so that no line is flattened by another's:
 * CSAT (1–10), NPS and CSI (points), FCR and bot containment (%), contacts per layer.
 */
export const trendShapes = (layers: readonly string[]): TrendShape[] => [
  { id: 'csat', keys: ['csat'], percent: false },
  { id: 'nps-csi', keys: ['nps', 'csi'], percent: false },
  { id: 'shares', keys: ['fcr', 'botContainment'], percent: true },
  { id: 'layers', keys: layers, percent: false },
];

/** A chart's figures over the periods; shares in %, like the table writes them. */
export const trendOf = (report: KpiReport, { id, keys, percent }: TrendShape): Trend => ({
  id,
  percent,
  x: report.periods.map((period) => dayStart(period.start)),
  lines: keys.map((key) => ({
    key,
    values: report.periods.map(({ kpis }) => {
      const value = id === 'layers' ? kpis.byLayer[key]?.contacts.value : kpis[key as OverallKpi].value;
      return value === null || value === undefined ? null : value * (percent ? 100 : 1);
    }),
  })),
});

/**
 * Every chart with its figures. The page renders from the shapes and reads the figures only when it draws:
 * a year by day is 365 dates to parse per chart, which would otherwise hold back the tables.
 */
export const trendsOf = (report: KpiReport, layers: readonly string[]): Trend[] =>
  trendShapes(layers).map((shape) => trendOf(report, shape));
