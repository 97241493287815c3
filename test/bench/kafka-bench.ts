import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { SqliteEventStore } from '@regie/event-store';
import { topicNames } from '@regie/messaging';
import { startChildApp } from '../support/child-app';
import { binaryInteraction } from '../support/kafka-messages';
import { rate } from './stats';

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

const createTopic = async (admin: Admin, topic: string) => {
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }] });
};

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

/** Regie's pipeline: produce → orchestrator (its own process) → SQLite journeys, until all are recorded. */
export const kafkaPipeline = async (brokers: string[], total: number, customers: number) => {
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
    const started = performance.now();
    await produceAll(producer, topicNames(prefix).interactions, total, customers);
    const produced = performance.now() - started;
    const count = store.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM events WHERE category = 'journey-'");
    while ((count.get()?.n ?? 0) < total) await sleep(100);
    return { eventsPerSecond: rate(total, performance.now() - started), produceMs: produced };
  } finally {
    await producer.disconnect();
    await store.close();
    await orchestrator.stop();
  }
};
