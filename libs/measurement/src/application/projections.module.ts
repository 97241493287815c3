import { Module, type DynamicModule } from '@nestjs/common';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { KpiQueries } from './kpis/kpi-queries';
import { KpisHttpController } from './kpis/kpis.http.controller';
import { ProjectionLagGauge } from './projection-lag-gauge';
import { ProjectionsHttpController } from './projections.http.controller';
import { ProjectionsRunner } from './projections.runner';

/** The desk's durable read models, KPIs and gap analysis. Needs the store, the concept in force and the metrics. */
@Module({})
export class ProjectionsModule {
  static forRoot(imports: ModuleImports): DynamicModule {
    return {
      module: ProjectionsModule,
      imports: [...imports],
      providers: [ProjectionsRunner, KpiQueries, ProjectionLagGauge],
      controllers: [ProjectionsHttpController, KpisHttpController],
    };
  }
}
