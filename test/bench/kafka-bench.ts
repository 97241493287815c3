import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { SqliteEventStore } from '@regie/event-store';
import { topicNames } from '@regie/messaging';
import { createTopicsWithLeaders } from '../../libs/messaging/src/adapters/kafka/kafka-messaging';
import { startChildApp } from '../support/child-app';
import { binaryInteraction } from '../support/kafka-messages';
import { rate, summarise } from './stats';

const BATCH = 1_000;
const PARTITIONS = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const interactionMessage = (n: number, customers: number) => {
  const customer = `k${n % customers}`;
  return binaryInteraction({
    id: `kb-${n}`,
    source: 'urn:regie:bench:kafka',
    customer,
    type: 'contact.started',
    time: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
    data: { channel: 'chatbot', contactId: `chat-${customer}` },
  });
};

const produceAll = async (producer: Producer, topic: string, total: number, customers: number) => {
  for (let from = 0; from < total; from += BATCH) {
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: Math.min(BATCH, total - from) }, (_, k) => interactionMessage(from + k, customers)),
    });
  }
};

/** A chatbot contact with two fallbacks: a trigger the escalation rules turn into a live-chat case. Ids `kl-<n>-0…2`. */
const triggerMessages = (n: number) => {
  const customer = `kl-${n}`;
  const time = new Date().toISOString();
  const data = { channel: 'chatbot', contactId: `chat-${customer}` };
  const source = 'urn:regie:bench:kafka-latency';
  return (['contact.started', 'bot.fallback', 'bot.fallback'] as const).map((type, k) =>
    binaryInteraction({ id: `kl-${n}-${k}`, source, customer, type, time, data }),
  );
};

/**
 * While `busy()`, one trigger every `everyMs` on the same topic as the load: the moment it was handed to
 * the producer, per customer (the case's recorded_at, on the same clock, ends the latency).
 */
const produceTriggers = async (producer: Producer, topic: string, busy: () => boolean, everyMs: number) => {
  const sentAt = new Map<string, number>();
  for (let n = 0; busy(); n += 1) {
    sentAt.set(`kl-${n}`, Date.now());
    await producer.send({ topic, acks: -1, messages: triggerMessages(n) });
    await sleep(everyMs);
  }
  return sentAt;
};

const LOAD_SECONDS = 10;

/** `perSecond` interactions a second for `seconds`, in tenths of a second, numbered from `first`. */
const produceAt = async (producer: Producer, topic: string, perSecond: number, seconds: number, customers: number, first: number) => {
  const started = performance.now();
  for (let tick = 0; tick < seconds * 10; tick += 1) {
    const from = first + (tick * perSecond) / 10;
    const messages = Array.from({ length: perSecond / 10 }, (_, k) => interactionMessage(from + k, customers));
    await producer.send({ topic, acks: -1, messages });
    const due = started + (tick + 1) * 100;
    if (due > performance.now()) await sleep(due - performance.now());
  }
};

const createTopic = (admin: Admin, topic: string) => createTopicsWithLeaders(admin, [{ topic, numPartitions: PARTITIONS }]);

/** The machine's limit: a bare kafkajs producer and consumer on the same broker, same messages. */
export const rawKafka = async (brokers: string[], total: number, customers: number) => {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topic = `bench-raw-${randomUUID().slice(0, 8)}`;
  await createTopic(admin, topic);
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}` });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let received = 0;
  await consumer.run({ eachBatch: async ({ batch }) => void (received += batch.messages.length) });
  try {
    const started = performance.now();
    await produceAll(producer, topic, total, customers);
    while (received < total) await sleep(5);
    return rate(total, performance.now() - started);
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
};

/**
 * Regie's pipeline: produce → orchestrator (its own process) → SQLite journeys, until all are recorded;
 * then escalation latency under a steady load of `loadPerSecond` for {@link LOAD_SECONDS} s.
 */
export const kafkaPipeline = async (brokers: string[], total: number, customers: number, loadPerSecond: number) => {
  const prefix = `bench-${randomUUID().slice(0, 8)}.`;
  const dataDir = mkdtempSync(join(tmpdir(), 'regie-bench-kafka-'));
  const orchestrator = await startChildApp(['orchestrator'], {
    REGIE_TRANSPORT: 'kafka',
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_GROUP_ID: `g-${prefix}`,
    KAFKA_PARTITIONS: String(PARTITIONS),
    REGIE_DATA_DIR: dataDir,
    REGIE_JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    REGIE_PORT: '0',
  });
  const kafka = new Kafka({ clientId: 'bench-pipeline', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const store = new SqliteEventStore({ filename: join(dataDir, 'regie.db') });
  try {
    const topic = topicNames(prefix).interactions;
    const journeyEvents = store.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM events WHERE category = 'journey-'");
    const recorded = async (events: number) => {
      while ((journeyEvents.get()?.n ?? 0) < events) await sleep(100);
    };
    const started = performance.now();
    await produceAll(producer, topic, total, customers);
    const produced = performance.now() - started;
    await recorded(total);
    const eventsPerSecond = rate(total, performance.now() - started);

    // Latency under a load the pipeline keeps up with: the bulk at `loadPerSecond`, a trigger every 25 ms beside it,
    // once the escalation processor has caught up with the bulk (its checkpoint, saved each time it catches up, near the head).
    const head = store.db.prepare<[], { position: number }>('SELECT MAX(position) AS position FROM events').get()!.position;
    const escalated = store.db.prepare<[], { position: number }>("SELECT position FROM checkpoints WHERE name = 'escalation'");
    while ((escalated.get()?.position ?? 0) < head - 25) await sleep(100);
    let producing = true;
    const triggers = produceTriggers(producer, topic, () => producing, 25);
    await produceAt(producer, topic, loadPerSecond, LOAD_SECONDS, customers, total);
    producing = false;
    const sentAt = await triggers;
    await recorded(total + loadPerSecond * LOAD_SECONDS + sentAt.size * 3);
    const opened = store.db.prepare<[], { customer: string; recordedAt: string }>(
      "SELECT json_extract(data, '$.customerId') AS customer, recorded_at AS recordedAt FROM events WHERE category = 'case-' AND type = 'CaseOpened'",
    );
    const until = performance.now() + 30_000;
    let cases = opened.all();
    while (cases.length < sentAt.size && performance.now() < until) {
      await sleep(100);
      cases = opened.all();
    }
    // Where the time goes: the trigger's last interaction recorded in its journey (Kafka, fetch, intake), then the case.
    const triggerRecorded = store.db.prepare<[string], { recordedAt: string }>(
      'SELECT recorded_at AS recordedAt FROM events WHERE idempotency_key = ?',
    );
    const split = cases.flatMap(({ customer, recordedAt }) => {
      const sent = sentAt.get(customer);
      const journey = triggerRecorded.get(`urn:regie:bench:kafka-latency#${customer}-2`)?.recordedAt;
      if (sent === undefined || journey === undefined) return [];
      return [
        {
          total: Date.parse(recordedAt) - sent,
          recorded: Date.parse(journey) - sent,
          toCase: Date.parse(recordedAt) - Date.parse(journey),
        },
      ];
    });
    return {
      eventsPerSecond,
      produceMs: produced,
      escalation: {
        loadPerSecond,
        triggers: sentAt.size,
        opened: split.length,
        ...summarise(split.map(({ total }) => total)),
        recorded: summarise(split.map(({ recorded }) => recorded)),
        toCase: summarise(split.map(({ toCase }) => toCase)),
      },
    };
  } finally {
    await producer.disconnect();
    await store.close();
    await orchestrator.stop();
  }
};
