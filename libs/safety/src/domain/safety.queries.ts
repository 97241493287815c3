import type { Exclusion, SafetyState } from './safety.state';

const appliesAt = (exclusion: Exclusion, at: number): boolean =>
  exclusion.status === 'in-force' && Date.parse(exclusion.startsAt) <= at && Date.parse(exclusion.endsAt) > at;

/** Exclusions that apply at `now`: in force and not yet past their end, even if ExclusionExpired is not recorded yet. */
export const exclusionsInForce = (state: SafetyState, now: string): Exclusion[] => {
  const at = Date.parse(now);
  return Object.values(state.exclusions).filter((exclusion) => appliesAt(exclusion, at));
};

/** The exclusion that keeps the customer from `channel` at `now`; when several do, the one that lasts longest. */
export const exclusionInForce = (state: SafetyState, channel: string, now: string): Exclusion | undefined =>
  exclusionsInForce(state, now)
    .filter((exclusion) => exclusion.channels.includes(channel))
    .sort((a, b) => Date.parse(b.endsAt) - Date.parse(a.endsAt))[0];

export type Eligibility =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly reason: string;
      /** What the customer can use instead; channels excluded by another exclusion left out. */
      readonly alternatives: readonly string[];
      readonly exclusionId: string;
      readonly endsAt: string;
    };

/** May the customer use `channel` at `now`? */
export const eligibility = (state: SafetyState, channel: string, now: string): Eligibility => {
  const exclusion = exclusionInForce(state, channel, now);
  if (!exclusion) return { allowed: true };
  const excluded = new Set(exclusionsInForce(state, now).flatMap((other) => other.channels));
  return {
    allowed: false,
    reason: exclusion.reason,
    alternatives: exclusion.alternatives.filter((alternative) => !excluded.has(alternative)),
    exclusionId: exclusion.exclusionId,
    endsAt: exclusion.endsAt,
  };
};
