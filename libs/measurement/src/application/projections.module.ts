import { Module, type DynamicModule } from '@nestjs/common';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { ProjectionsHttpController } from './projections.http.controller';
import { ProjectionsRunner } from './projections.runner';

/** The desk's durable read models. Needs the store. */
@Module({})
export class ProjectionsModule {
  static forRoot(store: ModuleImports): DynamicModule {
    return { module: ProjectionsModule, imports: [...store], providers: [ProjectionsRunner], controllers: [ProjectionsHttpController] };
  }
}
