/**
 * One figure against its target. `no-target` is for figures the concept sets no target for
 * (channel mix, abandonment): neither met nor missed, but not without data either.
 */
export type KpiStatus = 'met' | 'missed' | 'no-data' | 'no-target';

export interface Kpi {
  readonly value: number | null;
  /** What the value was computed from: responses, contacts, cases. */
  readonly n: number;
  readonly target: number | null;
  readonly status: KpiStatus;
}

/** `min`: met at or above the target; `max`: met at or below it (AHT, channel shift). */
export interface Target {
  readonly value: number;
  readonly kind: 'min' | 'max';
}

export const atLeast = (value: number | undefined): Target | undefined => (value === undefined ? undefined : { value, kind: 'min' });
export const atMost = (value: number | undefined): Target | undefined => (value === undefined ? undefined : { value, kind: 'max' });

/** Four decimals, and never −0 (it would print as "-0" in CSV). */
export const round4 = (value: number): number => Math.round(value * 10_000) / 10_000 + 0;

const statusOf = (value: number, target: Target | undefined): KpiStatus => {
  if (!target) return 'no-target';
  return (target.kind === 'min' ? value >= target.value : value <= target.value) ? 'met' : 'missed';
};

/** A figure from `n` observations; none (or no computable value) is `no-data`, judged against nothing. */
export const kpi = (value: number | undefined, n: number, target: Target | undefined): Kpi => {
  const targetValue = target?.value ?? null;
  if (n === 0 || value === undefined || !Number.isFinite(value)) return { value: null, n, target: targetValue, status: 'no-data' };
  const rounded = round4(value);
  return { value: rounded, n, target: targetValue, status: statusOf(rounded, target) };
};

export const ratio = (numerator: number, denominator: number, target: Target | undefined): Kpi =>
  kpi(denominator === 0 ? undefined : numerator / denominator, denominator, target);
