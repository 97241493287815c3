import { CHANNEL_KPIS, type ChannelPeriod, type KpiFigure, type KpiReport, type PeriodReport } from './kpi-types';

/** Small reports for the page's unit specs: figures that differ per KPI, so that a mixed-up cell shows. */
export const figure = (value: number | null, n = 1, target: number | null = null): KpiFigure => ({
  value,
  n,
  target,
  status: value === null ? 'no-data' : target === null ? 'no-target' : value >= target ? 'met' : 'missed',
});

const channelKpis = (base: number) => Object.fromEntries(CHANNEL_KPIS.map((kpi, index) => [kpi, figure(base + index)])) as never;

export const periodOf = (start: string, end: string, channels: readonly string[], base = 1): ChannelPeriod => ({
  start,
  end,
  label: start,
  concept: { name: 'test', revision: 0 },
  kpis: {
    csat: figure(base + 6, 2, 7),
    nps: figure(base * 10, 3, 0),
    csi: figure(null, 0, 70),
    fcr: { ...figure(0.5, 4, 0.7), pending: 1 },
    botContainment: figure(0.25, 4, 0.6),
    byChannel: Object.fromEntries(channels.map((channel, index) => [channel, channelKpis(100 * (index + 1))])),
    byLayer: {
      'self-service': { contacts: figure(base * 3), share: figure(0.6) },
      personal: { contacts: figure(base), share: figure(0.4) },
    },
  },
});

export const reportOf = (...periods: PeriodReport[]): KpiReport => ({
  from: periods[0].start,
  to: periods.at(-1)!.end,
  granularity: 'week',
  timeZone: 'Europe/Amsterdam',
  periods,
});
