import { addDays, type LocalDate } from './calendar';

/**
 * Instants ↔ local calendar days in an IANA time zone, with Intl only. Days are the concept's
 * local days, so a day in Europe/Amsterdam lasts 23 hours on the last Sunday of March.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

export const isTimeZone = (timeZone: string): boolean => {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

const wallClock = (instant: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> => {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute, second: +parts.second };
};

/**
 * Every zone's offset, and every change of it, falls on a quarter hour of UTC, so one Intl call
 * per zone and quarter hour is enough. Intl is slow and a rebuild asks a million times.
 */
const QUARTER_HOUR_MS = 900_000;
const MAX_CACHED = 50_000;
const offsets = new Map<string, number>();

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
export const zoneOffset = (instant: number, timeZone: string): number => {
  const key = `${timeZone}@${Math.floor(instant / QUARTER_HOUR_MS)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const { year, month, day, hour, minute, second } = wallClock(instant, timeZone);
  const offset = Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(instant / 1000) * 1000;
  if (offsets.size >= MAX_CACHED) offsets.clear();
  offsets.set(key, offset);
  return offset;
};

/**
 * The day of the last quarter hour asked for. Local midnight falls on a quarter hour of UTC (see above), so the
 * day is the same all through one; projections ask for event after event of the same stretch of time.
 */
let lastDay = { timeZone: '', quarter: Number.NaN, day: '' };

export const localDay = (instant: number, timeZone: string): LocalDate => {
  const quarter = Math.floor(instant / QUARTER_HOUR_MS);
  if (quarter === lastDay.quarter && timeZone === lastDay.timeZone) return lastDay.day;
  const day = new Date(instant + zoneOffset(instant, timeZone)).toISOString().slice(0, 10);
  lastDay = { timeZone, quarter, day };
  return day;
};

/** The instant a local day begins; the offset is checked again because midnight may sit on the other side of a change. */
export const startOfLocalDay = (date: LocalDate, timeZone: string): number => {
  const asUtc = Date.parse(`${date}T00:00:00Z`);
  const first = asUtc - zoneOffset(asUtc, timeZone);
  const second = asUtc - zoneOffset(first, timeZone);
  return second === first ? first : Math.min(first, second);
};

/** The first instant after a local day (its exclusive end). */
export const endOfLocalDay = (date: LocalDate, timeZone: string): number => startOfLocalDay(addDays(date, 1), timeZone);

/** The same wall-clock time `days` later: a window of 7 days stays 7 calendar days across a DST change. */
export const addLocalDays = (instant: number, days: number, timeZone: string): number => {
  const naive = instant + days * 86_400_000;
  return naive + zoneOffset(instant, timeZone) - zoneOffset(naive, timeZone);
};
