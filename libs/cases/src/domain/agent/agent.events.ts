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
/** How a case came to an agent: the agent claimed it, or the dispatcher routed it. */
export type AssignmentWay = 'claimed' | 'routed';

/** Capacity reserved for a case: the first step of an assignment, which the case stream completes. */
export type CaseTaken = DomainEvent<
  'CaseTaken',
  {
    readonly agentId: string;
    readonly caseId: string;
    readonly channel: string;
    readonly at: string;
    /** Absent on events recorded before it was kept; those were routed or claimed, and are finished either way. */
    readonly how?: AssignmentWay;
  }
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
