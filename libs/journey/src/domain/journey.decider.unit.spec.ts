import { fold } from '@regie/eventsourcing';
import { DeciderSpecification } from '@regie/eventsourcing/testing';
import { journeyDecider } from './journey.decider';
import type { JourneyEvent } from './journey.events';
import { contactOf, KEPT_CONTACTS, taskFailuresOf, type JourneyState, type KnownJourney } from './journey.state';

const given = DeciderSpecification.for(journeyDecider);
const base = { customerId: 'cust-1', contactId: 'chat-1', channel: 'chatbot', layer: 'self-service' as const };

const started: JourneyEvent = { type: 'ContactStarted', data: { ...base, occurredAt: '2026-03-01T09:00:00Z', topic: 'parking permit' } };
const fallback: JourneyEvent = { type: 'BotFallbackOccurred', data: { ...base, occurredAt: '2026-03-01T09:01:00Z', confidence: 0.1 } };
const ended: JourneyEvent = { type: 'ContactEnded', data: { ...base, occurredAt: '2026-03-01T09:05:00Z', outcome: 'resolved' } };
const record = (observed: JourneyEvent) => ({ type: 'RecordInteraction' as const, data: { observed } });
const known = (state: JourneyState): KnownJourney => {
  if (state.status !== 'known') throw new Error('expected a known journey');
  return state;
};

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
    const state = known(fold(journeyDecider, [started, fallback, fallback, ended, call]));
    expect(state).toMatchObject({
      customerId: 'cust-1',
      channelsTouched: ['chatbot', 'phone'],
      lastOccurredAt: '2026-03-02T10:00:00Z',
      botFallbacks: 2,
      latestTopic: { seq: 0, topic: 'parking permit' },
      latest: {
        contactId: 'call-9',
        contact: { channel: 'phone', layer: 'assisted', startedAt: '2026-03-02T10:00:00Z', botFallbacks: 0, seq: 1 },
      },
    });
    expect(state.contacts).toHaveLength(2);
    expect(state.contactsSeen).toBe(2);
    expect(contactOf(state, 'chat-1')).toEqual({
      channel: 'chatbot',
      layer: 'self-service',
      topic: 'parking permit',
      startedAt: '2026-03-01T09:00:00Z',
      endedAt: '2026-03-01T09:05:00Z',
      outcome: 'resolved',
      botFallbacks: 2,
      seq: 0,
    });
    expect(contactOf(state, 'call-9')).toEqual({
      channel: 'phone',
      layer: 'assisted',
      startedAt: '2026-03-02T10:00:00Z',
      botFallbacks: 0,
      seq: 1,
    });
  });

  it("keeps the topic of the contact seen last that has one, and a task failure's recent times", () => {
    const other: JourneyEvent = {
      type: 'ContactStarted',
      data: { ...base, contactId: 'chat-2', occurredAt: '2026-03-01T10:00:00Z', topic: 'waste' },
    };
    const late: JourneyEvent = { type: 'VideoRequested', data: { ...base, occurredAt: '2026-03-01T10:01:00Z', topic: 'passport' } };
    expect(known(fold(journeyDecider, [started, other, late])).latestTopic).toEqual({ seq: 1, topic: 'waste' });
    const failed = (n: number): JourneyEvent => ({
      type: 'TaskFailed',
      data: {
        ...base,
        channel: 'web',
        contactId: `visit-${n}`,
        occurredAt: `2026-03-01T10:${String(n).padStart(2, '0')}:00Z`,
        task: 'pay',
      },
    });
    const state = known(
      fold(
        journeyDecider,
        Array.from({ length: 12 }, (_, n) => failed(n)),
      ),
    );
    expect(taskFailuresOf(state, 'pay')).toHaveLength(10);
    expect(state.latest.taskFailures).toEqual(taskFailuresOf(state, 'pay'));
    expect(taskFailuresOf(state, 'pay').at(-1)).toBe('2026-03-01T10:11:00Z');
  });

  describe('folding a long journey', () => {
    const N = 20_000;
    const contactStarted = (n: number): JourneyEvent => ({
      type: 'ContactStarted',
      data: { ...base, contactId: `contact-${n}`, occurredAt: new Date(Date.UTC(2026, 2, 1) + n * 1000).toISOString() },
    });
    const events = Array.from({ length: N }, (_, n) => contactStarted(n));

    it(`folds ${N.toLocaleString('en')} events of distinct contacts into one journey that keeps the ${KEPT_CONTACTS} latest`, () => {
      const state = known(fold(journeyDecider, events));
      expect(state.contactsSeen).toBe(N);
      expect(state.contacts).toHaveLength(KEPT_CONTACTS);
      expect(state.contacts.map(([id]) => id)).toEqual(Array.from({ length: KEPT_CONTACTS }, (_, n) => `contact-${N - KEPT_CONTACTS + n}`));
      expect(contactOf(state, `contact-${N - 1}`)).toMatchObject({ seq: N - 1 });
      expect(contactOf(state, `contact-${N - KEPT_CONTACTS - 1}`)).toBeUndefined();
      expect(state.lastOccurredAt).toBe(events.at(-1)!.data.occurredAt);
      // decide sees the kept contacts: an end resent for one of them is recorded once.
      const kept = `contact-${N - KEPT_CONTACTS}`;
      const end: JourneyEvent = {
        type: 'ContactEnded',
        data: { ...base, contactId: kept, occurredAt: '2026-03-02T00:00:00Z', outcome: 'resolved' },
      };
      const withEnd = journeyDecider.evolve(state, end);
      expect(journeyDecider.decide(record({ ...end, data: { ...end.data, occurredAt: '2026-03-02T00:00:01Z' } }), withEnd)).toEqual([]);
      // The contact the end belongs to is now the most recently active: a new contact pushes out the next oldest instead.
      const next = known(journeyDecider.evolve(withEnd, contactStarted(N)));
      expect(contactOf(next, kept)).toMatchObject({ endedAt: '2026-03-02T00:00:00Z' });
      expect(contactOf(next, `contact-${N - KEPT_CONTACTS + 1}`)).toBeUndefined();
      expect(contactOf(next, `contact-${N}`)).toMatchObject({ seq: N });
    });

    it('starts a new summary for an event of a contact no longer kept, numbered after every contact seen', () => {
      const state = known(fold(journeyDecider, events.slice(0, KEPT_CONTACTS + 5)));
      const late: JourneyEvent = {
        type: 'BotFallbackOccurred',
        data: { ...base, contactId: 'contact-0', occurredAt: '2026-03-03T00:00:00Z' },
      };
      const after = known(journeyDecider.evolve(state, late));
      expect(contactOf(after, 'contact-0')).toMatchObject({ botFallbacks: 1, seq: KEPT_CONTACTS + 5 });
      expect(after.contactsSeen).toBe(KEPT_CONTACTS + 6);
      expect(after.botFallbacks).toBe(1);
    });

    it('leaves every earlier state as it was (evolve is pure)', () => {
      const states = [journeyDecider.initialState()];
      for (const event of events.slice(0, 3_000)) states.push(journeyDecider.evolve(states.at(-1)!, event));
      const middle = known(states[1_500]!);
      expect(middle.contactsSeen).toBe(1_500);
      expect(contactOf(middle, 'contact-1499')).toBeDefined();
      expect(contactOf(middle, 'contact-1500')).toBeUndefined();
      expect(known(states[3_000]!).contactsSeen).toBe(3_000);
      expect(contactOf(known(states[3_000]!), 'contact-1500')).toBeUndefined();
      expect(contactOf(known(states[3_000]!), 'contact-2999')).toBeDefined();
    });
  });
});
