import { randomUUID } from 'node:crypto';
import { validateInteraction } from '@regie/contracts';
import { findBroker, type BrokerUnderTest } from '../../../../../test/support/kafka-broker';
import { describeMessagingContract } from '../../testing/messaging.contract';
import { KafkaMessaging } from './kafka-messaging';

jest.setTimeout(120_000);

let broker: BrokerUnderTest;
beforeAll(async () => {
  broker = await findBroker();
  process.stdout.write(`Kafka contract suite against ${broker.how}\n`);
});
afterAll(() => broker?.stop());

describeMessagingContract('kafka', async () => {
  const messaging = new KafkaMessaging({
    brokers: broker.brokers,
    clientId: 'contract-test',
    groupId: `contract-${randomUUID()}`,
    topicPrefix: `t-${randomUUID().slice(0, 8)}.`,
    partitions: 3,
    retry: { initialMs: 50, maxMs: 200 },
    validate: (raw) => validateInteraction(raw, { channels: new Set(['chatbot']) }),
  });
  await messaging.connect();
  return { messaging, dispose: () => messaging.close() };
});
