import type { Pool } from 'pg';
import type { SqliteFile } from './adapters/sqlite/sqlite-event-store';

/**
 * The database beside the store, for read models kept as indexed tables (history a process must not
 * hold in memory): the store's own SQLite file or PostgreSQL pool. `memory` lives as long as the
 * process, as the in-memory store does; `none` (EventStoreDB) has no tables, so such read models stay
 * in memory and are rebuilt from the store at each start.
 */
export type ReadModelDatabase =
  | { readonly kind: 'sqlite'; readonly file: SqliteFile }
  | { readonly kind: 'postgres'; readonly pool: Pool }
  | { readonly kind: 'memory' }
  | { readonly kind: 'none' };

export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');

/**
 * A read model's tables in PostgreSQL, created when missing: in one transaction under the advisory lock `lock` (one
 * per read model), so that processes starting together create them one at a time.
 */
export const createPostgresTables = async (pool: Pool, lock: number, schema: string): Promise<void> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [lock]);
    await client.query(schema);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
};
