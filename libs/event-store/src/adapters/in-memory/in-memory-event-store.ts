import { timeOrderedId } from '../../event-id';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  PipelinedAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  StreamSnapshot,
  SubscribeOptions,
  Subscription,
} from '../../event-store.port';
import { START } from '../../event-store.port';
import { AppendOutcomes, planAppends, wroteEveryEvent } from '../../append-plan';
import { matchesPrefix, NEW_STREAM, visibleRevision, type StreamHead } from '../../expected-revision';
import { AppendNotifier } from '../../subscriptions/append-notifier';
import { catchUpSubscription } from '../../subscriptions/catch-up-subscription';
import { Followers, FOLLOWERS_BACKLOG, FOLLOWERS_MAX_WAIT_MS } from '../../subscriptions/followers';
import { jsonCopy } from '../../json-copy';

/** For unit tests and throwaway runs; passes the same contract suite as the durable adapters. */
export class InMemoryEventStore implements EventStore {
  /** Index = position − 1; erased events leave a hole, so positions are never reused. */
  private readonly log: (RecordedEvent | undefined)[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  /**
   * Last revision of erased streams, kept when one is written again: a re-created stream continues after it, and no
   * snapshot at or below it is kept.
   */
  private readonly erased = new Map<string, number>();
  /** Never forgotten, erased events' keys included. */
  private readonly idempotencyKeys = new Set<string>();
  /** Each stream's snapshot, as JSON would keep it. */
  private readonly snapshots = new Map<string, StreamSnapshot>();
  private readonly notifier = new AppendNotifier();
  private readonly followers = new Followers();
  private readonly outcomes = new AppendOutcomes();
  private lastTicket = 0;

  async appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ stream, events, ...options }]);
    return result!;
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.appendNow(appends);
  }

  appendToStreamsAfter(appends: readonly StreamAppend[], after?: number): PipelinedAppend {
    const ticket = (this.lastTicket += 1);
    // Applied at once, in the order made: an async body would run here up to its first await anyway.
    try {
      this.outcomes.assertAfter(after, appends, (stream) => this.headOf(stream));
      const results = this.appendNow(appends);
      this.outcomes.settle(ticket, wroteEveryEvent(appends, results));
      return { ticket, results: Promise.resolve(results) };
    } catch (error) {
      this.outcomes.settle(ticket, false);
      return { ticket, results: Promise.reject(error as Error) };
    }
  }

  private appendNow(appends: readonly StreamAppend[]): AppendResult[] {
    // Everything below runs without awaiting, so concurrent appends are serialised by the event loop.
    const plans = planAppends(
      appends,
      (stream) => this.headOf(stream),
      (key) => this.idempotencyKeys.has(key),
    );
    const recordedAt = new Date().toISOString();
    const results = plans.map(({ stream, head, fresh, duplicates }): AppendResult => {
      const existing = this.streams.get(stream) ?? [];
      if (fresh.length === 0) {
        return { nextExpectedRevision: visibleRevision(head), position: existing.at(-1)?.position ?? START, appended: 0, duplicates };
      }
      const recorded = fresh.map((event, index): RecordedEvent => ({
        type: event.type,
        // As a store keeping JSON reads them back: a Date becomes its text, an undefined field goes.
        data: jsonCopy(event.data),
        metadata: jsonCopy(event.metadata),
        eventId: timeOrderedId(),
        streamName: stream,
        revision: head.lastRevision + 1 + index,
        position: this.log.length + 1 + index,
        recordedAt,
      }));
      this.log.push(...recorded);
      this.streams.set(stream, [...existing, ...recorded]);
      for (const event of fresh) if (event.metadata.idempotencyKey !== undefined) this.idempotencyKeys.add(event.metadata.idempotencyKey);
      const last = recorded.at(-1)!;
      return { nextExpectedRevision: last.revision, position: last.position, appended: recorded.length, duplicates };
    });
    if (results.some((result) => result.appended > 0)) this.notifier.notify();
    return results;
  }

  private headOf(stream: string): StreamHead {
    const last = this.streams.get(stream)?.at(-1);
    if (last) return { lastRevision: last.revision, exists: true };
    const erased = this.erased.get(stream);
    return erased === undefined ? NEW_STREAM : { lastRevision: erased, exists: false };
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
      {
        readAll: (read) => this.readAll(read),
        headPosition: () => this.headPosition(),
        notifier: this.notifier,
        followers: this.followers,
        pollIntervalMs: 60_000,
      },
      options,
    );
  }

  async untilFollowersClose(): Promise<void> {
    await this.followers.within(await this.headPosition(), FOLLOWERS_BACKLOG, FOLLOWERS_MAX_WAIT_MS);
  }

  async headPosition(): Promise<number> {
    for (let index = this.log.length - 1; index >= 0; index -= 1) {
      const event = this.log[index];
      if (event) return event.position;
    }
    return START;
  }

  async saveSnapshots(snapshots: readonly StreamSnapshot[]): Promise<void> {
    for (const { stream, revision, kind, state } of snapshots) {
      if (revision <= (this.erased.get(stream) ?? -1) || revision < (this.snapshots.get(stream)?.revision ?? -1)) continue;
      this.snapshots.set(stream, { stream, revision, kind, state: jsonCopy(state) });
    }
  }

  async readSnapshot(stream: string): Promise<StreamSnapshot | undefined> {
    const snapshot = this.snapshots.get(stream);
    return snapshot && { ...snapshot, state: jsonCopy(snapshot.state) };
  }

  async deleteStream(stream: string): Promise<void> {
    this.snapshots.delete(stream);
    const events = this.streams.get(stream);
    if (!events || events.length === 0) return;
    for (const event of events) this.log[event.position - 1] = undefined;
    this.erased.set(stream, events.at(-1)!.revision);
    this.streams.delete(stream);
  }

  async close(): Promise<void> {
    // nothing to release
  }
}
