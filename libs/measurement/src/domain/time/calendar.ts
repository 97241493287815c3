/**
 * Calendar arithmetic on local dates written `YYYY-MM-DD`. A local date is a label, not an instant,
 * so the arithmetic runs on UTC dates where no day is ever 23 or 25 hours long.
 */
export type LocalDate = string;

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLocalDate = (value: string): boolean => {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

const epochDay = (date: LocalDate): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromEpochDay = (day: number): LocalDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: LocalDate, days: number): LocalDate => fromEpochDay(epochDay(date) + days);

/** Days from `from` to `to`, both included. */
export const daysBetween = (from: LocalDate, to: LocalDate): number => epochDay(to) - epochDay(from) + 1;

export const eachDay = (from: LocalDate, to: LocalDate): LocalDate[] =>
  Array.from({ length: Math.max(0, daysBetween(from, to)) }, (_, index) => addDays(from, index));

export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);

/** Monday = 0 … Sunday = 6, as ISO 8601 counts. */
const isoWeekday = (date: LocalDate): number => (new Date(epochDay(date) * DAY_MS).getUTCDay() + 6) % 7;

export const startOfIsoWeek = (date: LocalDate): LocalDate => addDays(date, -isoWeekday(date));

/** `2026-W53`: the week belongs to the year of its Thursday, so late December can be week 1 of the next year. */
export const isoWeekLabel = (date: LocalDate): string => {
  const thursday = addDays(startOfIsoWeek(date), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((epochDay(thursday) - epochDay(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
};

export const startOfMonth = (date: LocalDate): LocalDate => `${date.slice(0, 7)}-01`;

export const endOfMonth = (date: LocalDate): LocalDate => {
  const [y, m] = date.split('-').map(Number);
  return fromEpochDay(Date.UTC(y, m, 1) / DAY_MS - 1);
};
