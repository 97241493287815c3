import { Inject, Injectable } from '@nestjs/common';
import type { InteractionRules } from '@regie/contracts';
import type { ServiceConcept } from '../domain/service-concept';
import { validateSurveyAnswer, type SurveyAnswerInput } from '../domain/surveys/validate-survey-answer';

export const INITIAL_SERVICE_CONCEPT = Symbol('INITIAL_SERVICE_CONCEPT');

/** The service concept every decision is taken under right now, and its revision. */
@Injectable()
export class ConceptInForce {
  private concept: ServiceConcept;
  private revisionInForce = -1;

  constructor(@Inject(INITIAL_SERVICE_CONCEPT) initial: ServiceConcept) {
    this.concept = initial;
  }

  current(): ServiceConcept {
    return this.concept;
  }

  /** Zero-based revision in the concept's stream; −1 until the first is recorded. */
  revision(): number {
    return this.revisionInForce;
  }

  channelIds(): ReadonlySet<string> {
    return new Set(this.concept.channels.map((channel) => channel.id));
  }

  /** What an interaction is checked against (HTTP ingest and Kafka intake alike): channels, and survey answers against their questions. */
  interactionRules(): InteractionRules {
    const concept = this.concept;
    return {
      channels: new Set(concept.channels.map((channel) => channel.id)),
      checkData: (type, data) => (type === 'survey.answered' ? validateSurveyAnswer(concept, data as unknown as SurveyAnswerInput) : []),
    };
  }

  /** Takes a recorded revision into force; an older one arriving late changes nothing. */
  adopt(concept: ServiceConcept, revision: number): void {
    if (revision <= this.revisionInForce) return;
    this.concept = concept;
    this.revisionInForce = revision;
  }
}
