import type { ContactEnded, ContactStarted, JourneyEvent } from '@regie/domain';
import { addLocalDays, localDay } from '../time/zoned-time';
import { addRevision, settingsAt, type ConceptTimeline } from './concept-timeline';
import { advanceClock, crossedHour, DAY_MS, instantOf, projectionName, type MeasurementProjection, type ProjectedEvent } from './projection';
import { classify, STREAM_PREFIXES } from './recorded-events';
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
  readonly topics: Readonly<Record<string, { readonly topic: string; readonly startedAt: number }>>;
  readonly pending: Readonly<Record<string, readonly PendingContact[]>>;
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
  const waiting = state.pending[customerId] ?? [];
  const decided = waiting.map((contact) => [contact, verdict(contact)] as const);
  const settled = decided.reduce((next, [contact, counter]) => (counter ? settle(next, contact, counter) : next), state);
  const still = decided.filter(([, counter]) => counter === undefined).map(([contact]) => contact);
  const { [customerId]: _, ...others } = settled.pending;
  return { ...settled, pending: still.length > 0 ? { ...others, [customerId]: still } : others };
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
  return { ...settled, topics: { ...settled.topics, [key(started.customerId, started.contactId)]: { topic: started.topic, startedAt: at } } };
};

const onEnded = (state: FirstContactResolution, ended: ContactEnded['data'], at: number): FirstContactResolution => {
  const { [key(ended.customerId, ended.contactId)]: open, ...topics } = state.topics;
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
  return { ...state, topics, pending: { ...state.pending, [ended.customerId]: [...(state.pending[ended.customerId] ?? []), contact] } };
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

/** One pass over everything pending: settling customer by customer would copy `pending` once per customer. */
const forget = (state: FirstContactResolution): FirstContactResolution => {
  let days = state.days;
  const pending: Record<string, readonly PendingContact[]> = {};
  for (const [customerId, contacts] of Object.entries(state.pending)) {
    const still = contacts.filter((contact) => {
      if (contact.windowEndsAt + LATE_REPEAT_MS >= state.clock) return true;
      days = addToTally(days, localDay(contact.endedAt, state.timeZone), contact.channel, { [windowPassed(contact)]: 1 });
      return false;
    });
    if (still.length > 0) pending[customerId] = still;
  }
  const topics = Object.fromEntries(Object.entries(state.topics).filter(([, open]) => open.startedAt + OPEN_CONTACT_MS >= state.clock));
  return { ...state, days, pending, topics };
};

const evolve = (state: FirstContactResolution, recorded: ProjectedEvent): FirstContactResolution => {
  const measured = classify(recorded);
  if (measured.stream === 'concept') return { ...state, concept: addRevision(state.concept, measured.event.data, (c) => c.kpiTargets.fcr.windowDays) };
  if (measured.stream !== 'journey') return state;
  const at = instantOf(measured.event.data.occurredAt);
  const next = evolveJourney({ ...state, clock: advanceClock(state.clock, at, recorded.recordedAt) }, measured.event, at);
  return crossedHour(state.clock, next.clock) ? forget(next) : next;
};

export const fcrProjection = (timeZone: string): MeasurementProjection<FirstContactResolution> => ({
  name: projectionName('fcr', timeZone),
  streamPrefixes: [STREAM_PREFIXES.journey, STREAM_PREFIXES.concept],
  initialState: () => ({ timeZone, clock: 0, concept: [], topics: {}, pending: {}, days: {} }),
  evolve,
});
