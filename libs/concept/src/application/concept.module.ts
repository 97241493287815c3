import { Module, type DynamicModule } from '@nestjs/common';
import { validateInteraction, type JsonLimits } from '@regie/contracts';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { INTERACTION_VALIDATOR, type InteractionValidator } from '@regie/messaging';
import { ConceptInForce, INITIAL_SERVICE_CONCEPT } from './concept-in-force';
import { CONCEPT_FILE_DIGEST, ConceptSync } from './concept-sync';
import type { ServiceConceptFile } from './file/load-service-concept';

/**
 * The concept in force, in every role: it validates channels and drives escalation and routing.
 * `imports`: the store, which records revisions, and the clock. `jsonLimits`: what a consumed interaction is held
 * to (the configured limits, as an HTTP body is); the defaults when left out.
 */
@Module({})
export class ConceptModule {
  static forRoot(file: ServiceConceptFile, imports: ModuleImports, jsonLimits?: JsonLimits): DynamicModule {
    return {
      module: ConceptModule,
      imports: [...imports],
      providers: [
        { provide: INITIAL_SERVICE_CONCEPT, useValue: file.concept },
        { provide: CONCEPT_FILE_DIGEST, useValue: file.digest },
        ConceptInForce,
        ConceptSync,
        {
          provide: INTERACTION_VALIDATOR,
          useFactory:
            (concept: ConceptInForce): InteractionValidator =>
            (raw) =>
              validateInteraction(raw, concept.interactionRules(), '', jsonLimits),
          inject: [ConceptInForce],
        },
      ],
      exports: [ConceptInForce, INTERACTION_VALIDATOR],
    };
  }
}
