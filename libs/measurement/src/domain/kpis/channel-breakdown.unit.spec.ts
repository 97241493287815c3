import { brokenDown } from './channel-breakdown';
import type { KpiReport, PeriodReport } from './kpi-report';

const figure = { value: 1, n: 1, target: null, status: 'no-target' } as const;

const period = (label: string): PeriodReport =>
  ({
    start: label,
    end: label,
    label,
    concept: null,
    kpis: {
      csat: figure,
      nps: figure,
      csi: figure,
      fcr: { ...figure, pending: 0 },
      botContainment: figure,
      byChannel: { phone: { contacts: figure } },
      byLayer: { assisted: { contacts: figure, share: figure } },
    },
  }) as unknown as PeriodReport;

const report: KpiReport = {
  from: '2026-03-01',
  to: '2026-03-03',
  granularity: 'day',
  timeZone: 'Europe/Amsterdam',
  periods: ['2026-03-01', '2026-03-02', '2026-03-03'].map(period),
};

describe('the per-channel breakdown of a KPI report', () => {
  it('keeps every period’s channels by default, the report unchanged', () => {
    expect(brokenDown(report)).toBe(report);
    expect(brokenDown(report, 'all')).toBe(report);
  });

  it('keeps only the last period’s channels with `last`, every other figure as it was', () => {
    const last = brokenDown(report, 'last');
    expect(last.periods.map((shown) => 'byChannel' in shown.kpis)).toEqual([false, false, true]);
    expect(last.periods[2]).toBe(report.periods[2]);
    const { byChannel: _, ...rest } = report.periods[0].kpis;
    expect(last.periods[0]).toEqual({ ...report.periods[0], kpis: rest });
    expect(JSON.stringify(last.periods[0])).not.toContain('byChannel');
    expect({ ...last, periods: [] }).toEqual({ ...report, periods: [] });
  });

  it('leaves an empty report empty', () => expect(brokenDown({ ...report, periods: [] }, 'last').periods).toEqual([]));
});
