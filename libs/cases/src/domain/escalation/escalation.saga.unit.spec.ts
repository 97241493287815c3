import { SagaSpecification } from '@regie/eventsourcing/testing';
import { journeyDecider, type JourneyEvent, type JourneyEventBase, type JourneyState } from '@regie/journey';
import type { EscalationRules } from './escalation.rules';
import { escalationSaga, type EscalationInput } from './escalation.saga';

const rules: EscalationRules = {
  layerOf: {
    chatbot: 'self-service',
    web: 'self-service',
    'live-chat': 'assisted',
    phone: 'assisted',
    video: 'personal',
    counter: 'personal',
  },
  bot: { channels: ['chatbot'], fallbacksPerContact: 2, sentimentThreshold: -0.5, escalateOnHandoff: true, target: 'live-chat' },
  taskFailure: { repeats: 2, windowHours: 24, offerChannel: 'live-chat' },
  video: { channel: 'video' },
  targetWaitSeconds: { 'live-chat': 60, video: 120 },
};
const now = '2026-03-01T10:00:00.000Z';
const chat: JourneyEventBase = {
  customerId: 'cust-1',
  contactId: 'chat-1',
  channel: 'chatbot',
  layer: 'self-service',
  occurredAt: '2026-03-01T09:59:00Z',
};
const web: JourneyEventBase = { ...chat, contactId: 'visit-1', channel: 'web' };
const started: JourneyEvent = { type: 'ContactStarted', data: { ...chat, topic: 'parking permit' } };
const fallback: JourneyEvent = { type: 'BotFallbackOccurred', data: chat };

/** given(the journey so far, what else the saga is told).when(the recorded event).then(commands) */
const given = (history: readonly JourneyEvent[], extra: Partial<EscalationInput> = {}) =>
  SagaSpecification.forStream(
    (event: JourneyEvent, journey: JourneyState) =>
      escalationSaga({
        event,
        journey,
        rules,
        now,
        earlierCases: [],
        excluded: {},
        caseIdFor: (customer, contact, channel) => `${customer}.${contact}.${channel}`,
        ...extra,
      }),
    journeyDecider,
  )(history);

describe('escalation saga', () => {
  describe('chatbot → live chat', () => {
    it('does nothing on the first fallback', () => given([started]).when(fallback).thenNothingHappens());

    it('opens a live-chat case on the second fallback in one contact, with the story attached', () =>
      given([started, fallback], { earlierCases: ['old-case'] })
        .when(fallback)
        .then([
          {
            type: 'OpenCase',
            data: {
              caseId: 'cust-1.chat-1.live-chat',
              customerId: 'cust-1',
              channel: 'live-chat',
              layer: 'assisted',
              trigger: 'bot-fallbacks',
              reason: 'the chatbot did not understand the customer repeatedly',
              context: {
                channelsTouched: ['chatbot'],
                topic: 'parking permit',
                botFailures: 2,
                earlierCases: ['old-case'],
                fromChannel: 'chatbot',
                fromContactId: 'chat-1',
              },
              openedAt: now,
              serviceLevelDueAt: '2026-03-01T10:01:00.000Z',
            },
          },
        ]));

    it('does not count fallbacks of different contacts together', () => {
      const otherContact: JourneyEvent = { type: 'BotFallbackOccurred', data: { ...chat, contactId: 'chat-2' } };
      given([fallback]).when(otherContact).thenNothingHappens();
    });

    it('derives the same case id from a third fallback, so the case decider opens no second case', () => {
      const sameCase = [{ type: 'OpenCase', data: { caseId: 'cust-1.chat-1.live-chat' } }];
      given([fallback]).when(fallback).thenMatches(sameCase);
      given([fallback, fallback]).when(fallback).thenMatches(sameCase);
    });

    it('escalates on a request for a person', () =>
      given([started])
        .when({ type: 'HandoffRequested', data: chat })
        .thenMatches([{ type: 'OpenCase', data: { channel: 'live-chat', trigger: 'handoff-requested' } }]));

    it('escalates on sentiment at or below the threshold, not above', () => {
      given([])
        .when({ type: 'SentimentObserved', data: { ...chat, score: -0.5 } })
        .thenMatches([{ data: { trigger: 'negative-sentiment' } }]);
      given([])
        .when({ type: 'SentimentObserved', data: { ...chat, score: -0.4 } })
        .thenNothingHappens();
    });

    it('ignores a handoff request already in an assisted channel', () =>
      given([])
        .when({ type: 'HandoffRequested', data: { ...chat, channel: 'phone', layer: 'assisted' } })
        .thenNothingHappens());
  });

  describe('repeated self-service failure → offer of assistance', () => {
    const failed = (at: string): JourneyEvent => ({ type: 'TaskFailed', data: { ...web, occurredAt: at, task: 'apply-parking-permit' } });

    it('offers help when the same task fails twice within 24 hours', () =>
      given([failed('2026-03-01T08:00:00Z')])
        .when(failed('2026-03-01T20:00:00Z'))
        .then([
          {
            type: 'OfferAssistance',
            data: {
              offer: {
                ...web,
                occurredAt: '2026-03-01T20:00:00Z',
                task: 'apply-parking-permit',
                offeredChannel: 'live-chat',
                failures: 2,
                offerKey: 'apply-parking-permit@2026-03-01T08:00:00Z',
              },
            },
          },
        ]));

    it('does not offer when the failures are more than 24 hours apart', () =>
      given([failed('2026-03-01T08:00:00Z')])
        .when(failed('2026-03-02T09:00:00Z'))
        .thenNothingHappens());

    it('does not offer twice for a third failure', () =>
      given([failed('2026-03-01T08:00:00Z'), failed('2026-03-01T09:00:00Z')])
        .when(failed('2026-03-01T10:00:00Z'))
        .thenNothingHappens());
  });

  describe('→ personal layer', () => {
    const videoRequest: JourneyEvent = {
      type: 'VideoRequested',
      data: { ...chat, channel: 'live-chat', layer: 'assisted', topic: 'care allowance' },
    };

    it('opens a video case when the customer asks for a video call', () =>
      given([])
        .when(videoRequest)
        .thenMatches([
          {
            type: 'OpenCase',
            data: { channel: 'video', layer: 'personal', trigger: 'video-requested', context: { topic: 'care allowance' } },
          },
        ]));

    it('takes the exclusion alternative when video is closed to the customer', () =>
      given([], { excluded: { video: ['phone', 'counter'] } })
        .when(videoRequest)
        .thenMatches([
          { type: 'OpenCase', data: { channel: 'phone', layer: 'assisted', reason: expect.stringContaining('video is closed') } },
        ]));

    it('skips alternatives that are closed too', () =>
      given([], { excluded: { video: ['phone', 'counter'], phone: ['counter'] } })
        .when(videoRequest)
        .thenMatches([{ data: { channel: 'counter' } }]));
  });
});
