import { DeciderSpecification } from '@regie/eventsourcing/testing';
import { caseDecider } from './case.decider';
import { caseLifecycleSaga } from './case-lifecycle.saga';
import type { CaseEvent, CaseOpened } from './case.events';
import { caseOpened } from './case.test-fixtures';

const given = DeciderSpecification.for(caseDecider);
const now = '2026-03-01T10:00:00.000Z';
const opened: CaseOpened = caseOpened('case-1', now, { serviceLevelDueAt: '2026-03-01T10:01:00.000Z' });
const assigned: CaseEvent = {
  type: 'CaseAssigned',
  data: { caseId: 'case-1', agentId: 'agent-a', channel: 'live-chat', assignedAt: now, how: 'routed' },
};

describe('case decider', () => {
  describe('opening', () => {
    it('opens a case in the target queue', () => given([]).when({ type: 'OpenCase', data: opened.data }).then([opened]));
    it('opens nothing when the same trigger comes again', () =>
      given([opened]).when({ type: 'OpenCase', data: opened.data }).thenNothingHappens());
  });

  describe('assigning and claiming', () => {
    it('assigns a queued case', () =>
      given([opened])
        .when({ type: 'AssignCase', data: { agentId: 'agent-a', how: 'routed', now } })
        .then([assigned]));
    it('refuses a case that is no longer queued', () =>
      given([opened, assigned])
        .when({ type: 'AssignCase', data: { agentId: 'agent-b', how: 'claimed', now } })
        .thenRefuses('case-not-queued'));
    it('refuses a case that does not exist', () =>
      given([])
        .when({ type: 'AssignCase', data: { agentId: 'agent-b', how: 'claimed', now } })
        .thenRefuses('case-not-queued'));
  });

  describe('resolving', () => {
    const resolve = (by: string) => ({ type: 'ResolveCase' as const, data: { by, outcome: 'resolved' as const, now } });
    it('lets the assignee resolve', () =>
      given([opened, assigned])
        .when(resolve('agent-a'))
        .then([{ type: 'CaseResolved', data: { caseId: 'case-1', outcome: 'resolved', by: 'agent-a', resolvedAt: now } }]));
    it("refuses another agent's case", () => given([opened, assigned]).when(resolve('agent-b')).thenRefuses('not-your-case'));
    it('refuses a queued case', () => given([opened]).when(resolve('agent-a')).thenRefuses('case-not-assigned'));
  });

  describe('escalating', () => {
    const escalate = (by: string, toChannel: string, toLayer: 'self-service' | 'assisted' | 'personal') => ({
      type: 'EscalateCase' as const,
      data: {
        by,
        toChannel,
        toLayer,
        pyramid: ['self-service', 'assisted', 'personal'] as const,
        newCaseId: 'case-2',
        reason: 'needs to show documents',
        now,
      },
    });
    it('escalates up the pyramid', () =>
      given([opened, assigned])
        .when(escalate('agent-a', 'video', 'personal'))
        .then([
          {
            type: 'CaseEscalated',
            data: {
              caseId: 'case-1',
              toChannel: 'video',
              newCaseId: 'case-2',
              reason: 'needs to show documents',
              by: 'agent-a',
              escalatedAt: now,
            },
          },
        ]));
    it('refuses sideways or down', () => {
      given([opened, assigned])
        .when(escalate('agent-a', 'phone', 'assisted'))
        .thenRefuses('escalation-must-go-up');
      given([opened, assigned])
        .when(escalate('agent-a', 'chatbot', 'self-service'))
        .thenRefuses('escalation-must-go-up');
    });
    it("refuses another agent's case", () =>
      given([opened, assigned])
        .when(escalate('agent-b', 'video', 'personal'))
        .thenRefuses('not-your-case'));
  });

  describe('service level', () => {
    const breach = {
      type: 'BreachServiceLevel' as const,
      data: { now: '2026-03-01T10:01:30.000Z', overflowTo: { channel: 'phone', layer: 'assisted' as const } },
    };
    const breached: CaseEvent = {
      type: 'ServiceLevelBreached',
      data: { caseId: 'case-1', channel: 'live-chat', waitedSeconds: 90, breachedAt: breach.data.now },
    };
    it('records the breach and overflows to the named channel', () =>
      given([opened])
        .when(breach)
        .then([
          breached,
          {
            type: 'CaseOverflowed',
            data: { caseId: 'case-1', fromChannel: 'live-chat', toChannel: 'phone', layer: 'assisted', overflowedAt: breach.data.now },
          },
        ]));
    it('only records the breach when no overflow is named', () =>
      given([opened])
        .when({ type: 'BreachServiceLevel', data: { now: breach.data.now } })
        .then([breached]));
    it('breaches once', () => given([opened, breached]).when(breach).thenNothingHappens());
    it('does not breach an assigned case', () => given([opened, assigned]).when(breach).thenNothingHappens());
  });

  it('abandons only a queued case', () => {
    const abandon = { type: 'AbandonCase' as const, data: { reason: 'the customer left', now } };
    given([opened])
      .when(abandon)
      .then([{ type: 'CaseAbandoned', data: { caseId: 'case-1', reason: 'the customer left', abandonedAt: now } }]);
    given([opened, assigned]).when(abandon).thenNothingHappens();
  });
});

describe('case lifecycle saga', () => {
  const rules = { layerOf: { video: 'personal' as const, 'live-chat': 'assisted' as const }, targetWaitSeconds: { video: 120 } };

  it('frees the agent when a case is resolved', () => {
    expect(
      caseLifecycleSaga({
        event: { type: 'CaseResolved', data: { caseId: 'case-1', outcome: 'resolved', by: 'agent-a', resolvedAt: now } },
        opened: opened.data,
        rules,
        now,
      }),
    ).toEqual([{ target: 'agent', id: 'agent-a', command: { type: 'ReleaseCase', data: { caseId: 'case-1', why: 'resolved', now } } }]);
  });

  it('frees the agent and opens the successor case with the story and the earlier case', () => {
    const commands = caseLifecycleSaga({
      event: {
        type: 'CaseEscalated',
        data: { caseId: 'case-1', toChannel: 'video', newCaseId: 'case-2', reason: 'documents', by: 'agent-a', escalatedAt: now },
      },
      opened: opened.data,
      rules,
      now,
    });
    expect(commands[0]).toEqual({
      target: 'agent',
      id: 'agent-a',
      command: { type: 'ReleaseCase', data: { caseId: 'case-1', why: 'escalated', now } },
    });
    expect(commands[1]).toMatchObject({
      target: 'case',
      id: 'case-2',
      command: {
        type: 'OpenCase',
        data: {
          caseId: 'case-2',
          customerId: 'cust-1',
          channel: 'video',
          layer: 'personal',
          trigger: 'agent-escalation',
          escalatedFrom: 'case-1',
          context: { channelsTouched: ['chatbot'], earlierCases: ['case-1'] },
          serviceLevelDueAt: '2026-03-01T10:02:00.000Z',
        },
      },
    });
  });

  it('has nothing to do for other events', () => {
    expect(caseLifecycleSaga({ event: opened, opened: opened.data, rules, now })).toEqual([]);
  });
});
