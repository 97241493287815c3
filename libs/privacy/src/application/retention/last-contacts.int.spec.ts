import { SqliteEventStore } from '@regie/event-store';
import { PostgresEventStore } from '../../../../event-store/src/adapters/postgres/postgres-event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from '../../../../event-store/src/testing/postgres-test-database';
import { PostgresLastContacts } from './postgres-last-contacts';
import { SqliteLastContacts } from './sqlite-last-contacts';
import { describeLastContactsContract } from './testing/last-contacts.contract';

describeLastContactsContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'regie-last-contacts-'));
  const filename = join(dir, 'regie.db');
  const [store, other] = [new SqliteEventStore({ filename }), new SqliteEventStore({ filename })];
  return {
    lastContacts: new SqliteLastContacts(store),
    other: new SqliteLastContacts(other),
    dispose: async () => {
      await Promise.all([store.close(), other.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const skipReason = postgresSkipReason();
let database: TestDatabase | undefined;
beforeAll(async () => {
  if (!skipReason) database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describeLastContactsContract(
  'postgres',
  async () => {
    if (!database) throw new Error('no test database');
    const [store, other] = await Promise.all([1, 2].map(() => PostgresEventStore.connect({ url: database!.url, poolSize: 2 })));
    const [lastContacts, second] = await Promise.all([PostgresLastContacts.open(store!.pool), PostgresLastContacts.open(other!.pool)]);
    await store!.pool.query('TRUNCATE regie_journey_last_contacts');
    return { lastContacts, other: second, dispose: async () => void (await Promise.all([store!.close(), other!.close()])) };
  },
  skipReason,
);
