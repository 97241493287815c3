import type { DynamicModule } from '@nestjs/common';
import { CasesModule, DecisionStreamModule } from '@regie/cases';
import { ConceptDeskModule, ConceptInForce } from '@regie/concept';
import { JourneyDeskModule } from '@regie/journey';
import { ProjectionsModule } from '@regie/measurement';
import { PrivacyDeskModule } from '@regie/privacy';
import { SafetyDeskModule } from '@regie/safety';
import { WebDeskModule, type DeskLabelSource } from '@regie/web-desk';
import type { Platform } from '../../regie/src/platform';

/** The API for agents, supervisors and service managers, over the store and its read models; and the web pages on it. */
export const deskModules = (p: Platform): DynamicModule[] => [
  JourneyDeskModule.forRoot([p.store]),
  CasesModule.forRoot([p.board, p.concept, p.safety, p.clock]),
  SafetyDeskModule.forRoot([p.store, p.safety, p.concept, p.clock]),
  ConceptDeskModule.forRoot([p.store, p.concept, p.clock]),
  ProjectionsModule.forRoot([p.store, p.concept, p.observability, p.customerData, p.readiness]),
  PrivacyDeskModule.forRoot([p.store, p.clock, p.customerData]),
  DecisionStreamModule.forRoot([p.messaging]),
  WebDeskModule.forRoot({
    imports: [p.concept],
    identity: p.identity,
    inject: [ConceptInForce],
    labels:
      (concept: ConceptInForce): DeskLabelSource =>
      () =>
        concept.current(),
  }),
];
