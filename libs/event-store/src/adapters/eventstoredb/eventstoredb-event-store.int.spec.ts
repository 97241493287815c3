import { eventStoreSkipReason, startEventStoreServer, type EventStoreServer } from '../../../../../test/support/eventstore-server';
import { describeCheckpointStoreContract } from '../../testing/checkpoint-store.contract';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { describeProjectionStoreContract } from '../../testing/projection-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { EventStoreDbCheckpointStore, EventStoreDbProjectionStore } from './eventstoredb-snapshots';

jest.setTimeout(180_000);

const skipReason = eventStoreSkipReason();
if (skipReason) process.stdout.write(`EventStoreDB contract suites skipped: ${skipReason}\n`);

let server: EventStoreServer | undefined;
beforeAll(async () => {
  if (!skipReason) server = await startEventStoreServer();
});
afterAll(() => server?.stop());

const twoClients = async () => {
  if (!server) throw new Error('no EventStoreDB server');
  const store = new EventStoreDbEventStore({ url: server.url });
  const other = new EventStoreDbEventStore({ url: server.url });
  return { store, other, dispose: async () => void (await Promise.all([store.close(), other.close()])) };
};

describeEventStoreContract('eventstoredb', async () => ({ ...(await twoClients()), atomicMultiStream: false }), skipReason);

describeCheckpointStoreContract(
  'eventstoredb',
  async () => {
    const { store, other, dispose } = await twoClients();
    return { store: new EventStoreDbCheckpointStore(store.client), other: new EventStoreDbCheckpointStore(other.client), dispose };
  },
  skipReason,
);

describeProjectionStoreContract(
  'eventstoredb',
  async () => {
    const { store, other, dispose } = await twoClients();
    return { store: new EventStoreDbProjectionStore(store.client), other: new EventStoreDbProjectionStore(other.client), dispose };
  },
  skipReason,
);
