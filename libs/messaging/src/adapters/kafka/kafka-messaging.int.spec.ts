import { randomUUID } from 'node:crypto';
import { validateInteraction } from '@regie/contracts';
import { Kafka, type ConsumerConfig } from 'kafkajs';
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

/** Where a leadership consumer stands in its group, as kafkajs's instrumentation events tell it. */
interface Membership {
  memberId?: string;
  /** The generation of its last successful heartbeat; unset while it rebalances. */
  generation?: number;
}

describe('Kafka leader election', () => {
  const waiting = new Set<() => void>();
  const somethingHappened = () => [...waiting].forEach((check) => check());
  /** Resolves when `condition` holds, checked whenever a group event or a change of leadership comes in. */
  const until = (condition: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const done = () => (clearTimeout(deadline), waiting.delete(check));
      const check = () => void (condition() && (done(), resolve()));
      const deadline = setTimeout(() => (done(), reject(new Error(`timed out waiting until ${what}`))), 90_000);
      waiting.add(check);
      check();
    });

  // Every consumer KafkaMessaging creates is watched from the start, before it joins its group.
  const memberships: Membership[] = [];
  beforeAll(() => {
    const create = Kafka.prototype.consumer;
    jest.spyOn(Kafka.prototype, 'consumer').mockImplementation(function (this: Kafka, config: ConsumerConfig) {
      const consumer = create.call(this, config);
      const membership: Membership = {};
      memberships.push(membership);
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => (membership.memberId = payload.memberId));
      consumer.on(consumer.events.HEARTBEAT, ({ payload }) => {
        membership.generation = payload.groupGenerationId;
        somethingHappened();
      });
      consumer.on(consumer.events.REBALANCING, () => (membership.generation = undefined));
      return consumer;
    });
  });
  afterAll(() => jest.restoreAllMocks());

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
    const created = memberships.length;
    const leave = await messaging.followLeadership((next) => {
      leading = next;
      changes.push(next);
      somethingHappened();
    });
    // followLeadership creates exactly one consumer: the member of the leadership group.
    expect(memberships).toHaveLength(created + 1);
    return { messaging, leave, changes, isLeading: () => leading, membership: memberships[created] };
  };

  /** Both members have heartbeated in the same generation: each has joined it and taken its assignment. */
  const settled = (...members: { membership: Membership }[]) => {
    const [first, ...others] = members.map(({ membership }) => membership);
    return (
      first.generation !== undefined &&
      others.every((other) => other.generation === first.generation) &&
      new Set(members.map(({ membership }) => membership.memberId)).size === members.length
    );
  };

  it('elects exactly one of two instances, and hands over when the leader leaves', async () => {
    const groupId = `leaders-${randomUUID()}`;
    const prefix = `l-${randomUUID().slice(0, 8)}.`;
    const first = await instance(groupId, prefix);
    const second = await instance(groupId, prefix);
    try {
      await until(() => first.isLeading() !== second.isLeading(), 'exactly one instance leads');
      // Stable: once both are members of one generation of the group, still exactly one.
      await until(() => settled(first, second), 'both instances are members of the same generation');
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
