import type { JourneyEvent, SurveyAnswered } from '@regie/journey';
import type { MeasuredConcept } from '../concept/measured-concept';
import { localDay } from '../time/zoned-time';
import { addRevision, settingsAt, type ConceptTimeline } from './concept-timeline';
import { instantOf, projectionName, type MeasurementProjection, type ProjectedEvent } from './projection';
import { isConceptRevised, isJourneyEvent, STREAM_PREFIXES } from './recorded-events';
import { addToTally, type Counters, type Tally } from './tally';

export type Instrument = SurveyAnswered['data']['instrument'];

/**
 * Counters per local day × channel: per instrument `<instrument>.responses`; `csat.score` and
 * `csi.score` sum the response scores; `nps.promoters` / `nps.detractors`; and per question
 * `<instrument>.q.<id>.n` / `.sum` of the raw answers (CSAT per question, the gap analysis).
 */
export const responsesCounter = (instrument: Instrument): string => `${instrument}.responses`;
export const scoreCounter = (instrument: 'csat' | 'csi'): string => `${instrument}.score`;
export const questionCounter = (instrument: Instrument, questionId: string, part: 'n' | 'sum'): string =>
  `${instrument}.q.${questionId}.${part}`;
export const NPS_PROMOTERS = 'nps.promoters';
export const NPS_DETRACTORS = 'nps.detractors';

/** A CSI dimension's weight and scale, from the revision in force when the answer was given. */
export type CsiScale = Readonly<Record<string, { readonly weight: number; readonly min: number; readonly max: number }>>;

export interface SurveyResults {
  readonly timeZone: string;
  readonly concept: ConceptTimeline<CsiScale>;
  readonly days: Tally;
}

const csiScale = (concept: MeasuredConcept): CsiScale =>
  Object.fromEntries(
    concept.surveys
      .filter((set) => set.instrument === 'csi')
      .flatMap((set) => set.questions)
      .map((question) => [question.id, { weight: question.weight ?? 0, min: question.min, max: question.max }]),
  );

/**
 * Σ weight × (answer − min) / (max − min) × 100. A response that skipped a dimension is scored
 * over the weights it did answer, so a skipped question does not read as the lowest score.
 */
const csiScore = (answers: readonly (readonly [string, number])[], scale: CsiScale | undefined): number | undefined => {
  const scored = answers.flatMap(([id, value]) => {
    const dimension = scale?.[id];
    return dimension && dimension.weight > 0 && dimension.max > dimension.min ? [{ ...dimension, value }] : [];
  });
  const weights = scored.reduce((sum, dimension) => sum + dimension.weight, 0);
  if (weights === 0) return undefined;
  return (scored.reduce((sum, d) => sum + (d.weight * (d.value - d.min)) / (d.max - d.min), 0) / weights) * 100;
};

const npsCounters = (score: number): Counters => ({ [NPS_PROMOTERS]: score >= 9 ? 1 : 0, [NPS_DETRACTORS]: score <= 6 ? 1 : 0 });

const responseCounters = (state: SurveyResults, survey: SurveyAnswered['data']): Counters | undefined => {
  const answers = Object.entries(survey.answers).filter(([, value]) => Number.isFinite(value));
  if (answers.length === 0) return undefined;
  const { instrument } = survey;
  const mean = answers.reduce((sum, [, value]) => sum + value, 0) / answers.length;
  const perQuestion = Object.fromEntries(
    answers.flatMap(([id, value]) => [
      [questionCounter(instrument, id, 'n'), 1],
      [questionCounter(instrument, id, 'sum'), value],
    ]),
  );
  const csi = instrument === 'csi' ? csiScore(answers, settingsAt(state.concept, instantOf(survey.occurredAt))) : undefined;
  switch (instrument) {
    case 'csat':
      return { ...perQuestion, [responsesCounter('csat')]: 1, [scoreCounter('csat')]: mean };
    case 'nps':
      return { ...perQuestion, [responsesCounter('nps')]: 1, ...npsCounters(mean) };
    case 'csi':
      return csi === undefined ? perQuestion : { ...perQuestion, [responsesCounter('csi')]: 1, [scoreCounter('csi')]: csi };
    default: {
      const _: never = instrument;
      return undefined;
    }
  }
};

const evolveJourney = (state: SurveyResults, event: JourneyEvent): SurveyResults => {
  if (event.type !== 'SurveyAnswered') return state;
  const counters = responseCounters(state, event.data);
  if (!counters) return state;
  const day = localDay(instantOf(event.data.occurredAt), state.timeZone);
  return { ...state, days: addToTally(state.days, day, event.data.channel, counters) };
};

const evolve = (state: SurveyResults, recorded: ProjectedEvent): SurveyResults => {
  if (isJourneyEvent(recorded)) return evolveJourney(state, recorded);
  if (isConceptRevised(recorded)) return { ...state, concept: addRevision(state.concept, recorded.data, csiScale) };
  return state;
};

export const surveyResultsProjection = (timeZone: string): MeasurementProjection<SurveyResults> => ({
  name: projectionName('surveys', timeZone),
  streamPrefixes: [STREAM_PREFIXES.journey, STREAM_PREFIXES.concept],
  initialState: () => ({ timeZone, concept: [], days: {} }),
  evolve,
});
