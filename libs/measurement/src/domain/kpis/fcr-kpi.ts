import type { MeasuredConcept } from '../concept/measured-concept';
import { entriesOf } from '../projections/bucketed-record';
import type { FirstContactResolution } from '../projections/fcr.projection';
import { count, type Counters } from '../projections/tally';
import type { LocalDate } from '../time/calendar';
import { localDay } from '../time/zoned-time';
import { atLeast, ratio, type Kpi } from './kpi';

export interface FcrKpi extends Kpi {
  /** Contacts that ended in the period whose window is still open: not yet counted either way. */
  readonly pending: number;
}

/** A contact the projection has not settled yet, placed on the local day it ended. */
export interface UnsettledContact {
  readonly day: LocalDate;
  readonly channel: string;
  readonly windowEndsAt: number;
  readonly resolved: boolean;
}

export const unsettledContacts = (fcr: FirstContactResolution): UnsettledContact[] =>
  entriesOf(fcr.pending).flatMap(([, contacts]) =>
    contacts.map((contact) => ({
      day: localDay(contact.endedAt, fcr.timeZone),
      channel: contact.channel,
      windowEndsAt: contact.windowEndsAt,
      resolved: contact.resolved,
    })),
  );

/**
 * Settled contacts from the counters, plus the unsettled ones whose window has passed by `asOf`:
 * no repeat came within it (a repeat would have settled them), so a resolved one counts as
 * first-contact resolved. The rest are `pending`.
 */
export const fcrKpi = (
  counters: Counters,
  unsettled: readonly UnsettledContact[],
  asOf: number,
  concept: MeasuredConcept | undefined,
): FcrKpi => {
  const passed = unsettled.filter((contact) => contact.windowEndsAt < asOf);
  const resolved = count(counters, 'fcrResolved') + passed.filter((contact) => contact.resolved).length;
  const counted = count(counters, 'fcrResolved') + count(counters, 'fcrRepeated') + count(counters, 'fcrUnresolved') + passed.length;
  return { ...ratio(resolved, counted, atLeast(concept?.kpiTargets.fcr.min)), pending: unsettled.length - passed.length };
};
