import { gapMatrix } from './gap-matrix';
import { channelRows, offeredPeriods, OVERALL_ROWS_SHOWN, overallRows, periodAt, shownRows } from './kpi-rows';
import { pyramidOf } from './pyramid';
import { periodOf, reportOf } from './report-fixture';
import { trendsOf } from './trend-series';

const week1 = periodOf('2026-03-02', '2026-03-08', ['web', 'phone'], 1);
const week2 = periodOf('2026-03-09', '2026-03-15', ['web', 'phone'], 2);
const report = reportOf(week1, week2);

describe('the KPI response as the dashboard’s tables and charts', () => {
  it('gives one row per period with the organisation-wide KPIs in a fixed order', () => {
    const rows = overallRows(report);
    expect(rows.map((row) => row.period.label)).toEqual(['2026-03-02', '2026-03-09']);
    expect(rows[1].cells.map((cell) => [cell.kpi, cell.figure.value])).toEqual([
      ['csat', 8],
      ['nps', 20],
      ['csi', null],
      ['fcr', 0.5],
      ['botContainment', 0.25],
    ]);
  });

  it('shows the latest periods of a long range until all are asked for', () => {
    const days = Array.from({ length: OVERALL_ROWS_SHOWN + 4 }, (_, index) => {
      const day = `2026-03-${String(index + 1).padStart(2, '0')}`;
      return periodOf(day, day, ['web']);
    });
    const rows = overallRows(reportOf(...days));
    const latest = shownRows(rows, false);
    expect(latest.hidden).toBe(4);
    expect(latest.rows.map((row) => row.period.label)).toEqual(days.slice(4).map((day) => day.label));
    expect(shownRows(rows, true)).toEqual({ rows, hidden: 0 });
    expect(shownRows(overallRows(report), false)).toEqual({ rows: overallRows(report), hidden: 0 });
    // The channel tables offer the table's periods, and keep one chosen earlier that the table no longer shows.
    const long = reportOf(...days);
    expect(offeredPeriods(long, days.at(-1)!, false)).toEqual(days.slice(4));
    expect(offeredPeriods(long, days[0], false)).toEqual([days[0], ...days.slice(4)]);
    expect(offeredPeriods(long, days[0], true)).toEqual(days);
  });

  it('orders channels as the concept does, and keeps a channel the labels do not know', () => {
    const rows = channelRows(periodOf('2026-03-02', '2026-03-08', ['fax', 'phone', 'web']), ['web', 'app', 'phone']);
    expect(rows.map((row) => row.channel)).toEqual(['web', 'phone', 'fax']);
    expect(rows[1].cells.find((cell) => cell.kpi === 'aht')?.figure.value).toBe(204);
  });

  it('shows the chosen period, or the latest', () => {
    expect(periodAt(report, '2026-03-02')).toBe(week1);
    expect(periodAt(report, undefined)).toBe(week2);
    expect(periodAt(report, 'gone')).toBe(week2);
  });

  it('lays the channel mix out as the pyramid, most personal on top', () => {
    const labels = {
      layers: [
        { id: 'self-service', label: 'Zelf' },
        { id: 'assisted', label: 'Hulp' },
        { id: 'personal', label: 'Persoonlijk' },
      ],
      channels: [
        { id: 'web', layer: 'self-service', label: 'Website' },
        { id: 'phone', layer: 'assisted', label: 'Telefoon' },
        { id: 'video', layer: 'personal', label: 'Beeld' },
      ],
    };
    const pyramid = pyramidOf(week1, labels);
    expect(pyramid.map((layer) => [layer.layer, layer.contacts?.value, layer.channels.map((channel) => channel.channel)])).toEqual([
      ['personal', 1, []],
      ['assisted', undefined, ['phone']],
      ['self-service', 3, ['web']],
    ]);
    expect(pyramid[1].channels[0].shift.value).toBe(210);
  });

  it('builds the gap matrix channel × need in the concept’s order', () => {
    const item = (channel: string, need: string, verdict: 'gap' | 'confirmed') => ({
      channel,
      need,
      declared: true,
      measured: { value: 50, n: 2 },
      verdict,
    });
    const matrix = gapMatrix(
      [item('phone', 'own-pace', 'gap'), item('web', 'own-pace', 'confirmed')],
      ['web', 'phone'],
      ['pc', 'own-pace'],
    );
    expect(matrix.needs).toEqual(['own-pace']);
    expect(matrix.rows.map((row) => [row.channel, row.cells.map((cell) => cell?.verdict)])).toEqual([
      ['web', ['confirmed']],
      ['phone', ['gap']],
    ]);
  });

  it('draws trends grouped by scale, shares in percent, a missing figure as a gap', () => {
    const trends = trendsOf(report, ['self-service', 'assisted']);
    expect(trends.map((trend) => trend.id)).toEqual(['csat', 'nps-csi', 'shares', 'layers']);
    expect(trends[0].x).toEqual([Date.parse('2026-03-02T00:00:00Z') / 1000, Date.parse('2026-03-09T00:00:00Z') / 1000]);
    expect(trends[1].lines.map((line) => line.values)).toEqual([
      [10, 20],
      [null, null],
    ]);
    expect(trends[2].lines[0].values).toEqual([50, 50]);
    expect(trends[3].lines.map((line) => [line.key, line.values])).toEqual([
      ['self-service', [3, 6]],
      ['assisted', [null, null]],
    ]);
  });
});
