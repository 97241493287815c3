import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  CHECKPOINT_STORE,
  EVENT_STORE,
  subscribeWithCheckpoint,
  type CheckpointStore,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@regie/event-store';
import { Leadership, type SingleWriter } from '@regie/eventsourcing/application';

const PROCESS = 'safety-erasure';

/**
 * Deletes a customer's safety stream once its erasure is recorded in it. Driven by the recorded
 * event and checkpointed before it is handled, so a crash between recording and deleting is
 * finished after the restart: personal data is never left behind.
 */
@Injectable()
export class SafetyErasure implements OnApplicationBootstrap, SingleWriter {
  readonly name = PROCESS;
  private readonly logger = new Logger(PROCESS);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    private readonly leadership: Leadership,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.leadership.whileLeading(this);
  }

  start(): Promise<Subscription> {
    return subscribeWithCheckpoint(this.store, this.checkpoints, {
      name: PROCESS,
      streamPrefixes: ['safety-'],
      onEvent: (event) => this.onEvent(event),
      onError: (error) => this.logger.error(`safety erasure stopped: ${String(error)}`),
    });
  }

  /** Deleting a stream that is gone already changes nothing, so a repeated event is harmless. */
  async onEvent(event: RecordedEvent): Promise<void> {
    if (event.type === 'SafetyRecordsErased') await this.store.deleteStream(event.streamName);
  }
}
