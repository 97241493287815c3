import { assertNever, type Decider } from '@regie/eventsourcing';
import { caseRules } from './case.rules';
import type { CaseCommand } from './case.commands';
import type { CaseEvent } from './case.events';
import type { CaseState } from './case.state';

const initialState = (): CaseState => ({ status: 'none' });

const secondsBetween = (from: string, to: string): number => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

const requireAssignee = (state: CaseState, by: string): void => {
  if (state.status !== 'assigned') {
    caseRules.refuse('case-not-assigned', `the case is ${state.status}; only an assigned case can be handled`);
  }
  if (state.assignee !== by) caseRules.refuse('not-your-case', 'the case is assigned to another agent');
};

const decide = (command: CaseCommand, state: CaseState): CaseEvent[] => {
  switch (command.type) {
    case 'OpenCase':
      // The case id is derived from what triggered it, so a repeated trigger finds its case already open.
      return state.status === 'none' ? [{ type: 'CaseOpened', data: command.data }] : [];
    case 'AssignCase': {
      const { agentId, how, now } = command.data;
      // Assigned already to this agent: the claim and the reservation process may both finish the same assignment.
      if (state.status === 'assigned' && state.assignee === agentId) return [];
      if (state.status !== 'queued') caseRules.refuse('case-not-queued', `the case is ${state.status}, not queued`);
      return [{ type: 'CaseAssigned', data: { caseId: state.caseId, agentId, channel: state.channel, assignedAt: now, how } }];
    }
    case 'EscalateCase': {
      const { by, toChannel, toLayer, pyramid, newCaseId, reason, now } = command.data;
      requireAssignee(state, by);
      if (state.status === 'none' || pyramid.indexOf(toLayer) <= pyramid.indexOf(state.layer)) {
        caseRules.refuse('escalation-must-go-up', `${toChannel} (${toLayer}) is not a higher layer than this case's channel`);
      }
      return [{ type: 'CaseEscalated', data: { caseId: state.caseId, toChannel, newCaseId, reason, by, escalatedAt: now } }];
    }
    case 'ResolveCase': {
      const { by, outcome, now } = command.data;
      requireAssignee(state, by);
      if (state.status === 'none') return [];
      return [{ type: 'CaseResolved', data: { caseId: state.caseId, outcome, by, resolvedAt: now } }];
    }
    case 'BreachServiceLevel': {
      if (state.status !== 'queued' || state.breached) return [];
      const { now, overflowTo } = command.data;
      const breached: CaseEvent = {
        type: 'ServiceLevelBreached',
        data: { caseId: state.caseId, channel: state.channel, waitedSeconds: secondsBetween(state.openedAt, now), breachedAt: now },
      };
      if (!overflowTo || overflowTo.channel === state.channel) return [breached];
      return [
        breached,
        {
          type: 'CaseOverflowed',
          data: {
            caseId: state.caseId,
            fromChannel: state.channel,
            toChannel: overflowTo.channel,
            layer: overflowTo.layer,
            overflowedAt: now,
          },
        },
      ];
    }
    case 'AbandonCase':
      if (state.status !== 'queued') return [];
      return [{ type: 'CaseAbandoned', data: { caseId: state.caseId, reason: command.data.reason, abandonedAt: command.data.now } }];
    default:
      return assertNever(command);
  }
};

const evolve = (state: CaseState, event: CaseEvent): CaseState => {
  switch (event.type) {
    case 'CaseOpened': {
      const { caseId, customerId, channel, layer, openedAt } = event.data;
      return { status: 'queued', caseId, customerId, channel, layer, openedAt, breached: false };
    }
    case 'CaseAssigned':
      return state.status === 'queued' ? { ...state, status: 'assigned', assignee: event.data.agentId } : state;
    case 'ServiceLevelBreached':
      return state.status === 'queued' ? { ...state, breached: true } : state;
    case 'CaseOverflowed':
      return state.status === 'queued' ? { ...state, channel: event.data.toChannel, layer: event.data.layer } : state;
    case 'CaseEscalated':
      return state.status === 'assigned' ? { ...state, status: 'resolved', outcome: 'escalated' } : state;
    case 'CaseResolved':
      return state.status === 'assigned' ? { ...state, status: 'resolved', outcome: event.data.outcome } : state;
    case 'CaseAbandoned':
      return state.status === 'queued' ? { ...state, status: 'abandoned' } : state;
    default:
      return assertNever(event);
  }
};

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = { decide, evolve, initialState };
