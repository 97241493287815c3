import type { JourneyEvent } from '@regie/journey';
import { localDay } from '../time/zoned-time';
import { advanceClock, sweepDue, DAY_MS, instantOf, projectionName, type MeasurementProjection, type ProjectedEvent } from './projection';
import { isCaseEvent, isJourneyEvent, STREAM_PREFIXES } from './recorded-events';
import {
  emptyRecord,
  getEntry,
  removeEntriesOfCustomer,
  removeEntry,
  setEntry,
  updateEntries,
  type BucketedRecord,
} from './bucketed-record';
import { addToTally, type Tally } from './tally';

/**
 * Counters per local day × channel: `ended` contacts and those `contained` — no case was opened
 * from them and no handoff requested. Kept for every channel; bot containment sums the concept's
 * bot channels when queried.
 */
export type ContainmentCounter = 'ended' | 'contained';

export interface BotContainment {
  readonly timeZone: string;
  /** Latest event time seen: the projection's clock for forgetting. */
  readonly clock: number;
  /** Contacts a handoff or case reached before they ended: key → when. */
  readonly escalated: BucketedRecord<number>;
  /** Contained contacts of the last day: a case the escalation saga opens just after the end still counts. */
  readonly recent: BucketedRecord<{ readonly day: string; readonly channel: string; readonly endedAt: number }>;
  readonly days: Tally;
}

/** A case is opened within seconds of its trigger; a day is ample. A contact left open is forgotten after 30. */
const LATE_CASE_MS = DAY_MS;
const OPEN_CONTACT_MS = 30 * DAY_MS;

const contactKey = (customerId: string, contactId: string): string => `${customerId}/${contactId}`;

const escalate = (state: BotContainment, key: string, at: number): BotContainment => {
  const ended = getEntry(state.recent, key);
  if (!ended) return { ...state, escalated: setEntry(state.escalated, key, at) };
  return { ...state, recent: removeEntry(state.recent, key), days: addToTally(state.days, ended.day, ended.channel, { contained: -1 }) };
};

const end = (state: BotContainment, key: string, at: number, channel: string): BotContainment => {
  const day = localDay(at, state.timeZone);
  if (getEntry(state.escalated, key) !== undefined) {
    return { ...state, escalated: removeEntry(state.escalated, key), days: addToTally(state.days, day, channel, { ended: 1 }) };
  }
  return {
    ...state,
    recent: setEntry(state.recent, key, { day, channel, endedAt: at }),
    days: addToTally(state.days, day, channel, { ended: 1, contained: 1 }),
  };
};

const forget = (state: BotContainment): BotContainment => ({
  ...state,
  escalated: updateEntries(state.escalated, (at) => (at + OPEN_CONTACT_MS >= state.clock ? at : undefined)),
  recent: updateEntries(state.recent, (ended) => (ended.endedAt + LATE_CASE_MS >= state.clock ? ended : undefined)),
});

const evolveJourney = (state: BotContainment, event: JourneyEvent, at: number): BotContainment => {
  const key = contactKey(event.data.customerId, event.data.contactId);
  switch (event.type) {
    case 'HandoffRequested':
      return escalate(state, key, at);
    case 'ContactEnded':
      return end(state, key, at, event.data.channel);
    case 'ContactStarted':
    case 'BotFallbackOccurred':
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

const evolve = (state: BotContainment, recorded: ProjectedEvent): BotContainment => {
  let next = state;
  if (isJourneyEvent(recorded)) {
    const at = instantOf(recorded.data.occurredAt);
    next = evolveJourney({ ...state, clock: advanceClock(state.clock, at, recorded.recordedAt) }, recorded, at);
  } else if (isCaseEvent(recorded) && recorded.type === 'CaseOpened') {
    const { customerId, context, openedAt } = recorded.data;
    const at = instantOf(openedAt);
    const clock = advanceClock(state.clock, at, recorded.recordedAt);
    next = escalate({ ...state, clock }, contactKey(customerId, context.fromContactId), at);
  }
  return sweepDue(state.clock, next.clock) ? forget(next) : next;
};

export const botContainmentProjection = (timeZone: string): MeasurementProjection<BotContainment> => ({
  name: projectionName('containment', timeZone),
  streamPrefixes: [STREAM_PREFIXES.journey, STREAM_PREFIXES.case],
  initialState: () => ({ timeZone, clock: 0, escalated: emptyRecord(), recent: emptyRecord(), days: {} }),
  evolve,
  forgetCustomer: (state, customerId) => ({
    ...state,
    escalated: removeEntriesOfCustomer(state.escalated, customerId),
    recent: removeEntriesOfCustomer(state.recent, customerId),
  }),
});
