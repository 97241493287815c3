import { failureOf } from '@regie/eventsourcing';
import {
  Kafka,
  logLevel,
  type Admin,
  type Consumer,
  type ConsumerConfig,
  type EachBatchPayload,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import type { Interaction, Validated } from '@regie/contracts';
import { randomUUID } from 'node:crypto';
import type { DecisionHandler, DecisionMessage, InteractionHandler, InteractionMessage, Messaging } from '../../messaging.port';
import { encodeDecision, encodeInteraction } from './interaction-codec';
import { deadLetters, sortBatch } from './kafka-batch';
import { OffsetCommits } from './offset-commits';
import { topicNames, type TopicNames } from './kafka-topics';

export interface KafkaMessagingOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Consumer group of the orchestrators: one partition is read by one instance at a time. */
  readonly groupId: string;
  /** Checks a decoded event against the contract and the concept in force. */
  readonly validate: (raw: unknown) => Validated<Interaction>;
  readonly partitions?: number;
  /** Backoff while the handler (the store) keeps failing: nothing is committed past a failure. */
  readonly retry?: { readonly initialMs: number; readonly maxMs: number };
  /** Where kafkajs's warnings and errors and Regie's retries are told; nothing is logged without it. */
  readonly onLog?: (message: string) => void;
  readonly topicPrefix?: string;
  /** Told what was consumed, refused and dead-lettered, and how far behind each partition is (the app's metrics). */
  readonly observer?: ConsumptionObserver;
}

export interface ConsumptionObserver {
  interactionsIngested(via: 'kafka', count: number): void;
  interactionsRefused(via: 'kafka', reason: 'malformed' | 'invalid', count: number): void;
  deadLettered(reason: 'malformed' | 'invalid', count: number): void;
  consumerLag(topic: string, partition: number, messages: number): void;
  /** The partitions this instance was given when it (re)joined the group. */
  consumerAssigned(topic: string, partitions: readonly number[]): void;
}

const countOf = (dead: readonly { kind: 'malformed' | 'invalid' }[], kind: 'malformed' | 'invalid') =>
  dead.filter((message) => message.kind === kind).length;

/** About 200 interactions; with FETCH_WAIT_MS, the most a quiet topic adds to an event's way to the store. */
const FETCH_MIN_BYTES = 64 * 1024;
const FETCH_WAIT_MS = 20;

/** Partitions whose batches are handled at once (the store still appends one batch at a time). */
const PARTITIONS_IN_FLIGHT = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** About ten seconds of backing off before a partition without a leader is reported. */
const RETRIABLE_ATTEMPTS = 8;

/**
 * Runs `action` again, with backoff (at most 8 tries, about 10 s), while Kafka answers that it may succeed
 * later: a partition whose leader is still moving in (a topic just created, a broker just restarted) answers
 * "not the leader" or "does not host this topic-partition", which are retriable. kafkajs's admin retries
 * only some of these itself. `stopped` ends the retrying; `action` is told whether it is a retry.
 */
const whileRetriable = async <T>(action: (retry: boolean) => Promise<T>, stopped: () => boolean = () => false): Promise<T> => {
  for (let attempt = 1, delay = 100; ; attempt += 1, delay = Math.min(delay * 2, 2_000)) {
    try {
      return await action(attempt > 1);
    } catch (error) {
      if (!(error as { retriable?: boolean }).retriable || attempt === RETRIABLE_ATTEMPTS || stopped()) throw error;
      await sleep(delay);
    }
  }
};

/** Each partition's offsets, with the metadata read again before each retry. */
export const topicOffsets = (
  admin: Admin,
  topic: string,
  stopped: () => boolean = () => false,
): Promise<Awaited<ReturnType<Admin['fetchTopicOffsets']>>> =>
  whileRetriable(async (retry) => {
    if (retry) await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
    return admin.fetchTopicOffsets(topic);
  }, stopped);

/**
 * Creates the topics and waits until each partition has a leader. kafkajs's own wait (`waitForLeaders`) fails
 * at once when the new topic's metadata answers "does not host this topic-partition", as a KRaft broker may
 * just after creating it (1 start in 4 of the Kafka metrics spec here): this wait retries that too.
 */
export const createTopicsWithLeaders = async (admin: Admin, topics: readonly { topic: string; numPartitions: number }[]): Promise<void> => {
  await admin.createTopics({ waitForLeaders: false, topics: [...topics] });
  await whileRetriable(async () => {
    const { topics: described } = await admin.fetchTopicMetadata({ topics: topics.map(({ topic }) => topic) });
    const leaderless = described.filter(({ partitions }) => partitions.length === 0 || partitions.some(({ leader }) => leader < 0));
    if (leaderless.length > 0) {
      throw Object.assign(new Error(`no leader yet for ${leaderless.map(({ name }) => name).join(', ')}`), { retriable: true });
    }
  });
};

/**
 * Messaging over Kafka with kafkajs, kept behind the port so a maintained client can replace it.
 * Consumption is at least once: offsets are committed only after the handler (the store append)
 * has succeeded for the whole batch; invalid messages go to the dead-letter topic with a reason.
 */
export class KafkaMessaging implements Messaging {
  private readonly kafka: Kafka;
  private producer?: Producer;
  private readonly consumers: Consumer[] = [];
  private closing = false;
  private readonly commits = new OffsetCommits((error) =>
    this.options.onLog?.(`committing offsets failed (those events are read again and recorded once): ${failureOf(error)}`),
  );
  readonly topics: TopicNames;

  constructor(private readonly options: KafkaMessagingOptions) {
    this.topics = topicNames(options.topicPrefix);
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      // kafkajs logs to the console by default; route its own words (never message contents) to onLog.
      logCreator:
        () =>
        ({ namespace, log }: LogEntry) =>
          this.options.onLog?.(`kafkajs ${namespace}: ${log.message}${'error' in log ? ` (${String(log.error)})` : ''}`),
      retry: { initialRetryTime: 200, retries: 12 },
    });
  }

  /** Creates the topics when missing and connects the producer; call once before use. */
  async connect(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const topics = Object.values(this.topics).filter((topic) => !existing.has(topic));
      if (topics.length > 0) {
        const partitionsOf = (topic: string) => (topic === this.topics.leadership ? 1 : (this.options.partitions ?? 6));
        await createTopicsWithLeaders(
          admin,
          topics.map((topic) => ({ topic, numPartitions: partitionsOf(topic) })),
        );
      }
    } finally {
      await admin.disconnect();
    }
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await this.producer.connect();
  }

  async publishInteractions(messages: readonly InteractionMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.requireProducer().send({ topic: this.topics.interactions, acks: -1, messages: messages.map(encodeInteraction) });
  }

  async publishDecisions(decisions: readonly DecisionMessage[]): Promise<void> {
    if (decisions.length === 0) return;
    await this.requireProducer().send({ topic: this.topics.decisions, acks: -1, messages: decisions.map(encodeDecision) });
  }

  async consumeInteractions(handler: InteractionHandler): Promise<void> {
    const consumer = this.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      // Under load, a fetch waits (at most FETCH_WAIT_MS) for FETCH_MIN_BYTES: fewer, larger batches, each one store append.
      minBytes: FETCH_MIN_BYTES,
      maxWaitTimeInMs: FETCH_WAIT_MS,
    });
    const topic = this.topics.interactions;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.commits.keepOnly(topic, payload.memberAssignment[topic] ?? []);
      this.options.observer?.consumerAssigned(topic, payload.memberAssignment[topic] ?? []);
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Each partition's batches stay in order; while one waits (backpressure, a heartbeat), the next partition's
      // batch is decoded and recorded instead of waiting behind it.
      partitionsConsumedConcurrently: PARTITIONS_IN_FLIGHT,
      eachBatch: (payload) => this.handleBatch(payload, handler),
    });
  }

  private async handleBatch(
    { batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale }: EachBatchPayload,
    handler: InteractionHandler,
  ): Promise<void> {
    if (batch.messages.length === 0) return;
    const observer = this.options.observer;
    // Behind by this batch and whatever follows it, until the batch is recorded.
    observer?.consumerLag(
      batch.topic,
      batch.partition,
      Number(BigInt(batch.highWatermark) - BigInt(batch.firstOffset() ?? batch.highWatermark)),
    );
    const { valid, dead } = sortBatch(batch.messages, this.options.validate);
    if (dead.length > 0) {
      await this.requireProducer().send({ topic: this.topics.deadLetters, acks: -1, messages: deadLetters(batch, dead) });
      for (const kind of ['malformed', 'invalid'] as const) {
        observer?.interactionsRefused('kafka', kind, countOf(dead, kind));
        observer?.deadLettered(kind, countOf(dead, kind));
      }
    }
    await this.withRetry(
      () => handler(valid),
      heartbeat,
      () => isRunning() && !isStale(),
    );
    resolveOffset(batch.lastOffset());
    this.commits.recorded(batch.topic, batch.partition, (BigInt(batch.lastOffset()) + 1n).toString(), commitOffsetsIfNecessary);
    // Stopping: the group is left once this batch returns, and a commit sent after that would be refused.
    if (!isRunning()) await this.commits.flushed();
    observer?.interactionsIngested('kafka', valid.length);
    observer?.consumerLag(batch.topic, batch.partition, Number(batch.offsetLag()));
    await heartbeat();
  }

  /** A failing store is not a bad message: wait and try again, never skip. */
  private async withRetry(work: () => Promise<void>, heartbeat: () => Promise<void>, stillOurs: () => boolean): Promise<void> {
    const { initialMs, maxMs } = this.options.retry ?? { initialMs: 100, maxMs: 5_000 };
    for (let delay = initialMs; ; delay = Math.min(maxMs, delay * 2)) {
      try {
        await work();
        return;
      } catch (error) {
        if (this.closing || !stillOurs()) throw error;
        this.options.onLog?.(`recording a batch failed, retrying in ${delay} ms: ${failureOf(error)}`);
        await sleep(delay);
        await heartbeat().catch(() => undefined);
      }
    }
  }

  /** Live decisions from now on: the consumer joins, then starts at each partition's current end. */
  async subscribeDecisions(handler: DecisionHandler): Promise<() => Promise<void>> {
    const ends = await this.topicEnds(this.topics.decisions);
    const consumer = this.consumer({ groupId: `${this.options.groupId}-decisions-${randomUUID()}` });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topic: this.topics.decisions, fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value) await handler(JSON.parse(message.value.toString('utf8')) as DecisionMessage);
      },
    });
    await joined;
    for (const { partition, offset } of ends) consumer.seek({ topic: this.topics.decisions, partition, offset });
    return async () => {
      await consumer.disconnect();
    };
  }

  private async topicEnds(topic: string): Promise<{ partition: number; offset: string }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await topicOffsets(admin, topic, () => this.closing);
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Leader election through Kafka's group coordinator: every instance joins one group on the
   * single-partition leadership topic; the member holding partition 0 leads. A crashed leader
   * leaves the group after its session timeout and another member is assigned the partition.
   */
  async followLeadership(onChange: (leading: boolean) => void): Promise<() => Promise<void>> {
    let left = false;
    const consumer = this.consumer(
      { groupId: `${this.options.groupId}.leadership`, allowAutoTopicCreation: false, sessionTimeout: 10_000, heartbeatInterval: 1_000 },
      () => !left,
    );
    let leading = false;
    const become = (next: boolean) => {
      if (next === leading) return;
      leading = next;
      onChange(next);
    };
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => become((payload.memberAssignment[this.topics.leadership] ?? []).includes(0)));
    consumer.on(consumer.events.REBALANCING, () => become(false));
    consumer.on(consumer.events.STOP, () => become(false));
    consumer.on(consumer.events.CRASH, () => become(false));
    await consumer.connect();
    await consumer.subscribe({ topic: this.topics.leadership, fromBeginning: false });
    await consumer.run({ eachMessage: async () => undefined });
    return async () => {
      left = true;
      become(false);
      await consumer.disconnect();
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.commits.flushed();
    // Stop fetching first, so no batch or rejoin is in flight when the connection goes.
    await Promise.allSettled(
      this.consumers.map(async (consumer) => {
        await consumer.stop().catch(() => undefined);
        await consumer.disconnect();
      }),
    );
    await this.producer?.disconnect();
  }

  /** Every consumer is closed with this instance, and a crashed one restarts only while it is open. */
  private consumer(config: ConsumerConfig, wanted: () => boolean = () => true): Consumer {
    const consumer = this.kafka.consumer({ ...config, retry: { retries: 12, restartOnFailure: async () => !this.closing && wanted() } });
    this.consumers.push(consumer);
    return consumer;
  }

  private requireProducer(): Producer {
    if (!this.producer) throw new Error('KafkaMessaging.connect() has not been called');
    return this.producer;
  }
}
