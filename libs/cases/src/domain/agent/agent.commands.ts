import type { DomainCommand } from '@regie/eventsourcing';
import type { AssignmentWay, CaseReleased, PresenceChanged } from './agent.events';

export type SetPresence = DomainCommand<'SetPresence', PresenceChanged['data']>;
/** Reserve capacity for a case: the agent's stream is where capacity is guaranteed, also under concurrency. */
export type TakeCase = DomainCommand<
  'TakeCase',
  { readonly caseId: string; readonly channel: string; readonly how: AssignmentWay; readonly now: string }
>;
export type ReleaseCase = DomainCommand<
  'ReleaseCase',
  { readonly caseId: string; readonly why: CaseReleased['data']['why']; readonly now: string }
>;

export type AgentCommand = SetPresence | TakeCase | ReleaseCase;
