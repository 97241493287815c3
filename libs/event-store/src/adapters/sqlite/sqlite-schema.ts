/**
 * `position` is the global order (rowid, never reused thanks to AUTOINCREMENT). Erasure keeps
 * the stream's last revision and the erased events' idempotency keys (port: "Erasure").
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
