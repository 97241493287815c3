import type { KpiReport, PeriodKpis, PeriodReport } from './kpi-report';

/**
 * Which periods of a report carry their per-channel figures (`byChannel`): every one, or the last one only,
 * for a view that shows one period's channels beside every period's overall figures. A year by day is some
 * 3 MB of JSON with them and a tenth of that without.
 */
export const CHANNEL_BREAKDOWNS = ['all', 'last'] as const;
export type ChannelBreakdown = (typeof CHANNEL_BREAKDOWNS)[number];

export interface BrokenDownPeriod extends Omit<PeriodReport, 'kpis'> {
  /** Without `byChannel` where the breakdown leaves it out: absent, never an empty record that reads as "no channels". */
  readonly kpis: Omit<PeriodKpis, 'byChannel'> & Partial<Pick<PeriodKpis, 'byChannel'>>;
}

export interface BrokenDownReport extends Omit<KpiReport, 'periods'> {
  readonly periods: readonly BrokenDownPeriod[];
}

const withoutChannels = ({ kpis: { byChannel: _, ...kpis }, ...period }: PeriodReport): BrokenDownPeriod => ({ ...period, kpis });

export const brokenDown = (report: KpiReport, breakdown: ChannelBreakdown = 'all'): BrokenDownReport =>
  breakdown === 'all'
    ? report
    : {
        ...report,
        periods: report.periods.map((period, index) => (index === report.periods.length - 1 ? period : withoutChannels(period))),
      };
