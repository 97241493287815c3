import { addDays, endOfMonth, isoWeekLabel, maxDate, minDate, startOfIsoWeek, startOfMonth, type LocalDate } from './calendar';

export type Granularity = 'day' | 'week' | 'month' | 'total';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month', 'total'];

/** A reporting period: local dates, `end` included, clipped to the queried range. */
export interface Period {
  readonly start: LocalDate;
  readonly end: LocalDate;
  /** `2026-03-29`, `2026-W13`, `2026-03` or `2026-01-01/2026-12-31`. */
  readonly label: string;
}

interface Calendar {
  readonly startOf: (date: LocalDate) => LocalDate;
  readonly endOf: (date: LocalDate) => LocalDate;
  readonly label: (start: LocalDate) => string;
}

const calendarOf = (granularity: Exclude<Granularity, 'total'>): Calendar => {
  switch (granularity) {
    case 'day':
      return { startOf: (date) => date, endOf: (date) => date, label: (date) => date };
    case 'week':
      return { startOf: startOfIsoWeek, endOf: (date) => addDays(startOfIsoWeek(date), 6), label: isoWeekLabel };
    case 'month':
      return { startOf: startOfMonth, endOf: endOfMonth, label: (date) => date.slice(0, 7) };
    default: {
      const _: never = granularity;
      return _;
    }
  }
};

/** The periods covering `from`…`to` (both included); the first and last are cut at the range's edges. */
export const periodsOf = (from: LocalDate, to: LocalDate, granularity: Granularity): Period[] => {
  if (granularity === 'total') return from <= to ? [{ start: from, end: to, label: `${from}/${to}` }] : [];
  const calendar = calendarOf(granularity);
  const periods: Period[] = [];
  for (let start = calendar.startOf(from); start <= to; start = addDays(calendar.endOf(start), 1)) {
    periods.push({ start: maxDate(start, from), end: minDate(calendar.endOf(start), to), label: calendar.label(start) });
  }
  return periods;
};
