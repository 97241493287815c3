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

const line = (report: KpiReport, kpi: OverallKpi, scale = 1): TrendLine => ({
  key: kpi,
  values: report.periods.map(({ kpis }) => (kpis[kpi].value === null ? null : kpis[kpi].value! * scale)),
});

/**
 * The charts of the dashboard, grouped by scale so that no line is flattened by another's:
 * CSAT (1–10), NPS and CSI (points), FCR and bot containment (%), contacts per layer.
 */
export const trendsOf = (report: KpiReport, layers: readonly string[]): Trend[] => {
  const x = report.periods.map((period) => dayStart(period.start));
  const contacts = (layer: string): TrendLine => ({
    key: layer,
    values: report.periods.map(({ kpis }) => kpis.byLayer[layer]?.contacts.value ?? null),
  });
  return [
    { id: 'csat', x, percent: false, lines: [line(report, 'csat')] },
    { id: 'nps-csi', x, percent: false, lines: [line(report, 'nps'), line(report, 'csi')] },
    { id: 'shares', x, percent: true, lines: [line(report, 'fcr', 100), line(report, 'botContainment', 100)] },
    { id: 'layers', x, percent: false, lines: layers.map(contacts) },
  ];
};
