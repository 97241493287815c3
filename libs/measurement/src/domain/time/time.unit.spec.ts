import { daysBetween, isLocalDate, isoWeekLabel } from './calendar';
import { periodsOf } from './periods';
import { addLocalDays, endOfLocalDay, localDay, startOfLocalDay } from './zoned-time';

const AMS = 'Europe/Amsterdam';
const at = (iso: string) => Date.parse(iso);

describe('local days in Europe/Amsterdam', () => {
  it.each([
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-03-29T21:59:59Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    ['2026-10-24T22:00:00Z', '2026-10-25'],
    ['2026-10-25T22:59:59Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
  ])('%s falls on %s', (instant, day) => expect(localDay(at(instant), AMS)).toBe(day));

  it('lasts 23 hours on the spring change and 25 on the autumn change', () => {
    const hours = (date: string) => (endOfLocalDay(date, AMS) - startOfLocalDay(date, AMS)) / 3_600_000;
    expect([hours('2026-03-28'), hours('2026-03-29'), hours('2026-10-25'), hours('2026-10-26')]).toEqual([24, 23, 25, 24]);
  });

  it('keeps the wall-clock time when a window spans the change', () => {
    expect(new Date(addLocalDays(at('2026-03-28T11:00:00Z'), 1, AMS)).toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(new Date(addLocalDays(at('2026-10-24T10:00:00Z'), 7, AMS)).toISOString()).toBe('2026-10-31T11:00:00.000Z');
  });

  it('works in a zone far from UTC too', () => expect(localDay(at('2026-01-01T10:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-01-02'));

  it('answers each zone its own day when asked in turn for the same quarter hour', () => {
    const instants = ['2026-01-01T10:30:00Z', '2026-01-01T10:44:59Z'].map(at);
    const days = instants.flatMap((instant) => [localDay(instant, AMS), localDay(instant, 'Pacific/Kiritimati'), localDay(instant, AMS)]);
    expect(days).toEqual(['2026-01-01', '2026-01-02', '2026-01-01', '2026-01-01', '2026-01-02', '2026-01-01']);
  });
});

describe('calendar', () => {
  it('knows real dates', () =>
    expect(['2026-02-28', '2024-02-29', '2026-02-29', '2026-13-01', '26-01-01'].map(isLocalDate)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]));

  it.each([
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2025-12-29', '2026-W01'],
    ['2021-01-01', '2020-W53'],
  ])('%s is in ISO week %s', (date, week) => expect(isoWeekLabel(date)).toBe(week));

  it('counts both ends', () => expect(daysBetween('2026-03-01', '2026-03-31')).toBe(31));
});

describe('periods', () => {
  it('cuts ISO weeks at the range and crosses the year through week 53', () =>
    expect(periodsOf('2026-12-30', '2027-01-05', 'week')).toEqual([
      { start: '2026-12-30', end: '2027-01-03', label: '2026-W53' },
      { start: '2027-01-04', end: '2027-01-05', label: '2027-W01' },
    ]));

  it('makes calendar months', () =>
    expect(periodsOf('2026-01-15', '2026-03-02', 'month').map((p) => [p.start, p.end, p.label])).toEqual([
      ['2026-01-15', '2026-01-31', '2026-01'],
      ['2026-02-01', '2026-02-28', '2026-02'],
      ['2026-03-01', '2026-03-02', '2026-03'],
    ]));

  it('makes one period for the total and one per day', () => {
    expect(periodsOf('2026-03-28', '2026-03-30', 'total')).toEqual([
      { start: '2026-03-28', end: '2026-03-30', label: '2026-03-28/2026-03-30' },
    ]);
    expect(periodsOf('2026-03-28', '2026-03-30', 'day').map((p) => p.label)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  it('makes none for an inverted range', () => expect(periodsOf('2026-02-01', '2026-01-01', 'day')).toEqual([]));
});
