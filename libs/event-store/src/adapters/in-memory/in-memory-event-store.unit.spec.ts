import { InMemoryProjectionStore } from '../../projections/in-memory-projection-store';
import { describeCheckpointStoreContract } from '../../testing/checkpoint-store.contract';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { describeProjectionStoreContract } from '../../testing/projection-store.contract';
import { InMemoryCheckpointStore } from './in-memory-checkpoint-store';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore();
  return { store, other: store, pipelined: true, snapshots: true, dispose: () => store.close() };
});

describeCheckpointStoreContract('in-memory', async () => {
  const store = new InMemoryCheckpointStore();
  return { store, other: store, dispose: async () => undefined };
});

describeProjectionStoreContract('in-memory', async () => {
  const store = new InMemoryProjectionStore();
  return { store, other: store, dispose: async () => undefined };
});
