import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  EVENT_STORE,
  PROJECTION_STORE,
  runProjection,
  type EventStore,
  type ProjectionSnapshot,
  type ProjectionStore,
  type RunningProjection,
} from '@regie/event-store';
import { PROJECTIONS } from './registry';

/** Runs every durable projection in this process; each resumes from its saved state and position. */
@Injectable()
export class ProjectionsRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('projections');
  private readonly running = new Map<string, RunningProjection<unknown>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_STORE) private readonly projections: ProjectionStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const projection of Object.values(PROJECTIONS)) {
      this.running.set(
        projection.name,
        await runProjection(this.store, this.projections, projection, {
          onError: (error) => this.logger.error(`projection ${projection.name} stopped: ${String(error)}`),
        }),
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const running of this.running.values()) await running.stop();
  }

  snapshot<State>(name: string): ProjectionSnapshot<State> | undefined {
    return this.running.get(name)?.current() as ProjectionSnapshot<State> | undefined;
  }

  names(): string[] {
    return [...this.running.keys()];
  }
}
