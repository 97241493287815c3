/// <reference lib="dom" />
import { get } from '../core/api';
import type { PageContext } from '../core/page';
import { feedbackOf } from '../core/ui';
import { hasChannels, type ConceptNeeds, type GapAnalysis, type KpiReport, type PeriodReport } from './kpi-types';
import { gapQuery, kpiQuery } from './period';
import type { ManagerState } from './state';

/**
 * The figures for the filter, KPIs and gap analysis together, so that the page never shows one filter's KPIs beside another's gaps.
 * Every period's channels would be some 3 MB for a year by day; the page shows one period's, so it asks for the last one's.
 */
export const loadFigures = async (state: ManagerState, context: PageContext): Promise<void> => {
  const generation = ++state.generation;
  state.loading = true;
  const figures = Promise.all([
    get<KpiReport>(`/v1/kpis?${kpiQuery(state.filter)}&byChannel=last`),
    get<GapAnalysis>(`/v1/gap-analysis?${gapQuery(state.filter)}`),
  ]);
  // Asked for first, then the page says it is loading: a render would otherwise hold the requests back. The first
  // time, the page renders once, with the figures (the shell says it is loading until then).
  if (state.report || state.feedback) context.update();
  try {
    const [report, gap] = await figures;
    if (generation !== state.generation) return;
    const channels = new Map(report.periods.filter(hasChannels).map((period) => [period.label, period] as const));
    Object.assign(state, { report, gap, channels, feedback: undefined });
  } catch (error) {
    if (generation !== state.generation) return;
    state.feedback = feedbackOf(error);
  }
  state.loading = false;
  context.update();
};

/** The channels' figures of a period the reader has chosen: the same period asked for alone, for the same filter. */
export const loadChannels = async (period: PeriodReport, state: ManagerState, context: PageContext): Promise<void> => {
  const { generation, report } = state;
  if (!report || state.channels.has(period.label)) return;
  const query = new URLSearchParams({ from: period.start, to: period.end, granularity: report.granularity });
  if (state.filter.channel) query.set('channel', state.filter.channel);
  try {
    const [alone] = (await get<KpiReport>(`/v1/kpis?${query.toString()}`)).periods;
    if (generation !== state.generation) return;
    if (alone && hasChannels(alone)) state.channels.set(period.label, alone);
  } catch (error) {
    if (generation !== state.generation) return;
    state.feedback = feedbackOf(error);
  }
  context.update();
};

/** The names of the customer needs: only the concept has them. Without them the matrix shows the needs' ids. */
export const loadNeeds = async (state: ManagerState, context: PageContext): Promise<void> => {
  try {
    state.needs = (await get<ConceptNeeds>('/v1/service-concept')).needs ?? [];
    // Only the gap matrix names the needs: before it is there, the render that brings it names them.
    if (state.gap) context.update();
  } catch {
    // The ids are a usable fallback; the figures are what matters.
  }
};
