import type { Decider, DomainEvent } from '@regie/eventsourcing';
import {
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedRevisionConflictError,
  type RecordedEvent,
  NO_STREAM,
  isConflict,
} from '@regie/event-store';
import type { StateCache } from './state-cache';
import type { StateSnapshots } from './state-snapshots';

export interface CommandEnvelope<Command> {
  readonly command: Command;
  /** Metadata of the events this command causes; `idempotencyKey` is suffixed per extra event. */
  readonly metadata: EventMetadata;
}

export interface HandleOptions<State = unknown> {
  readonly maxAttempts?: number;
  /** Folded states to start from; the stream is then read only from the cached revision on (readOn). */
  readonly cache?: StateCache<State>;
  /**
   * Snapshots of the states the cache let go (handleAcrossStreams): a stream the cache does not hold is decided on
   * its snapshot, trusted as the cache is, and on a retry on its snapshot and what the stream holds after it.
   */
  readonly snapshots?: StateSnapshots<State>;
}

export interface Handled<Event> {
  readonly events: readonly Event[];
  readonly result: AppendResult | undefined;
}

/**
 * The metadata of the n-th event one command causes: the first keeps the idempotency key, later ones get `/n`. Every
 * event of an append to a stream that has no events (new, or erased) says so (`opensStream`): after an erasure a
 * stream's revisions go on, so the revision before such an event may be the erased run's, and a follower that keeps
 * states (the escalation processor) must not fold it onto the state it kept at that revision.
 */
export const keyed = (metadata: EventMetadata, index: number, opensStream: boolean): EventMetadata => {
  const key = metadata.idempotencyKey === undefined || index === 0 ? undefined : `${metadata.idempotencyKey}/${index}`;
  if (opensStream) return { ...metadata, ...(key !== undefined && { idempotencyKey: key }), opensStream: true };
  return key === undefined ? metadata : { ...metadata, idempotencyKey: key };
};

/** A state kept of a stream (cached, or a snapshot) and the revision it was folded up to. */
export interface KeptState<State> {
  readonly revision: number;
  readonly state: State;
}

/**
 * What to fold for a stream on a state kept of it: the events after it, read from its own revision on (one event
 * more), so that a stream no longer holding that revision shows. Such a stream was erased and written again since (a
 * stream's revisions go on after an erasure, on every store: the new run starts above every revision of the old),
 * perhaps before this process heard of the erasure: what it kept of the erased run is not folded on, and the stream
 * is read whole.
 */
export const readOn = async <Event extends DomainEvent, State>(
  store: EventStore,
  stream: string,
  kept: KeptState<State> | undefined,
): Promise<{ readonly kept: KeptState<State> | undefined; readonly recorded: readonly RecordedEvent<Event['type'], Event['data']>[] }> => {
  if (kept) {
    const read = (await store.readStream(stream, { fromRevision: kept.revision })) as RecordedEvent<Event['type'], Event['data']>[];
    if (read[0]?.revision === kept.revision) return { kept, recorded: read.slice(1) };
  }
  const recorded = (await store.readStream(stream, { fromRevision: 0 })) as RecordedEvent<Event['type'], Event['data']>[];
  return { kept: undefined, recorded };
};

/**
 * The stream folded on from a state kept of it (readOn): the state, the revision it reflects, and how many events were
 * read after the state kept. A kept state of an erased run leaves the cache: the stream is read whole from here on.
 */
export const foldOn = async <Event extends DomainEvent, State>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  base: KeptState<State> | undefined,
  cache: StateCache<State> | undefined,
): Promise<{ readonly state: State; readonly lastRevision: number | undefined; readonly read: number }> => {
  const { kept, recorded } = await readOn<Event, State>(store, stream, base);
  if (base && !kept) cache?.delete(stream);
  let state = kept?.state ?? decider.initialState();
  for (const event of recorded) state = decider.evolve(state, { type: event.type, data: event.data } as Event);
  return { state, lastRevision: recorded.at(-1)?.revision ?? kept?.revision, read: recorded.length };
};

/**
 * After a conflict: where the stream is behind the revision expected (erased since), the cached state is no prefix of
 * it, and the next attempt reads it whole at once, not first from the cached revision (readOn would find it gone).
 */
export const forgetBehind = <State>(conflict: ExpectedRevisionConflictError, cache: StateCache<State> | undefined): void => {
  if (typeof conflict.expected === 'number' && conflict.actual < conflict.expected) cache?.delete(conflict.stream);
};

/**
 * The one command-handling loop (emmett's shape): read the stream, fold it, decide each command
 * in turn on the evolving state, append everything with the expected revision; on a conflict,
 * start again from fresh state. Commands for one stream are handled as one append.
 */
export const handleCommands = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  stream: string,
  decider: Decider<Command, Event, State>,
  commands: readonly CommandEnvelope<Command>[],
  options: HandleOptions<State> = {},
): Promise<Handled<Event>> => {
  const maxAttempts = options.maxAttempts ?? 10;
  for (let attempt = 1; ; attempt += 1) {
    const folded = await foldOn(store, stream, decider, options.cache?.get(stream), options.cache);
    let { state } = folded;
    const { lastRevision } = folded;
    if (options.cache && lastRevision !== undefined) options.cache.set(stream, lastRevision, state);
    const toAppend: { event: Event; metadata: EventMetadata }[] = [];
    for (const { command, metadata } of commands) {
      const decided = decider.decide(command, state);
      decided.forEach((event, index) => {
        state = decider.evolve(state, event);
        toAppend.push({ event, metadata: keyed(metadata, index, lastRevision === undefined) });
      });
    }
    if (toAppend.length === 0) return { events: [], result: undefined };
    try {
      const result = await store.appendToStream(
        stream,
        toAppend.map(({ event, metadata }) => ({ type: event.type, data: event.data, metadata })),
        { expectedRevision: lastRevision ?? NO_STREAM },
      );
      // Duplicates (already recorded) leave the stream as it was read; only a full append is cached.
      if (options.cache && result.appended === toAppend.length) options.cache.set(stream, result.nextExpectedRevision, state);
      return { events: toAppend.map(({ event }) => event), result };
    } catch (error) {
      if (!isConflict(error) || attempt >= maxAttempts) throw error;
      forgetBehind(error, options.cache);
    }
  }
};
