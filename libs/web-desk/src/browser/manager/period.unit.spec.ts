import { defaultFilter, filterFromQuery, gapQuery, kpiQuery, localDate } from './period';

describe('the dashboard’s period', () => {
  it('defaults to the last four ISO weeks by week, ending today', () => {
    // Wednesday 4 March 2026: this week began on Monday 2 March
    expect(defaultFilter(new Date(2026, 2, 4, 9, 30))).toEqual({ from: '2026-02-09', to: '2026-03-04', granularity: 'week', channel: '' });
    // On a Sunday the week is the one that began six days before
    expect(defaultFilter(new Date(2026, 2, 8, 23, 0)).from).toBe('2026-02-09');
    // On a Monday the week begins today
    expect(defaultFilter(new Date(2026, 2, 9, 0, 5)).from).toBe('2026-02-16');
  });

  it('writes the local date, not the UTC one', () => {
    expect(localDate(new Date(2026, 0, 1, 0, 30))).toBe('2026-01-01');
  });

  it('asks for one channel only when one is chosen', () => {
    const filter = { from: '2026-03-01', to: '2026-03-31', granularity: 'day', channel: '' } as const;
    expect(kpiQuery(filter)).toBe('from=2026-03-01&to=2026-03-31&granularity=day');
    expect(kpiQuery({ ...filter, channel: 'live-chat' })).toBe('from=2026-03-01&to=2026-03-31&granularity=day&channel=live-chat');
    expect(gapQuery(filter)).toBe('from=2026-03-01&to=2026-03-31');
  });
});

describe('the filter in the page’s address', () => {
  const fallback = { from: '2026-02-09', to: '2026-03-04', granularity: 'week', channel: '' } as const;

  it('takes what the address says, so that a view can be bookmarked', () => {
    expect(filterFromQuery('?from=2025-03-05&to=2026-03-04&granularity=month&channel=phone', fallback)).toEqual({
      from: '2025-03-05',
      to: '2026-03-04',
      granularity: 'month',
      channel: 'phone',
    });
  });

  it('keeps the default for what is missing or malformed', () => {
    expect(filterFromQuery('?from=5-3-2025&granularity=hour', fallback)).toEqual(fallback);
    expect(filterFromQuery('', fallback)).toEqual(fallback);
  });
});
