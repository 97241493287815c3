import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { ConceptHttpController } from './concept.http.controller';
import { ReviseConceptHandler } from './revise-concept/revise-concept.handler';

/** The desk's part for supervisors and managers: read and revise the service concept. Needs the store and the concept. */
@Module({})
export class ConceptDeskModule {
  static forRoot(imports: ModuleImports): DynamicModule {
    return {
      module: ConceptDeskModule,
      imports: [CqrsModule, ...imports],
      providers: [ReviseConceptHandler],
      controllers: [ConceptHttpController],
    };
  }
}
