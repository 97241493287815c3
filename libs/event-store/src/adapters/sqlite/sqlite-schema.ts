import type Database from 'better-sqlite3';

/**
 * `position` is the global order (rowid, never reused thanks to AUTOINCREMENT). Erasure keeps
 * the stream's last revision and the erased events' idempotency keys (port: "Erasure").
 * `category` is the stream name up to and with its first '-' (`journey-`, `case-`): computed by
 * SQLite, never written, and indexed with the position, so that a subscriber to a few categories
 * reads their events instead of scanning every stream's.
 */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position        INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id        TEXT    NOT NULL UNIQUE,
  stream_name     TEXT    NOT NULL,
  revision        INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  idempotency_key TEXT    UNIQUE,
  recorded_at     TEXT    NOT NULL,
  category        TEXT    GENERATED ALWAYS AS (substr(stream_name, 1, instr(stream_name, '-'))) VIRTUAL,
  UNIQUE (stream_name, revision)
);
CREATE TABLE IF NOT EXISTS erased_streams (
  stream_name   TEXT    PRIMARY KEY,
  last_revision INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS erased_idempotency_keys (
  idempotency_key TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS checkpoints (
  name       TEXT    PRIMARY KEY,
  position   INTEGER NOT NULL,
  updated_at TEXT    NOT NULL
);
`;

/** Added to a database made before the column existed; generated and VIRTUAL, so adding it rewrites no row. */
const CATEGORY_COLUMN =
  "ALTER TABLE events ADD COLUMN category TEXT GENERATED ALWAYS AS (substr(stream_name, 1, instr(stream_name, '-'))) VIRTUAL";
const CATEGORY_INDEX = 'CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position)';

/** Creates the schema, or brings a database of an earlier version up to it (once; idempotent). */
export const prepareSqliteSchema = (db: Database.Database): void => {
  // IMMEDIATE: two processes opening an older file at once migrate it once.
  db.transaction(() => {
    db.exec(SQLITE_SCHEMA);
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_xinfo('events')").all();
    if (!columns.some(({ name }) => name === 'category')) db.exec(CATEGORY_COLUMN);
    db.exec(CATEGORY_INDEX);
  }).immediate();
};
