/** The journey retention: a customer whose last contact is this long ago is erased, as on request. */
const DAY_MS = 86_400_000;

/** When the last contact was, from the journey events seen (their `occurredAt`); a later event moves it on. */
export const lastContactAfter = (previous: number | undefined, occurredAt: unknown): number | undefined => {
  const at = typeof occurredAt === 'string' ? Date.parse(occurredAt) : Number.NaN;
  if (Number.isNaN(at)) return previous;
  return previous === undefined ? at : Math.max(previous, at);
};

/** `journeyDays` undefined: the concept sets no journey retention, nothing is erased on time. */
export const retentionPassed = (lastContact: number, now: number, journeyDays: number | undefined): boolean =>
  journeyDays !== undefined && lastContact + journeyDays * DAY_MS <= now;
