import type { Decider, DomainEvent } from '@regie/eventsourcing';
import {
  isConflict,
  MultiStreamAppendUnsupportedError,
  NO_STREAM,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type StreamAppend,
} from '@regie/event-store';
import {
  forgetBehind,
  handleCommands,
  foldOn,
  keyed,
  type CommandEnvelope,
  type Handled,
  type HandleOptions,
  type KeptState,
} from './handle-command';
import type { StateCache } from './state-cache';
import type { StateSnapshots } from './state-snapshots';

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
 * (or with a snapshot, `options.snapshots`) is not read on the first attempt: its append expects the cached
 * revision, so an entry made stale by another writer fails like any lost race. A conflict on any stream writes
 * nothing and starts the whole batch again from fresh state. A store that cannot append to several streams
 * atomically (EventStoreDB) gets one handleCommands per stream instead, in order: the same per-stream guarantees,
 * without the batch's atomicity. Results are in the order of `batches`.
 */
export const handleAcrossStreams = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  batches: readonly StreamCommands<Command>[],
  options: HandleOptions<State> = {},
  firstAttempt = 1,
): Promise<Handled<Event>[]> => {
  const maxAttempts = options.maxAttempts ?? 10;
  for (let attempt = firstAttempt; ; attempt += 1) {
    const decided: Decided<Event, State>[] = [];
    // The first attempt trusts the cache (a stale entry fails its expected revision); a retry reads every stream.
    for (const { stream, commands } of batches) {
      const deciding = decideOn(store, decider, stream, commands, options, attempt === 1);
      decided.push(deciding instanceof Promise ? await deciding : deciding);
    }
    const appends = appendsOf(decided);
    if (appends.length === 0) return decided.map(() => ({ events: [], result: undefined }));
    try {
      return handledFrom(decided, await store.appendToStreams(appends), options.cache);
    } catch (error) {
      if (error instanceof MultiStreamAppendUnsupportedError) return handleOneByOne(store, decider, batches, options);
      if (!isConflict(error) || attempt >= maxAttempts) throw error;
      forgetBehind(error, options.cache);
    }
  }
};

/** What appends in flight leave a stream at: its last revision and state, and the ticket of the append. */
export interface PendingState<State> {
  readonly revision: number;
  readonly state: State;
  readonly ticket: number;
}

/** One batch's place among the pipelined batches of one handler (StreamHandler.handleMany). */
export interface PipelineTurn<State> {
  /** Resolves once the batch before has sent its append: with its ticket, to be written only after it. */
  readonly turn: Promise<number | undefined>;
  /** Lets the batch after decide and send: with this batch's ticket, or the one before it when it sent none. */
  readonly pass: (ticket: number | undefined) => void;
  /** Settles once every batch before has: a retry starts from the store only then. */
  readonly earlierSettled: Promise<unknown>;
  /** The streams appends in flight are writing to, shared by the handler's batches. */
  readonly pending: Map<string, PendingState<State>>;
}

/**
 * handleAcrossStreams for a handler whose batches follow each other closely (journey recording): a batch decides
 * on what the batch before it appends, and sends its own append before that one has returned
 * (EventStore.appendToStreamsAfter), so that the store's writer goes from one to the next without waiting for
 * the event loop. It is written only if the one before was written in full; if not, it fails as a conflict, and
 * once every earlier batch has settled it starts again from the store, as handleAcrossStreams does.
 */
export const handlePipelined = async <Command, Event extends DomainEvent, State>(
  store: Required<Pick<EventStore, 'appendToStreamsAfter'>> & EventStore,
  decider: Decider<Command, Event, State>,
  batches: readonly StreamCommands<Command>[],
  turn: PipelineTurn<State>,
  options: HandleOptions<State> = {},
): Promise<Handled<Event>[]> => {
  try {
    const after = await turn.turn;
    const decided: Decided<Event, State>[] = [];
    for (const { stream, commands } of batches) {
      const deciding = decideOn(store, decider, stream, commands, options, true, turn.pending);
      decided.push(deciding instanceof Promise ? await deciding : deciding);
    }
    const appends = appendsOf(decided);
    if (appends.length === 0) {
      turn.pass(after);
      return decided.map(() => ({ events: [], result: undefined }));
    }
    const { ticket, results } = store.appendToStreamsAfter(appends, after);
    for (const { stream, toAppend, state, expectedRevision } of decided) {
      if (toAppend.length === 0) continue;
      const revision = (typeof expectedRevision === 'number' ? expectedRevision : -1) + toAppend.length;
      turn.pending.set(stream, { revision, state, ticket });
    }
    turn.pass(ticket);
    try {
      return handledFrom(decided, await results, options.cache);
    } finally {
      // Written or not, the store now answers for these streams (or the cache does): the next batch reads there.
      for (const { stream } of appends) if (turn.pending.get(stream)?.ticket === ticket) turn.pending.delete(stream);
    }
  } catch (error) {
    if (!isConflict(error)) throw error;
    forgetBehind(error, options.cache);
    await turn.earlierSettled;
    return handleAcrossStreams(store, decider, batches, options, 2);
  } finally {
    turn.pass(undefined); // failed before sending: the batch after must not wait for ever
  }
};

const appendsOf = <Event extends DomainEvent, State>(decided: readonly Decided<Event, State>[]): StreamAppend[] =>
  decided
    .filter(({ toAppend }) => toAppend.length > 0)
    .map(({ stream, toAppend, expectedRevision }): StreamAppend => ({
      stream,
      events: toAppend.map(({ event, metadata }) => ({ type: event.type, data: event.data, metadata })),
      expectedRevision,
    }));

const handledFrom = <Event extends DomainEvent, State>(
  decided: readonly Decided<Event, State>[],
  results: readonly AppendResult[],
  cache: StateCache<State> | undefined,
): Handled<Event>[] => {
  let next = 0;
  return decided.map(({ stream, toAppend, state }): Handled<Event> => {
    if (toAppend.length === 0) return { events: [], result: undefined };
    const result = results[next++]!;
    // Duplicates (already recorded) leave the stream as it was read; only a full append is cached.
    if (cache && result.appended === toAppend.length) cache.set(stream, result.nextExpectedRevision, state);
    return { events: toAppend.map(({ event }) => event), result };
  });
};

/**
 * A stream's decision, on its state as kept (the cache or the appends in flight: at once, without a promise) or
 * as read from the store.
 */
const decideOn = <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  commands: readonly CommandEnvelope<Command>[],
  options: HandleOptions<State>,
  trustCache: boolean,
  pending?: ReadonlyMap<string, PendingState<State>>,
): Decided<Event, State> | Promise<Decided<Event, State>> => {
  const cached = pending?.get(stream) ?? options.cache?.get(stream);
  if (cached && trustCache) return decideFrom(decider, stream, commands, cached.state, cached.revision);
  if (!cached && options.snapshots) return snapshotAndDecide(store, decider, stream, commands, options, options.snapshots, trustCache);
  return readAndDecide(store, decider, stream, commands, options, cached);
};

/**
 * A stream the cache does not hold, decided on its snapshot: trusted as the cache is on a first attempt; on a retry,
 * read on from it where the stream still holds its revision (readOn). After a crash, every stream written since its
 * last snapshot has one behind it, and each batch touching one of them is retried: read whole, a batch's streams
 * cost their whole history.
 */
const snapshotAndDecide = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  commands: readonly CommandEnvelope<Command>[],
  options: HandleOptions<State>,
  snapshots: StateSnapshots<State>,
  trust: boolean,
): Promise<Decided<Event, State>> => {
  const snapshot = await snapshots.get(stream);
  if (snapshot && trust) return decideFrom(decider, stream, commands, snapshot.state, snapshot.revision);
  return readAndDecide(store, decider, stream, commands, options, snapshot);
};

const readAndDecide = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  commands: readonly CommandEnvelope<Command>[],
  options: HandleOptions<State>,
  base: KeptState<State> | undefined,
): Promise<Decided<Event, State>> => {
  const { state, lastRevision, read } = await foldOn(store, stream, decider, base, options.cache);
  if (options.cache && lastRevision !== undefined && read > 0) options.cache.set(stream, lastRevision, state);
  return decideFrom(decider, stream, commands, state, lastRevision);
};

const decideFrom = <Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  stream: string,
  commands: readonly CommandEnvelope<Command>[],
  folded: State,
  lastRevision: number | undefined,
): Decided<Event, State> => {
  let state = folded;
  const toAppend: { event: Event; metadata: EventMetadata }[] = [];
  for (const { command, metadata } of commands) {
    const events = decider.decide(command, state);
    for (let index = 0; index < events.length; index += 1) {
      state = decider.evolve(state, events[index]!);
      toAppend.push({ event: events[index]!, metadata: keyed(metadata, index, lastRevision === undefined) });
    }
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
