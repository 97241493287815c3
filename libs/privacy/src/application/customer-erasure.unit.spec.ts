import { InMemoryCheckpointStore, InMemoryEventStore, type EventStore } from '@regie/event-store';
import { CustomerDataHolders, type Leadership } from '@regie/eventsourcing/application';
import { TestClock } from '@regie/eventsourcing/testing';
import { SafetyStreams } from '@regie/safety';
import { ERASURE_AUDIT_STREAM, erasureStream } from '../domain';
import { CustomerErasure } from './customer-erasure';
import { ErasureStreams } from './erasure-streams';

const metadata = { causationId: 'test', correlationId: 'test', actor: 'test' };
const at = '2026-03-02T10:00:00.000Z';
const notLeading = { whileLeading: async () => undefined } as unknown as Leadership;

/** A customer with a journey, a case and a safety record; `other` has the same and must keep it. */
const plant = async (store: EventStore, customerId: string) => {
  const contact = { customerId, contactId: `chat-${customerId}`, channel: 'chatbot', occurredAt: at };
  await store.appendToStream(`journey-${customerId}`, [{ type: 'ContactStarted', data: contact, metadata }]);
  await store.appendToStream(`case-case-${customerId}`, [
    { type: 'CaseOpened', data: { caseId: `case-${customerId}`, customerId, context: { topic: 'debt' } }, metadata },
  ]);
  await store.appendToStream(`safety-${customerId}`, [
    {
      type: 'AggressionReported',
      data: {
        reportId: `r-${customerId}`,
        customerId,
        contactId: 'video-1',
        channel: 'video',
        category: 'threat',
        description: 'x',
        reportedBy: 'agent-a',
        actor: 'agent-a',
        at,
      },
      metadata,
    },
  ]);
};

const setUp = async () => {
  const store = new InMemoryEventStore();
  const clock = new TestClock(new Date(at));
  const holders = new CustomerDataHolders();
  const forgotten: string[] = [];
  holders.register({ name: 'recording', forgetCustomer: (customerId) => void forgotten.push(customerId) });
  const erasures = new ErasureStreams(store);
  const process = new CustomerErasure(store, new InMemoryCheckpointStore(), notLeading, clock, erasures, new SafetyStreams(store), holders);
  await plant(store, 'cust-1');
  await plant(store, 'cust-2');
  await erasures.handle(
    'e-1',
    { type: 'RequestErasure', data: { erasureId: 'e-1', customerId: 'cust-1', reason: 'request', actor: 'sup-1', now: at } },
    metadata,
  );
  return { store, erasures, process, forgotten };
};

const streamsOf = async (store: EventStore, customerId: string) => [
  ...new Set((await store.readAll()).filter((event) => JSON.stringify(event).includes(customerId)).map((event) => event.streamName)),
];

const expectErased = async (store: EventStore) => {
  expect(await streamsOf(store, 'cust-1')).toEqual([]);
  expect(await streamsOf(store, 'cust-2')).toEqual(['journey-cust-2', 'case-case-cust-2', 'safety-cust-2']);
  const audit = await store.readStream(ERASURE_AUDIT_STREAM);
  expect(audit.map((event) => [event.type, event.data, event.metadata.actor])).toEqual([
    ['CustomerErased', expect.objectContaining({ erasureId: 'e-1', reason: 'request', requestedBy: 'sup-1' }), 'sup-1'],
  ]);
  expect(await store.readStream(erasureStream('e-1'))).toEqual([]);
};

describe('customer erasure: a recorded request is carried out to the end, whatever step a crash interrupted', () => {
  it('carries out a request recorded before the process ran, once it starts (catch-up from the checkpoint)', async () => {
    const { store, process, forgotten } = await setUp();
    const subscription = await process.start();
    try {
      for (let i = 0; i < 200 && (await store.readStream(ERASURE_AUDIT_STREAM)).length === 0; i++)
        await new Promise((r) => setImmediate(r));
      await expectErased(store);
      expect(forgotten).toEqual(['cust-1']);
    } finally {
      await subscription.stop();
    }
  });

  it('finishes after a crash once the data was deleted but not yet confirmed', async () => {
    const { store, process } = await setUp();
    for (const stream of ['journey-cust-1', 'case-case-cust-1', 'safety-cust-1']) await store.deleteStream(stream);
    await process.complete('e-1');
    await expectErased(store);
  });

  it('finishes after a crash once it was confirmed, and after a crash once it was audited', async () => {
    const { store, erasures, process } = await setUp();
    for (const stream of ['journey-cust-1', 'case-case-cust-1', 'safety-cust-1']) await store.deleteStream(stream);
    await erasures.handle('e-1', { type: 'ConfirmErasure', data: { actor: 'sup-1', now: at } }, metadata);
    await process.complete('e-1');
    await process.complete('e-1');
    await expectErased(store);
  });

  it('finishes after a crash once it was audited but before the request stream was deleted, auditing once', async () => {
    const { store, erasures, process } = await setUp();
    for (const stream of ['journey-cust-1', 'case-case-cust-1', 'safety-cust-1']) await store.deleteStream(stream);
    await erasures.handle('e-1', { type: 'ConfirmErasure', data: { actor: 'sup-1', now: at } }, metadata);
    const deleteStream = store.deleteStream.bind(store);
    store.deleteStream = async (stream) => {
      if (stream === erasureStream('e-1')) throw new Error('crash');
      return deleteStream(stream);
    };
    await expect(process.complete('e-1')).rejects.toThrow('crash');
    expect(await store.readStream(ERASURE_AUDIT_STREAM)).toHaveLength(1);
    store.deleteStream = deleteStream;
    await process.complete('e-1');
    await expectErased(store);
  });

  it('is harmless when the request comes again after it is done', async () => {
    const { store, process, forgotten } = await setUp();
    await process.complete('e-1');
    await process.complete('e-1');
    await expectErased(store);
    expect(forgotten).toEqual(['cust-1']);
  });

  it('does not finish when a holder cannot forget: the request stays for the next try', async () => {
    const { store, process } = await setUp();
    (process as unknown as { holders: CustomerDataHolders }).holders.register({
      name: 'failing',
      forgetCustomer: () => {
        throw new Error('disk full');
      },
    });
    await expect(process.complete('e-1')).rejects.toThrow('disk full');
    expect(await store.readStream(erasureStream('e-1'))).toHaveLength(1);
    expect(await store.readStream(ERASURE_AUDIT_STREAM)).toEqual([]);
  });
});
