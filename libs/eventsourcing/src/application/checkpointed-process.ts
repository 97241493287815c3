import { failureOf, stackFramesOf } from '../failure';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { subscribeWithCheckpoint, type CheckpointStore, type EventStore, type RecordedEvent, type Subscription } from '@regie/event-store';
import type { Leadership, SingleWriter } from './leadership';

/**
 * A process that reacts to recorded events, one instance at a time (while this instance leads),
 * resuming from its checkpoint in the store. Handling must be idempotent: a restart may repeat
 * the events after the last checkpoint.
 */
export abstract class CheckpointedProcess implements OnApplicationBootstrap, SingleWriter {
  private readonly logger: Logger;

  protected constructor(
    readonly name: string,
    private readonly options: { readonly streamPrefixes: readonly string[]; readonly checkpointEvery?: number },
    protected readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly leadership: Leadership,
  ) {
    this.logger = new Logger(name);
  }

  abstract onEvent(event: RecordedEvent): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    await this.leadership.whileLeading(this);
  }

  start(): Promise<Subscription> {
    return subscribeWithCheckpoint(this.store, this.checkpoints, {
      name: this.name,
      streamPrefixes: [...this.options.streamPrefixes],
      ...(this.options.checkpointEvery !== undefined && { checkpointEvery: this.options.checkpointEvery }),
      onEvent: (event) => this.onEvent(event),
      onError: (error) => this.logger.error(`${this.name} stopped: ${failureOf(error)}`, stackFramesOf(error)),
    });
  }
}
