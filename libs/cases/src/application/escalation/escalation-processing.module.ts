import { Module, type DynamicModule } from '@nestjs/common';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { EscalationProcessor } from './escalation.processor';

/**
 * The orchestrator’s sagas over recorded events. Needs the store, the board, journeys, the concept,
 * safety records, leadership and the metrics.
 */
@Module({})
export class EscalationProcessingModule {
  static forRoot(imports: ModuleImports): DynamicModule {
    return { module: EscalationProcessingModule, imports: [...imports], providers: [EscalationProcessor] };
  }
}
