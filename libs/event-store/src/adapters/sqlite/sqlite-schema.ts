import type Database from 'better-sqlite3';

/**
 * Events per era of the stream index, as a power of two: era = position >> ERA_BITS (131,072 events).
 *
 * The stream index is kept per era, `(era, stream_name, revision)`, not `(stream_name, revision)`. With
 * streams written side by side (a customer's events between everyone else's), every event lands at its
 * own stream's end: somewhere in the middle of an index on the stream's name, which grows with history.
 * A plain insert loop on the old index fell to 0.4 of its first 100,000 events' rate by 1,000,000
 * (2,000 customers); with the index per era it kept 1.0 over 2,000,000 (0.86 with eras of 2^18).
 * The price is on the read side: finding a stream takes one index seek per era (8 at 1M events).
 */
export const ERA_BITS = 17;

/**
 * `position` is the global order (rowid, never reused thanks to AUTOINCREMENT). Erasure keeps
 * the stream's last revision and the erased events' idempotency keys (port: "Erasure").
 * `category` is the stream name up to and with its first '-' (`journey-`, `case-`): computed by
 * SQLite, never written, and indexed with the position, so that a subscriber to a few categories
 * reads their events instead of scanning every stream's. `era` is computed from the position, and
 * leads the stream index ({@link ERA_BITS}). A stream's revisions are unique: the writer checks them in
 * its IMMEDIATE transaction, and the index holds each era's to it as well.
 */
/** The schema, with eras of 2^eraBits positions (tests give each event an era of its own with 0). */
const schemaOf = (eraBits: number): string => `
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
  era             INTEGER GENERATED ALWAYS AS (position >> ${eraBits}) VIRTUAL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (era, stream_name, revision);
CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position);
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

export const SQLITE_SCHEMA = schemaOf(ERA_BITS);

/** The columns written by the store; the rest are computed. */
const WRITTEN_COLUMNS = 'position, event_id, stream_name, revision, type, data, metadata, idempotency_key, recorded_at';

/**
 * A file of a version before the eras (with or without the category column) has the unique index on
 * (stream_name, revision) in its table's definition, which only a new table drops: its events are copied
 * over in position order, and the sequence of positions carries on where it was (erased positions stay unused).
 */
const rebuildEventsTable = (db: Database.Database, schema: string): void => {
  // The old table's sequence: at least its last position, more where the last events were erased.
  const sequence = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'").get()?.seq ?? 0;
  db.exec('ALTER TABLE events RENAME TO events_before_eras');
  db.exec('DROP INDEX IF EXISTS events_by_category'); // its name is the new table's
  db.exec(schema);
  db.exec(`INSERT INTO events (${WRITTEN_COLUMNS}) SELECT ${WRITTEN_COLUMNS} FROM events_before_eras ORDER BY position`);
  db.exec('DROP TABLE events_before_eras');
  db.prepare("DELETE FROM sqlite_sequence WHERE name = 'events'").run();
  if (sequence > 0) db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)").run(sequence);
};

/**
 * Creates the schema, or brings a database of an earlier version up to it (once; idempotent). A file keeps the
 * eras it was made with: the statements find them from its last event.
 */
export const prepareSqliteSchema = (db: Database.Database, eraBits = ERA_BITS): void => {
  const schema = schemaOf(eraBits);
  // IMMEDIATE: two processes opening an older file at once migrate it once.
  db.transaction(() => {
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_xinfo('events')").all();
    if (columns.length > 0 && !columns.some(({ name }) => name === 'era')) rebuildEventsTable(db, schema);
    else db.exec(schema);
  }).immediate();
};

// Up to the last event's era, as the file computes it.
const ERAS =
  'eras(era) AS (SELECT 0 UNION ALL SELECT era + 1 FROM eras WHERE era < (SELECT era FROM events ORDER BY position DESC LIMIT 1))';

/**
 * A statement over one stream's events, found through the stream index era by era: `SELECT ${select} FROM
 * events WHERE <the stream is ?> ${rest}`. `select` may name `eras` (every era up to the last position's).
 */
export const streamSql = (select: string, rest = ''): string =>
  `WITH RECURSIVE ${ERAS} SELECT ${select} FROM events WHERE era IN eras AND stream_name = ? ${rest}`;

/**
 * The greatest `column` (position or revision) of the stream named by `stream` (an SQL expression), or NULL: the
 * eras are searched from the last one back, and the search ends in the first that holds the stream (one index
 * seek for a stream written lately; one per era for a stream that does not exist).
 */
export const lastOfStreamSql = (column: 'position' | 'revision', stream: string): string =>
  `(SELECT ${column} FROM events WHERE era IN eras AND stream_name = ${stream} ORDER BY era DESC, revision DESC LIMIT 1)`;

/** The `WITH` clause that {@link lastOfStreamSql} needs, at the start of its statement. */
export const WITH_ERAS = `WITH RECURSIVE ${ERAS}`;
