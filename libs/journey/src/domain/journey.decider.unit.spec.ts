import { fold } from '@regie/eventsourcing';
import { DeciderSpecification } from '@regie/eventsourcing/testing';
import { journeyDecider } from './journey.decider';
import type { JourneyEvent } from './journey.events';

const given = DeciderSpecification.for(journeyDecider);
const base = { customerId: 'cust-1', contactId: 'chat-1', channel: 'chatbot', layer: 'self-service' as const };

const started: JourneyEvent = { type: 'ContactStarted', data: { ...base, occurredAt: '2026-03-01T09:00:00Z', topic: 'parking permit' } };
const fallback: JourneyEvent = { type: 'BotFallbackOccurred', data: { ...base, occurredAt: '2026-03-01T09:01:00Z', confidence: 0.1 } };
const ended: JourneyEvent = { type: 'ContactEnded', data: { ...base, occurredAt: '2026-03-01T09:05:00Z', outcome: 'resolved' } };
const record = (observed: JourneyEvent) => ({ type: 'RecordInteraction' as const, data: { observed } });

describe('journey decider', () => {
  it('records the first interaction of an unknown customer', () => {
    given([]).when(record(started)).then([started]);
  });

  it('records every further interaction as it was observed', () => {
    given([started]).when(record(fallback)).then([fallback]);
  });

  it('records the end of a contact once, even when a platform resends it under a new id', () => {
    given([started, ended])
      .when(record({ ...ended, data: { ...ended.data, occurredAt: '2026-03-01T09:06:00Z' } }))
      .thenNothingHappens();
  });

  it('records the end of another contact of the same customer', () => {
    const other: JourneyEvent = { type: 'ContactEnded', data: { ...ended.data, contactId: 'call-9', channel: 'phone', layer: 'assisted' } };
    given([started, ended]).when(record(other)).then([other]);
  });

  it('summarises contacts, channels and bot failures in its state', () => {
    const call: JourneyEvent = {
      type: 'ContactStarted',
      data: { customerId: 'cust-1', contactId: 'call-9', channel: 'phone', layer: 'assisted', occurredAt: '2026-03-02T10:00:00Z' },
    };
    const state = fold(journeyDecider, [started, fallback, fallback, ended, call]);
    expect(state).toEqual({
      status: 'known',
      customerId: 'cust-1',
      channelsTouched: ['chatbot', 'phone'],
      lastOccurredAt: '2026-03-02T10:00:00Z',
      taskFailures: {},
      offersMade: [],
      denials: [],
      contacts: {
        'chat-1': {
          channel: 'chatbot',
          layer: 'self-service',
          topic: 'parking permit',
          startedAt: '2026-03-01T09:00:00Z',
          endedAt: '2026-03-01T09:05:00Z',
          outcome: 'resolved',
          botFallbacks: 2,
        },
        'call-9': { channel: 'phone', layer: 'assisted', startedAt: '2026-03-02T10:00:00Z', botFallbacks: 0 },
      },
    });
  });
});
