import type { ServiceConcept, SurveySet } from '../service-concept';

/** The part of a journey's `ContactEnded` a survey request needs (the journey context imports this one, not the reverse). */
export interface EndedContact {
  readonly data: { readonly channel: string; readonly contactId: string; readonly outcome: string };
}

/** The data of a `survey.requested` decision: what the platform asks the customer after the contact. */
export interface SurveyRequest {
  readonly instrument: SurveySet['instrument'];
  readonly questions: readonly { readonly id: string; readonly label: string; readonly min: number; readonly max: number }[];
  readonly contactId: string;
  readonly channel: string;
}

/**
 * A contact that ended on a channel with a survey set in the concept asks that survey; one per
 * contact, the first set in the concept's order, so a customer is not asked three surveys in a row.
 * Abandoned and transferred contacts are not surveyed: the customer left, or is still being helped.
 */
export const surveyRequestFor = (concept: Pick<ServiceConcept, 'surveys'>, ended: EndedContact): SurveyRequest | undefined => {
  const { outcome, channel, contactId } = ended.data;
  if (outcome === 'abandoned' || outcome === 'transferred') return undefined;
  const set = concept.surveys.find((candidate) => candidate.channels.includes(channel));
  if (!set) return undefined;
  return {
    instrument: set.instrument,
    questions: set.questions.map(({ id, label, min, max }) => ({ id, label, min, max })),
    contactId,
    channel,
  };
};
