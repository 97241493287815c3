import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM as ESDB_NO_STREAM,
  START as ESDB_START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type ExpectedRevision as EsdbExpectedRevision,
  type JSONType,
} from '@eventstore/db-client';
import { ExpectedRevisionConflictError, MultiStreamAppendUnsupportedError } from '../../errors';
import {
  ANY,
  START,
  type AppendOptions,
  type AppendResult,
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
import { satisfies, visibleRevision } from '../../expected-revision';
import { deterministicEventId } from './deterministic-id';
import { IdempotencyClaims, type PlannedEvent } from './eventstoredb-claims';
import { subscribeToAll } from './eventstoredb-subscription';
import { fromPosition, isInternal, matches, streamHead, toEsdbRevision, toPosition, toRecorded } from './eventstoredb-records';

export interface EventStoreDbOptions {
  /** e.g. `esdb://localhost:2113?tls=false` */
  readonly url: string;
}

const MAX_ATTEMPTS = 5;

const plan = (event: NewEvent): PlannedEvent => ({
  id: event.metadata.idempotencyKey === undefined ? randomUUID() : deterministicEventId(event.metadata.idempotencyKey),
  type: event.type,
  data: event.data as JSONType,
  metadata: { ...event.metadata },
});

/**
 * The production adapter. Events without an idempotency key are appended as they are; a batch
 * with keys goes through claim streams (eventstoredb-claims.ts), which make the keys hold
 * across the whole store, erased streams included. Soft deletion keeps counting revisions,
 * which is the port's rule for every adapter.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly client: EventStoreDBClient;
  private readonly claims: IdempotencyClaims;

  constructor(options: EventStoreDbOptions) {
    this.client = EventStoreDBClient.connectionString(options.url);
    this.claims = new IdempotencyClaims(this.client);
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length !== 1)
      throw new MultiStreamAppendUnsupportedError(
        'EventStoreDB',
        appends.map((append) => append.stream),
      );
    return [await this.appendToStream(appends[0]!.stream, appends[0]!.events, appends[0]!)];
  }

  async appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? ANY;
    if (events.every((event) => event.metadata.idempotencyKey === undefined)) {
      return this.append(stream, events.map(plan), toEsdbRevision(expected), expected);
    }
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.appendClaimed(stream, events, expected, attempt === MAX_ATTEMPTS);
      if (result) return result;
    }
  }

  /** One attempt; undefined when a race was lost in a way the caller's expectation allows retrying. */
  private async appendClaimed(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    last: boolean,
  ): Promise<AppendResult | undefined> {
    const keys = [...new Set(events.flatMap(({ metadata: { idempotencyKey: key } }) => (key === undefined ? [] : [key])))];
    const free = new Map<string, EsdbExpectedRevision>();
    await Promise.all(
      keys.map(async (key) => {
        const status = await this.claims.status(key);
        if (!status.recorded) free.set(key, status.revision);
      }),
    );
    const duplicates: string[] = [];
    const inBatch = new Set<string>();
    const fresh = events.filter(({ metadata: { idempotencyKey: key } }) => {
      if (key === undefined) return true;
      if (!free.has(key) || inBatch.has(key)) {
        duplicates.push(key);
        return false;
      }
      inBatch.add(key);
      return true;
    });
    const head = await streamHead(this.client, stream);
    if (fresh.length === 0) return { nextExpectedRevision: visibleRevision(head), position: head.position, appended: 0, duplicates };
    if (!satisfies(expected, head)) throw new ExpectedRevisionConflictError(stream, expected, visibleRevision(head));
    // An explicit revision, even for ANY, so that a replay of this claim is exact (see IdempotencyClaims).
    const esdbExpected = head.lastRevision >= 0 ? BigInt(head.lastRevision) : ESDB_NO_STREAM;
    const claim = await this.claims.claimAll(free, { stream, expected: String(esdbExpected), events: fresh.map(plan) });
    if (!claim) {
      if (last) throw new Error(`EventStoreDB: the idempotency keys of this append stayed contended for ${MAX_ATTEMPTS} attempts`);
      return undefined;
    }
    try {
      const result = await this.append(stream, claim.append.events, esdbExpected, expected);
      await this.claims.closeAll(claim, claim.held, 'recorded');
      return { ...result, duplicates };
    } catch (error) {
      if (!(error instanceof ExpectedRevisionConflictError)) throw error; // claims stay ready: the next writer replays or releases them
      await this.claims.closeAll(claim, claim.held, 'released');
      if (typeof expected === 'number' || last) throw error;
      return undefined; // the stream moved between our read and our write; the caller's expectation may still hold
    }
  }

  private async append(
    stream: string,
    events: readonly PlannedEvent[],
    esdbExpected: AppendExpectedRevision,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    try {
      const written = events.map((event) => jsonEvent({ ...event }));
      const result = await this.client.appendToStream(stream, written, { expectedRevision: esdbExpected });
      const nextExpectedRevision = Number(result.nextExpectedRevision);
      return { nextExpectedRevision, position: toPosition(result.position), appended: events.length, duplicates: [] };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError || error instanceof StreamDeletedError) {
        const head = await streamHead(this.client, stream);
        throw new ExpectedRevisionConflictError(stream, expected, visibleRevision(head));
      }
      throw error;
    }
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
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return [];
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
    return subscribeToAll(this.client, options, () => this.headPosition());
  }

  /** The newest event that is not EventStoreDB's own (system streams and metadata do not count). */
  async headPosition(): Promise<number> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 100 });
    let newest: number | undefined;
    try {
      for await (const resolved of read) {
        const position = Number(resolved.event?.position.commit ?? resolved.commitPosition ?? 0n);
        newest ??= position;
        if (resolved.event && !isInternal(resolved.event.streamId, resolved.event.type)) return position;
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
