import { atMost, kpi, ratio, type Kpi } from './kpi';

/** A count is never unknown: no contacts is 0, reported as `no-data` like every figure with n = 0. */
export const contactsKpi = (started: number): Kpi => ({
  value: started,
  n: started,
  target: null,
  status: started === 0 ? 'no-data' : 'no-target',
});

export const shareKpi = (started: number, total: number): Kpi => ratio(started, total, undefined);

export interface ContactsPerDay {
  readonly contacts: number;
  readonly days: number;
}

/**
 * (contacts per day in the period − per day in the baseline) / per day in the baseline. `n` is the
 * baseline's contacts: without them there is nothing to shift from. The target is a maximum
 * (−0.05 is met by a drop of 5 % or more).
 */
export const shiftKpi = (period: ContactsPerDay, baseline: ContactsPerDay | undefined, target: number | undefined): Kpi => {
  if (!baseline || baseline.contacts === 0 || baseline.days <= 0 || period.days <= 0) return kpi(undefined, 0, atMost(target));
  const before = baseline.contacts / baseline.days;
  return kpi((period.contacts / period.days - before) / before, baseline.contacts, atMost(target));
};
