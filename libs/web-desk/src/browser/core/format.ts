import { language } from './i18n';

/**
 * Formatters made once per language and options: making an Intl formatter costs far more than formatting
 * with it, and a dashboard formats thousands of figures.
 */
const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const madeOnce = <F extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, lang: string, options: object, make: () => F): F => {
  const key = `${kind} ${lang} ${JSON.stringify(options)}`;
  let formatter = made.get(key) as F | undefined;
  if (!formatter) made.set(key, (formatter = make()));
  return formatter;
};

export const numberFormat = (lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  madeOnce('number', lang, options, () => new Intl.NumberFormat(lang, options));

export const dateFormat = (lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  madeOnce('date', lang, options, () => new Intl.DateTimeFormat(lang, options));

export const dateTime = (iso: string | undefined): string =>
  iso ? dateFormat(language(), { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso)) : '—';

export const date = (iso: string | undefined): string =>
  iso ? dateFormat(language(), { dateStyle: 'medium' }).format(new Date(iso)) : '—';

/** 75 → "1 min 15 s"; 4000 → "1 h 6 min". */
export const duration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
};

export const secondsSince = (iso: string, nowMs: number = Date.now()): number => (nowMs - Date.parse(iso)) / 1000;
