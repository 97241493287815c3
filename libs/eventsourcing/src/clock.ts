/**
 * Where the present comes from. Deciders never ask: time arrives in their commands. Handlers and
 * processes ask the clock they are given, so tests move time instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

let lastTime = Number.NaN;
let lastText = '';

/**
 * `date.toISOString()`, kept for the last time asked: processes ask once per event, mostly within one millisecond,
 * and making the text took about 0.7 µs of each event's time in the escalation processor.
 */
export const isoText = (date: Date): string => {
  const time = date.getTime();
  if (time !== lastTime) {
    lastText = date.toISOString(); // an invalid date throws here, as it always did
    lastTime = time;
  }
  return lastText;
};

/** The decimal digit at `at`, or NaN where there is none. */
const digit = (text: string, at: number): number => {
  const value = text.charCodeAt(at) - 48;
  return value >= 0 && value <= 9 ? value : Number.NaN;
};

/** Two decimal digits at `at`, or NaN where either is not a digit. */
const twoDigits = (text: string, at: number): number => digit(text, at) * 10 + digit(text, at + 1);

const DAY_MS = 86_400_000;

/** Days from 1970-01-01 to a day of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
};

/**
 * `Date.parse(text)`, read directly for the form `Date.toISOString()` writes (`2026-01-01T09:30:00.000Z`) on the
 * days every month has (1–28); any other text goes to Date.parse. An event's time is read this way by each
 * read model and process it reaches: 25 ns against Date.parse's 150 (micro-benchmark), which was a tenth of
 * the KPI projections' time.
 */
export const instantOf = (text: string): number => {
  if (
    typeof text !== 'string' || // an event of a shape before its time was required: NaN, as Date.parse gives
    text.length !== 24 ||
    text.charCodeAt(23) !== 90 || // Z
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 46 // .
  ) {
    return Date.parse(text);
  }
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  const millis = twoDigits(text, 20) * 10 + digit(text, 22);
  // NaN (a non-digit) fails every range check below, and goes to Date.parse with the rest.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour <= 23 && minute <= 59 && second <= 59 && millis >= 0)) {
    return Date.parse(text);
  }
  return daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1_000 + millis;
};
