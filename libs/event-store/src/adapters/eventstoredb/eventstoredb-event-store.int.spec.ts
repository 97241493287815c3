import { eventStoreSkipReason, startEventStoreServer, type EventStoreServer } from '../../../../../test/support/eventstore-server';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

jest.setTimeout(180_000);

const skipReason = eventStoreSkipReason();
if (skipReason) process.stdout.write(`EventStoreDB contract suite skipped: ${skipReason}\n`);

let server: EventStoreServer | undefined;
beforeAll(async () => {
  if (!skipReason) server = await startEventStoreServer();
});
afterAll(() => server?.stop());

describeEventStoreContract(
  'eventstoredb',
  async () => {
    if (!server) throw new Error('no EventStoreDB server');
    const store = new EventStoreDbEventStore({ url: server.url });
    const other = new EventStoreDbEventStore({ url: server.url });
    return { store, other, dispose: async () => void (await Promise.all([store.close(), other.close()])) };
  },
  skipReason,
);
