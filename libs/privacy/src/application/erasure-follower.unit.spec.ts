import { InMemoryEventStore } from '@regie/event-store';
import { CustomerDataHolders } from '@regie/eventsourcing/application';
import { erasureStream } from '../domain';
import { ErasureFollower } from './erasure-follower';
import { ErasureStreams } from './erasure-streams';

const metadata = { causationId: 'test', correlationId: 'test', actor: 'sup-1' };
const at = '2026-03-02T10:00:00.000Z';

describe('erasure follower: the read models of a process that does not carry erasures out forget too', () => {
  it('forgets the customer when the erasure is requested and again when it is done, and nobody erased before it started', async () => {
    const store = new InMemoryEventStore();
    const erasures = new ErasureStreams(store);
    const request = (erasureId: string, customerId: string) =>
      erasures.handle(
        erasureId,
        { type: 'RequestErasure', data: { erasureId, customerId, reason: 'request', actor: 'sup-1', now: at } },
        metadata,
      );
    await request('e-0', 'cust-before');
    const holders = new CustomerDataHolders();
    const forgotten: string[] = [];
    holders.register({ name: 'recording', forgetCustomer: (customerId) => void forgotten.push(customerId) });
    const follower = new ErasureFollower(store, holders);
    await follower.onApplicationBootstrap();
    try {
      await request('e-1', 'cust-1');
      await erasures.handle('e-1', { type: 'ConfirmErasure', data: { actor: 'sup-1', now: at } }, metadata);
      for (let i = 0; i < 100 && forgotten.length < 2; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(forgotten).toEqual(['cust-1', 'cust-1']);
      expect(await store.readStream(erasureStream('e-1'))).toHaveLength(2);
    } finally {
      await follower.onApplicationShutdown();
    }
  });
});
