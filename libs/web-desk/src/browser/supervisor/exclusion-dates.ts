const DAY_MS = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');
/** The reader's calendar day, as a date input holds it. */
const localDate = (ms: number): string => {
  const day = new Date(ms);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
};

/**
 * The days an exclusion may end on: from tomorrow to a day within the concept's maximum, so that the end of
 * that day still fits; suggested: three months, or the maximum when it is shorter.
 */
export const exclusionDateBounds = (maxDays: number, nowMs: number = Date.now()) => ({
  min: localDate(nowMs + DAY_MS),
  max: localDate(nowMs + (maxDays - 1) * DAY_MS),
  suggested: localDate(nowMs + Math.min(90, maxDays - 1) * DAY_MS),
});

/** The end of the chosen day, in the reader's time zone. */
export const endOfDay = (day: string): string => new Date(`${day}T23:59:59`).toISOString();
