import type { DomainEvent } from '@regie/eventsourcing';
import type { LayerId } from '@regie/concept';

/** Why a case was opened: the escalation rule that fired. */
export const ESCALATION_TRIGGERS = [
  'bot-fallbacks',
  'handoff-requested',
  'negative-sentiment',
  'repeated-task-failure',
  'video-requested',
  'agent-escalation',
] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

/** The customer's story, carried by the case so they do not have to tell it again. */
export interface CaseContext {
  readonly channelsTouched: readonly string[];
  readonly topic?: string;
  readonly botFailures: number;
  readonly earlierCases: readonly string[];
  readonly fromChannel: string;
  readonly fromContactId: string;
}

export type CaseOpened = DomainEvent<
  'CaseOpened',
  {
    readonly caseId: string;
    readonly customerId: string;
    readonly channel: string;
    readonly layer: LayerId;
    readonly trigger: EscalationTrigger;
    readonly reason: string;
    readonly context: CaseContext;
    readonly openedAt: string;
    /** When the wait passes the channel's service level (absent when the concept sets none). */
    readonly serviceLevelDueAt?: string;
    readonly escalatedFrom?: string;
  }
>;
export type CaseAssigned = DomainEvent<
  'CaseAssigned',
  {
    readonly caseId: string;
    readonly agentId: string;
    readonly channel: string;
    readonly assignedAt: string;
    readonly how: 'routed' | 'claimed';
  }
>;
export type ServiceLevelBreached = DomainEvent<
  'ServiceLevelBreached',
  { readonly caseId: string; readonly channel: string; readonly waitedSeconds: number; readonly breachedAt: string }
>;
export type CaseOverflowed = DomainEvent<
  'CaseOverflowed',
  {
    readonly caseId: string;
    readonly fromChannel: string;
    readonly toChannel: string;
    readonly layer: LayerId;
    readonly overflowedAt: string;
  }
>;
export type CaseEscalated = DomainEvent<
  'CaseEscalated',
  {
    readonly caseId: string;
    readonly toChannel: string;
    readonly newCaseId: string;
    readonly reason: string;
    readonly by: string;
    readonly escalatedAt: string;
  }
>;
export type CaseResolved = DomainEvent<
  'CaseResolved',
  { readonly caseId: string; readonly outcome: 'resolved' | 'unresolved'; readonly by: string; readonly resolvedAt: string }
>;
export type CaseAbandoned = DomainEvent<
  'CaseAbandoned',
  { readonly caseId: string; readonly reason: string; readonly abandonedAt: string }
>;

export type CaseEvent = CaseOpened | CaseAssigned | ServiceLevelBreached | CaseOverflowed | CaseEscalated | CaseResolved | CaseAbandoned;

export const caseStream = (caseId: string): string => `case-${caseId}`;
