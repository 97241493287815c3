import type { Pool } from 'pg';

/** Advisory locks live in one namespace (two-int form), apart from the per-stream bigint locks. */
export const LOCK_CLASS = 0x52454749; // 'REGI'
export const NUMBERING_LOCK = 1;
const MIGRATION_LOCK = 2;

export const NOTIFY_CHANNEL = 'regie_events';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Versioned and append-only: a released migration is never edited, a change is a new one.
 *
 * Why positions are safe to checkpoint as one number: every append numbers its events in
 * `regie_number_events`, which takes the transaction's id (xid8) and its positions inside one
 * critical section, before the transaction writes anything. So among event-writing transactions
 * a higher transaction id always means higher positions. Readers take only rows whose
 * transaction id is below `pg_snapshot_xmin(pg_current_snapshot())`: every transaction under
 * that horizon has ended, and any that commits later has a higher id, hence higher positions
 * than anything already delivered. Transactions still commit concurrently (the critical
 * section ends before the insert); a numbered transaction that rolls back leaves a gap.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events, erased streams and keys, event numbering',
    sql: `
CREATE TABLE regie_events (
  position        bigint      PRIMARY KEY,
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  event_id        uuid        NOT NULL UNIQUE,
  stream_name     text        NOT NULL,
  revision        bigint      NOT NULL,
  type            text        NOT NULL,
  data            json        NOT NULL,
  metadata        json        NOT NULL,
  idempotency_key text        UNIQUE,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (stream_name, revision)
);
CREATE SEQUENCE regie_event_position AS bigint OWNED BY regie_events.position;
CREATE TABLE regie_erased_streams (
  stream_name   text   PRIMARY KEY,
  last_revision bigint NOT NULL
);
CREATE TABLE regie_erased_keys (
  idempotency_key text PRIMARY KEY
);
CREATE FUNCTION regie_number_events(event_count integer) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  last_position bigint;
BEGIN
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'regie_number_events must run before the transaction writes anything';
  END IF;
  PERFORM pg_advisory_lock(${LOCK_CLASS}, ${NUMBERING_LOCK});
  PERFORM pg_current_xact_id();
  last_position := nextval('regie_event_position') + event_count - 1;
  IF event_count > 1 THEN
    PERFORM setval('regie_event_position', last_position);
  END IF;
  PERFORM pg_advisory_unlock(${LOCK_CLASS}, ${NUMBERING_LOCK});
  RETURN last_position;
END $$;`,
  },
  {
    version: 2,
    name: 'checkpoints and projection snapshots',
    sql: `
CREATE TABLE regie_checkpoints (
  name       text        PRIMARY KEY,
  position   bigint      NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE regie_projections (
  name       text        PRIMARY KEY,
  position   bigint      NOT NULL,
  state      json        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);`,
  },
  {
    version: 3,
    name: 'stream snapshots',
    sql: `
CREATE TABLE regie_stream_snapshots (
  stream_name text   PRIMARY KEY,
  revision    bigint NOT NULL,
  kind        text   NOT NULL,
  state       json   NOT NULL
);`,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Brings the database to the latest schema in one transaction, under an advisory lock so that
 * replicas starting together migrate once. Returns the versions it applied.
 */
export const migrate = async (pool: Pool): Promise<number[]> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS regie_schema_migrations (
      version    integer     PRIMARY KEY,
      name       text        NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM regie_schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const newer = Math.max(0, ...applied);
    if (newer > LATEST_SCHEMA_VERSION) {
      throw new Error(`database schema is at version ${newer}, newer than this Regie knows (${LATEST_SCHEMA_VERSION}): upgrade Regie`);
    }
    const pending = MIGRATIONS.filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query('INSERT INTO regie_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    await client.query('COMMIT');
    return pending.map((migration) => migration.version);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};
