import { fold } from '@regie/eventsourcing';
import { journeyDecider, type JourneyEvent, type JourneyEventBase } from '@regie/journey';
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

/** when(events so far, the last one being the trigger) → commands */
const sagaAfter = (history: JourneyEvent[], extra: Partial<EscalationInput> = {}) =>
  escalationSaga({
    event: history[history.length - 1],
    journey: fold(journeyDecider, history),
    rules,
    now,
    earlierCases: [],
    excluded: {},
    caseIdFor: (customer, contact, channel) => `${customer}.${contact}.${channel}`,
    ...extra,
  });

describe('escalation saga', () => {
  describe('chatbot → live chat', () => {
    it('does nothing on the first fallback', () => expect(sagaAfter([started, fallback])).toEqual([]));

    it('opens a live-chat case on the second fallback in one contact, with the story attached', () => {
      expect(sagaAfter([started, fallback, fallback], { earlierCases: ['old-case'] })).toEqual([
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
      ]);
    });

    it('does not count fallbacks of different contacts together', () => {
      const otherContact: JourneyEvent = { type: 'BotFallbackOccurred', data: { ...chat, contactId: 'chat-2' } };
      expect(sagaAfter([fallback, otherContact])).toEqual([]);
    });

    it('derives the same case id from a third fallback, so the case decider opens no second case', () => {
      const [second] = sagaAfter([fallback, fallback]);
      const [third] = sagaAfter([fallback, fallback, fallback]);
      expect(third.type === 'OpenCase' && second.type === 'OpenCase' && third.data.caseId === second.data.caseId).toBe(true);
    });

    it('escalates on a request for a person', () => {
      const [command] = sagaAfter([started, { type: 'HandoffRequested', data: chat }]);
      expect(command).toMatchObject({ type: 'OpenCase', data: { channel: 'live-chat', trigger: 'handoff-requested' } });
    });

    it('escalates on sentiment at or below the threshold, not above', () => {
      expect(sagaAfter([{ type: 'SentimentObserved', data: { ...chat, score: -0.5 } }])[0]).toMatchObject({
        data: { trigger: 'negative-sentiment' },
      });
      expect(sagaAfter([{ type: 'SentimentObserved', data: { ...chat, score: -0.4 } }])).toEqual([]);
    });

    it('ignores a handoff request already in an assisted channel', () => {
      expect(sagaAfter([{ type: 'HandoffRequested', data: { ...chat, channel: 'phone', layer: 'assisted' } }])).toEqual([]);
    });
  });

  describe('repeated self-service failure → offer of assistance', () => {
    const failed = (at: string): JourneyEvent => ({ type: 'TaskFailed', data: { ...web, occurredAt: at, task: 'apply-parking-permit' } });

    it('offers help when the same task fails twice within 24 hours', () => {
      expect(sagaAfter([failed('2026-03-01T08:00:00Z'), failed('2026-03-01T20:00:00Z')])).toEqual([
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
      ]);
    });

    it('does not offer when the failures are more than 24 hours apart', () => {
      expect(sagaAfter([failed('2026-03-01T08:00:00Z'), failed('2026-03-02T09:00:00Z')])).toEqual([]);
    });

    it('does not offer twice for a third failure', () => {
      expect(sagaAfter([failed('2026-03-01T08:00:00Z'), failed('2026-03-01T09:00:00Z'), failed('2026-03-01T10:00:00Z')])).toEqual([]);
    });
  });

  describe('→ personal layer', () => {
    const videoRequest: JourneyEvent = {
      type: 'VideoRequested',
      data: { ...chat, channel: 'live-chat', layer: 'assisted', topic: 'care allowance' },
    };

    it('opens a video case when the customer asks for a video call', () => {
      expect(sagaAfter([videoRequest])[0]).toMatchObject({
        type: 'OpenCase',
        data: { channel: 'video', layer: 'personal', trigger: 'video-requested', context: { topic: 'care allowance' } },
      });
    });

    it('takes the exclusion alternative when video is closed to the customer', () => {
      const [command] = sagaAfter([videoRequest], { excluded: { video: ['phone', 'counter'] } });
      expect(command).toMatchObject({ type: 'OpenCase', data: { channel: 'phone', layer: 'assisted' } });
      expect(command.type === 'OpenCase' && command.data.reason).toContain('video is closed');
    });

    it('skips alternatives that are closed too', () => {
      const [command] = sagaAfter([videoRequest], { excluded: { video: ['phone', 'counter'], phone: ['counter'] } });
      expect(command).toMatchObject({ data: { channel: 'counter' } });
    });
  });
});
