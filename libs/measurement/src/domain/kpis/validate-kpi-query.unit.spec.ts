import { validateKpiQuery } from './validate-kpi-query';

describe('validating a KPI query', () => {
  it('accepts dates, a granularity and a baseline', () =>
    expect(
      validateKpiQuery({
        from: '2026-01-01',
        to: '2026-12-31',
        granularity: 'week',
        baselineFrom: '2025-01-01',
        baselineTo: '2025-03-31',
        byChannel: 'last',
      }),
    ).toEqual([]));

  it('names each bad parameter', () =>
    expect(validateKpiQuery({ from: '2026-02-30', granularity: 'year', baselineFrom: '2025-01-01', byChannel: 'first' })).toEqual([
      { path: 'from', message: '"2026-02-30" is not a date like 2026-03-29' },
      { path: 'to', message: 'is required: a date like 2026-03-29' },
      { path: 'granularity', message: 'must be one of: day, week, month, total' },
      { path: 'baselineTo', message: 'is required: a date like 2026-03-29' },
      { path: 'byChannel', message: 'must be one of: all, last (default all)' },
    ]));

  it('refuses an inverted or overlong range', () => {
    expect(validateKpiQuery({ from: '2026-02-01', to: '2026-01-31' })).toEqual([
      { path: 'to', message: 'must not be before from (2026-02-01)' },
    ]);
    expect(validateKpiQuery({ from: '2000-01-01', to: '2026-01-31' })).toEqual([
      { path: 'to', message: 'a range spans at most 3660 days' },
    ]);
  });
});
