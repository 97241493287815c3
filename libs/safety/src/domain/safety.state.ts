import type { AggressionCategory } from './safety.events';

export type ReportStatus = 'open' | 'dismissed' | 'warned' | 'excluded';
export type ExclusionStatus = 'in-force' | 'lifted' | 'expired';

export interface AggressionReport {
  readonly reportId: string;
  readonly customerId: string;
  readonly contactId: string;
  readonly channel: string;
  readonly category: AggressionCategory;
  readonly reportedBy: string;
  readonly reportedAt: string;
  readonly status: ReportStatus;
  /** When a supervisor dismissed it, warned on it or excluded on it. */
  readonly closedAt?: string;
}

export interface Exclusion {
  readonly exclusionId: string;
  readonly customerId: string;
  readonly channels: readonly string[];
  readonly startsAt: string;
  readonly endsAt: string;
  readonly reason: string;
  readonly reportIds: readonly string[];
  readonly alternatives: readonly string[];
  readonly registeredBy: string;
  readonly status: ExclusionStatus;
  /** When it stopped applying: the lift, or `endsAt` when it expired. */
  readonly endedAt?: string;
}

/** The description is not kept here: it lives in the event only, and goes with the stream on erasure. */
export interface SafetyState {
  readonly customerId?: string;
  readonly reports: Readonly<Record<string, AggressionReport>>;
  readonly exclusions: Readonly<Record<string, Exclusion>>;
}
