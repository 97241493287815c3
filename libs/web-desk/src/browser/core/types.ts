/** The API's shapes as the pages use them (shared/DESIGN.md §3.3); more fields may come. */

export interface CaseContext {
  readonly channelsTouched: readonly string[];
  readonly topic?: string;
  readonly botFailures: number;
  readonly earlierCases: readonly string[];
  readonly fromChannel: string;
  readonly fromContactId: string;
}

/** One channel's queue, counted by the server (GET /v1/queues). */
export interface QueueSummary {
  readonly channel: string;
  readonly layer: string;
  readonly waiting: number;
  readonly breached: number;
  readonly oldestOpenedAt?: string;
  readonly targetWaitSeconds?: number;
}

export interface CaseView {
  readonly id: string;
  readonly customerId: string;
  readonly channel: string;
  readonly layer: string;
  readonly status: 'queued' | 'assigned' | 'resolved' | 'abandoned';
  readonly assignee?: string;
  readonly reason: string;
  readonly trigger?: string;
  readonly context: CaseContext;
  readonly openedAt: string;
  readonly serviceLevelDueAt?: string;
  readonly breached?: boolean;
  readonly assignedAt?: string;
  readonly outcome?: string;
}

export interface JourneyEntry {
  readonly time: string;
  readonly channel: string;
  readonly layer: string;
  readonly type: string;
  readonly contactId: string;
}

export interface Eligibility {
  readonly channel: string;
  readonly allowed: boolean;
  readonly reason?: string;
  readonly alternatives?: readonly string[];
  readonly endsAt?: string;
}

export interface AggressionReport {
  readonly id: string;
  readonly customerId: string;
  readonly contactId: string;
  readonly channel: string;
  readonly category: string;
  readonly description?: string;
  readonly reportedBy: string;
  readonly reportedAt: string;
  readonly status: string;
}

export interface Exclusion {
  readonly id: string;
  readonly customerId: string;
  readonly channels: readonly string[];
  readonly startsAt: string;
  readonly endsAt: string;
  readonly reason: string;
  readonly reportIds: readonly string[];
  readonly alternatives: readonly string[];
  readonly registeredBy: string;
  readonly status: string;
  readonly inForce: boolean;
}

export interface SafetyHistoryItem {
  readonly type: string;
  readonly recordedAt: string;
  readonly actor?: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The parts of `GET /v1/service-concept` the supervisor's page uses. */
export interface ConceptForDesk {
  readonly serviceLevels: Readonly<Record<string, { readonly targetWaitSeconds: number; readonly targetShare: number }>>;
  readonly safety: { readonly maxExclusionDays: number; readonly defaultChannels: readonly string[] };
}

export const AGGRESSION_CATEGORIES = ['verbal', 'threat', 'physical', 'discrimination', 'sexual', 'other'] as const;
