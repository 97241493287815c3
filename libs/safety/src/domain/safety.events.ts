import type { DomainEvent } from '@regie/eventsourcing';

/** What kind of aggression an agent met. */
export const AGGRESSION_CATEGORIES = ['verbal', 'threat', 'physical', 'discrimination', 'sexual', 'other'] as const;
export type AggressionCategory = (typeof AGGRESSION_CATEGORIES)[number];

/** Every safety event says who caused it (`actor`, a token's sub) and when (`at`, the command's `now`). */
interface Caused {
  readonly actor: string;
  readonly at: string;
}

/** The actor of events no person caused: the expiry timer and the retention sweep. */
export const SAFETY_SYSTEM_ACTOR = 'system';

export type AggressionReported = DomainEvent<
  'AggressionReported',
  {
    readonly reportId: string;
    readonly customerId: string;
    readonly contactId: string;
    readonly channel: string;
    readonly category: AggressionCategory;
    /** Short and factual, at most 500 characters. */
    readonly description: string;
    readonly reportedBy: string;
  } & Caused
>;
export type ReportDismissed = DomainEvent<'ReportDismissed', { readonly reportId: string; readonly reason: string } & Caused>;
export type WarningIssued = DomainEvent<'WarningIssued', { readonly reportId: string; readonly reason: string } & Caused>;
export type ExclusionRegistered = DomainEvent<
  'ExclusionRegistered',
  {
    readonly exclusionId: string;
    readonly customerId: string;
    readonly channels: readonly string[];
    readonly startsAt: string;
    readonly endsAt: string;
    readonly reason: string;
    /** The open reports the exclusion rests on; registering closes them. */
    readonly reportIds: readonly string[];
    /** Channels the customer is offered instead; never an excluded one. */
    readonly alternatives: readonly string[];
  } & Caused
>;
export type ExclusionLifted = DomainEvent<'ExclusionLifted', { readonly exclusionId: string; readonly reason: string } & Caused>;
export type ExclusionExpired = DomainEvent<'ExclusionExpired', { readonly exclusionId: string } & Caused>;
/** Retention: everything recorded before `erasedBefore` is gone; the application then deletes the stream. */
export type SafetyRecordsErased = DomainEvent<'SafetyRecordsErased', { readonly erasedBefore: string } & Caused>;

export type SafetyEvent =
  AggressionReported | ReportDismissed | WarningIssued | ExclusionRegistered | ExclusionLifted | ExclusionExpired | SafetyRecordsErased;

/** One stream per customer. */
export const safetyStream = (customerId: string): string => `safety-${customerId}`;
