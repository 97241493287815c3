import type { ContactEnded, ContactStarted, JourneyEvent } from '@regie/journey';
import { addLocalDays, localDay } from '../time/zoned-time';
import { addRevision, settingsAt, type ConceptTimeline } from './concept-timeline';
import { advanceClock, sweepDue, DAY_MS, instantOf, projectionName, type MeasurementProjection, type ProjectedEvent } from './projection';
import { isConceptRevised, isJourneyEvent, STREAM_PREFIXES } from './recorded-events';
import {
  emptyRecord,
  entriesOf,
  getEntry,
  removeEntriesOfCustomer,
  removeEntry,
  setEntry,
  updateEntries,
  type BucketedRecord,
} from './bucketed-record';
import { addToTally, type Tally } from './tally';

/**
 * First-contact resolution. Counters per local day the contact ended × its channel, once its
 * window is settled: `fcrResolved`, `fcrRepeated` (resolved, but the customer came back about the
 * same topic within the window), `fcrUnresolved` (unresolved or abandoned). Transferred contacts
 * are left out. Until settled a contact waits in `pending`, the only per-contact memory kept.
 */
export type FcrCounter = 'fcrResolved' | 'fcrRepeated' | 'fcrUnresolved';

export interface PendingContact {
  readonly contactId: string;
  readonly channel: string;
  readonly endedAt: number;
  /** The same wall-clock time `fcr.windowDays` local days after the end. */
  readonly windowEndsAt: number;
  readonly resolved: boolean;
  readonly topic?: string;
}

export interface FirstContactResolution {
  readonly timeZone: string;
  readonly clock: number;
  /** `fcr.windowDays` per revision. */
  readonly concept: ConceptTimeline<number>;
  /** Topics of contacts still open, `customer/contact` → topic; contacts without one are not kept. */
  readonly topics: BucketedRecord<{ readonly topic: string; readonly startedAt: number }>;
  /** customer → their contacts whose window is still open. */
  readonly pending: BucketedRecord<readonly PendingContact[]>;
  readonly days: Tally;
}

/** The example concept's window, for contacts that end before any revision is recorded. */
const DEFAULT_WINDOW_DAYS = 7;
/** A repeat contact recorded up to a day after the window closed still counts; later ones are too late. */
const LATE_REPEAT_MS = DAY_MS;
const OPEN_CONTACT_MS = 30 * DAY_MS;

const key = (customerId: string, contactId: string): string => `${customerId}/${contactId}`;

/** A contact without a topic matches any topic. */
const sameTopic = (a: string | undefined, b: string | undefined): boolean => a === undefined || b === undefined || a === b;

const settle = (state: FirstContactResolution, contact: PendingContact, counter: FcrCounter): FirstContactResolution => ({
  ...state,
  days: addToTally(state.days, localDay(contact.endedAt, state.timeZone), contact.channel, { [counter]: 1 }),
});

const settleWhere = (
  state: FirstContactResolution,
  customerId: string,
  verdict: (contact: PendingContact) => FcrCounter | undefined,
): FirstContactResolution => {
  const waiting = getEntry(state.pending, customerId);
  // Most contacts start with nothing of their customer's pending: no arrays for them.
  if (waiting === undefined || waiting.length === 0) return state;
  const decided = waiting.map((contact) => [contact, verdict(contact)] as const);
  if (decided.every(([, counter]) => counter === undefined)) return state;
  const settled = decided.reduce((next, [contact, counter]) => (counter ? settle(next, contact, counter) : next), state);
  const still = decided.filter(([, counter]) => counter === undefined).map(([contact]) => contact);
  const pending = still.length > 0 ? setEntry(settled.pending, customerId, still) : removeEntry(settled.pending, customerId);
  return { ...settled, pending };
};

const windowPassed = (contact: PendingContact): FcrCounter => (contact.resolved ? 'fcrResolved' : 'fcrUnresolved');

const onStarted = (state: FirstContactResolution, started: ContactStarted['data'], at: number): FirstContactResolution => {
  const settled = settleWhere(state, started.customerId, (contact) => {
    if (contact.contactId === started.contactId) return undefined;
    if (at > contact.windowEndsAt) return windowPassed(contact);
    const repeats = contact.resolved && at >= contact.endedAt && sameTopic(contact.topic, started.topic);
    return repeats ? 'fcrRepeated' : undefined;
  });
  if (started.topic === undefined) return settled;
  const open = { topic: started.topic, startedAt: at };
  return { ...settled, topics: setEntry(settled.topics, key(started.customerId, started.contactId), open) };
};

const onEnded = (state: FirstContactResolution, ended: ContactEnded['data'], at: number): FirstContactResolution => {
  const open = getEntry(state.topics, key(ended.customerId, ended.contactId));
  const topics = removeEntry(state.topics, key(ended.customerId, ended.contactId));
  if (ended.outcome === 'transferred') return { ...state, topics };
  const windowDays = settingsAt(state.concept, at) ?? DEFAULT_WINDOW_DAYS;
  const contact: PendingContact = {
    contactId: ended.contactId,
    channel: ended.channel,
    endedAt: at,
    windowEndsAt: addLocalDays(at, windowDays, state.timeZone),
    resolved: ended.outcome === 'resolved',
    ...(open && { topic: open.topic }),
  };
  const waiting = getEntry(state.pending, ended.customerId) ?? [];
  return { ...state, topics, pending: setEntry(state.pending, ended.customerId, [...waiting, contact]) };
};

const evolveJourney = (state: FirstContactResolution, event: JourneyEvent, at: number): FirstContactResolution => {
  switch (event.type) {
    case 'ContactStarted':
      return onStarted(state, event.data, at);
    case 'ContactEnded':
      return onEnded(state, event.data, at);
    case 'BotFallbackOccurred':
    case 'HandoffRequested':
    case 'SentimentObserved':
    case 'TaskCompleted':
    case 'TaskFailed':
    case 'VideoRequested':
    case 'SurveyAnswered':
    case 'AssistanceOffered':
    case 'AccessDenied':
      return state;
    default: {
      const _: never = event;
      return state;
    }
  }
};

/** Settles every contact whose window closed a while ago, in one pass over what is pending. */
const forget = (state: FirstContactResolution): FirstContactResolution => {
  const closed = (contact: PendingContact): boolean => contact.windowEndsAt + LATE_REPEAT_MS < state.clock;
  const { days } = entriesOf(state.pending)
    .flatMap(([, contacts]) => contacts.filter(closed))
    .reduce((next, contact) => settle(next, contact, windowPassed(contact)), state);
  const pending = updateEntries(state.pending, (contacts) => {
    const open = contacts.filter((contact) => !closed(contact));
    if (open.length === contacts.length) return contacts;
    return open.length > 0 ? open : undefined;
  });
  const topics = updateEntries(state.topics, (open) => (open.startedAt + OPEN_CONTACT_MS >= state.clock ? open : undefined));
  return { ...state, days, pending, topics };
};

const evolve = (state: FirstContactResolution, recorded: ProjectedEvent): FirstContactResolution => {
  if (isConceptRevised(recorded)) {
    return { ...state, concept: addRevision(state.concept, recorded.data, (concept) => concept.kpiTargets.fcr.windowDays) };
  }
  if (!isJourneyEvent(recorded)) return state;
  const at = instantOf(recorded.data.occurredAt);
  const next = evolveJourney({ ...state, clock: advanceClock(state.clock, at, recorded.recordedAt) }, recorded, at);
  return sweepDue(state.clock, next.clock) ? forget(next) : next;
};

export const fcrProjection = (timeZone: string): MeasurementProjection<FirstContactResolution> => ({
  name: projectionName('fcr', timeZone),
  streamPrefixes: [STREAM_PREFIXES.journey, STREAM_PREFIXES.concept],
  initialState: () => ({ timeZone, clock: 0, concept: [], topics: emptyRecord(), pending: emptyRecord(), days: {} }),
  evolve,
  forgetCustomer: (state, customerId) => ({
    ...state,
    topics: removeEntriesOfCustomer(state.topics, customerId),
    pending: removeEntry(state.pending, customerId),
  }),
});
