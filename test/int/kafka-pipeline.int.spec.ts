import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import request from 'supertest';
import { startRegieApp } from '../../apps/regie/src/start-regie-app';
import { TokenVerifier } from '@regie/auth';
import { SqliteEventStore } from '@regie/event-store';
import { HEADERS, topicNames } from '@regie/messaging';
import { binaryInteraction, eventually, findBroker, startChildApp, type BrokerUnderTest } from '@regie/testing';

jest.setTimeout(300_000);

const SECRET = 'kafka-pipeline-secret-kafka-pipeline-secret';
let broker: BrokerUnderTest;
let kafka: Kafka;
let producer: Producer;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  broker = await findBroker();
  process.stdout.write(`Kafka pipeline suite against ${broker.how}\n`);
  kafka = new Kafka({
    clientId: 'pipeline-test',
    brokers: broker.brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 20, initialRetryTime: 200 },
  });
  // Idempotent, as Regie's own producer: a retried produce writes each message once.
  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
});
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});
afterAll(async () => {
  await producer?.disconnect();
  await broker?.stop();
});

/** A fresh world per test: topics, consumer group and data dir of its own. */
const world = () => {
  const prefix = `p-${randomUUID().slice(0, 8)}.`;
  const dataDir = mkdtempSync(join(tmpdir(), 'regie-kafka-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = {
    REGIE_TRANSPORT: 'kafka',
    KAFKA_BROKERS: broker.brokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_GROUP_ID: `g-${prefix}`,
    KAFKA_PARTITIONS: '6',
    REGIE_DATA_DIR: dataDir,
    REGIE_JWT_SECRET: SECRET,
    REGIE_PORT: '0',
    REGIE_LOG_LEVEL: 'silent',
  };
  const store = () => {
    const opened = new SqliteEventStore({ filename: join(dataDir, 'regie.db') });
    cleanups.push(() => opened.close());
    return opened;
  };
  return { prefix, dataDir, env, topics: topicNames(prefix), store };
};

const binary = (n: number, customer: string, type = 'contact.started') =>
  binaryInteraction({
    id: `e-${n}`,
    source: 'urn:regie:test:kafka',
    customer,
    type,
    time: new Date(Date.UTC(2026, 2, 1) + n * 1000).toISOString(),
    data: { channel: 'chatbot', contactId: `chat-${customer}` },
  });

const structured = (n: number, customer: string, type = 'bot.fallback') => ({
  key: customer,
  value: JSON.stringify({
    specversion: '1.0',
    id: `s-${n}`,
    source: 'urn:regie:test:kafka',
    type,
    subject: customer,
    time: new Date(Date.UTC(2026, 2, 1) + n * 1000).toISOString(),
    data: { channel: 'chatbot', contactId: `chat-${customer}` },
  }),
  headers: { 'content-type': 'application/cloudevents+json' },
});

const sendWithRetry = async (topic: string, messages: { key: string; value: string; headers: Record<string, string> }[]) => {
  for (;;) {
    try {
      await producer.send({ topic, acks: -1, messages });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
};

const journeyEvents = async (store: SqliteEventStore) => store.readAll({ streamPrefixes: ['journey-'] });

/** Every event exactly once, and per customer in the order sent (ids carry the send order). */
const expectExactlyOnceInOrder = async (store: SqliteEventStore, total: number) => {
  const events = await journeyEvents(store);
  expect(events).toHaveLength(total);
  const keys = new Set(events.map((event) => event.metadata.idempotencyKey));
  expect(keys.size).toBe(total);
  const byStream = new Map<string, number[]>();
  for (const event of events)
    byStream.set(event.streamName, [
      ...(byStream.get(event.streamName) ?? []),
      Number(String(event.metadata.idempotencyKey).split('#e-')[1]),
    ]);
  for (const sequence of byStream.values()) expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
};

describe('The Kafka pipeline against a real broker', () => {
  it('records events produced by a plain Kafka client, binary and structured mode, in order per customer', async () => {
    const { env, topics } = world();
    const { app, url } = await startRegieApp(['orchestrator', 'desk'], env);
    cleanups.push(() => app.close());
    await sendWithRetry(topics.interactions, [
      binary(1, 'cust-a'),
      structured(2, 'cust-a'),
      binary(3, 'cust-b'),
      structured(4, 'cust-a', 'handoff.requested'),
    ]);
    const agent = await app.get(TokenVerifier).sign('agent-1', ['agent']);
    await eventually(async () => {
      const journey = await request(url).get('/v1/customers/cust-a/journey').set('Authorization', `Bearer ${agent}`).expect(200);
      expect(journey.body.entries.map((entry: { type: string }) => entry.type)).toEqual([
        'contact.started',
        'bot.fallback',
        'handoff.requested',
      ]);
    }, 60_000);
  });

  it('dead-letters invalid messages with the reason and goes on with the valid ones', async () => {
    const { env, topics, store } = world();
    const { app } = await startRegieApp(['orchestrator'], env);
    cleanups.push(() => app.close());
    const dead: { value: string; reason?: string; source?: string }[] = [];
    const dlq = kafka.consumer({ groupId: `dlq-${randomUUID()}` });
    cleanups.push(() => dlq.disconnect());
    await dlq.connect();
    await dlq.subscribe({ topic: topics.deadLetters, fromBeginning: true });
    await dlq.run({
      eachMessage: async ({ message }) =>
        void dead.push({
          value: message.value?.toString() ?? '',
          reason: message.headers?.[HEADERS.dlqReason]?.toString(),
          source: message.headers?.[HEADERS.dlqSource]?.toString(),
        }),
    });
    const garbage = { key: 'cust-d', value: '{not json', headers: { 'content-type': 'application/cloudevents+json' } };
    const unknownChannel = { ...binary(11, 'cust-d'), value: JSON.stringify({ channel: 'fax', contactId: 'x' }) };
    const noId = { ...binary(12, 'cust-d'), headers: { ...binary(12, 'cust-d').headers, ce_id: '' } };
    await sendWithRetry(topics.interactions, [garbage, binary(10, 'cust-d'), unknownChannel, noId, binary(13, 'cust-d')]);

    await eventually(() => expect(dead).toHaveLength(3), 60_000);
    expect(dead[0]).toMatchObject({
      value: '{not json',
      reason: expect.stringContaining('not JSON'),
      source: expect.stringContaining(topics.interactions),
    });
    expect(dead[1].reason).toContain('data.channel');
    expect(dead[2].reason).toContain('ce_id');
    const events = await eventually(async () => {
      const recorded = await store().readStream('journey-cust-d');
      expect(recorded).toHaveLength(2);
      return recorded;
    }, 60_000);
    expect(events.map((event) => event.metadata.idempotencyKey)).toEqual(['urn:regie:test:kafka#e-10', 'urn:regie:test:kafka#e-13']);
  });

  it('holds consumed interactions to the configured JSON limits, as HTTP bodies are (REGIE_JSON_MAX_KEYS above the default)', async () => {
    const { env, topics, store } = world();
    const { app } = await startRegieApp(['orchestrator'], { ...env, REGIE_JSON_MAX_KEYS: '2000' });
    cleanups.push(() => app.close());
    const wide = Object.fromEntries(Array.from({ length: 1_500 }, (_, n) => [`k${n}`, n]));
    const message = binary(20, 'cust-w');
    await sendWithRetry(topics.interactions, [{ ...message, value: JSON.stringify({ ...wide, ...JSON.parse(message.value) }) }]);
    const [recorded] = await eventually(async () => {
      const events = await store().readStream('journey-cust-w');
      expect(events).toHaveLength(1);
      return events;
    }, 60_000);
    expect(JSON.stringify(recorded!.data)).not.toContain('k1499');
  });

  it('publishes decisions to orchestration.decisions', async () => {
    const { env, topics } = world();
    const { app } = await startRegieApp(['orchestrator'], env);
    cleanups.push(() => app.close());
    const decisions: { key?: string; body: { type: string; subject: string; data: { channel: string } } }[] = [];
    const consumer = kafka.consumer({ groupId: `dec-${randomUUID()}` });
    cleanups.push(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topic: topics.decisions, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) =>
        void decisions.push({ key: message.key?.toString(), body: JSON.parse(message.value!.toString()) }),
    });
    await sendWithRetry(topics.interactions, [binary(20, 'cust-e'), structured(21, 'cust-e'), structured(22, 'cust-e')]);
    await eventually(
      () =>
        expect(decisions.map((d) => [d.key, d.body.type, d.body.subject, d.body.data.channel])).toEqual([
          ['cust-e', 'handoff.routed', 'cust-e', 'live-chat'],
        ]),
      60_000,
    );
  });

  it('loses nothing and records nothing twice when the orchestrator is killed (SIGKILL) mid-stream and restarted', async () => {
    const { env, topics, store } = world();
    const total = 10_000;
    const customers = 200;
    let orchestrator = await startChildApp(['orchestrator'], env);
    cleanups.push(() => orchestrator.stop());
    const sending = (async () => {
      for (let from = 0; from < total; from += 500) {
        await sendWithRetry(
          topics.interactions,
          Array.from({ length: 500 }, (_, k) => binary(from + k, `cust-${(from + k) % customers}`, 'task.completed')).map((m) => ({
            ...m,
            value: JSON.stringify({ ...JSON.parse(m.value), task: 'permit' }),
          })),
        );
      }
    })();
    const watcher = store();
    await eventually(async () => expect((await journeyEvents(watcher)).length).toBeGreaterThan(2_000), 120_000, 100);
    await orchestrator.kill();
    const recordedAtCrash = (await journeyEvents(watcher)).length;
    orchestrator = await startChildApp(['orchestrator'], env);
    await sending;
    await eventually(async () => expect((await journeyEvents(watcher)).length).toBe(total), 240_000, 250);
    expect(recordedAtCrash).toBeLessThan(total);
    await expectExactlyOnceInOrder(watcher, total);
  });

  it('shares the partitions between two orchestrators in one group and keeps each customer in order', async () => {
    const { env, topics, store } = world();
    const first = await startChildApp(['orchestrator'], env);
    cleanups.push(() => first.stop());
    const second = await startChildApp(['orchestrator'], env);
    cleanups.push(() => second.stop());
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    await eventually(
      async () => {
        const { groups } = await admin.describeGroups([env.KAFKA_GROUP_ID]);
        expect(groups[0].members).toHaveLength(2);
        expect(groups[0].state).toBe('Stable');
      },
      120_000,
      500,
    );
    const total = 2_000;
    for (let from = 0; from < total; from += 250) {
      await sendWithRetry(
        topics.interactions,
        Array.from({ length: 250 }, (_, k) => binary(from + k, `cust-${(from + k) % 40}`, 'contact.started')),
      );
    }
    const watcher = store();
    await eventually(async () => expect((await journeyEvents(watcher)).length).toBe(total), 120_000, 250);
    await expectExactlyOnceInOrder(watcher, total);
  });

  it('survives a broker restart while events flow, losing nothing', async () => {
    if (!broker.restart) {
      process.stdout.write('broker restart test not run: the broker is not the local one this machine controls\n');
      return;
    }
    const { env, topics, store } = world();
    const { app } = await startRegieApp(['orchestrator'], env);
    cleanups.push(() => app.close());
    const total = 3_000;
    for (let from = 0; from < total; from += 100) {
      if (from === 1_500) await broker.restart();
      await sendWithRetry(
        topics.interactions,
        Array.from({ length: 100 }, (_, k) => binary(from + k, `cust-${(from + k) % 30}`)),
      );
    }
    const watcher = store();
    await eventually(async () => expect((await journeyEvents(watcher)).length).toBe(total), 180_000, 250);
    await expectExactlyOnceInOrder(watcher, total);
  });
});
