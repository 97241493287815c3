import { Module, type DynamicModule } from '@nestjs/common';
import { validateInteraction } from '@regie/contracts';
import type { ServiceConcept } from '@regie/domain';
import { INTERACTION_VALIDATOR, type InteractionValidator } from '@regie/messaging';
import { ConceptInForce, INITIAL_SERVICE_CONCEPT } from './concept-in-force';

@Module({})
export class ConceptModule {
  static forRoot(initial: ServiceConcept): DynamicModule {
    return {
      module: ConceptModule,
      global: true,
      providers: [
        { provide: INITIAL_SERVICE_CONCEPT, useValue: initial },
        ConceptInForce,
        {
          provide: INTERACTION_VALIDATOR,
          useFactory: (concept: ConceptInForce): InteractionValidator => (raw) => validateInteraction(raw, { channels: concept.channelIds() }),
          inject: [ConceptInForce],
        },
      ],
      exports: [ConceptInForce, INTERACTION_VALIDATOR],
    };
  }
}
