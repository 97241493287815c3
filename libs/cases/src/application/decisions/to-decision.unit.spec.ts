import type { RecordedEvent } from '@regie/event-store';
import type { AccessDenied, AssistanceOffered, JourneyEventBase } from '@regie/journey';
import type { ExclusionRegistered } from '@regie/safety';
import type { CaseEvent, CaseOpened } from '../../domain/case/case.events';
import { caseOpened } from '../../domain/case/case.test-fixtures';
import { DECISION_SOURCE, JOURNEY_DECISIONS, toDecision } from './to-decision';

const recordedAt = '2026-03-01T10:00:05.000Z';
const recorded = (streamName: string, event: { type: string; data: unknown }): RecordedEvent => ({
  ...event,
  metadata: { causationId: 'test', correlationId: 'test', actor: 'test' },
  eventId: 'event-7',
  streamName,
  revision: 3,
  position: 42,
  recordedAt,
});
/** What every decision carries beside its type, subject and data. */
const envelope = { id: 'event-7', source: DECISION_SOURCE, time: recordedAt };

const base: JourneyEventBase = {
  customerId: 'cust-1',
  contactId: 'web-1',
  channel: 'web',
  layer: 'self-service',
  occurredAt: '2026-03-01T10:00:00.000Z',
};
const opened: CaseOpened['data'] = caseOpened('case-1', '2026-03-01T10:00:00.000Z').data;
const onCase = (event: CaseEvent) => recorded('case-case-1', event);

describe('toDecision', () => {
  describe('journey events that are decisions', () => {
    it('offers assistance after repeated failures', () => {
      const offer: AssistanceOffered['data'] = { ...base, task: 'apply-permit', offeredChannel: 'live-chat', offerKey: 'k', failures: 2 };
      expect(toDecision(recorded('journey-cust-1', { type: 'AssistanceOffered', data: offer }))).toEqual({
        ...envelope,
        type: 'assistance.offered',
        subject: 'cust-1',
        data: { channel: 'web', contactId: 'web-1', task: 'apply-permit', offeredChannel: 'live-chat', failures: 2 },
      });
    });

    it('denies an excluded channel, naming the alternatives', () => {
      const denial: AccessDenied['data'] = { ...base, deniedChannel: 'video', alternatives: ['phone'], denialKey: 'web-1:video' };
      expect(toDecision(recorded('journey-cust-1', { type: 'AccessDenied', data: denial }))).toEqual({
        ...envelope,
        type: 'video.denied',
        subject: 'cust-1',
        data: { channel: 'video', contactId: 'web-1', fromChannel: 'web', alternatives: ['phone'] },
      });
    });

    it('asks the survey of the concept after a contact ended on a channel with a survey set', () => {
      const surveys = [
        { instrument: 'csat', channels: ['video'], questions: [{ id: 'conversation', label: 'Het gesprek', min: 1, max: 10 }] },
      ];
      const ended = (channel: string, outcome: string) =>
        recorded('journey-cust-1', { type: 'ContactEnded', data: { ...base, channel, contactId: 'vid-1', outcome } });
      expect(toDecision(ended('video', 'resolved'), undefined, { surveys } as never)).toEqual({
        ...envelope,
        type: 'survey.requested',
        subject: 'cust-1',
        data: {
          instrument: 'csat',
          questions: [{ id: 'conversation', label: 'Het gesprek', min: 1, max: 10 }],
          contactId: 'vid-1',
          channel: 'video',
        },
      });
      expect(toDecision(ended('web', 'resolved'), undefined, { surveys } as never)).toBeUndefined();
      expect(toDecision(ended('video', 'abandoned'), undefined, { surveys } as never)).toBeUndefined();
    });

    it('are exactly the ones the publisher lets through', () =>
      expect([...JOURNEY_DECISIONS].sort()).toEqual(['AccessDenied', 'AssistanceOffered', 'ContactEnded']));
  });

  it('asks for a letter when an exclusion is registered: what, how long, why, and how to object', () => {
    const exclusion: ExclusionRegistered['data'] = {
      exclusionId: 'excl-1',
      customerId: 'cust-1',
      channels: ['video'],
      startsAt: '2026-03-01T10:00:00.000Z',
      endsAt: '2026-04-01T10:00:00.000Z',
      reason: 'threatened an agent',
      reportIds: ['rep-1'],
      alternatives: ['phone', 'counter'],
      actor: 'sup-1',
      at: '2026-03-01T10:00:00.000Z',
    };
    expect(toDecision(recorded('safety-cust-1', { type: 'ExclusionRegistered', data: exclusion }))).toEqual({
      ...envelope,
      type: 'notice.required',
      subject: 'cust-1',
      data: {
        notice: 'exclusion-registered',
        exclusionId: 'excl-1',
        channels: ['video'],
        startsAt: '2026-03-01T10:00:00.000Z',
        endsAt: '2026-04-01T10:00:00.000Z',
        reason: 'threatened an agent',
        alternatives: ['phone', 'counter'],
        objection: { periodDays: 42, how: expect.stringContaining('objection') },
      },
    });
  });

  describe('case events that are decisions', () => {
    const routed = {
      caseId: 'case-1',
      channel: 'live-chat',
      layer: 'assisted',
      trigger: 'bot-fallbacks',
      reason: 'the chatbot did not understand the customer repeatedly',
      fromChannel: 'chatbot',
      contactId: 'chat-1',
    };

    it('routes the hand-off when a case is opened', () =>
      expect(toDecision(onCase({ type: 'CaseOpened', data: opened }), opened)).toEqual({
        ...envelope,
        type: 'handoff.routed',
        subject: 'cust-1',
        data: routed,
      }));

    it('names the case an escalated case came from', () => {
      const escalated = { ...opened, escalatedFrom: 'case-0' };
      expect(toDecision(onCase({ type: 'CaseOpened', data: escalated }), escalated)?.data).toEqual({ ...routed, escalatedFrom: 'case-0' });
    });

    it('routes the hand-off again when the case overflows to another channel', () => {
      const overflowed: CaseEvent = {
        type: 'CaseOverflowed',
        data: { caseId: 'case-1', fromChannel: 'live-chat', toChannel: 'phone', layer: 'assisted', overflowedAt: recordedAt },
      };
      expect(toDecision(onCase(overflowed), opened)).toEqual({
        ...envelope,
        type: 'handoff.routed',
        subject: 'cust-1',
        data: {
          caseId: 'case-1',
          channel: 'phone',
          layer: 'assisted',
          trigger: 'overflow',
          overflowFrom: 'live-chat',
          contactId: 'chat-1',
        },
      });
    });

    it('tells of a breached service level', () => {
      const breached: CaseEvent = {
        type: 'ServiceLevelBreached',
        data: { caseId: 'case-1', channel: 'live-chat', waitedSeconds: 61, breachedAt: recordedAt },
      };
      expect(toDecision(onCase(breached), opened)).toEqual({
        ...envelope,
        type: 'service-level.breached',
        subject: 'cust-1',
        data: { caseId: 'case-1', channel: 'live-chat', waitedSeconds: 61 },
      });
    });

    it('decides nothing without knowing how the case was opened', () =>
      expect(toDecision(onCase({ type: 'CaseOpened', data: opened }))).toBeUndefined());
  });

  describe('events that stay inside', () => {
    const inside: [type: string, stream: string, data: unknown][] = [
      ['ContactStarted', 'journey-cust-1', base],
      ['VideoRequested', 'journey-cust-1', base],
      ['AggressionReported', 'safety-cust-1', { reportId: 'rep-1', customerId: 'cust-1' }],
      ['ExclusionLifted', 'safety-cust-1', { exclusionId: 'excl-1', reason: 'apology' }],
      ['CaseAssigned', 'case-case-1', { caseId: 'case-1', agentId: 'ann', channel: 'live-chat', assignedAt: recordedAt }],
      ['CaseResolved', 'case-case-1', { caseId: 'case-1', outcome: 'resolved', by: 'ann', resolvedAt: recordedAt }],
      ['CaseEscalated', 'case-case-1', { caseId: 'case-1', toChannel: 'video', newCaseId: 'case-2', by: 'ann' }],
      ['CaseAbandoned', 'case-case-1', { caseId: 'case-1', reason: 'left', abandonedAt: recordedAt }],
      ['CaseTaken', 'agent-ann', { agentId: 'ann', caseId: 'case-1', channel: 'live-chat', at: recordedAt }],
    ];

    it.each(inside)('%s (on %s) is no decision', (type, stream, data) =>
      expect(toDecision(recorded(stream, { type, data }), opened)).toBeUndefined(),
    );
  });
});
