import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConcept } from '@regie/domain';

export const INITIAL_SERVICE_CONCEPT = Symbol('INITIAL_SERVICE_CONCEPT');

/** The service concept every decision is taken under right now. */
@Injectable()
export class ConceptInForce {
  private concept: ServiceConcept;

  constructor(@Inject(INITIAL_SERVICE_CONCEPT) initial: ServiceConcept) {
    this.concept = initial;
  }

  current(): ServiceConcept {
    return this.concept;
  }

  channelIds(): ReadonlySet<string> {
    return new Set(this.concept.channels.map((channel) => channel.id));
  }

  replace(next: ServiceConcept): void {
    this.concept = next;
  }
}
