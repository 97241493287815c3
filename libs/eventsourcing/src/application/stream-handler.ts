import type { Decider, DomainEvent } from '@regie/eventsourcing';
import type { EventMetadata, EventStore } from '@regie/event-store';
import { handleCommands, type CommandEnvelope, type Handled } from './handle-command';
import type { StateCache } from './state-cache';

/** Commands for one kind of stream (one decider): load, decide, append with the expected revision. */
export class StreamHandler<Command, Event extends DomainEvent, State> {
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

  handle(id: string, command: Command, metadata: EventMetadata): Promise<Handled<Event>> {
    return this.handleAll(id, [{ command, metadata }]);
  }

  /** Several commands for one stream, decided in turn and appended at once. */
  handleAll(id: string, commands: readonly CommandEnvelope<Command>[]): Promise<Handled<Event>> {
    return handleCommands(this.store, this.streamOf(id), this.decider, commands, { cache: this.cache });
  }
}
