import type { EventStore, StreamSnapshot } from '@regie/event-store';

type SnapshotStore = Required<Pick<EventStore, 'saveSnapshots' | 'readSnapshot'>>;

/**
 * The states a handler's cache lets go, kept in the store as snapshots (EventStore.saveSnapshots): a stream that
 * returns is decided on one read of its snapshot, where reading and folding its history costs more the longer the
 * store's history (one index seek per era of the SQLite store since the stream began, and a row per event).
 *
 * The states let go in one turn of the event loop are saved together, in one write. Until that write is done, they
 * are answered from here. A snapshot of another `kind` (a state of another shape, saved by another version) is no
 * snapshot. A snapshot is trusted as the cache is: its revision is the one the append expects, so one that is
 * behind its stream (another process wrote since, or this one was killed before saving) fails as a conflict, and the
 * retry reads what the stream holds after it (handleAcrossStreams).
 */
export class StateSnapshots<State> {
  /** Let go, and not yet sent to the store. */
  private readonly unsaved = new Map<string, StreamSnapshot>();
  /** Sent to the store, and not yet written. */
  private readonly sending = new Map<string, StreamSnapshot>();
  private scheduled = false;

  private constructor(
    private readonly store: SnapshotStore,
    /** The state's shape and its version (`journey/1`): change it when the state's shape changes. */
    private readonly kind: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Snapshots in `store`, or undefined where it keeps none (EventStoreDB: its handlers read the stream). */
  static in<State>(store: EventStore, kind: string, onError: (error: unknown) => void): StateSnapshots<State> | undefined {
    return store.saveSnapshots && store.readSnapshot ? new StateSnapshots<State>(store as SnapshotStore, kind, onError) : undefined;
  }

  /** A stream's latest state, let go from memory: saved with the others let go in this turn. */
  letGo(stream: string, revision: number, state: State): void {
    this.unsaved.set(stream, { stream, revision, kind: this.kind, state });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.save());
  }

  /** The stream's snapshot of this kind, if one is kept. */
  async get(stream: string): Promise<{ readonly revision: number; readonly state: State } | undefined> {
    const kept = this.unsaved.get(stream) ?? this.sending.get(stream) ?? (await this.store.readSnapshot(stream));
    return kept?.kind === this.kind ? { revision: kept.revision, state: kept.state as State } : undefined;
  }

  /** Saves these states now, with any let go and not yet sent (a handler stopping saves what it holds). */
  async saveNow(states: Iterable<{ readonly stream: string; readonly revision: number; readonly state: State }>): Promise<void> {
    for (const { stream, revision, state } of states) this.unsaved.set(stream, { stream, revision, kind: this.kind, state });
    const snapshots = this.takeUnsaved();
    if (snapshots.length > 0) await this.store.saveSnapshots(snapshots);
  }

  /** A save that failed, told where the handler's owner wants to hear of it (a log). */
  report(error: unknown): void {
    this.onError(error);
  }

  /** Forgets a state not yet saved (the stream is being erased; the store drops what was saved). */
  forget(stream: string): void {
    this.unsaved.delete(stream);
    this.sending.delete(stream);
  }

  private takeUnsaved(): StreamSnapshot[] {
    const snapshots = [...this.unsaved.values()];
    this.unsaved.clear();
    return snapshots;
  }

  private save(): void {
    this.scheduled = false;
    const snapshots = this.takeUnsaved();
    if (snapshots.length === 0) return;
    for (const snapshot of snapshots) this.sending.set(snapshot.stream, snapshot);
    // Written or not, they leave memory: a snapshot is a cache, and a stream without one is read.
    const settled = (): void => {
      for (const snapshot of snapshots) if (this.sending.get(snapshot.stream) === snapshot) this.sending.delete(snapshot.stream);
    };
    this.store.saveSnapshots(snapshots).then(settled, (error: unknown) => {
      settled();
      this.onError(error);
    });
  }
}
