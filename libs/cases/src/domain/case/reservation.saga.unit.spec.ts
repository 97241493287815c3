import type { LifecycleCommand } from './case-lifecycle.saga';
import { caseDecider } from './case.decider';
import type { CaseEvent } from './case.events';
import { reservationSaga } from './reservation.saga';
import { caseOpened } from './case.test-fixtures';

const now = '2026-03-02T10:00:00.000Z';
const opened: CaseEvent = caseOpened('case-1', now);
const assignedTo = (agentId: string): CaseEvent => ({
  type: 'CaseAssigned',
  data: { caseId: 'case-1', agentId, channel: 'live-chat', assignedAt: now, how: 'claimed' },
});
const taken = { agentId: 'agent-a', caseId: 'case-1', channel: 'live-chat', at: now, how: 'claimed' as const };

/** given(case events).when(capacity taken by agent-a).then(commands) */
const given = (events: CaseEvent[]) => ({
  then: (expected: ReturnType<typeof reservationSaga>) =>
    expect(reservationSaga({ taken, caseState: events.reduce(caseDecider.evolve, caseDecider.initialState()), now })).toEqual(expected),
});
const release: LifecycleCommand = {
  target: 'agent',
  id: 'agent-a',
  command: { type: 'ReleaseCase', data: { caseId: 'case-1', why: 'not-assigned', now } },
};

describe('the reservation saga: capacity taken for a case is finished or given back', () => {
  it('assigns a case still queued (the process stopped between the two appends)', () =>
    given([opened]).then([
      { target: 'case', id: 'case-1', command: { type: 'AssignCase', data: { agentId: 'agent-a', how: 'claimed', now } } },
    ]));
  it('does nothing when the case is assigned to this agent', () => given([opened, assignedTo('agent-a')]).then([]));
  it('gives the capacity back when another agent got the case', () => given([opened, assignedTo('agent-b')]).then([release]));
  it('gives it back when the case was abandoned before the assignment', () =>
    given([opened, { type: 'CaseAbandoned', data: { caseId: 'case-1', reason: 'customer left', abandonedAt: now } }]).then([release]));
  it('gives it back when the case does not exist', () => given([]).then([release]));
  it('leaves a case this agent resolved to the lifecycle saga', () =>
    given([
      opened,
      assignedTo('agent-a'),
      { type: 'CaseResolved', data: { caseId: 'case-1', outcome: 'resolved', by: 'agent-a', resolvedAt: now } },
    ]).then([]));
});
