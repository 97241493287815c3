import { DeciderSpecification } from '@regie/eventsourcing/testing';
import { agentDecider } from './agent.decider';
import type { AgentEvent } from './agent.events';

const given = DeciderSpecification.for(agentDecider);
const now = '2026-03-01T10:00:00.000Z';
const presence = (status: 'available' | 'away' | 'offline', capacity = 2): AgentEvent => ({
  type: 'PresenceChanged',
  data: { agentId: 'agent-a', status, channels: ['live-chat'], capacity: { 'live-chat': capacity }, at: now },
});
const take = (caseId: string, channel = 'live-chat') => ({
  type: 'TakeCase' as const,
  data: { caseId, channel, how: 'routed' as const, now },
});
const taken = (caseId: string): AgentEvent => ({
  type: 'CaseTaken',
  data: { agentId: 'agent-a', caseId, channel: 'live-chat', at: now, how: 'routed' },
});

describe('agent decider', () => {
  it('records presence', () =>
    given([])
      .when({ type: 'SetPresence', data: presence('available').data as never })
      .then([presence('available')]));

  it('refuses capacity for a channel the agent does not serve', () =>
    given([])
      .when({ type: 'SetPresence', data: { ...(presence('available').data as object), capacity: { video: 1 } } as never })
      .thenRefuses('capacity-without-channel'));

  it('takes cases up to capacity, and no further', () => {
    given([presence('available')])
      .when(take('c1'))
      .then([taken('c1')]);
    given([presence('available'), taken('c1')])
      .when(take('c2'))
      .then([taken('c2')]);
    given([presence('available'), taken('c1'), taken('c2')])
      .when(take('c3'))
      .thenRefuses('capacity-full');
  });

  it('frees capacity when a case is released', () =>
    given([
      presence('available'),
      taken('c1'),
      taken('c2'),
      { type: 'CaseReleased', data: { agentId: 'agent-a', caseId: 'c1', channel: 'live-chat', at: now, why: 'resolved' } },
    ])
      .when(take('c3'))
      .then([taken('c3')]));

  it('takes the same case once', () =>
    given([presence('available'), taken('c1')])
      .when(take('c1'))
      .thenNothingHappens());

  it('refuses when away, unknown, or on another channel', () => {
    given([presence('away')])
      .when(take('c1'))
      .thenRefuses('agent-not-available');
    given([]).when(take('c1')).thenRefuses('agent-not-available');
    given([presence('available')])
      .when(take('c1', 'video'))
      .thenRefuses('channel-not-served');
  });

  it('releases only what it holds', () => {
    given([presence('available')])
      .when({ type: 'ReleaseCase', data: { caseId: 'c9', why: 'resolved', now } })
      .thenNothingHappens();
  });
});
