import { instantOf } from '@regie/eventsourcing';

/** The journey retention: a customer whose last contact is this long ago is erased, as on request. */
const DAY_MS = 86_400_000;

/** When the last contact was, from the journey events seen (their `occurredAt`); a later event moves it on. */
export const lastContactAfter = (previous: number | undefined, occurredAt: unknown): number | undefined => {
  const at = typeof occurredAt === 'string' ? instantOf(occurredAt) : Number.NaN;
  if (Number.isNaN(at)) return previous;
  return previous === undefined ? at : Math.max(previous, at);
};

/**
 * The retention has passed at `now` for a last contact at or before this (journeyDays after it); undefined when
 * the concept sets no journey retention: nothing is erased on time.
 */
export const retentionCutoff = (now: number, journeyDays: number | undefined): number | undefined =>
  journeyDays === undefined ? undefined : now - journeyDays * DAY_MS;
