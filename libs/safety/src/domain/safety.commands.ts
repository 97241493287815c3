import type { DomainCommand } from '@regie/eventsourcing';

/** Who gives the command, with the roles their token holds. */
export interface SafetyActor {
  readonly id: string;
  readonly roles: readonly string[];
}

/** Policy values the service concept provides; the application puts them in the commands that need them. */
export interface SafetyPolicy {
  readonly maxExclusionDays: number;
  readonly retentionDays: number;
}

/** Channels an exclusion covers when the command names none. */
export const DEFAULT_EXCLUSION_CHANNELS: readonly string[] = ['video'];

export type ReportAggression = DomainCommand<
  'ReportAggression',
  {
    readonly reportId: string;
    readonly customerId: string;
    readonly contactId: string;
    readonly channel: string;
    /** Unchecked input: must be one of AGGRESSION_CATEGORIES. */
    readonly category: string;
    readonly description: string;
    readonly actor: SafetyActor;
    readonly now: string;
  }
>;
export type DismissReport = DomainCommand<
  'DismissReport',
  { readonly reportId: string; readonly reason: string; readonly actor: SafetyActor; readonly now: string }
>;
export type IssueWarning = DomainCommand<
  'IssueWarning',
  { readonly reportId: string; readonly reason: string; readonly actor: SafetyActor; readonly now: string }
>;
export type RegisterExclusion = DomainCommand<
  'RegisterExclusion',
  {
    readonly exclusionId: string;
    readonly customerId: string;
    /** Empty or omitted: `defaultChannels`, else DEFAULT_EXCLUSION_CHANNELS. */
    readonly channels?: readonly string[];
    readonly endsAt: string;
    readonly reason: string;
    readonly reportIds: readonly string[];
    readonly alternatives: readonly string[];
    readonly actor: SafetyActor;
    readonly now: string;
    readonly maxExclusionDays: SafetyPolicy['maxExclusionDays'];
    /** The concept's default channels, if it names any. */
    readonly defaultChannels?: readonly string[];
  }
>;
export type LiftExclusion = DomainCommand<
  'LiftExclusion',
  { readonly exclusionId: string; readonly reason: string; readonly actor: SafetyActor; readonly now: string }
>;
/** Issued by a timer: records the end of every exclusion whose end has passed. */
export type ExpireExclusions = DomainCommand<'ExpireExclusions', { readonly now: string }>;
/** Issued by the retention sweep. */
export type EraseExpiredRecords = DomainCommand<
  'EraseExpiredRecords',
  { readonly now: string; readonly retentionDays: SafetyPolicy['retentionDays'] }
>;

/** Issued by a customer's erasure (GDPR art. 17): everything goes now, retention or not; `actor` is who asked. */
export type EraseOnRequest = DomainCommand<'EraseOnRequest', { readonly now: string; readonly actor: string }>;

export type SafetyCommand =
  | ReportAggression
  | DismissReport
  | IssueWarning
  | RegisterExclusion
  | LiftExclusion
  | ExpireExclusions
  | EraseExpiredRecords
  | EraseOnRequest;
