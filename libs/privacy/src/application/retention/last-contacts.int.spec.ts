import { postgresForReadModels, twoSqliteStores } from '../../../../event-store/src/testing/read-model-stores';
import { PostgresLastContacts } from './postgres-last-contacts';
import { SqliteLastContacts } from './sqlite-last-contacts';
import { describeLastContactsContract } from './testing/last-contacts.contract';

describeLastContactsContract('sqlite', async () => {
  const { store, other, dispose } = twoSqliteStores();
  return { lastContacts: new SqliteLastContacts(store), other: new SqliteLastContacts(other), dispose };
});

const postgres = postgresForReadModels();
describeLastContactsContract(
  'postgres',
  async () => {
    const { store, other, dispose } = await postgres.twoStores();
    const [lastContacts, second] = await Promise.all([PostgresLastContacts.open(store.pool), PostgresLastContacts.open(other.pool)]);
    await store.pool.query('TRUNCATE regie_journey_last_contacts');
    return { lastContacts, other: second, dispose };
  },
  postgres.skipReason,
);
