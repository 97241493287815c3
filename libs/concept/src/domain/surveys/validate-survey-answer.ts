import type { ServiceConcept, SurveySet } from '../service-concept';

/** A problem with one field of the interaction: its path and what is accepted, for a 400 or a DLQ reason. */
export interface SurveyProblem {
  readonly path: string;
  readonly message: string;
}
type Problem = SurveyProblem;

/** The `data` of a `survey.answered` interaction, not yet trusted; problems name paths in the interaction (`data.answers.speed`). */
export interface SurveyAnswerInput {
  readonly channel: string;
  readonly instrument: string;
  readonly answers: Readonly<Record<string, unknown>>;
}

export const surveySetFor = (concept: Pick<ServiceConcept, 'surveys'>, instrument: string, channel: string): SurveySet | undefined =>
  concept.surveys.find((set) => set.instrument === instrument && set.channels.includes(channel));

const instrumentProblem = (concept: Pick<ServiceConcept, 'surveys'>, { instrument, channel }: SurveyAnswerInput): Problem => {
  const sets = concept.surveys.filter((set) => set.instrument === instrument);
  if (sets.length === 0) {
    const known = concept.surveys.map((set) => set.instrument).join(', ') || 'none';
    return { path: 'data.instrument', message: `the service concept has no ${instrument} survey (surveys: ${known})` };
  }
  const channels = sets.flatMap((set) => set.channels).join(', ');
  return { path: 'data.instrument', message: `the ${instrument} survey is not asked on ${channel} (it is on: ${channels})` };
};

/**
 * Checks a survey response against the concept in force (DESIGN §7; `survey.answered`, HTTP 400 or the Kafka DLQ): a survey set of the
 * instrument covers the channel, every answer names one of its questions, and every value lies
 * within that question's [min, max]. Returns every problem, none when the response is valid.
 */
export const validateSurveyAnswer = (concept: Pick<ServiceConcept, 'surveys'>, input: SurveyAnswerInput): Problem[] => {
  const set = surveySetFor(concept, input.instrument, input.channel);
  if (!set) return [instrumentProblem(concept, input)];
  const entries = Object.entries(input.answers);
  if (entries.length === 0) return [{ path: 'data.answers', message: `must answer at least one question of the ${set.instrument} survey` }];
  const ids = set.questions.map((question) => question.id).join(', ');
  return entries.flatMap(([id, value]): Problem[] => {
    const path = `data.answers.${id}`;
    const question = set.questions.find((candidate) => candidate.id === id);
    if (!question) return [{ path, message: `"${id}" is not a question of the ${set.instrument} survey (questions: ${ids})` }];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return [{ path, message: `must be a number from ${question.min} to ${question.max}` }];
    }
    if (value < question.min || value > question.max) {
      return [{ path, message: `${value} is out of range: answers to "${id}" go from ${question.min} to ${question.max}` }];
    }
    return [];
  });
};
