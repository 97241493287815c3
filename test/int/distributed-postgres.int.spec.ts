import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { PostgresEventStore } from '../../libs/event-store/src/adapters/postgres/postgres-event-store';
import { topicNames } from '../../libs/messaging/src/adapters/kafka/kafka-topics';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from '../../libs/event-store/src/testing/postgres-test-database';
import { eventually, findBroker, startChildApp, type BrokerUnderTest, type ChildApp } from '@regie/testing';

jest.setTimeout(420_000);

const SECRET = 'distributed-secret-distributed-secret-distributed';
const skip = postgresSkipReason();
if (skip) process.stdout.write(`Distributed PostgreSQL suite skipped: ${skip}\n`);

const CUSTOMERS = 300;
const ESCALATING = 60; // customers whose chatbot fails twice in one contact: one case and one handoff.routed each
const ROUNDS = 10;

/** One customer's events of a round: a chatbot contact, and for escalating customers two fallbacks in round 3. */
const eventsOf = (round: number, customer: number) => {
  const base = {
    specversion: '1.0',
    source: 'urn:regie:test:distributed',
    subject: `dist-${customer}`,
    time: new Date(Date.UTC(2026, 2, 1, 9) + round * 60_000 + customer).toISOString(),
  };
  const contact = { channel: 'chatbot', contactId: `chat-${customer}-${round}` };
  const events = [{ ...base, id: `s-${round}-${customer}`, type: 'contact.started', data: contact }];
  if (customer < ESCALATING && round === 3) {
    events.push({ ...base, id: `f1-${round}-${customer}`, type: 'bot.fallback', data: contact });
    events.push({ ...base, id: `f2-${round}-${customer}`, type: 'bot.fallback', data: contact });
  }
  return events;
};

(skip ? describe.skip : describe)('The distributed deployment on Kafka and PostgreSQL (separate processes)', () => {
  let broker: BrokerUnderTest;
  let database: TestDatabase;
  const apps: ChildApp[] = [];

  beforeAll(async () => {
    broker = await findBroker();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.stop().catch(() => undefined);
    await database?.drop();
    await broker?.stop();
  });

  it('records every event once and loses no decision when an orchestrator is killed mid-stream; the survivor takes over', async () => {
    const prefix = `d-${randomUUID().slice(0, 8)}.`;
    const env = {
      REGIE_TRANSPORT: 'kafka',
      KAFKA_BROKERS: broker.brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_GROUP_ID: `g-${prefix}`,
      REGIE_STORE: 'postgres',
      REGIE_POSTGRES_URL: database.url,
      REGIE_JWT_SECRET: SECRET,
      REGIE_PORT: '0',
      REGIE_DISPATCH_TICK_MS: '200',
    };
    const kafka = new Kafka({ clientId: 'distributed-test', brokers: broker.brokers, logLevel: logLevel.NOTHING });
    const gateway = await startChildApp(['gateway'], env);
    const first = await startChildApp(['orchestrator'], env);
    const second = await startChildApp(['orchestrator'], env);
    const desk = await startChildApp(['desk'], env);
    apps.push(gateway, second, desk);
    const decisions = kafka.consumer({ groupId: `dec-${randomUUID()}` });
    const routed = new Set<string>();
    await decisions.connect();
    // The orchestrators create the topics; subscribe once they exist.
    await eventually(() => decisions.subscribe({ topic: topicNames(prefix).decisions, fromBeginning: true }), 60_000, 500);
    await decisions.run({
      eachMessage: async ({ message }) => {
        const decision = JSON.parse(message.value!.toString()) as { type: string; subject: string };
        if (decision.type === 'handoff.routed') routed.add(decision.subject);
      },
    });

    const token = await new JwtService({ secret: SECRET }).signAsync(
      { roles: ['channel'] },
      { subject: 'platform', algorithm: 'HS256', expiresIn: 3600 },
    );
    const store = await PostgresEventStore.connect({ url: database.url });
    const journeyEvents = async () => (await store.readAll({ streamPrefixes: ['journey-'] })).length;
    let total = 0;
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        const batch = Array.from({ length: CUSTOMERS }, (_, customer) => eventsOf(round, customer)).flat();
        total += batch.length;
        await request(gateway.url).post('/v1/interactions').set('Authorization', `Bearer ${token}`).send(batch).expect(202);
        // Mid-stream, once the orchestrators are recording: the first orchestrator dies without a word.
        if (round === 4) {
          await eventually(async () => expect(await journeyEvents()).toBeGreaterThan(0), 120_000, 200);
          await first.kill();
        }
      }
      await eventually(async () => expect(await journeyEvents()).toBe(total), 240_000, 500);
      const recorded = await store.readAll({ streamPrefixes: ['journey-'] });
      const keys = recorded.map((event) => String(event.metadata.idempotencyKey));
      expect(new Set(keys).size).toBe(total);
      // Escalation and decisions ran on whichever orchestrator leads now: every escalating customer got one.
      await eventually(() => expect(routed.size).toBe(ESCALATING), 240_000, 500);
      const cases = await store.readAll({ streamPrefixes: ['case-'] });
      expect(new Set(cases.filter((event) => event.type === 'CaseOpened').map((event) => event.streamName)).size).toBe(ESCALATING);
    } finally {
      await store.close();
      await decisions.disconnect();
    }
  });
});
