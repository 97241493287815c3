import type { OpenCase } from '../case/case.commands';
import type { CaseContext, EscalationTrigger } from '../case/case.events';
import type { OfferAssistance, JourneyEvent, JourneyState } from '@regie/journey';
import type { EscalationRules } from './escalation.rules';

export interface EscalationInput {
  /** The recorded journey event, and the journey as it stands with that event applied. */
  readonly event: JourneyEvent;
  readonly journey: JourneyState;
  readonly rules: EscalationRules;
  readonly now: string;
  /** The customer's cases so far: only the context of a case opened; whether one is opened does not depend on them. */
  readonly earlierCases: readonly string[];
  /** Channels closed to this customer now, each with the alternatives the exclusion offers. */
  readonly excluded: Readonly<Record<string, readonly string[]>>;
  /** Case ids are derived from what triggered them, so a repeated trigger finds the same case. */
  readonly caseIdFor: (customerId: string, contactId: string, channel: string) => string;
}

export type EscalationCommand = OpenCase | OfferAssistance;

/** The event's contact as the journey stands with the event applied. */
const contactOfEvent = (journey: Extract<JourneyState, { status: 'known' }>, event: JourneyEvent) =>
  journey.latest.contactId === event.data.contactId ? journey.latest.contact : undefined;

const triggerOf = (
  event: JourneyEvent,
  journey: Extract<JourneyState, { status: 'known' }>,
  rules: EscalationRules,
): EscalationTrigger | undefined => {
  const onBot = rules.bot.channels.includes(event.data.channel);
  switch (event.type) {
    case 'BotFallbackOccurred':
      return onBot && (contactOfEvent(journey, event)?.botFallbacks ?? 0) >= rules.bot.fallbacksPerContact ? 'bot-fallbacks' : undefined;
    case 'HandoffRequested':
      return event.data.layer === 'self-service' && rules.bot.escalateOnHandoff ? 'handoff-requested' : undefined;
    case 'SentimentObserved':
      return event.data.layer === 'self-service' && event.data.score <= rules.bot.sentimentThreshold ? 'negative-sentiment' : undefined;
    case 'VideoRequested':
      return 'video-requested';
    default:
      return undefined;
  }
};

/** An excluded target is never used: the exclusion's first alternative that is itself open is. */
const routeAround = (channel: string, excluded: EscalationInput['excluded']): string | undefined => {
  const alternatives = excluded[channel];
  if (!alternatives) return channel;
  return alternatives.find((alternative) => !excluded[alternative]);
};

const contextOf = (input: EscalationInput, journey: Extract<JourneyState, { status: 'known' }>): CaseContext => {
  const { contactId, channel } = input.event.data;
  const topic = contactOfEvent(journey, input.event)?.topic ?? journey.latestTopic?.topic;
  return {
    channelsTouched: journey.channelsTouched,
    ...(topic !== undefined && { topic }),
    botFailures: journey.botFallbacks,
    earlierCases: input.earlierCases,
    fromChannel: channel,
    fromContactId: contactId,
  };
};

const REASONS: Record<EscalationTrigger, string> = {
  'bot-fallbacks': 'the chatbot did not understand the customer repeatedly',
  'handoff-requested': 'the customer asked for a person',
  'negative-sentiment': 'the conversation turned negative',
  'repeated-task-failure': 'a self-service task failed repeatedly',
  'video-requested': 'the customer asked for a video call',
  'agent-escalation': 'an agent escalated the case',
};

const openCase = (
  input: EscalationInput,
  journey: Extract<JourneyState, { status: 'known' }>,
  trigger: EscalationTrigger,
  wanted: string,
): OpenCase[] => {
  const channel = routeAround(wanted, input.excluded);
  const layer = channel === undefined ? undefined : input.rules.layerOf[channel];
  if (channel === undefined || layer === undefined) return [];
  const { customerId, contactId } = input.event.data;
  const wait = input.rules.targetWaitSeconds[channel];
  return [
    {
      type: 'OpenCase',
      data: {
        caseId: input.caseIdFor(customerId, contactId, channel),
        customerId,
        channel,
        layer,
        trigger,
        reason:
          channel === wanted ? REASONS[trigger] : `${REASONS[trigger]}; ${wanted} is closed to this customer, ${channel} offered instead`,
        context: contextOf(input, journey),
        openedAt: input.now,
        ...(wait !== undefined && { serviceLevelDueAt: new Date(Date.parse(input.now) + wait * 1000).toISOString() }),
      },
    },
  ];
};

const offerAfterRepeatedFailure = (input: EscalationInput, journey: Extract<JourneyState, { status: 'known' }>): OfferAssistance[] => {
  const { event, rules } = input;
  if (event.type !== 'TaskFailed') return [];
  const windowStart = Date.parse(event.data.occurredAt) - rules.taskFailure.windowHours * 3600_000;
  const recent = (journey.latest.taskFailures ?? []).filter((at) => Date.parse(at) > windowStart);
  // Exactly at the threshold: a third failure within the window does not offer again.
  if (recent.length !== rules.taskFailure.repeats) return [];
  const offeredChannel = routeAround(rules.taskFailure.offerChannel, input.excluded);
  if (offeredChannel === undefined) return [];
  return [
    {
      type: 'OfferAssistance',
      data: {
        offer: {
          ...event.data,
          offeredChannel,
          task: event.data.task,
          failures: recent.length,
          offerKey: `${event.data.task}@${recent[0]}`,
        },
      },
    },
  ];
};

/** Pure: a recorded journey event (and the journey it completes) → the commands the escalation rules call for. */
export const escalationSaga = (input: EscalationInput): EscalationCommand[] => {
  const { journey, event, rules } = input;
  if (journey.status !== 'known') return [];
  const trigger = triggerOf(event, journey, rules);
  if (trigger === 'video-requested') return openCase(input, journey, trigger, rules.video.channel);
  if (trigger) return openCase(input, journey, trigger, rules.bot.target);
  return offerAfterRepeatedFailure(input, journey);
};
