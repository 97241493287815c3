/// <reference lib="dom" />
import { get } from '../core/api';
import type { PageContext } from '../core/page';
import { feedbackOf } from '../core/ui';
import type { ConceptNeeds, GapAnalysis, KpiReport } from './kpi-types';
import { gapQuery, kpiQuery } from './period';
import type { ManagerState } from './state';

/** The figures for the filter, KPIs and gap analysis together, so that the page never shows one filter's KPIs beside another's gaps. */
export const loadFigures = async (state: ManagerState, context: PageContext): Promise<void> => {
  const generation = ++state.generation;
  state.loading = true;
  context.update();
  try {
    const [report, gap] = await Promise.all([
      get<KpiReport>(`/v1/kpis?${kpiQuery(state.filter)}`),
      get<GapAnalysis>(`/v1/gap-analysis?${gapQuery(state.filter)}`),
    ]);
    if (generation !== state.generation) return;
    Object.assign(state, { report, gap, feedback: undefined });
  } catch (error) {
    if (generation !== state.generation) return;
    state.feedback = feedbackOf(error);
  }
  state.loading = false;
  context.update();
};

/** The names of the customer needs: only the concept has them. Without them the matrix shows the needs' ids. */
export const loadNeeds = async (state: ManagerState, context: PageContext): Promise<void> => {
  try {
    state.needs = (await get<ConceptNeeds>('/v1/service-concept')).needs ?? [];
    context.update();
  } catch {
    // The ids are a usable fallback; the figures are what matters.
  }
};
