import type { ContactEnded, JourneyEvent } from '@regie/journey';
import { measurementSettings, type MeasuredConcept } from '../concept/measured-concept';
import { localDay } from '../time/zoned-time';
import { addRevision, settingsAt, type ConceptTimeline } from './concept-timeline';
import { instantOf, projectionName, type MeasurementProjection } from './projection';
import { isConceptRevised, isJourneyEvent, STREAM_PREFIXES } from './recorded-events';
import { addToTally, type Counters, type Tally } from './tally';

/**
 * Counters per local day × channel: `started` (channel mix and shift), one per outcome
 * (abandonment), `handled` + `handlingSeconds` (AHT), and the service-level verdict of each wait:
 * `waitMet`, `waitMissed`, `waitAbandoned`, `waitShortAbandoned`. How abandons count is applied
 * per period when queried, so the rule can change without a rebuild.
 */
export type ContactCounter =
  | 'started'
  | ContactEnded['data']['outcome']
  | 'handled'
  | 'handlingSeconds'
  | 'waitMet'
  | 'waitMissed'
  | 'waitAbandoned'
  | 'waitShortAbandoned';

/** A wait is judged against the target wait in force when the contact ended. */
export interface WaitRules {
  readonly targetWaitSeconds: Readonly<Record<string, number>>;
  readonly shortAbandonSeconds: number;
}

export interface ContactActivity {
  readonly timeZone: string;
  readonly concept: ConceptTimeline<WaitRules>;
  readonly days: Tally;
}

const waitRules = (concept: MeasuredConcept): WaitRules => ({
  targetWaitSeconds: Object.fromEntries(
    Object.entries(concept.serviceLevels).map(([channel, level]) => [channel, level.targetWaitSeconds]),
  ),
  shortAbandonSeconds: measurementSettings(concept).shortAbandonSeconds,
});

const waitVerdict = (rules: WaitRules | undefined, ended: ContactEnded['data']): ContactCounter | undefined => {
  const target = rules?.targetWaitSeconds[ended.channel];
  if (rules === undefined || target === undefined || ended.waitSeconds === undefined) return undefined;
  if (ended.outcome === 'abandoned') return ended.waitSeconds <= rules.shortAbandonSeconds ? 'waitShortAbandoned' : 'waitAbandoned';
  return ended.waitSeconds <= target ? 'waitMet' : 'waitMissed';
};

const endedCounters = (state: ContactActivity, ended: ContactEnded['data']): Partial<Record<ContactCounter, number>> => {
  const verdict = waitVerdict(settingsAt(state.concept, instantOf(ended.occurredAt)), ended);
  return {
    [ended.outcome]: 1,
    ...(ended.handlingSeconds !== undefined && { handled: 1, handlingSeconds: ended.handlingSeconds }),
    ...(verdict && { [verdict]: 1 }),
  };
};

const counted = (state: ContactActivity, event: JourneyEvent, counters: Counters): ContactActivity => {
  const day = localDay(instantOf(event.data.occurredAt), state.timeZone);
  return { ...state, days: addToTally(state.days, day, event.data.channel, counters) };
};

/** What a started contact counts: the same object every time. */
const STARTED: Counters = Object.freeze({ started: 1 });

const evolveJourney = (state: ContactActivity, event: JourneyEvent): ContactActivity => {
  switch (event.type) {
    case 'ContactStarted':
      return counted(state, event, STARTED);
    case 'ContactEnded':
      return counted(state, event, endedCounters(state, event.data));
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

export const contactActivityProjection = (timeZone: string): MeasurementProjection<ContactActivity> => ({
  name: projectionName('contacts', timeZone),
  streamPrefixes: [STREAM_PREFIXES.journey, STREAM_PREFIXES.concept],
  initialState: () => ({ timeZone, concept: [], days: {} }),
  evolve: (state, recorded) => {
    if (isJourneyEvent(recorded)) return evolveJourney(state, recorded);
    if (isConceptRevised(recorded)) return { ...state, concept: addRevision(state.concept, recorded.data, waitRules) };
    return state;
  },
});
