import { InMemoryCheckpointStore, InMemoryEventStore, subscribeWithCheckpoint, type EventStore } from '@regie/event-store';
import { safetyStream } from '../../domain';
import { SafetyErasure } from './safety-erasure';

const metadata = { causationId: 'test', correlationId: 'test', actor: 'test' };
const at = '2026-03-02T10:00:00.000Z';

const reported = (customerId: string) => ({
  type: 'AggressionReported',
  data: {
    reportId: `r-${customerId}`,
    customerId,
    contactId: 'video-1',
    channel: 'video',
    category: 'threat',
    description: 'Raised voice and threatened the agent.',
    reportedBy: 'agent-a',
    actor: 'agent-a',
    at,
  },
});
const erased = { type: 'SafetyRecordsErased', data: { erasedBefore: at, actor: 'system', at } };

/** The erasure's first step, as the timekeeper records it; `then` stops right after, as a crash would. */
const recordErasure = (store: EventStore, customerId: string) =>
  store.appendToStream(safetyStream(customerId), [{ ...erased, metadata }], {});

describe('safety erasure: a recorded erasure deletes the stream, also after a crash in between', () => {
  it('deletes every stream whose erasure is recorded, once the process runs again, and no other', async () => {
    const store = new InMemoryEventStore();
    const customers = Array.from({ length: 20 }, (_, index) => `cust-${index}`);
    for (const customerId of customers) await store.appendToStream(safetyStream(customerId), [{ ...reported(customerId), metadata }], {});
    // The timekeeper recorded erasures for every other customer, and the process died before deleting any.
    const toErase = customers.filter((_, index) => index % 2 === 0);
    for (const customerId of toErase) await recordErasure(store, customerId);

    const checkpoints = new InMemoryCheckpointStore();
    const erasure = new SafetyErasure(store, checkpoints, { whileLeading: async () => undefined } as never);
    let caughtUp!: () => void;
    const done = new Promise<void>((resolve) => (caughtUp = resolve));
    const subscription = await subscribeWithCheckpoint(store, checkpoints, {
      name: 'safety-erasure',
      streamPrefixes: ['safety-'],
      onEvent: (event) => erasure.onEvent(event),
      onCaughtUp: () => caughtUp(),
    });
    await done;
    await subscription.stop();

    for (const customerId of customers) {
      const events = await store.readStream(safetyStream(customerId));
      expect({ customerId, left: events.length }).toEqual({ customerId, left: toErase.includes(customerId) ? 0 : 1 });
    }
  });

  it('is harmless when it sees an erasure again', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream(safetyStream('cust-x'), [{ ...reported('cust-x'), metadata }], {});
    await recordErasure(store, 'cust-x');
    const [event] = await store.readStream(safetyStream('cust-x'), { fromRevision: 1 });
    const erasure = new SafetyErasure(store, new InMemoryCheckpointStore(), {} as never);
    await erasure.onEvent(event);
    await erasure.onEvent(event);
    expect(await store.readStream(safetyStream('cust-x'))).toEqual([]);
  });
});
