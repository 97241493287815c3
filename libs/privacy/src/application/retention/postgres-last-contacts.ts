import type { Pool } from 'pg';
import { createPostgresTables } from '@regie/event-store';
import type { LastContactCursor, LastContacts } from './last-contacts.port';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS regie_journey_last_contacts (
  customer_id  text   COLLATE "C" PRIMARY KEY,
  last_contact bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS regie_journey_last_contacts_in_order ON regie_journey_last_contacts (last_contact, customer_id);`;

/** An arbitrary lock id: processes starting together create the table one at a time. */
const SCHEMA_LOCK = 5_120_418;

/** Last contacts in `regie_journey_last_contacts` beside the store's tables; `keep` writes all it is given in one statement. */
export class PostgresLastContacts implements LastContacts {
  readonly durable = true;

  private constructor(private readonly pool: Pool) {}

  /** Creates the table and its index when missing. */
  static async open(pool: Pool): Promise<PostgresLastContacts> {
    await createPostgresTables(pool, SCHEMA_LOCK, SCHEMA);
    return new PostgresLastContacts(pool);
  }

  async keep(lastContacts: ReadonlyMap<string, number>): Promise<void> {
    if (lastContacts.size === 0) return;
    await this.pool.query(
      `INSERT INTO regie_journey_last_contacts (customer_id, last_contact)
       SELECT * FROM unnest($1::text[], $2::bigint[])
       ON CONFLICT (customer_id) DO UPDATE SET last_contact = GREATEST(regie_journey_last_contacts.last_contact, excluded.last_contact)`,
      [[...lastContacts.keys()], [...lastContacts.values()]],
    );
  }

  async dueBy(cutoff: number, limit: number, after?: LastContactCursor): Promise<LastContactCursor[]> {
    const { rows } = await this.pool.query<{ last_contact: string; customer_id: string }>(
      `SELECT last_contact, customer_id FROM regie_journey_last_contacts
       WHERE last_contact <= $1 AND ($2::bigint IS NULL OR (last_contact, customer_id) > ($2::bigint, $3::text))
       ORDER BY last_contact, customer_id LIMIT $4`,
      [cutoff, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    return rows.map((row): LastContactCursor => [Number(row.last_contact), row.customer_id]);
  }

  async forgetCustomer(customerId: string): Promise<void> {
    await this.pool.query('DELETE FROM regie_journey_last_contacts WHERE customer_id = $1', [customerId]);
  }
}
