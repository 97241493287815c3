import { randomUUID } from 'node:crypto';
import { validateInteraction } from '@regie/contracts';
import { KafkaMessaging } from '../../libs/messaging/src/adapters/kafka/kafka-messaging';
import { topicOffsets } from '../../libs/messaging/src/adapters/kafka/kafka-messaging';
import { RegieMetrics } from '@regie/observability';
import { eventually, findBroker, interaction, parseScrape, type BrokerUnderTest } from '@regie/testing';
import { Kafka } from 'kafkajs';

jest.setTimeout(120_000);

const STRUCTURED = { 'content-type': 'application/cloudevents+json' };
const event = (customer: string, channel = 'chatbot') =>
  JSON.stringify(interaction({ subject: customer }, { channel, contactId: `chat-${customer}` }));

/** Consumer lag, refusals and dead letters against a real broker: the figures /metrics shows in a Kafka deployment. */
describe('Kafka consumption metrics', () => {
  let broker: BrokerUnderTest;
  let messaging: KafkaMessaging;
  let admin: ReturnType<Kafka['admin']>;
  const metrics = new RegieMetrics();
  const scrape = async () => parseScrape(await metrics.metrics());

  beforeAll(async () => {
    broker = await findBroker();
    messaging = new KafkaMessaging({
      brokers: broker.brokers,
      clientId: 'metrics-test',
      groupId: `metrics-${randomUUID()}`,
      topicPrefix: `m-${randomUUID().slice(0, 8)}.`,
      partitions: 2,
      retry: { initialMs: 50, maxMs: 200 },
      validate: (raw) => validateInteraction(raw, { channels: new Set(['chatbot']) }),
      observer: metrics,
    });
    await messaging.connect();
    admin = new Kafka({ clientId: 'metrics-test-admin', brokers: broker.brokers }).admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.disconnect();
    await messaging?.close();
    await broker?.stop();
  });

  it('shows each partition’s lag while a batch is held, 0 once committed, and counts refusals and dead letters by reason', async () => {
    // Idempotent, as Regie's own producer: a retried produce (a KRaft broker may answer "not the leader" just
    // after the topic is created) must not write the partition's messages twice, or the offsets below move.
    const producer = new Kafka({ clientId: 'metrics-test-producer', brokers: broker.brokers }).producer({
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    const { interactions, deadLetters } = messaging.topics;
    await producer.send({
      topic: interactions,
      messages: [
        ...['cust-a', 'cust-b', 'cust-c'].map((key) => ({ key, partition: 0, value: event(key), headers: STRUCTURED })),
        ...['cust-d', 'cust-e'].map((key) => ({ key, partition: 1, value: event(key), headers: STRUCTURED })),
        { key: 'cust-f', partition: 1, value: 'not json at all', headers: STRUCTURED },
        { key: 'cust-g', partition: 1, value: event('cust-g', 'pigeon'), headers: STRUCTURED },
      ],
    });
    await producer.disconnect();
    const ends = new Map((await topicOffsets(admin, interactions)).map(({ partition, high }) => [String(partition), Number(high)]));
    expect(Object.fromEntries(ends)).toEqual({ 0: 3, 1: 4 });

    // The first batch is held until the test has seen its lag; everything else goes through.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let batches = 0;
    const recorded: string[] = [];
    await messaging.consumeInteractions(async (batch) => {
      batches += 1;
      if (batches === 1) await held;
      recorded.push(...batch.map((message) => message.key));
    });

    const whileHeld = await eventually(async () => {
      // Partitions are handled side by side: the other one may be through already (lag 0), the held one is not.
      const behind = (await scrape()).family('regie_kafka_consumer_lag').metrics.filter((lag) => lag.value !== '0');
      expect(behind).toHaveLength(1);
      return behind[0]!;
    }, 60_000);
    const partition = whileHeld.labels!.partition!;
    expect(whileHeld).toEqual({ labels: { topic: interactions, partition }, value: String(ends.get(partition)) });
    release();

    await eventually(async () => {
      const metricsNow = await scrape();
      const lags = [...metricsNow.family('regie_kafka_consumer_lag').metrics];
      // In the order the partitions' batches came, which the broker decides: compared by partition.
      lags.sort((a, b) => a.labels!.partition!.localeCompare(b.labels!.partition!));
      expect(lags).toEqual([
        expect.objectContaining({ labels: { topic: interactions, partition: '0' }, value: '0' }),
        expect.objectContaining({ labels: { topic: interactions, partition: '1' }, value: '0' }),
      ]);
      expect(metricsNow.value('regie_interactions_ingested_total', { via: 'kafka' })).toBe(5);
    }, 60_000);
    expect(recorded.sort()).toEqual(['cust-a', 'cust-b', 'cust-c', 'cust-d', 'cust-e']);

    const metricsNow = await scrape();
    expect(metricsNow.value('regie_interactions_refused_total', { via: 'kafka', reason: 'malformed' })).toBe(1);
    expect(metricsNow.value('regie_interactions_refused_total', { via: 'kafka', reason: 'invalid' })).toBe(1);
    expect(metricsNow.value('regie_dlq_messages_total', { reason: 'malformed' })).toBe(1);
    expect(metricsNow.value('regie_dlq_messages_total', { reason: 'invalid' })).toBe(1);
    const dead = await topicOffsets(admin, deadLetters);
    expect(dead.reduce((sum, { high }) => sum + Number(high), 0)).toBe(2);
  });
});
