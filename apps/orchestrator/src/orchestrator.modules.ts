import type { DynamicModule } from '@nestjs/common';
import { DecisionPublishingModule, DispatchModule, EscalationProcessingModule } from '@regie/cases';
import { IntakeModule } from '@regie/journey';
import { PrivacyProcessingModule } from '@regie/privacy';
import { SafetyTimekeepingModule } from '@regie/safety';
import type { Platform } from '../../regie/src/platform';

/** Consumer-group member: records interactions; while it leads, runs the sagas, dispatch, timekeeping and decisions. */
export const orchestratorModules = (p: Platform): DynamicModule[] => [
  IntakeModule.forRoot([p.messaging, p.concept, p.journeys]),
  EscalationProcessingModule.forRoot([
    p.store,
    p.board,
    p.journeys,
    p.concept,
    p.safety,
    p.leadership,
    p.clock,
    p.observability,
    p.customerData,
  ]),
  DispatchModule.forRoot([p.store, p.board, p.concept, p.leadership, p.clock], { tickMs: p.config.REGIE_DISPATCH_TICK_MS }),
  SafetyTimekeepingModule.forRoot([p.store, p.safety, p.concept, p.leadership, p.clock], { tickMs: p.config.REGIE_SAFETY_TICK_MS }),
  DecisionPublishingModule.forRoot([p.store, p.messaging, p.leadership, p.concept]),
  PrivacyProcessingModule.forRoot([p.store, p.safety, p.customerData, p.concept, p.leadership, p.clock], {
    tickMs: p.config.REGIE_SAFETY_TICK_MS,
  }),
];
