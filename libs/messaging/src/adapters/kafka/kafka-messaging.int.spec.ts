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

describe('Kafka leader election', () => {
  const instance = async (groupId: string, topicPrefix: string) => {
    const messaging = new KafkaMessaging({
      brokers: broker.brokers,
      clientId: 'leadership-test',
      groupId,
      topicPrefix,
      validate: (raw) => validateInteraction(raw, { channels: new Set(['chatbot']) }),
    });
    await messaging.connect();
    let leading = false;
    const changes: boolean[] = [];
    const leave = await messaging.followLeadership((next) => {
      leading = next;
      changes.push(next);
    });
    return { messaging, leave, changes, isLeading: () => leading };
  };

  const until = async (condition: () => boolean, what: string) => {
    const deadline = Date.now() + 90_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('elects exactly one of two instances, and hands over when the leader leaves', async () => {
    const groupId = `leaders-${randomUUID()}`;
    const prefix = `l-${randomUUID().slice(0, 8)}.`;
    const first = await instance(groupId, prefix);
    const second = await instance(groupId, prefix);
    try {
      await until(() => first.isLeading() !== second.isLeading(), 'exactly one instance leads');
      // Stable: after the group settles, still exactly one.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect([first.isLeading(), second.isLeading()].filter(Boolean)).toHaveLength(1);

      const [leader, follower] = first.isLeading() ? [first, second] : [second, first];
      await leader.leave();
      await leader.messaging.close();
      await until(() => follower.isLeading(), 'the other instance leads');
      expect(leader.changes.at(-1)).toBe(false);
    } finally {
      await Promise.allSettled([first.messaging.close(), second.messaging.close()]);
    }
  });
});
