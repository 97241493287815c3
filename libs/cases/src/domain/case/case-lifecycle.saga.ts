import type { AgentCommand } from '../agent/agent.commands';
import type { EscalationRules } from '../escalation/escalation.rules';
import type { CaseCommand } from './case.commands';
import type { CaseEvent, CaseOpened } from './case.events';

export type LifecycleCommand =
  | { readonly target: 'agent'; readonly id: string; readonly command: AgentCommand }
  | { readonly target: 'case'; readonly id: string; readonly command: CaseCommand };

export interface LifecycleInput {
  readonly event: CaseEvent;
  /** How the case the event belongs to was opened. */
  readonly opened: CaseOpened['data'];
  readonly rules: Pick<EscalationRules, 'layerOf' | 'targetWaitSeconds'>;
  readonly now: string;
}

/**
 * Pure: what follows from a case event for other streams. A finished case frees its agent's
 * capacity; an escalated case opens its successor in the target channel with the same story.
 */
export const caseLifecycleSaga = ({ event, opened, rules, now }: LifecycleInput): LifecycleCommand[] => {
  switch (event.type) {
    case 'CaseResolved':
      return [
        { target: 'agent', id: event.data.by, command: { type: 'ReleaseCase', data: { caseId: event.data.caseId, why: 'resolved', now } } },
      ];
    case 'CaseEscalated': {
      const { by, caseId, newCaseId, toChannel, reason } = event.data;
      const layer = rules.layerOf[toChannel];
      const wait = rules.targetWaitSeconds[toChannel];
      const release: LifecycleCommand = {
        target: 'agent',
        id: by,
        command: { type: 'ReleaseCase', data: { caseId, why: 'escalated', now } },
      };
      if (!layer) return [release];
      return [
        release,
        {
          target: 'case',
          id: newCaseId,
          command: {
            type: 'OpenCase',
            data: {
              caseId: newCaseId,
              customerId: opened.customerId,
              channel: toChannel,
              layer,
              trigger: 'agent-escalation',
              reason,
              context: { ...opened.context, earlierCases: [...opened.context.earlierCases, caseId] },
              openedAt: now,
              escalatedFrom: caseId,
              ...(wait !== undefined && { serviceLevelDueAt: new Date(Date.parse(now) + wait * 1000).toISOString() }),
            },
          },
        },
      ];
    }
    default:
      return [];
  }
};
