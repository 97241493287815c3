import { fold } from '@regie/eventsourcing';
import { agentDecider } from './agent.decider';
import { chooseAgents } from './agent-choice';
import type { AgentEvent, PresenceStatus } from './agent.events';

/** given(each agent's events).whenACaseWaitsOn(channel).then(the agents to try, in turn) */
const given = (...agents: AgentEvent[][]) => ({
  whenACaseWaitsOn: (channel: string) => ({
    then: (expected: readonly string[]) =>
      expect(
        chooseAgents(
          channel,
          agents.map((events) => fold(agentDecider, events)),
        ),
      ).toEqual(expected),
  }),
});

const at = (minute: number) => `2026-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`;
const presence = (
  agentId: string,
  minute: number,
  status: PresenceStatus = 'available',
  capacity: Record<string, number> = { 'live-chat': 2 },
): AgentEvent => ({ type: 'PresenceChanged', data: { agentId, status, channels: Object.keys(capacity), capacity, at: at(minute) } });
const taken = (agentId: string, caseId: string, minute: number, channel = 'live-chat'): AgentEvent => ({
  type: 'CaseTaken',
  data: { agentId, caseId, channel, at: at(minute) },
});
const released = (agentId: string, caseId: string, minute: number, channel = 'live-chat'): AgentEvent => ({
  type: 'CaseReleased',
  data: { agentId, caseId, channel, at: at(minute), why: 'resolved' },
});

describe('choosing the agent for a waiting case', () => {
  it('tries the agent idle longest first', () =>
    given([presence('ann', 10)], [presence('bob', 5)], [presence('cem', 20)])
      .whenACaseWaitsOn('live-chat')
      .then(['bob', 'ann', 'cem']));

  it('counts idle time from the last case taken', () =>
    given([presence('ann', 1), taken('ann', 'case-1', 30)], [presence('bob', 5)])
      .whenACaseWaitsOn('live-chat')
      .then(['bob', 'ann']));

  it('does not restart idle time when an available agent only changes capacity', () =>
    given([presence('ann', 1), presence('ann', 40, 'available', { 'live-chat': 3 })], [presence('bob', 5)])
      .whenACaseWaitsOn('live-chat')
      .then(['ann', 'bob']));

  it('restarts idle time when an agent comes back from away', () =>
    given([presence('ann', 1), presence('ann', 2, 'away'), presence('ann', 40)], [presence('bob', 5)])
      .whenACaseWaitsOn('live-chat')
      .then(['bob', 'ann']));

  it('passes over agents who are away or offline', () =>
    given([presence('ann', 1, 'away')], [presence('bob', 2, 'offline')], [presence('cem', 3)])
      .whenACaseWaitsOn('live-chat')
      .then(['cem']));

  it('passes over agents who never set a presence', () =>
    given([], [taken('ann', 'case-1', 1)], [presence('bob', 2)])
      .whenACaseWaitsOn('live-chat')
      .then(['bob']));

  it('passes over agents who do not serve the channel', () =>
    given([presence('ann', 1, 'available', { phone: 1 })], [presence('bob', 2, 'available', { 'live-chat': 1, phone: 1 })])
      .whenACaseWaitsOn('live-chat')
      .then(['bob']));

  it('passes over agents whose capacity on that channel is full, whatever they have free elsewhere', () =>
    given(
      [presence('ann', 1, 'available', { 'live-chat': 1, phone: 3 }), taken('ann', 'case-1', 2)],
      [presence('bob', 3, 'available', { 'live-chat': 2 }), taken('bob', 'case-2', 4)],
    )
      .whenACaseWaitsOn('live-chat')
      .then(['bob']));

  it('counts only the cases held on that channel against its capacity', () =>
    given([presence('ann', 1, 'available', { 'live-chat': 1, phone: 1 }), taken('ann', 'call-1', 2, 'phone')])
      .whenACaseWaitsOn('live-chat')
      .then(['ann']));

  it('takes an agent whose case was released back, still counting from the case taken', () =>
    given(
      [presence('ann', 1, 'available', { 'live-chat': 1 }), taken('ann', 'case-1', 20), released('ann', 'case-1', 50)],
      [presence('bob', 10)],
    )
      .whenACaseWaitsOn('live-chat')
      .then(['bob', 'ann']));

  it('keeps the given order among agents idle equally long', () =>
    given([presence('cem', 7)], [presence('ann', 7)], [presence('bob', 7)])
      .whenACaseWaitsOn('live-chat')
      .then(['cem', 'ann', 'bob']));

  it('leaves the case waiting when nobody can take it', () => {
    given().whenACaseWaitsOn('live-chat').then([]);
    given([presence('ann', 1, 'away')], [presence('bob', 2, 'available', { phone: 1 })])
      .whenACaseWaitsOn('live-chat')
      .then([]);
  });
});
