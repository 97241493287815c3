import type { Provider } from '@nestjs/common';
import { READ_MODEL_DATABASE, type ReadModelDatabase } from '@regie/event-store';
import { InMemoryLastContacts } from './in-memory-last-contacts';
import { LAST_CONTACTS, type LastContacts } from './last-contacts.port';
import { PostgresLastContacts } from './postgres-last-contacts';
import { SqliteLastContacts } from './sqlite-last-contacts';

/** The last contacts in the store's own database; in memory where the store has none (then read again at each start). */
export const lastContactsProvider: Provider = {
  provide: LAST_CONTACTS,
  inject: [READ_MODEL_DATABASE],
  useFactory: async (database: ReadModelDatabase): Promise<LastContacts> => {
    switch (database.kind) {
      case 'sqlite':
        return new SqliteLastContacts(database.file);
      case 'postgres':
        return PostgresLastContacts.open(database.pool);
      case 'memory':
        return new InMemoryLastContacts(true);
      case 'none':
        return new InMemoryLastContacts(false);
    }
  },
};
