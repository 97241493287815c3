import type { AggressionReport, ConceptForDesk, Exclusion, QueueSummary, SafetyHistoryItem } from '../core/types';
import type { Feedback } from '../core/ui';

export type Decision = 'dismiss' | 'warn' | 'exclude';

/** Everything the supervisor's page shows; the page renders from it after every change. */
export interface SupervisorState {
  concept?: ConceptForDesk;
  queues: readonly QueueSummary[];
  queuesFeedback?: Feedback;
  queuesAt?: number;
  reports: readonly AggressionReport[];
  reportsFeedback?: Feedback;
  /** The decision form open under each report. */
  readonly deciding: Map<string, Decision>;
  readonly decisionFeedback: Map<string, Feedback>;
  inboxFeedback?: Feedback;
  exclusions: readonly Exclusion[];
  exclusionsFeedback?: Feedback;
  readonly liftFeedback: Map<string, Feedback>;
  exclusionsNotice?: Feedback;
  historyCustomer?: string;
  history?: readonly SafetyHistoryItem[];
  historyFeedback?: Feedback;
  /** Loads reports and exclusions again, after a decision. */
  reload?: () => void;
}

export const newSupervisorState = (): SupervisorState => ({
  queues: [],
  reports: [],
  deciding: new Map(),
  decisionFeedback: new Map(),
  exclusions: [],
  liftFeedback: new Map(),
});
