import { Module, type DynamicModule } from '@nestjs/common';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { DecisionPublisher } from './decision-publisher';
import { DecisionsHttpController } from './decisions.http.controller';

/** The orchestrator publishes decisions from recorded events. Needs the store, messaging, leadership and the concept (surveys). */
@Module({})
export class DecisionPublishingModule {
  static forRoot(imports: ModuleImports): DynamicModule {
    return { module: DecisionPublishingModule, imports: [...imports], providers: [DecisionPublisher] };
  }
}

/** The desk streams them to HTTP clients (SSE). Needs messaging. */
@Module({})
export class DecisionStreamModule {
  static forRoot(messaging: ModuleImports): DynamicModule {
    return { module: DecisionStreamModule, imports: [...messaging], controllers: [DecisionsHttpController] };
  }
}
