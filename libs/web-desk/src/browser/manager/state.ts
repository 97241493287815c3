import type { Feedback } from '../core/ui';
import type { ChannelPeriod, ConceptNeeds, GapAnalysis, KpiReport } from './kpi-types';
import type { KpiFilter } from './period';

/** Everything the manager's page shows; the page renders from it after every change. */
export interface ManagerState {
  filter: KpiFilter;
  loading: boolean;
  report?: KpiReport;
  gap?: GapAnalysis;
  needs: ConceptNeeds['needs'];
  /** The period the channel and layer tables show (a period label); the latest when unset. */
  period?: string;
  /** Every period in the KPI table, not only the latest (OVERALL_ROWS_SHOWN): the reader's choice, kept across filters. */
  allPeriods: boolean;
  /** The periods whose channels' figures are here, by label: the report holds the last one's, others are fetched when chosen. */
  channels: Map<string, ChannelPeriod>;
  feedback?: Feedback;
  csvFeedback?: Feedback;
  /** Counts the loads, so that an answer to an older filter never overwrites a newer one. */
  generation: number;
}

export const newManagerState = (filter: KpiFilter): ManagerState => ({
  filter,
  loading: false,
  needs: [],
  allPeriods: false,
  channels: new Map(),
  generation: 0,
});
