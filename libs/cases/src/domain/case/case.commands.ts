import type { DomainCommand } from '@regie/eventsourcing';
import type { LayerId } from '@regie/concept';
import type { CaseOpened } from './case.events';

export type OpenCase = DomainCommand<'OpenCase', CaseOpened['data']>;
export type AssignCase = DomainCommand<
  'AssignCase',
  { readonly agentId: string; readonly how: 'routed' | 'claimed'; readonly now: string }
>;
export type EscalateCase = DomainCommand<
  'EscalateCase',
  {
    readonly by: string;
    readonly toChannel: string;
    readonly toLayer: LayerId;
    /** The concept's layers, lowest first: like time, the concept in force arrives in the command. */
    readonly pyramid: readonly LayerId[];
    readonly newCaseId: string;
    readonly reason: string;
    readonly now: string;
  }
>;
export type ResolveCase = DomainCommand<
  'ResolveCase',
  { readonly by: string; readonly outcome: 'resolved' | 'unresolved'; readonly now: string }
>;
/** Issued by the service-level timer; `overflowTo` is what the concept names for this queue, if anything. */
export type BreachServiceLevel = DomainCommand<
  'BreachServiceLevel',
  { readonly now: string; readonly overflowTo?: { readonly channel: string; readonly layer: LayerId } }
>;
export type AbandonCase = DomainCommand<'AbandonCase', { readonly reason: string; readonly now: string }>;

export type CaseCommand = OpenCase | AssignCase | EscalateCase | ResolveCase | BreachServiceLevel | AbandonCase;
