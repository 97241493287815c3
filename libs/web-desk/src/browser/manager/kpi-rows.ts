import {
  CHANNEL_KPIS,
  OVERALL_KPIS,
  type ChannelKpi,
  type KpiFigure,
  type KpiReport,
  type OverallKpi,
  type ChannelPeriod,
  type PeriodReport,
} from './kpi-types';

export interface Cell<Name> {
  readonly kpi: Name;
  readonly figure: KpiFigure;
}

export interface PeriodRow {
  readonly period: PeriodReport;
  readonly cells: readonly Cell<OverallKpi>[];
}

/** One row per period, one cell per organisation-wide KPI: the table a trend chart stands for. */
export const overallRows = (report: KpiReport): PeriodRow[] =>
  report.periods.map((period) => ({ period, cells: OVERALL_KPIS.map((kpi) => ({ kpi, figure: period.kpis[kpi] })) }));

/**
 * A month by day fits: beyond it the table shows the latest periods until the reader asks for all of them,
 * since a year by day is 365 rows (some 15,000 elements) to lay out before anything else shows.
 */
export const OVERALL_ROWS_SHOWN = 31;

/** The latest `OVERALL_ROWS_SHOWN` rows, or all of them; `hidden` counts the earlier ones left out. */
export const shownRows = (rows: readonly PeriodRow[], all: boolean): { rows: readonly PeriodRow[]; hidden: number } => {
  const hidden = all ? 0 : Math.max(0, rows.length - OVERALL_ROWS_SHOWN);
  return { rows: rows.slice(hidden), hidden };
};

/** The periods the channel and layer tables may show: those of the KPI table, and the one shown if it is not among them. */
export const offeredPeriods = (report: KpiReport, shown: PeriodReport, all: boolean): readonly PeriodReport[] => {
  const offered = all ? report.periods : report.periods.slice(-OVERALL_ROWS_SHOWN);
  return offered.includes(shown) ? offered : [shown, ...offered];
};

export interface ChannelRow {
  readonly channel: string;
  readonly cells: readonly Cell<ChannelKpi>[];
}

/**
 * One row per channel of the period, in the concept's order (self-service first, as the pyramid
 * is read); a channel the API reports but the labels do not know comes last rather than not at all.
 */
export const channelRows = (period: ChannelPeriod, order: readonly string[]): ChannelRow[] => {
  const reported = Object.keys(period.kpis.byChannel);
  const channels = [...order.filter((id) => reported.includes(id)), ...reported.filter((id) => !order.includes(id))];
  return channels.map((channel) => ({
    channel,
    cells: CHANNEL_KPIS.map((kpi) => ({ kpi, figure: period.kpis.byChannel[channel][kpi] })),
  }));
};

/** The period a channel or layer table shows: the chosen one, else the latest (the one a manager acts on). */
export const periodAt = (report: KpiReport, label: string | undefined): PeriodReport | undefined =>
  report.periods.find((period) => period.label === label) ?? report.periods.at(-1);
