import type { CaseTaken } from '../agent/agent.events';
import type { LifecycleCommand } from './case-lifecycle.saga';
import type { CaseState } from './case.state';

export interface ReservationInput {
  readonly taken: CaseTaken['data'];
  /** The case as it stands now, folded from its stream. */
  readonly caseState: CaseState;
  readonly now: string;
}

/**
 * Pure: finishes or undoes an assignment whose first step, the capacity reserved on the agent's
 * stream, is recorded. A case still queued is assigned to that agent (the process stopped between
 * the two appends); a case that went to someone else, or ended without this agent, gives the
 * capacity back. A case this agent holds, or finished, needs nothing: the lifecycle saga frees it.
 */
export const reservationSaga = ({ taken, caseState, now }: ReservationInput): LifecycleCommand[] => {
  const { agentId, caseId } = taken;
  const release: LifecycleCommand = {
    target: 'agent',
    id: agentId,
    command: { type: 'ReleaseCase', data: { caseId, why: 'not-assigned', now } },
  };
  switch (caseState.status) {
    case 'queued':
      return [{ target: 'case', id: caseId, command: { type: 'AssignCase', data: { agentId, how: taken.how ?? 'routed', now } } }];
    case 'assigned':
    case 'resolved':
      return caseState.assignee === agentId ? [] : [release];
    case 'none':
    case 'abandoned':
      return [release];
    default: {
      const unexpected: never = caseState;
      return unexpected;
    }
  }
};
