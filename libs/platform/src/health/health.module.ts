import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { HealthController } from './health.controller';

/** `/health` for every role. Needs the store. */
@Module({})
export class HealthModule {
  static forRoot(store: ModuleImports): DynamicModule {
    return { module: HealthModule, imports: [TerminusModule, ...store], controllers: [HealthController] };
  }
}
