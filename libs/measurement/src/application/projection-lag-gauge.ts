import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { RegieMetrics } from '@regie/observability';
import { ProjectionsRunner } from './projections.runner';

/**
 * Per read model, the distance from its applied position to the head of the store, read whenever
 * Prometheus scrapes: a distance in positions, an upper bound of the events behind (event-store.port.ts).
 */
@Injectable()
export class ProjectionLagGauge implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionsRunner,
    private readonly metrics: RegieMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.readProjectionLagFrom(async () => {
      const head = await this.store.headPosition();
      const lags = new Map<string, number>();
      for (const name of this.runner.names()) lags.set(name, Math.max(0, head - (this.runner.snapshot(name)?.position ?? 0)));
      return lags;
    });
  }
}
