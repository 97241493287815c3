import type { CaseEvent } from '@regie/cases';
import { measurementSettings, type MeasuredConcept } from '../concept/measured-concept';
import { localDay } from '../time/zoned-time';
import { addRevision, settingsAt, type ConceptTimeline } from './concept-timeline';
import { instantOf, projectionName, type MeasurementProjection, type ProjectedEvent } from './projection';
import { isCaseEvent, isConceptRevised, STREAM_PREFIXES } from './recorded-events';
import { emptyRecord, getEntry, removeEntry, setEntry, type BucketedRecord } from './bucketed-record';
import { addToTally, type Tally } from './tally';

/**
 * Regie's own queues: how long a case waited from opened to assigned. Counters per local day the
 * wait ended × the channel the case was opened in: `caseMet` (assigned by its service-level due
 * time), `caseMissed`, `caseAbandoned` and `caseShortAbandoned` (abandoned while queued, after or
 * within `shortAbandonSeconds`). An overflowed case stays judged against its first queue's promise,
 * the one it broke.
 */
export type CaseQueueCounter = 'caseMet' | 'caseMissed' | 'caseAbandoned' | 'caseShortAbandoned';

export interface QueuedCase {
  readonly channel: string;
  readonly openedAt: number;
  readonly dueAt: number;
}

export interface CaseQueue {
  readonly timeZone: string;
  /** `shortAbandonSeconds` per revision. */
  readonly concept: ConceptTimeline<number>;
  /** Cases waiting for an agent whose channel has a service level. */
  readonly queued: BucketedRecord<QueuedCase>;
  readonly days: Tally;
}

const waitEnded = (state: CaseQueue, caseId: string, at: number, verdict: (queued: QueuedCase) => CaseQueueCounter): CaseQueue => {
  const queued = getEntry(state.queued, caseId);
  if (!queued) return state;
  const days = addToTally(state.days, localDay(at, state.timeZone), queued.channel, { [verdict(queued)]: 1 });
  return { ...state, queued: removeEntry(state.queued, caseId), days };
};

const evolveCase = (state: CaseQueue, event: CaseEvent): CaseQueue => {
  switch (event.type) {
    case 'CaseOpened': {
      const { caseId, channel, openedAt, serviceLevelDueAt } = event.data;
      if (serviceLevelDueAt === undefined) return state;
      const queued: QueuedCase = { channel, openedAt: instantOf(openedAt), dueAt: instantOf(serviceLevelDueAt) };
      return { ...state, queued: setEntry(state.queued, caseId, queued) };
    }
    case 'CaseAssigned': {
      const at = instantOf(event.data.assignedAt);
      return waitEnded(state, event.data.caseId, at, (queued) => (at <= queued.dueAt ? 'caseMet' : 'caseMissed'));
    }
    case 'CaseAbandoned': {
      const at = instantOf(event.data.abandonedAt);
      const short = settingsAt(state.concept, at) ?? measurementSettings(undefined).shortAbandonSeconds;
      return waitEnded(state, event.data.caseId, at, (queued) =>
        at - queued.openedAt <= short * 1000 ? 'caseShortAbandoned' : 'caseAbandoned',
      );
    }
    case 'ServiceLevelBreached':
    case 'CaseOverflowed':
    case 'CaseEscalated':
    case 'CaseResolved':
      return state;
    default: {
      const _: never = event;
      return state;
    }
  }
};

const evolve = (state: CaseQueue, recorded: ProjectedEvent): CaseQueue => {
  if (isCaseEvent(recorded)) return evolveCase(state, recorded);
  if (isConceptRevised(recorded)) {
    const shortAbandonSeconds = (concept: MeasuredConcept) => measurementSettings(concept).shortAbandonSeconds;
    return { ...state, concept: addRevision(state.concept, recorded.data, shortAbandonSeconds) };
  }
  return state;
};

export const caseQueueProjection = (timeZone: string): MeasurementProjection<CaseQueue> => ({
  name: projectionName('case-queue', timeZone),
  streamPrefixes: [STREAM_PREFIXES.case, STREAM_PREFIXES.concept],
  initialState: () => ({ timeZone, concept: [], queued: emptyRecord(), days: {} }),
  evolve,
});
