import type { LastContactCursor, LastContacts } from './last-contacts.port';

/** Last contacts in a map, for tests, the in-memory store, and stores without tables (EventStoreDB: read again at each start). */
export class InMemoryLastContacts implements LastContacts {
  private readonly lastContacts = new Map<string, number>();

  constructor(readonly durable: boolean) {}

  async keep(lastContacts: ReadonlyMap<string, number>): Promise<void> {
    for (const [customerId, last] of lastContacts)
      this.lastContacts.set(customerId, Math.max(last, this.lastContacts.get(customerId) ?? last));
  }

  async dueBy(cutoff: number, limit: number, after?: LastContactCursor): Promise<LastContactCursor[]> {
    const isAfter = ([last, customerId]: LastContactCursor) => !after || last > after[0] || (last === after[0] && customerId > after[1]);
    return [...this.lastContacts]
      .map(([customerId, last]): LastContactCursor => [last, customerId])
      .filter((due) => due[0] <= cutoff && isAfter(due))
      .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
      .slice(0, limit);
  }

  async forgetCustomer(customerId: string): Promise<void> {
    this.lastContacts.delete(customerId);
  }
}
