import { ProjectionSpecification } from '@regie/eventsourcing/testing';
import type { CaseOpened } from '@regie/cases';
import type { JourneyEvent, JourneyEventBase } from '@regie/journey';
import { channelActivityProjection, channelDayOf, activeDaysOf, type ChannelDay, type ProjectedEvent } from './channel-activity.projection';

const given = ProjectionSpecification.for(channelActivityProjection).given;

const onJourney = (event: JourneyEvent): ProjectedEvent => ({ ...event, streamName: `journey-${event.data.customerId}` });
const contact = (channel: string, occurredAt = '2026-03-01T09:00:00.000Z'): JourneyEventBase => ({
  customerId: 'cust-1',
  contactId: `${channel}-1`,
  channel,
  layer: 'self-service',
  occurredAt,
});
const started = (channel: string, occurredAt?: string) => onJourney({ type: 'ContactStarted', data: contact(channel, occurredAt) });
const ended = (channel: string, outcome: 'resolved' | 'unresolved' | 'abandoned' | 'transferred', seconds: object = {}) =>
  onJourney({ type: 'ContactEnded', data: { ...contact(channel), outcome, ...seconds } });
const caseOpened = (fromChannel: string, channel: string, openedAt = '2026-03-01T09:30:00.000Z'): ProjectedEvent => {
  const data: CaseOpened['data'] = {
    caseId: 'case-1',
    customerId: 'cust-1',
    channel,
    layer: 'assisted',
    trigger: 'bot-fallbacks',
    reason: 'the chatbot did not understand the customer repeatedly',
    context: { channelsTouched: [fromChannel], botFailures: 2, earlierCases: [], fromChannel, fromContactId: `${fromChannel}-1` },
    openedAt,
  };
  return { type: 'CaseOpened', data, streamName: 'case-case-1' };
};

/** A day's counts for one channel: zero but for what is named. */
const counts = (some: Partial<ChannelDay>): ChannelDay => ({
  contacts: 0,
  resolved: 0,
  unresolved: 0,
  abandoned: 0,
  transferred: 0,
  botFallbacks: 0,
  escalatedFrom: 0,
  escalatedTo: 0,
  handlingSeconds: 0,
  handledContacts: 0,
  waitSeconds: 0,
  waitedContacts: 0,
  ...some,
});

describe('channel activity projection', () => {
  it('starts with no days', () => given([]).then({ months: {} }));

  it('counts contacts started and bot fallbacks per day and channel', () =>
    given([
      started('chatbot'),
      started('chatbot'),
      onJourney({ type: 'BotFallbackOccurred', data: contact('chatbot') }),
      started('web'),
    ]).then({
      months: { '2026-03': { '2026-03-01': { chatbot: counts({ contacts: 2, botFallbacks: 1 }), web: counts({ contacts: 1 }) } } },
    }));

  it('counts each outcome of an ended contact', () =>
    given([
      ended('phone', 'resolved'),
      ended('phone', 'resolved'),
      ended('phone', 'unresolved'),
      ended('phone', 'abandoned'),
      ended('phone', 'transferred'),
    ])
      .when((activity) => channelDayOf(activity, '2026-03-01', 'phone'))
      .then(counts({ resolved: 2, unresolved: 1, abandoned: 1, transferred: 1 })));

  it('adds up handling and waiting time, counting only the contacts that report them', () =>
    given([
      ended('phone', 'resolved', { handlingSeconds: 300, waitSeconds: 40 }),
      ended('phone', 'resolved', { handlingSeconds: 200 }),
      ended('phone', 'abandoned', { waitSeconds: 120 }),
      ended('phone', 'resolved'),
    ])
      .when((activity) => channelDayOf(activity, '2026-03-01', 'phone'))
      .then(counts({ resolved: 3, abandoned: 1, handlingSeconds: 500, handledContacts: 2, waitSeconds: 160, waitedContacts: 2 })));

  it('counts an opened case as an escalation away from one channel and into another', () =>
    given([caseOpened('chatbot', 'live-chat'), caseOpened('chatbot', 'video')]).then({
      months: {
        '2026-03': {
          '2026-03-01': {
            chatbot: counts({ escalatedFrom: 2 }),
            'live-chat': counts({ escalatedTo: 1 }),
            video: counts({ escalatedTo: 1 }),
          },
        },
      },
    }));

  it('files each event under the UTC day it happened on, in its month', () =>
    given([
      started('web', '2026-03-01T23:59:59.000Z'),
      started('web', '2026-03-02T00:00:00.000Z'),
      caseOpened('web', 'phone', '2026-03-03T08:00:00Z'),
      started('web', '2026-02-28T23:00:00.000+01:00'),
      started('web', '2026-03-05T00:30:00.000+01:00'), // 23:30 UTC on the 4th
      started('web', '2026-03-06T20:00:00-05:00'), // 01:00 UTC on the 7th
      started('web', '2026-03-31T23:59:59.000z'),
      started('web', '2026-04-01T00:00:00.000Z'),
    ])
      .when((activity) => ({ months: Object.keys(activity.months).sort(), days: activeDaysOf(activity).map(([date]) => date) }))
      .then({
        months: ['2026-02', '2026-03', '2026-04'],
        days: ['2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-07', '2026-03-31', '2026-04-01'],
      }));

  it('ignores what it does not measure', () =>
    given([
      onJourney({ type: 'TaskCompleted', data: { ...contact('web'), task: 'apply-permit' } }),
      onJourney({ type: 'SurveyAnswered', data: { ...contact('web'), instrument: 'csat', answers: { q1: 4 } } }),
      { type: 'CaseAssigned', data: { caseId: 'case-1', agentId: 'ann' }, streamName: 'case-case-1' },
      { type: 'CaseResolved', data: { caseId: 'case-1' }, streamName: 'case-case-1' },
    ]).then({ months: {} }));

  it('leaves the read model it was given as it was', () => {
    const before = channelActivityProjection.evolve(channelActivityProjection.initialState(), started('web'));
    const snapshot = structuredClone(before);
    channelActivityProjection.evolve(before, started('web'));
    channelActivityProjection.evolve(before, ended('web', 'resolved', { handlingSeconds: 10 }));
    expect(before).toEqual(snapshot);
  });
});
