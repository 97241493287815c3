import type { Decider, DomainEvent } from '@regie/eventsourcing';
import {
  isConflict,
  MultiStreamAppendUnsupportedError,
  NO_STREAM,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
  type StreamAppend,
} from '@regie/event-store';
import { handleCommands, keyed, type CommandEnvelope, type Handled, type HandleOptions } from './handle-command';

/** The commands for one stream of a batch. */
export interface StreamCommands<Command> {
  readonly stream: string;
  readonly commands: readonly CommandEnvelope<Command>[];
}

interface Decided<Event, State> {
  readonly stream: string;
  readonly toAppend: readonly { readonly event: Event; readonly metadata: EventMetadata }[];
  readonly state: State;
  readonly expectedRevision: number | typeof NO_STREAM;
}

/**
 * handleCommands over many streams of one decider, appended as one atomic batch
 * (`appendToStreams`: one transaction on SQLite and PostgreSQL): each stream is folded and
 * decided as handleCommands does, and each keeps its own expected revision. A stream in the cache
 * is not read on the first attempt: its append expects the cached revision, so an entry made
 * stale by another writer fails like any lost race. A conflict on any stream writes nothing and starts the whole batch again from fresh
 * state. A store that cannot append to several streams atomically (EventStoreDB) gets one
 * handleCommands per stream instead, in order: the same per-stream guarantees, without the
 * batch's atomicity. Results are in the order of `batches`.
 */
export const handleAcrossStreams = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  batches: readonly StreamCommands<Command>[],
  options: HandleOptions<State> = {},
): Promise<Handled<Event>[]> => {
  const maxAttempts = options.maxAttempts ?? 10;
  for (let attempt = 1; ; attempt += 1) {
    const decided: Decided<Event, State>[] = [];
    // The first attempt trusts the cache (a stale entry fails its expected revision); a retry reads every stream.
    for (const { stream, commands } of batches) decided.push(await decideOn(store, decider, stream, commands, options, attempt === 1));
    const appends = decided
      .filter(({ toAppend }) => toAppend.length > 0)
      .map(({ stream, toAppend, expectedRevision }): StreamAppend => ({
        stream,
        events: toAppend.map(({ event, metadata }) => ({ type: event.type, data: event.data, metadata })),
        expectedRevision,
      }));
    if (appends.length === 0) return decided.map(() => ({ events: [], result: undefined }));
    try {
      const results = await store.appendToStreams(appends);
      let next = 0;
      return decided.map(({ stream, toAppend, state }): Handled<Event> => {
        if (toAppend.length === 0) return { events: [], result: undefined };
        const result = results[next++]!;
        // Duplicates (already recorded) leave the stream as it was read; only a full append is cached.
        if (options.cache && result.appended === toAppend.length) options.cache.set(stream, result.nextExpectedRevision, state);
        return { events: toAppend.map(({ event }) => event), result };
      });
    } catch (error) {
      if (error instanceof MultiStreamAppendUnsupportedError) return handleOneByOne(store, decider, batches, options);
      if (!isConflict(error) || attempt >= maxAttempts) throw error;
    }
  }
};

const decideOn = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  commands: readonly CommandEnvelope<Command>[],
  options: HandleOptions<State>,
  trustCache: boolean,
): Promise<Decided<Event, State>> => {
  const cached = options.cache?.get(stream);
  const recorded =
    cached && trustCache
      ? []
      : ((await store.readStream(stream, { fromRevision: (cached?.revision ?? -1) + 1 })) as RecordedEvent<Event['type'], Event['data']>[]);
  let state = cached?.state ?? decider.initialState();
  for (const event of recorded) state = decider.evolve(state, { type: event.type, data: event.data } as Event);
  const lastRevision = recorded.at(-1)?.revision ?? cached?.revision;
  if (options.cache && lastRevision !== undefined && recorded.length > 0) options.cache.set(stream, lastRevision, state);
  const toAppend: { event: Event; metadata: EventMetadata }[] = [];
  for (const { command, metadata } of commands) {
    decider.decide(command, state).forEach((event, index) => {
      state = decider.evolve(state, event);
      toAppend.push({ event, metadata: keyed(metadata, index) });
    });
  }
  return { stream, toAppend, state, expectedRevision: lastRevision ?? NO_STREAM };
};

const handleOneByOne = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  batches: readonly StreamCommands<Command>[],
  options: HandleOptions<State>,
): Promise<Handled<Event>[]> => {
  const handled: Handled<Event>[] = [];
  for (const { stream, commands } of batches) handled.push(await handleCommands(store, stream, decider, commands, options));
  return handled;
};
