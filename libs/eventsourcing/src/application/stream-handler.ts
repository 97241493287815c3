import type { Decider, DomainEvent } from '@regie/eventsourcing';
import type { EventMetadata, EventStore } from '@regie/event-store';
import { handleAcrossStreams, handlePipelined, type PendingState } from './handle-across-streams';
import { handleCommands, type CommandEnvelope, type Handled } from './handle-command';
import type { StateCache } from './state-cache';
import type { StateSnapshots } from './state-snapshots';

/** Commands for one kind of stream (one decider): load, decide, append with the expected revision. */
export class StreamHandler<Command, Event extends DomainEvent, State> {
  /** The last batch handleMany was given: settles once it has. */
  private lastBatch: Promise<unknown> = Promise.resolve();
  /** Pipelined: resolves once the last batch has sent its append, with its ticket (see handlePipelined). */
  private lastSent: Promise<number | undefined> = Promise.resolve(undefined);
  /** Pipelined: the streams of appends in flight, as they leave them. */
  private readonly pending = new Map<string, PendingState<State>>();
  /** saveHeld has run: the app is stopping (savedWhileStopping). */
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly streamOf: (id: string) => string,
    private readonly decider: Decider<Command, Event, State>,
    private readonly cache?: StateCache<State>,
    /** Where the cache's states go when it lets them go (handleMany decides on them, see handleAcrossStreams). */
    private readonly snapshots?: StateSnapshots<State>,
  ) {}

  /**
   * Forgets what is cached of the stream, what an append in flight leaves it at, and a snapshot not yet saved (it was
   * erased): the next command reads the store.
   */
  forget(id: string): void {
    this.cache?.delete(this.streamOf(id));
    this.pending.delete(this.streamOf(id));
    this.snapshots?.forget(this.streamOf(id));
  }

  /**
   * Once the batches given have settled, saves every state the cache holds as a snapshot, where there are snapshots:
   * after a restart, a stream that returns is decided on one read, not on its history.
   */
  async saveHeld(): Promise<void> {
    if (!this.cache || !this.snapshots) return;
    await this.lastBatch;
    this.stopping = true;
    await this.snapshots.saveNow(this.cache.latest());
  }

  /**
   * After saveHeld, what a batch appends is saved as it is appended: input still in flight while the app stops (an
   * HTTP request, a Kafka batch: both stop after the hook that saves) would otherwise leave its streams a snapshot
   * behind, and each of them one conflict and a read after the restart. A failure to save loses nothing recorded.
   */
  private async savedWhileStopping(streams: readonly { readonly stream: string }[]): Promise<void> {
    if (!this.stopping || !this.cache || !this.snapshots) return;
    const held = streams.flatMap(({ stream }) => {
      const state = this.cache!.get(stream);
      return state ? [{ stream, ...state }] : [];
    });
    await this.snapshots.saveNow(held).catch((error: unknown) => this.snapshots!.report(error));
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
   * results in the order of `batch`. Batches through one handler are decided one after the other: two
   * interleaved on their awaits would only make each other conflict and start over. Where the store takes
   * pipelined appends, a batch is decided on what the one before appends and sent before that one has
   * returned (handlePipelined); elsewhere it waits until the one before has settled.
   */
  handleMany(batch: ReadonlyMap<string, readonly CommandEnvelope<Command>[]>): Promise<Handled<Event>[]> {
    const streams = [...batch].map(([id, commands]) => ({ stream: this.streamOf(id), commands }));
    const options = { ...(this.cache && { cache: this.cache }), ...(this.snapshots && { snapshots: this.snapshots }) };
    const earlierSettled = this.lastBatch;
    let handled: Promise<Handled<Event>[]>;
    if (this.store.appendToStreamsAfter) {
      const store = this.store as EventStore & Required<Pick<EventStore, 'appendToStreamsAfter'>>;
      let pass!: (ticket: number | undefined) => void;
      const sent = new Promise<number | undefined>((resolve) => (pass = resolve));
      const turn = { turn: this.lastSent, pass, earlierSettled, pending: this.pending };
      this.lastSent = sent;
      handled = handlePipelined(store, this.decider, streams, turn, options);
    } else {
      handled = earlierSettled.then(() => handleAcrossStreams(this.store, this.decider, streams, options));
    }
    handled = handled.then(async (results) => {
      await this.savedWhileStopping(streams);
      return results;
    });
    this.lastBatch = handled.catch(() => undefined);
    return handled;
  }
}
