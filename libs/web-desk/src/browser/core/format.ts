import { language } from './i18n';

export const dateTime = (iso: string | undefined): string =>
  iso ? new Intl.DateTimeFormat(language(), { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso)) : '—';

export const date = (iso: string | undefined): string =>
  iso ? new Intl.DateTimeFormat(language(), { dateStyle: 'medium' }).format(new Date(iso)) : '—';

/** 75 → "1 min 15 s"; 4000 → "1 h 6 min". */
export const duration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
};

export const secondsSince = (iso: string, nowMs: number = Date.now()): number => (nowMs - Date.parse(iso)) / 1000;
