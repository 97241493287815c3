import { Module, type DynamicModule } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import type { Observability } from './observability';
import { RegieMetrics } from './regie-metrics';

/** GET /metrics, and RegieMetrics for the modules that record into it. Built once per app, imported where needed. */
@Module({})
export class ObservabilityModule {
  static forRoot(observability: Observability): DynamicModule {
    return {
      module: ObservabilityModule,
      providers: [{ provide: RegieMetrics, useValue: observability.metrics }],
      controllers: [MetricsController],
      exports: [RegieMetrics],
    };
  }
}
