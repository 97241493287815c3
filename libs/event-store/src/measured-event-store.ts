import { isConflict } from './errors';
import type { AppendResult, EventStore, NewEvent, AppendOptions, PipelinedAppend, StreamAppend } from './event-store.port';

/** Told how long each append took and how it ended; the metrics behind it are the app's business. */
export interface AppendObserver {
  storeAppended(outcome: 'ok' | 'conflict' | 'error', seconds: number): void;
}

/** The EventStore port with every append timed; everything else passes straight through. */
export class MeasuredEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly observer: AppendObserver,
  ) {
    const pipelined = store.appendToStreamsAfter?.bind(store);
    if (pipelined) {
      this.appendToStreamsAfter = (appends, after) => {
        let sent: PipelinedAppend | undefined;
        const results = this.timed(() => (sent = pipelined(appends, after)).results);
        return { ticket: sent!.ticket, results };
      };
    }
    if (store.saveSnapshots && store.readSnapshot) {
      this.saveSnapshots = store.saveSnapshots.bind(store);
      this.readSnapshot = store.readSnapshot.bind(store);
    }
  }

  appendToStream(stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return this.timed(() => this.store.appendToStream(stream, events, options));
  }

  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.timed(() => this.store.appendToStreams(appends));
  }

  /** Where the store has it: pipelined appends, timed like the rest. */
  readonly appendToStreamsAfter?: (appends: readonly StreamAppend[], after?: number) => PipelinedAppend;

  /** Where the store has them: snapshots, untimed. */
  readonly saveSnapshots?: EventStore['saveSnapshots'];
  readonly readSnapshot?: EventStore['readSnapshot'];

  readStream: EventStore['readStream'] = (stream, options) => this.store.readStream(stream, options);
  readAll: EventStore['readAll'] = (options) => this.store.readAll(options);
  subscribe: EventStore['subscribe'] = (options) => this.store.subscribe(options);
  headPosition: EventStore['headPosition'] = () => this.store.headPosition();
  deleteStream: EventStore['deleteStream'] = (stream) => this.store.deleteStream(stream);
  untilFollowersClose = (): Promise<void> => this.store.untilFollowersClose?.() ?? Promise.resolve();
  close: EventStore['close'] = () => this.store.close();

  private async timed<T>(append: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await append();
      this.observer.storeAppended('ok', (performance.now() - started) / 1000);
      return result;
    } catch (error) {
      this.observer.storeAppended(isConflict(error) ? 'conflict' : 'error', (performance.now() - started) / 1000);
      throw error;
    }
  }
}
