/**
 * The event store port. Revisions are zero-based per stream (the first event of a stream has
 * revision 0) and positions are the global, strictly increasing order of all events starting
 * at 1; every adapter converts its native numbering into this one.
 */
export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;
export const ANY = 'any' as const;

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
  /**
   * Idempotency key: `${source}#${id}` of the source CloudEvent, or a command id. An event whose
   * key was already recorded is never recorded again.
   */
  readonly idempotencyKey?: string;
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

export interface AppendResult {
  /** Revision of the stream's last event after the append (−1 if the stream is still empty). */
  readonly nextExpectedRevision: number;
  /** Global position of the last event written, or of the stream's head if nothing was new. */
  readonly position: number;
  /** Events actually written; duplicates by idempotency key are left out. */
  readonly appended: number;
  /** Idempotency keys that were already recorded and therefore skipped. */
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

export interface EventStore {
  appendToStream(stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** The stream's events oldest first; an empty array when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription: everything after `after`, then live events as they are appended. */
  subscribe(options: SubscribeOptions): Subscription;
  /** Position of the newest event in the store (START when empty). */
  headPosition(): Promise<number>;
  /**
   * Erases a stream and its events for good (retention of personal data). Positions are never
   * reused. The name can be used again: append after the last revision a reader sees (SQLite and
   * memory restart at 0, EventStoreDB keeps counting). No-op when absent.
   */
  deleteStream(stream: string): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
