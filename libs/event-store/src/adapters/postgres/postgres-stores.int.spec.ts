import { createTestDatabase, postgresSkipReason, type TestDatabase } from '../../testing/postgres-test-database';
import { describeCheckpointStoreContract } from '../../testing/checkpoint-store.contract';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { describeProjectionStoreContract } from '../../testing/projection-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { PostgresCheckpointStore, PostgresProjectionStore } from './postgres-snapshots';

jest.setTimeout(30_000);

const skipReason = postgresSkipReason();
if (skipReason) process.stdout.write(`PostgreSQL contract suites skipped: ${skipReason}\n`);

let database: TestDatabase | undefined;
beforeAll(async () => {
  if (!skipReason) database = await createTestDatabase();
});
afterAll(async () => database?.drop());

/** Two stores on one database, each with its own pool: two processes, as far as PostgreSQL can tell. */
const twoStores = async () => {
  if (!database) throw new Error('no test database');
  const store = await PostgresEventStore.connect({ url: database.url, poolSize: 4, pollIntervalMs: 200 });
  const other = await PostgresEventStore.connect({ url: database.url, poolSize: 4, pollIntervalMs: 200 });
  return { store, other, snapshots: true, dispose: async () => void (await Promise.all([store.close(), other.close()])) };
};

describeEventStoreContract('postgres', twoStores, skipReason);

describeCheckpointStoreContract(
  'postgres',
  async () => {
    const { store, other, dispose } = await twoStores();
    return { store: new PostgresCheckpointStore(store.pool), other: new PostgresCheckpointStore(other.pool), dispose };
  },
  skipReason,
);

describeProjectionStoreContract(
  'postgres',
  async () => {
    const { store, other, dispose } = await twoStores();
    return { store: new PostgresProjectionStore(store.pool), other: new PostgresProjectionStore(other.pool), dispose };
  },
  skipReason,
);

(skipReason ? describe.skip : describe)('postgres erasure keeps no stream name', () => {
  it('keeps an erased stream by a digest of its name, and still continues its revisions', async () => {
    const { store, other, dispose } = await twoStores();
    try {
      const stream = `journey-cust-pg-${Date.now()}`;
      const metadata = { causationId: 'c', correlationId: 'c', actor: 'test' };
      await store.appendToStream(stream, [{ type: 'Noted', data: {}, metadata }]);
      await store.deleteStream(stream);
      const { rows } = await store.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM regie_erased_streams WHERE stream_name LIKE '%' || $1 || '%'`,
        [stream],
      );
      expect(Number(rows[0]!.n)).toBe(0);
      expect((await other.appendToStream(stream, [{ type: 'Noted', data: {}, metadata }])).nextExpectedRevision).toBe(1);
    } finally {
      await dispose();
    }
  });
});
