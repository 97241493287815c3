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
