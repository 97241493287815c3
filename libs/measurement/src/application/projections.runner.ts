import { failureOf, stackFramesOf } from '@regie/eventsourcing';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CustomerDataHolders, Readiness, type CustomerDataHolder } from '@regie/eventsourcing/application';
import { ConceptInForce } from '@regie/concept';
import {
  EVENT_STORE,
  PROJECTION_STORE,
  runProjection,
  type EventStore,
  type Projection,
  type ProjectionSnapshot,
  type ProjectionStore,
  type RunningProjection,
} from '@regie/event-store';
import { measurementSettings } from '../domain/concept/measured-concept';
import { projectionNamed, projectionsFor } from './registry';

/**
 * Runs every durable projection in this process; each resumes from its saved state and position.
 * The KPI read models are those of the concept's time zone; when a revision changes the zone, the
 * new zone's read models start (from position zero, or where they were saved) on first use.
 */
@Injectable()
export class ProjectionsRunner implements OnApplicationBootstrap, OnApplicationShutdown, CustomerDataHolder {
  readonly name = 'projections';
  private readonly logger = new Logger('projections');
  private readonly running = new Map<string, Promise<RunningProjection<unknown>>>();
  private readonly started = new Map<string, RunningProjection<unknown>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_STORE) private readonly projections: ProjectionStore,
    private readonly concept: ConceptInForce,
    @Optional() holders?: CustomerDataHolders,
    @Optional() private readonly readiness?: Readiness,
  ) {
    holders?.register(this);
  }

  /** Every running projection that keeps something per customer drops it, and is saved at once. */
  async forgetCustomer(customerId: string): Promise<void> {
    // After a restart the erasure may run before this runner has loaded the saved states: load them first.
    await this.ensureRunning(this.timeZone());
    const projections = projectionsFor(this.timeZone());
    for (const [name, running] of this.started) {
      const forget = (projections[name] ?? projectionNamed(name))?.forgetCustomer;
      if (forget) await running.amend((state) => forget(state, customerId));
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureRunning(this.timeZone());
  }

  async onApplicationShutdown(): Promise<void> {
    for (const running of await Promise.all(this.running.values())) await running.stop();
  }

  /** The time zone of the concept in force: the KPI read models to answer from. */
  timeZone(): string {
    return measurementSettings(this.concept.current()).timeZone;
  }

  /** Starts whichever projections of the zone are not running yet. */
  async ensureRunning(timeZone: string): Promise<void> {
    await Promise.all(Object.values(projectionsFor(timeZone)).map((projection) => this.run(projection)));
  }

  snapshot<State>(name: string): ProjectionSnapshot<State> | undefined {
    return this.started.get(name)?.current() as ProjectionSnapshot<State> | undefined;
  }

  names(): string[] {
    return [...this.started.keys()];
  }

  private run(projection: Projection<unknown>): Promise<RunningProjection<unknown>> {
    let running = this.running.get(projection.name);
    if (!running) {
      running = runProjection(this.store, this.projections, projection, {
        onError: (error) => this.logger.error(`projection ${projection.name} stopped: ${failureOf(error)}`, stackFramesOf(error)),
        ...(this.readiness && { onCaughtUp: this.readiness.expect(projection.name) }),
      }).then((started) => {
        this.started.set(projection.name, started);
        return started;
      });
      this.running.set(projection.name, running);
    }
    return running;
  }
}
