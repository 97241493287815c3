import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { RecordInteractionsHandler } from '../record-interactions/record-interactions.handler';
import { InteractionRecorder } from './interaction-recorder';

/** The orchestrator's part: consume interactions and record them. Needs messaging, the concept and the journey module. */
@Module({})
export class IntakeModule {
  static forRoot(imports: ModuleImports): DynamicModule {
    return { module: IntakeModule, imports: [CqrsModule, ...imports], providers: [RecordInteractionsHandler, InteractionRecorder] };
  }
}
