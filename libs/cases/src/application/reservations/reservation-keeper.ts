import { Inject, Injectable } from '@nestjs/common';
import { CHECKPOINT_STORE, EVENT_STORE, type CheckpointStore, type EventStore, type RecordedEvent } from '@regie/event-store';
import { CheckpointedProcess, Leadership } from '@regie/eventsourcing/application';
import { RESERVATIONS, ReservationKeeping } from './reservation-keeping';

/** Runs the reservation keeping over every recorded reservation, checkpointed, while this instance leads. */
@Injectable()
export class ReservationKeeper extends CheckpointedProcess {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CHECKPOINT_STORE) checkpoints: CheckpointStore,
    leadership: Leadership,
    private readonly keeping: ReservationKeeping,
  ) {
    // Finishing or undoing is idempotent (idempotency keys; an assignment to the same agent is no change).
    super(RESERVATIONS, { streamPrefixes: ['agent-'], checkpointEvery: 25 }, store, checkpoints, leadership);
  }

  onEvent(event: RecordedEvent): Promise<void> {
    return this.keeping.onEvent(event);
  }
}
