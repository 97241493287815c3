import { surveyRequestFor, type ServiceConcept } from '@regie/concept';
import type { AccessDenied, AssistanceOffered, ContactEnded } from '@regie/journey';
import type { CaseEvent, CaseOpened } from '../../domain/case/case.events';
import type { ExclusionRegistered } from '@regie/safety';
import type { RecordedEvent } from '@regie/event-store';
import type { DecisionMessage } from '@regie/messaging';

export const DECISION_SOURCE = 'urn:regie:orchestrator';

/** Every type of decision published to orchestration.decisions (shared/DESIGN.md §3.2; deploy/asyncapi.yaml lists the same). */
export const DECISION_TYPES = [
  'handoff.routed',
  'video.denied',
  'notice.required',
  'service-level.breached',
  'assistance.offered',
  'survey.requested',
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

/** How to object to a decision, as the letter must say (Dutch administrative law: six weeks). */
const OBJECTION = { periodDays: 42, how: 'a written objection to the organisation, citing the exclusion id' };

/** Journey events that are Regie's own decisions; every other journey event stays inside. */
export const JOURNEY_DECISIONS: ReadonlySet<string> = new Set(['AssistanceOffered', 'AccessDenied', 'ContactEnded']);

const decision = (recorded: RecordedEvent, type: DecisionType, subject: string, data: Record<string, unknown>): DecisionMessage => ({
  // The recorded event's id: a decision published twice after a restart is recognisably the same one.
  id: recorded.eventId,
  source: DECISION_SOURCE,
  type,
  subject,
  time: recorded.recordedAt,
  data,
});

/**
 * Store events → the public decisions of shared/DESIGN.md §3.2. Only what a channel platform
 * must act on leaves; everything else stays inside. `opened` is how the event's case began;
 * `concept` (the one in force) says which survey, if any, follows a contact that ended.
 */
export const toDecision = (
  recorded: RecordedEvent,
  opened?: CaseOpened['data'],
  concept?: Pick<ServiceConcept, 'surveys'>,
): DecisionMessage | undefined => {
  if (recorded.type === 'ContactEnded') {
    const ended = recorded.data as ContactEnded['data'];
    const survey = concept && surveyRequestFor(concept, { data: ended });
    return survey && decision(recorded, 'survey.requested', ended.customerId, { ...survey });
  }
  if (recorded.type === 'AssistanceOffered') {
    const offer = recorded.data as AssistanceOffered['data'];
    return decision(recorded, 'assistance.offered', offer.customerId, {
      channel: offer.channel,
      contactId: offer.contactId,
      task: offer.task,
      offeredChannel: offer.offeredChannel,
      failures: offer.failures,
    });
  }
  if (recorded.type === 'AccessDenied') {
    const denial = recorded.data as AccessDenied['data'];
    return decision(recorded, 'video.denied', denial.customerId, {
      channel: denial.deniedChannel,
      contactId: denial.contactId,
      fromChannel: denial.channel,
      alternatives: denial.alternatives,
    });
  }
  if (recorded.type === 'ExclusionRegistered') {
    // The customer must get a letter: what was decided, for how long, why, and how to object.
    const exclusion = recorded.data as ExclusionRegistered['data'];
    return decision(recorded, 'notice.required', exclusion.customerId, {
      notice: 'exclusion-registered',
      exclusionId: exclusion.exclusionId,
      channels: exclusion.channels,
      startsAt: exclusion.startsAt,
      endsAt: exclusion.endsAt,
      reason: exclusion.reason,
      alternatives: exclusion.alternatives,
      objection: OBJECTION,
    });
  }
  if (!opened) return undefined;
  const event = { type: recorded.type, data: recorded.data } as CaseEvent;
  switch (event.type) {
    case 'CaseOpened':
      return decision(recorded, 'handoff.routed', opened.customerId, {
        caseId: opened.caseId,
        channel: opened.channel,
        layer: opened.layer,
        trigger: opened.trigger,
        reason: opened.reason,
        fromChannel: opened.context.fromChannel,
        contactId: opened.context.fromContactId,
        ...(opened.escalatedFrom && { escalatedFrom: opened.escalatedFrom }),
      });
    case 'CaseOverflowed':
      return decision(recorded, 'handoff.routed', opened.customerId, {
        caseId: opened.caseId,
        channel: event.data.toChannel,
        layer: event.data.layer,
        trigger: 'overflow',
        overflowFrom: event.data.fromChannel,
        contactId: opened.context.fromContactId,
      });
    case 'ServiceLevelBreached':
      return decision(recorded, 'service-level.breached', opened.customerId, {
        caseId: opened.caseId,
        channel: event.data.channel,
        waitedSeconds: event.data.waitedSeconds,
      });
    default:
      return undefined;
  }
};
