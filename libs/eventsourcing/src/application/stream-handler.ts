import type { Decider, DomainEvent } from '@regie/eventsourcing';
import type { EventMetadata, EventStore } from '@regie/event-store';
import { handleAcrossStreams } from './handle-across-streams';
import { handleCommands, type CommandEnvelope, type Handled } from './handle-command';
import type { StateCache } from './state-cache';

/** Commands for one kind of stream (one decider): load, decide, append with the expected revision. */
export class StreamHandler<Command, Event extends DomainEvent, State> {
  /** The batch in flight: handleMany takes one at a time (see there). */
  private lastBatch: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly streamOf: (id: string) => string,
    private readonly decider: Decider<Command, Event, State>,
    private readonly cache?: StateCache<State>,
  ) {}

  /** Forgets what is cached of the stream (it was erased), so the next command reads the store. */
  forget(id: string): void {
    this.cache?.delete(this.streamOf(id));
  }

  /**
   * The stream's state folded up to exactly `revision`, when the cache holds that (this handler appended up
   * to there, or read it): a subscriber following the store can take it instead of folding the event again.
   */
  stateAt(id: string, revision: number): State | undefined {
    return this.cache?.at(this.streamOf(id), revision);
  }

  handle(id: string, command: Command, metadata: EventMetadata): Promise<Handled<Event>> {
    return this.handleAll(id, [{ command, metadata }]);
  }

  /** Several commands for one stream, decided in turn and appended at once. */
  handleAll(id: string, commands: readonly CommandEnvelope<Command>[]): Promise<Handled<Event>> {
    return handleCommands(this.store, this.streamOf(id), this.decider, commands, { cache: this.cache });
  }

  /**
   * Commands for many streams (id → commands), appended as one atomic batch (handleAcrossStreams);
   * results in the order of `batch`. Batches through one handler go one at a time: two batches of
   * one process interleaved on their awaits would only make each other conflict and start over.
   */
  handleMany(batch: ReadonlyMap<string, readonly CommandEnvelope<Command>[]>): Promise<Handled<Event>[]> {
    const streams = [...batch].map(([id, commands]) => ({ stream: this.streamOf(id), commands }));
    const handled = this.lastBatch.then(() => handleAcrossStreams(this.store, this.decider, streams, { cache: this.cache }));
    this.lastBatch = handled.catch(() => undefined);
    return handled;
  }
}
