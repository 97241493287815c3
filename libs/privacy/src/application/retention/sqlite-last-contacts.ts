import type { SqliteFile } from '@regie/event-store';
import type { LastContactCursor, LastContacts } from './last-contacts.port';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS journey_last_contacts (
  customer_id  TEXT    PRIMARY KEY,
  last_contact INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS journey_last_contacts_in_order ON journey_last_contacts (last_contact, customer_id);`;

const KEEP = `INSERT INTO journey_last_contacts (customer_id, last_contact) VALUES (?, ?)
  ON CONFLICT (customer_id) DO UPDATE SET last_contact = MAX(last_contact, excluded.last_contact)`;

/** Last contacts in a table of the store's own SQLite file, kept by the store's writer in one transaction per call. */
export class SqliteLastContacts implements LastContacts {
  readonly durable = true;
  private readonly first;
  private readonly next;

  constructor(private readonly file: SqliteFile) {
    file.db.exec(SCHEMA);
    const due = (after: string) =>
      file.db.prepare<(string | number)[], { last_contact: number; customer_id: string }>(
        `SELECT last_contact, customer_id FROM journey_last_contacts WHERE last_contact <= ? ${after}
         ORDER BY last_contact, customer_id LIMIT ?`,
      );
    this.first = due('');
    this.next = due('AND (last_contact, customer_id) > (?, ?)');
  }

  async keep(lastContacts: ReadonlyMap<string, number>): Promise<void> {
    if (lastContacts.size === 0) return;
    await this.file.write([...lastContacts].map(([customerId, last]) => ({ sql: KEEP, params: [customerId, last] })));
  }

  async dueBy(cutoff: number, limit: number, after?: LastContactCursor): Promise<LastContactCursor[]> {
    const rows = after ? this.next.all(cutoff, after[0], after[1], limit) : this.first.all(cutoff, limit);
    return rows.map((row): LastContactCursor => [row.last_contact, row.customer_id]);
  }

  async forgetCustomer(customerId: string): Promise<void> {
    await this.file.write([{ sql: 'DELETE FROM journey_last_contacts WHERE customer_id = ?', params: [customerId] }]);
  }
}
