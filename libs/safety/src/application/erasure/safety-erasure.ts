import { Inject, Injectable } from '@nestjs/common';
import { CHECKPOINT_STORE, EVENT_STORE, type CheckpointStore, type EventStore, type RecordedEvent } from '@regie/event-store';
import { CheckpointedProcess, Leadership } from '@regie/eventsourcing/application';

/**
 * Deletes a customer's safety stream once its erasure is recorded in it. Driven by the recorded
 * event and checkpointed before it is handled, so a crash between recording and deleting is
 * finished after the restart: personal data is never left behind.
 */
@Injectable()
export class SafetyErasure extends CheckpointedProcess {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CHECKPOINT_STORE) checkpoints: CheckpointStore, leadership: Leadership) {
    super('safety-erasure', { streamPrefixes: ['safety-'] }, store, checkpoints, leadership);
  }

  /** Deleting a stream that is gone already changes nothing, so a repeated event is harmless. */
  async onEvent(event: RecordedEvent): Promise<void> {
    if (event.type === 'SafetyRecordsErased') await this.store.deleteStream(event.streamName);
  }
}
