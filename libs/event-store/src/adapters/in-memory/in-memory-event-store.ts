import { randomUUID } from 'node:crypto';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../../event-store.port';
import { ANY, START } from '../../event-store.port';
import { ExpectedRevisionConflictError } from '../../errors';
import { matchesPrefix, satisfies } from '../../expected-revision';
import { AppendNotifier } from '../../subscriptions/append-notifier';
import { catchUpSubscription } from '../../subscriptions/catch-up-subscription';

/** For unit tests and throwaway runs; passes the same contract suite as the durable adapters. */
export class InMemoryEventStore implements EventStore {
  /** Index = position − 1; erased events leave a hole, so positions are never reused. */
  private readonly log: (RecordedEvent | undefined)[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly idempotencyKeys = new Set<string>();
  private readonly notifier = new AppendNotifier();

  async appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    // Everything below runs without awaiting, so concurrent appends are serialised by the event loop.
    const existing = this.streams.get(stream) ?? [];
    const actual = existing.length - 1;
    const fresh = [] as NewEvent[];
    const duplicates = [] as string[];
    const keysInBatch = new Set<string>();
    for (const event of events) {
      const key = event.metadata.idempotencyKey;
      if (key !== undefined && (this.idempotencyKeys.has(key) || keysInBatch.has(key))) duplicates.push(key);
      else {
        if (key !== undefined) keysInBatch.add(key);
        fresh.push(event);
      }
    }
    if (fresh.length === 0) {
      return { nextExpectedRevision: actual, position: existing.at(-1)?.position ?? START, appended: 0, duplicates };
    }
    const expected = options.expectedRevision ?? ANY;
    if (!satisfies(expected, actual)) throw new ExpectedRevisionConflictError(stream, expected, actual);

    const recordedAt = new Date().toISOString();
    const recorded = fresh.map((event, index): RecordedEvent => ({
      type: event.type,
      data: structuredClone(event.data),
      metadata: structuredClone(event.metadata),
      eventId: randomUUID(),
      streamName: stream,
      revision: actual + 1 + index,
      position: this.log.length + 1 + index,
      recordedAt,
    }));
    this.log.push(...recorded);
    this.streams.set(stream, [...existing, ...recorded]);
    for (const key of keysInBatch) this.idempotencyKeys.add(key);
    this.notifier.notify();
    const last = recorded[recorded.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position, appended: recorded.length, duplicates };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    const events = (this.streams.get(stream) ?? []).filter((event) => event.revision >= from);
    return events.slice(0, options.maxCount ?? events.length);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START;
    const max = options.maxCount ?? Number.POSITIVE_INFINITY;
    const result: RecordedEvent[] = [];
    for (let index = after; index < this.log.length && result.length < max; index += 1) {
      const event = this.log[index];
      if (event && matchesPrefix(event.streamName, options.streamPrefixes)) result.push(event);
    }
    return result;
  }

  subscribe(options: SubscribeOptions): Subscription {
    return catchUpSubscription(
      { readAll: (read) => this.readAll(read), headPosition: () => this.headPosition(), notifier: this.notifier, pollIntervalMs: 60_000 },
      options,
    );
  }

  async headPosition(): Promise<number> {
    for (let index = this.log.length - 1; index >= 0; index -= 1) {
      const event = this.log[index];
      if (event) return event.position;
    }
    return START;
  }

  async deleteStream(stream: string): Promise<void> {
    for (const event of this.streams.get(stream) ?? []) this.log[event.position - 1] = undefined;
    this.streams.delete(stream);
  }

  async close(): Promise<void> {
    // nothing to release
  }
}
