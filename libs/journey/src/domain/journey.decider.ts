import { assertNever, type Decider } from '@regie/eventsourcing';
import type { JourneyCommand } from './journey.commands';
import type { JourneyEvent } from './journey.events';
import type { ContactSummary, JourneyState } from './journey.state';

const initialState = (): JourneyState => ({ status: 'unknown' });

const decide = (command: JourneyCommand, state: JourneyState): JourneyEvent[] => {
  switch (command.type) {
    case 'RecordInteraction': {
      const { observed } = command.data;
      // A contact ends once: a platform resending the end under a new id must not count it twice.
      if (observed.type === 'ContactEnded' && state.status === 'known' && state.contacts[observed.data.contactId]?.endedAt) {
        return [];
      }
      return [observed];
    }
    case 'OfferAssistance': {
      const { offer } = command.data;
      if (state.status === 'known' && state.offersMade.includes(offer.offerKey)) return [];
      return [{ type: 'AssistanceOffered', data: offer }];
    }
    case 'DenyAccess': {
      const { denial } = command.data;
      if (state.status === 'known' && state.denials.includes(denial.denialKey)) return [];
      return [{ type: 'AccessDenied', data: denial }];
    }
    default:
      return assertNever(command);
  }
};

const updateContact = (summary: ContactSummary | undefined, event: JourneyEvent): ContactSummary => {
  const base: ContactSummary = summary ?? { channel: event.data.channel, layer: event.data.layer, botFallbacks: 0 };
  switch (event.type) {
    case 'ContactStarted':
      return { ...base, startedAt: event.data.occurredAt, topic: event.data.topic ?? base.topic };
    case 'VideoRequested':
      return { ...base, topic: event.data.topic ?? base.topic };
    case 'ContactEnded':
      return { ...base, endedAt: event.data.occurredAt, outcome: event.data.outcome };
    case 'BotFallbackOccurred':
      return { ...base, botFallbacks: base.botFallbacks + 1 };
    case 'HandoffRequested':
    case 'SentimentObserved':
    case 'TaskCompleted':
    case 'TaskFailed':
    case 'SurveyAnswered':
    case 'AssistanceOffered':
    case 'AccessDenied':
      return base;
    default:
      return assertNever(event);
  }
};

const evolve = (state: JourneyState, event: JourneyEvent): JourneyState => {
  const { customerId, contactId, channel, occurredAt } = event.data;
  const known: Omit<Extract<JourneyState, { status: 'known' }>, 'status' | 'customerId'> = state.status === 'known'
    ? state
    : { contacts: {}, channelsTouched: [], lastOccurredAt: occurredAt, taskFailures: {}, offersMade: [], denials: [] };
  return {
    status: 'known',
    customerId,
    taskFailures:
      event.type === 'TaskFailed'
        ? { ...known.taskFailures, [event.data.task]: [...(known.taskFailures[event.data.task] ?? []).slice(-9), occurredAt] }
        : known.taskFailures,
    offersMade: event.type === 'AssistanceOffered' ? [...known.offersMade, event.data.offerKey] : known.offersMade,
    denials: event.type === 'AccessDenied' ? [...known.denials, event.data.denialKey] : known.denials,
    contacts: { ...known.contacts, [contactId]: updateContact(known.contacts[contactId], event) },
    channelsTouched: known.channelsTouched.includes(channel) ? known.channelsTouched : [...known.channelsTouched, channel],
    lastOccurredAt: occurredAt > known.lastOccurredAt ? occurredAt : known.lastOccurredAt,
  };
};

export const journeyDecider: Decider<JourneyCommand, JourneyEvent, JourneyState> = { decide, evolve, initialState };
