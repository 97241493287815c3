/**
 * The event store port, and the promises every adapter keeps (the contract suites in `testing/`
 * check them on each one). Adapters convert their native numbering into this one.
 *
 * Revisions. Per stream, zero-based: the first event a stream ever gets has revision 0, each
 * later one the next number. An empty stream's "last revision" is −1.
 *
 * Positions. One global order over all streams. A position is a positive integer, unique,
 * never reused (not even after erasure), and strictly increasing in the order `readAll` and
 * `subscribe` deliver events: a subscriber that has handled position p has handled every event
 * at or before p, so saving p as a checkpoint is enough to resume without a gap. Positions are
 * *not* dense: erased events leave holes (every adapter), an append rolled back after it was
 * numbered leaves one (PostgreSQL: a lost race on an idempotency key), and EventStoreDB numbers
 * by commit position in its log. `head − position` is therefore a distance, and an upper bound
 * of the events behind on SQLite, PostgreSQL and in memory (exact while nothing was erased or
 * rolled back); count with `readAll` where an exact number matters.
 *
 * Visibility. `readStream` sees every event whose append has returned. `readAll`,
 * `headPosition` and `subscribe` also see every event whose append returned before the call,
 * in order, and never deliver an event after one with a higher position.
 *
 * Idempotency. An event whose `metadata.idempotencyKey` (`${source}#${id}` of the source event,
 * or a command's key) is already recorded anywhere in the store — any stream, erased or not —
 * is never recorded again: the append skips it and reports the key in `duplicates`; a batch
 * that holds only duplicates succeeds without checking the expected revision and changes
 * nothing. Concurrent appends of one key record it once, whatever the streams.
 *
 * Erasure. `deleteStream` removes a stream's events from every read for good. The stream then
 * counts as absent (NO_STREAM and ANY are accepted, STREAM_EXISTS is refused), and a new append
 * continues its revisions after the last one it had: revisions of a stream name are never
 * reused, as in EventStoreDB. The idempotency keys of erased events still hold, so a replayed
 * source event cannot bring erased data back.
 */
export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;
export const ANY = 'any' as const;

/**
 * A number is the revision of the stream's last event; NO_STREAM: the stream has no events (never had, or erased).
 * An erased stream satisfies NO_STREAM only: a state folded before its erasure (a cache, a snapshot) expects its
 * last revision, and fails as a conflict instead of appending onto what was erased.
 */
export type ExpectedRevision = number | typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY;

/** Position before the first event: reading or subscribing from here sees everything. */
export const START = 0;

export interface EventMetadata {
  /** Id of the message (CloudEvent or command) that caused this event. */
  readonly causationId: string;
  /** Id shared by everything that follows from one original message. */
  readonly correlationId: string;
  /** The `sub` of whoever (or whichever service) caused the event. */
  readonly actor: string;
  /** `${source}#${id}` of the source CloudEvent, or a command id: recorded once per store (see above). */
  readonly idempotencyKey?: string;
  /**
   * Set by the command handlers on every event of an append to a stream that had no events (new, or erased): the
   * revision before the first such event, if any, belongs to an erased run (see "Erasure").
   */
  readonly opensStream?: true;
  readonly [extra: string]: unknown;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  readonly eventId: string;
  readonly streamName: string;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
}

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

/** One stream's part of an atomic multi-stream append. */
export interface StreamAppend extends AppendOptions {
  readonly stream: string;
  readonly events: readonly NewEvent[];
}

export interface AppendResult {
  /** Revision of the stream's last event after the append (−1 if the stream has none). */
  readonly nextExpectedRevision: number;
  /** Global position of the last event written, or of the stream's head if nothing was new. */
  readonly position: number;
  /** Events actually written; duplicates by idempotency key are left out. */
  readonly appended: number;
  /** Idempotency keys that were already recorded (or repeated in the batch) and therefore skipped. */
  readonly duplicates: readonly string[];
}

export interface ReadStreamOptions {
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events whose position is strictly greater than this one (default START). */
  readonly after?: number;
  readonly maxCount?: number;
  /** Only streams whose name starts with one of these prefixes. */
  readonly streamPrefixes?: readonly string[];
}

export interface SubscribeOptions extends Omit<ReadAllOptions, 'maxCount'> {
  /** Called once per event, in position order; the next event waits for the returned promise. */
  readonly onEvent: (event: RecordedEvent) => Promise<void> | void;
  /** Called when the subscription stops on an error thrown by `onEvent` or the store. */
  readonly onError?: (error: unknown) => void;
  /**
   * Called each time the subscription has caught up with the head of the store, with the position
   * up to which it has seen every event (those its prefixes leave out included).
   */
  readonly onCaughtUp?: (position: number) => void;
}

export interface Subscription {
  stop(): Promise<void>;
  /** Resolves when the subscription ends (stopped or failed). */
  readonly done: Promise<void>;
}

/** A pipelined append (appendToStreamsAfter): its ticket, for the batch after it, and its results. */
export interface PipelinedAppend {
  readonly ticket: number;
  readonly results: Promise<AppendResult[]>;
}

/**
 * A stream's folded state as a handler kept it (StateSnapshots): `kind` names the state's shape and its version
 * (`journey/1`), so that a state of another shape is never taken for this one; `state` is JSON.
 */
export interface StreamSnapshot {
  readonly stream: string;
  readonly revision: number;
  readonly kind: string;
  readonly state: unknown;
}

export interface EventStore {
  /** Appends to one stream if its last revision satisfies `expectedRevision` (default ANY). */
  appendToStream(stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to several distinct streams at once, all or nothing: when one expected revision fails
   * nothing is written (SQLite and PostgreSQL: one transaction). Idempotency keys count across the
   * whole batch and against everything recorded before. One result per stream, in order.
   * EventStoreDB (before KurrentDB 25) has no such transaction: its adapter refuses batches of
   * more than one stream with MultiStreamAppendUnsupportedError, and callers that need no
   * atomicity across streams (handleAcrossStreams: journey recording) then append stream by stream.
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /**
   * Optional (SQLite, in memory): appendToStreams for a writer that sends its next batch before the last one has
   * returned, having decided it on what the last one appends (pipelined). Batches are applied in the order they
   * are made. Given `after`, the ticket of an earlier pipelined append, a batch is written only if that append
   * wrote every event it was given; otherwise it fails as a revision conflict and writes nothing, so nothing
   * decided on an append that did not happen is ever written. The ticket is known at once.
   */
  appendToStreamsAfter?(appends: readonly StreamAppend[], after?: number): PipelinedAppend;
  /** The stream's events oldest first; an empty array when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription: everything after `after`, then live events as they are appended. */
  subscribe(options: SubscribeOptions): Subscription;
  /** Position of the newest event in the store (START when empty). */
  headPosition(): Promise<number>;
  /**
   * Optional (SQLite, PostgreSQL, in memory): folded states kept beside their streams, so that a stream no process holds in
   * memory is decided on one read instead of its whole history. A snapshot is a cache, never the truth: its revision
   * is the one a writer expects when it decides on it, so a snapshot behind its stream fails like any lost race.
   * Saved in the order given, each replacing the stream's last unless that one is of a later revision (saves may
   * arrive out of order); one at or below the last revision of an erased
   * stream is not kept (a save sent before an erasure must not bring its data back), and deleteStream drops the
   * stream's snapshot with its events.
   */
  saveSnapshots?(snapshots: readonly StreamSnapshot[]): Promise<void>;
  /** The stream's snapshot (see saveSnapshots), if one is kept. */
  readSnapshot?(stream: string): Promise<StreamSnapshot | undefined>;
  /** Erases a stream and its events for good (retention of personal data); see "Erasure". No-op when absent. */
  deleteStream(stream: string): Promise<void>;
  /**
   * Backpressure for writers that take input from outside (ingest): resolves once this process's live
   * subscriptions are within a few thousand events of the head (at most a couple of seconds). Absent
   * where subscriptions are the server's (EventStoreDB).
   */
  untilFollowersClose?(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
