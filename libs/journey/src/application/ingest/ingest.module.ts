import { Module, type DynamicModule } from '@nestjs/common';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { InteractionsHttpController } from './interactions.http.controller';

/** The gateway's part: validate interactions and hand them to the messaging port. Needs messaging, the concept and the metrics. */
@Module({})
export class IngestModule {
  static forRoot(imports: ModuleImports): DynamicModule {
    return { module: IngestModule, imports: [...imports], controllers: [InteractionsHttpController] };
  }
}
