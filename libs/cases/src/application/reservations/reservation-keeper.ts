import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  CHECKPOINT_STORE,
  EVENT_STORE,
  subscribeWithCheckpoint,
  type CheckpointStore,
  type EventStore,
  type Subscription,
} from '@regie/event-store';
import { Leadership, type SingleWriter } from '@regie/eventsourcing/application';
import { RESERVATIONS, ReservationKeeping } from './reservation-keeping';

/** Runs the reservation keeping over every recorded reservation, checkpointed, while this instance leads. */
@Injectable()
export class ReservationKeeper implements OnApplicationBootstrap, SingleWriter {
  readonly name = RESERVATIONS;
  private readonly logger = new Logger(RESERVATIONS);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    private readonly keeping: ReservationKeeping,
    private readonly leadership: Leadership,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.leadership.whileLeading(this);
  }

  start(): Promise<Subscription> {
    return subscribeWithCheckpoint(this.store, this.checkpoints, {
      name: RESERVATIONS,
      // Finishing or undoing is idempotent (idempotency keys, an assignment to the same agent is no change).
      checkpointEvery: 25,
      streamPrefixes: ['agent-'],
      onEvent: (event) => this.keeping.onEvent(event),
      onError: (error) => this.logger.error(`reservation keeping stopped: ${String(error)}`),
    });
  }
}
