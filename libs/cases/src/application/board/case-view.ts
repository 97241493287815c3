import type { CaseOpened } from '../../domain/case/case.events';

export type CaseStatus = 'queued' | 'assigned' | 'resolved' | 'abandoned';

/** A case as agents and supervisors see it (shared/DESIGN.md §3.3). */
export interface CaseView {
  readonly id: string;
  readonly customerId: string;
  readonly channel: string;
  readonly layer: string;
  readonly status: CaseStatus;
  readonly assignee?: string;
  readonly reason: string;
  readonly trigger: string;
  readonly context: CaseOpened['data']['context'];
  readonly openedAt: string;
  readonly serviceLevelDueAt?: string;
  readonly breached: boolean;
  readonly assignedAt?: string;
  readonly closedAt?: string;
  readonly outcome?: string;
  readonly escalatedFrom?: string;
  readonly escalatedTo?: string;
  readonly opened: CaseOpened['data'];
}
