import { InMemoryLastContacts } from './in-memory-last-contacts';
import { describeLastContactsContract } from './testing/last-contacts.contract';

describeLastContactsContract('in memory', async () => {
  const lastContacts = new InMemoryLastContacts(true);
  return { lastContacts, other: lastContacts, dispose: async () => undefined };
});
