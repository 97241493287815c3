import { randomUUID } from 'node:crypto';
import {
  ANY as ESDB_ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM as ESDB_NO_STREAM,
  START as ESDB_START,
  STREAM_EXISTS as ESDB_STREAM_EXISTS,
  streamNameFilter,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type JSONType,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { ExpectedRevisionConflictError, MultiStreamAppendUnsupportedError } from '../../errors';
import {
  ANY,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  type AppendOptions,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from '../../event-store.port';
import { deterministicEventId } from './deterministic-id';

/** Our expected revision in EventStoreDB's terms (both count revisions from 0). */
const toEsdbRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  switch (expected) {
    case NO_STREAM:
      return ESDB_NO_STREAM;
    case STREAM_EXISTS:
      return ESDB_STREAM_EXISTS;
    case ANY:
      return ESDB_ANY;
    default:
      return BigInt(expected);
  }
};

/** Port positions are EventStoreDB commit positions: strictly increasing, not dense. */
const toPosition = (position: Position | undefined): number => Number(position?.commit ?? 0n);
const fromPosition = (after: number): ReadPosition => (after <= START ? ESDB_START : { commit: BigInt(after), prepare: BigInt(after) });

const isSystem = (streamId: string, type: string) => streamId.startsWith('$') || type.startsWith('$');
const matches = (streamId: string, prefixes: readonly string[] | undefined) => !prefixes || prefixes.length === 0 || prefixes.some((prefix) => streamId.startsWith(prefix));

const toRecorded = (resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined => {
  const event = resolved.event;
  if (!event || !event.isJson || isSystem(event.streamId, event.type)) return undefined;
  return {
    type: event.type,
    data: event.data,
    metadata: event.metadata as EventMetadata,
    eventId: event.id,
    streamName: event.streamId,
    revision: Number(event.revision),
    position: toPosition(event.position),
    recordedAt: event.created.toISOString(),
  };
};

export interface EventStoreDbOptions {
  /** e.g. `esdb://localhost:2113?tls=false` */
  readonly url: string;
}

/**
 * The production adapter. Idempotency: an event with an idempotency key gets a deterministic
 * event id, and keys already in the target stream are skipped and reported (EventStoreDB's own
 * id check covers concurrent retries). Keys are checked within the stream, which is where Regie
 * keeps them (one customer's journey).
 */
export class EventStoreDbEventStore implements EventStore {
  readonly client: EventStoreDBClient;

  constructor(options: EventStoreDbOptions) {
    this.client = EventStoreDBClient.connectionString(options.url);
  }

  async appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const existing = await this.readStream(stream);
    const known = new Set(existing.map((event) => event.metadata.idempotencyKey).filter((key): key is string => key !== undefined));
    const duplicates: string[] = [];
    const fresh = events.filter((event) => {
      const key = event.metadata.idempotencyKey;
      if (key === undefined) return true;
      if (known.has(key)) {
        duplicates.push(key);
        return false;
      }
      known.add(key);
      return true;
    });
    const last = existing.at(-1);
    if (fresh.length === 0) return { nextExpectedRevision: last?.revision ?? -1, position: last?.position ?? START, appended: 0, duplicates };
    const expected = options.expectedRevision ?? ANY;
    try {
      const result = await this.client.appendToStream(
        stream,
        fresh.map((event) =>
          jsonEvent({
            id: event.metadata.idempotencyKey === undefined ? randomUUID() : deterministicEventId(event.metadata.idempotencyKey),
            type: event.type,
            data: event.data as JSONType,
            metadata: { ...event.metadata },
          }),
        ),
        { expectedRevision: toEsdbRevision(expected) },
      );
      return { nextExpectedRevision: Number(result.nextExpectedRevision), position: toPosition(result.position), appended: fresh.length, duplicates };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : -1;
        throw new ExpectedRevisionConflictError(stream, expected, actual);
      }
      throw error;
    }
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    throw new MultiStreamAppendUnsupportedError('EventStoreDB', appends.map((a) => a.stream));
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        direction: FORWARDS,
        fromRevision: options.fromRevision === undefined ? ESDB_START : BigInt(options.fromRevision),
        ...(options.maxCount !== undefined && { maxCount: options.maxCount }),
      });
      for await (const resolved of read) {
        const recorded = toRecorded(resolved);
        if (recorded) events.push(recorded);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START;
    const max = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: fromPosition(after) });
    try {
      for await (const resolved of read) {
        const recorded = toRecorded(resolved);
        if (!recorded || recorded.position <= after || !matches(recorded.streamName, options.streamPrefixes)) continue;
        events.push(recorded);
        if (events.length >= max) break;
      }
    } finally {
      await read.cancel().catch(() => undefined);
    }
    return events;
  }

  subscribe(options: SubscribeOptions): Subscription {
    const after = options.after ?? START;
    const prefixes = options.streamPrefixes ?? [];
    const subscription = this.client.subscribeToAll({
      fromPosition: fromPosition(after),
      filter: prefixes.length > 0 ? streamNameFilter({ prefixes: [...prefixes] }) : excludeSystemEvents(),
    });
    let seen = after;
    subscription.on('caughtUp', () => {
      void this.headPosition().then(
        (head) => options.onCaughtUp?.(Math.max(seen, head)),
        () => options.onCaughtUp?.(seen),
      );
    });
    const done = (async () => {
      try {
        for await (const resolved of subscription) {
          const recorded = toRecorded(resolved);
          if (!recorded || recorded.position <= after) continue;
          await options.onEvent(recorded);
          seen = recorded.position;
        }
      } catch (error) {
        await subscription.unsubscribe().catch(() => undefined);
        if (options.onError) options.onError(error);
        else throw error;
      }
    })();
    return {
      done,
      stop: async () => {
        await subscription.unsubscribe();
        await done.catch(() => undefined);
      },
    };
  }

  /** The newest event that is not EventStoreDB's own (system streams and metadata do not count). */
  async headPosition(): Promise<number> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 100 });
    let newest: number | undefined;
    try {
      for await (const resolved of read) {
        const position = Number(resolved.event?.position.commit ?? resolved.commitPosition ?? 0n);
        newest ??= position;
        if (resolved.event && !isSystem(resolved.event.streamId, resolved.event.type)) return position;
      }
    } finally {
      await read.cancel().catch(() => undefined);
    }
    return newest ?? START;
  }

  /** Soft delete: reads no longer see the events and the scavenger removes them from disk. */
  async deleteStream(stream: string): Promise<void> {
    try {
      await this.client.deleteStream(stream);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
