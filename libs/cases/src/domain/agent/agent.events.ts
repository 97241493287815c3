import type { DomainEvent } from '@regie/eventsourcing';

export const PRESENCE_STATUSES = ['available', 'away', 'offline'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

export type PresenceChanged = DomainEvent<
  'PresenceChanged',
  {
    readonly agentId: string;
    readonly status: PresenceStatus;
    readonly channels: readonly string[];
    /** Open cases the agent can hold at once, per channel. */
    readonly capacity: Readonly<Record<string, number>>;
    readonly at: string;
  }
>;
export type CaseTaken = DomainEvent<
  'CaseTaken',
  { readonly agentId: string; readonly caseId: string; readonly channel: string; readonly at: string }
>;
export type CaseReleased = DomainEvent<
  'CaseReleased',
  {
    readonly agentId: string;
    readonly caseId: string;
    readonly channel: string;
    readonly at: string;
    readonly why: 'resolved' | 'escalated' | 'not-assigned';
  }
>;

export type AgentEvent = PresenceChanged | CaseTaken | CaseReleased;

export const agentStream = (agentId: string): string => `agent-${agentId}`;
