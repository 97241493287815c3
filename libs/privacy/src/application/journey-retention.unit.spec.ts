import { Logger } from '@nestjs/common';
import type { ConceptInForce } from '@regie/concept';
import { InMemoryCheckpointStore, InMemoryEventStore, InMemoryProjectionStore } from '@regie/event-store';
import type { CustomerDataHolders, Leadership } from '@regie/eventsourcing/application';
import { TestClock } from '@regie/eventsourcing/testing';
import type { ErasureStreams } from './erasure-streams';
import { JourneyRetention } from './journey-retention';
import { InMemoryLastContacts } from './retention/in-memory-last-contacts';

const DAY = 86_400_000;
const now = new Date('2026-06-01T09:00:00.000Z');

/** Event-loop turns until `done` (the subscription's and the sweep's own promises, not time). */
const turnsUntil = async (done: () => boolean): Promise<void> => {
  for (let turn = 0; turn < 200 && !done(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
};

describe('JourneyRetention', () => {
  let store: InMemoryEventStore;
  let lastContacts: InMemoryLastContacts;
  let requested: string[];
  let retention: JourneyRetention;
  let projections: InMemoryProjectionStore;

  const contact = (customerId: string, daysAgo: number) =>
    store.appendToStream(`journey-${customerId}`, [
      {
        type: 'ContactStarted',
        data: { customerId, occurredAt: new Date(now.getTime() - daysAgo * DAY).toISOString() },
        metadata: { causationId: 'c', correlationId: 'c', actor: 'spec' },
      },
    ]);

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    store = new InMemoryEventStore();
    lastContacts = new InMemoryLastContacts(true);
    requested = [];
    projections = new InMemoryProjectionStore();
    const erasures = {
      handle: async (_id: string, command: { data: { customerId: string } }) => void requested.push(command.data.customerId),
    };
    retention = new JourneyRetention(
      new TestClock(now),
      store,
      3_600_000,
      { current: () => ({ retention: { journeyDays: 30 } }) } as unknown as ConceptInForce,
      erasures as unknown as ErasureStreams,
      {} as Leadership,
      { register: () => undefined } as unknown as CustomerDataHolders,
      lastContacts,
      new InMemoryCheckpointStore(),
      projections,
    );
  });
  afterEach(() => jest.restoreAllMocks());

  it('sweeps only once every journey is read: before, a customer due on what was read so far is not erased', async () => {
    await contact('cust-old', 40);
    retention.apply((await store.readStream('journey-cust-old'))[0]!);
    await retention.tick();
    expect(requested).toEqual([]);

    await contact('cust-old', 1);
    await contact('cust-gone', 31);
    const following = await retention.start();
    await turnsUntil(() => requested.length > 0);
    expect(requested).toEqual(['cust-gone']);
    await following.stop();
  });

  it('keeps no customer forgotten while a keep of their last contact failed', async () => {
    const keep = lastContacts.keep.bind(lastContacts);
    let fail!: (error: Error) => void;
    jest.spyOn(lastContacts, 'keep').mockImplementationOnce(() => new Promise<void>((_, reject) => (fail = reject)));
    jest.spyOn(lastContacts, 'keep').mockImplementation(keep);
    await contact('cust-x', 1);
    await contact('cust-y', 1);
    const following = await retention.start(); // caught up at once: its sweep keeps what it read, and that keep fails
    await turnsUntil(() => fail !== undefined);
    const forgetting = retention.forgetCustomer('cust-x');
    fail(new Error('SQLITE_FULL'));
    await forgetting;
    await following.stop(); // keeps what it holds
    expect((await lastContacts.dueBy(Number.MAX_SAFE_INTEGER, 10)).map(([, customerId]) => customerId)).toEqual(['cust-y']);
  });

  it('given the state an earlier version saved (every customer, one document), deletes it and reads the journeys from the start', async () => {
    await contact('cust-a', 2);
    await contact('cust-b', 3);
    await projections.save('journey-retention', { position: 2, state: { lastContact: [['cust-a', now.getTime() - 2 * DAY]] } });
    const following = await retention.start();
    expect(await projections.load('journey-retention')).toBeUndefined();
    await following.stop();
    expect((await lastContacts.dueBy(Number.MAX_SAFE_INTEGER, 10)).map(([, customerId]) => customerId)).toEqual(['cust-b', 'cust-a']);
  });
});
