import type { MeasuredConcept } from '../concept/measured-concept';
import { NPS_DETRACTORS, NPS_PROMOTERS, questionCounter, responsesCounter, scoreCounter } from '../projections/survey-results.projection';
import { count, type Counters } from '../projections/tally';
import { atLeast, kpi, type Kpi } from './kpi';

export interface CsatKpi extends Kpi {
  /** question id → mean of its answers, against the same target. */
  readonly byQuestion: Readonly<Record<string, Kpi>>;
}

const meanOf = (sum: number, n: number): number | undefined => (n === 0 ? undefined : sum / n);

/** CSAT: the mean of response scores, each the mean of its answers. */
export const csatKpi = (counters: Counters, concept: MeasuredConcept | undefined): CsatKpi => {
  const target = atLeast(concept?.kpiTargets.csat.min);
  const responses = count(counters, responsesCounter('csat'));
  const questions = concept?.surveys.filter((set) => set.instrument === 'csat').flatMap((set) => set.questions) ?? [];
  const byQuestion = Object.fromEntries(
    questions.map((question) => {
      const n = count(counters, questionCounter('csat', question.id, 'n'));
      return [question.id, kpi(meanOf(count(counters, questionCounter('csat', question.id, 'sum')), n), n, target)];
    }),
  );
  return { ...kpi(meanOf(count(counters, scoreCounter('csat')), responses), responses, target), byQuestion };
};

/** NPS: 100 × (promoters − detractors) / responses, −100…100. */
export const npsKpi = (counters: Counters, concept: MeasuredConcept | undefined): Kpi => {
  const responses = count(counters, responsesCounter('nps'));
  const net = count(counters, NPS_PROMOTERS) - count(counters, NPS_DETRACTORS);
  return kpi(responses === 0 ? undefined : (100 * net) / responses, responses, atLeast(concept?.kpiTargets.nps.min));
};

/** CSI: the mean of the weighted response scores, 0–100. */
export const csiKpi = (counters: Counters, concept: MeasuredConcept | undefined): Kpi => {
  const responses = count(counters, responsesCounter('csi'));
  return kpi(meanOf(count(counters, scoreCounter('csi')), responses), responses, atLeast(concept?.kpiTargets.csi.min));
};
