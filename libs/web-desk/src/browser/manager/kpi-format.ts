import { duration, numberFormat } from '../core/format';
import type { GapVerdict, KpiFigure, KpiName, KpiStatus } from './kpi-types';

/** How a KPI's value reads: a score, a share (0–1, shown in %), seconds, a count, or a change (a signed share). */
export type KpiKind = 'score' | 'share' | 'seconds' | 'count' | 'change';

export const KPI_KINDS: Readonly<Record<KpiName, KpiKind>> = {
  csat: 'score',
  nps: 'score',
  csi: 'score',
  fcr: 'share',
  botContainment: 'share',
  aht: 'seconds',
  serviceLevel: 'share',
  caseServiceLevel: 'share',
  abandonment: 'share',
  contacts: 'count',
  share: 'share',
  shift: 'change',
};

/** The concept's AHT and shift targets are maxima (DESIGN §7); every other target is a minimum. */
export const targetIsMaximum = (kpi: KpiName): boolean => kpi === 'aht' || kpi === 'shift';

export const formatValue = (kpi: KpiName, value: number | null, lang: string): string => {
  if (value === null) return '—';
  switch (KPI_KINDS[kpi]) {
    case 'score':
      return numberFormat(lang, { maximumFractionDigits: 1 }).format(value);
    case 'share':
      return numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'change':
      return numberFormat(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
    case 'seconds':
      return duration(value);
    case 'count':
      return numberFormat(lang, { maximumFractionDigits: 0 }).format(value);
  }
};

/**
 * A figure of each kind formatted once, so that the number formatters are made while the page waits for its
 * figures: the first `Intl.NumberFormat` of a page costs 10–25 ms (the locale's data), the others next to nothing.
 */
export const prepareFormats = (lang: string): void => {
  for (const kpi of ['csat', 'fcr', 'shift', 'contacts'] as const) formatValue(kpi, 0, lang);
};

/** "≥ 7", "≤ 5 min 0 s": the target with its direction, or nothing when the concept sets none. */
export const formatTarget = (kpi: KpiName, figure: KpiFigure, lang: string): string | undefined =>
  figure.target === null ? undefined : `${targetIsMaximum(kpi) ? '≤' : '≥'} ${formatValue(kpi, figure.target, lang)}`;

/** A symbol beside the status text, so that the status never rests on colour alone. */
export const STATUS_SYMBOLS: Readonly<Record<KpiStatus, string>> = { met: '✓', missed: '✗', 'no-data': '–', 'no-target': '·' };

export const VERDICT_SYMBOLS: Readonly<Record<GapVerdict, string>> = { confirmed: '✓', gap: '✗', opportunity: '+', unmeasured: '?' };
