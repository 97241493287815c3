import type { CaseEvent } from '@regie/cases';
import type { ConceptRevised, LayerId } from '@regie/concept';
import type { JourneyEvent, JourneyEventBase } from '@regie/journey';
import type { MeasuredConcept } from '../concept/measured-concept';
import type { ProjectedEvent } from '../projections/projection';

/** Recorded events for specs, typed against the domain's own events. */
const LAYERS: Readonly<Record<string, LayerId>> = {
  web: 'self-service',
  app: 'self-service',
  chatbot: 'self-service',
  'live-chat': 'assisted',
  phone: 'assisted',
  email: 'assisted',
  video: 'personal',
  counter: 'personal',
};

interface Where {
  readonly customer?: string;
  readonly contact?: string;
  readonly channel?: string;
}

const base = (at: string, { customer = 'cust-1', contact = 'contact-1', channel = 'phone' }: Where): JourneyEventBase => ({
  customerId: customer,
  contactId: contact,
  channel,
  layer: LAYERS[channel] ?? 'assisted',
  occurredAt: at,
});

const journey = (event: JourneyEvent): ProjectedEvent => ({
  streamName: `journey-${event.data.customerId}`,
  type: event.type,
  data: event.data,
});
const inCase = (caseId: string, event: CaseEvent): ProjectedEvent => ({ streamName: `case-${caseId}`, type: event.type, data: event.data });

export const started = (at: string, where: Where & { readonly topic?: string } = {}): ProjectedEvent =>
  journey({ type: 'ContactStarted', data: { ...base(at, where), ...(where.topic !== undefined && { topic: where.topic }) } });

type Outcome = 'resolved' | 'unresolved' | 'abandoned' | 'transferred';
export const ended = (
  at: string,
  where: Where & { readonly outcome?: Outcome; readonly handlingSeconds?: number; readonly waitSeconds?: number } = {},
): ProjectedEvent => {
  const { outcome = 'resolved', handlingSeconds, waitSeconds } = where;
  return journey({
    type: 'ContactEnded',
    data: {
      ...base(at, where),
      outcome,
      ...(handlingSeconds !== undefined && { handlingSeconds }),
      ...(waitSeconds !== undefined && { waitSeconds }),
    },
  });
};

export const handoffRequested = (at: string, where: Where = {}): ProjectedEvent =>
  journey({ type: 'HandoffRequested', data: base(at, where) });
export const botFallback = (at: string, where: Where = {}): ProjectedEvent =>
  journey({ type: 'BotFallbackOccurred', data: base(at, where) });

export const answered = (
  at: string,
  instrument: 'csat' | 'nps' | 'csi',
  answers: Readonly<Record<string, number>>,
  where: Where = {},
): ProjectedEvent => journey({ type: 'SurveyAnswered', data: { ...base(at, where), instrument, answers } });

export const caseOpened = (
  at: string,
  { caseId = 'case-1', channel = 'live-chat', dueAt, from = {} }: { caseId?: string; channel?: string; dueAt?: string; from?: Where } = {},
): ProjectedEvent => {
  const { customer = 'cust-1', contact = 'contact-1', channel: fromChannel = 'chatbot' } = from;
  return inCase(caseId, {
    type: 'CaseOpened',
    data: {
      caseId,
      customerId: customer,
      channel,
      layer: LAYERS[channel] ?? 'assisted',
      trigger: 'handoff-requested',
      reason: 'asked for a person',
      context: { channelsTouched: [fromChannel], botFailures: 0, earlierCases: [], fromChannel, fromContactId: contact },
      openedAt: at,
      ...(dueAt !== undefined && { serviceLevelDueAt: dueAt }),
    },
  });
};

export const caseAssigned = (at: string, caseId = 'case-1', channel = 'live-chat'): ProjectedEvent =>
  inCase(caseId, { type: 'CaseAssigned', data: { caseId, agentId: 'agent-1', channel, assignedAt: at, how: 'routed' } });

export const caseAbandoned = (at: string, caseId = 'case-1'): ProjectedEvent =>
  inCase(caseId, { type: 'CaseAbandoned', data: { caseId, reason: 'customer left', abandonedAt: at } });

export const conceptRevised = (at: string, concept: MeasuredConcept): ProjectedEvent => {
  // The domain's concept type does not know the measurement additions yet; the data is what matters here.
  const recorded = concept as ConceptRevised['data']['concept'];
  const event: ConceptRevised = { type: 'ConceptRevised', data: { concept: recorded, source: 'api', revisedBy: 'sup-1', at } };
  return { streamName: `concept-${concept.name}`, type: event.type, data: event.data };
};
