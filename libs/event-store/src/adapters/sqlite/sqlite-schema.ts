import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * Events per era of the stream index, as a power of two: era = position >> ERA_BITS (131,072 events).
 *
 * The stream index is kept per era, `(era, stream_name, revision)`, not `(stream_name, revision)`. With
 * streams written side by side (a customer's events between everyone else's), every event lands at its
 * own stream's end: somewhere in the middle of an index on the stream's name, which grows with history.
 * A plain insert loop on the old index fell to 0.4 of its first 100,000 events' rate by 1,000,000
 * (2,000 customers); with the index per era it kept 1.0 over 2,000,000 (0.86 with eras of 2^18).
 * The price is on the read side: a stream is found era by era, one index seek each (8 at 1M events), from the
 * era of its first event; its head from the last era back. README: "A write that costs the same at any size".
 */
export const ERA_BITS = 17;

/**
 * The schema, with eras of 2^eraBits positions (tests give each event an era of its own with 0).
 *
 * `position` is the global order (rowid, never reused thanks to AUTOINCREMENT). Erasure keeps
 * the stream's last revision and the erased events' idempotency keys (port: "Erasure"); the erased
 * head stays while the stream is written again (its revisions go on, and it has no revision 0).
 * `category` is the stream name up to and with its first '-' (`journey-`, `case-`): computed by
 * SQLite, never written, and indexed with the position, so that a subscriber to a few categories
 * reads their events instead of scanning every stream's. `era` is computed from the position, and
 * leads the stream index ({@link ERA_BITS}); each stream's event at revision 0 is in a partial index of its
 * own, which tells where a stream begins, or that it does not exist, in one seek. A stream's revisions are
 * unique: the writer checks them in its IMMEDIATE transaction, and the indexes hold each era, and every
 * stream's revision 0, to it as well. `stream_snapshots` keeps a folded state per stream (EventStore.saveSnapshots):
 * one row each, found by the stream's name, however long its history.
 */
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
CREATE UNIQUE INDEX IF NOT EXISTS events_opening_a_stream ON events (stream_name) WHERE revision = 0;
CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position);
CREATE TABLE IF NOT EXISTS erased_streams (
  stream_name   TEXT    PRIMARY KEY,
  last_revision INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS erased_idempotency_keys (
  idempotency_key TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS stream_snapshots (
  stream_name TEXT    PRIMARY KEY,
  revision    INTEGER NOT NULL,
  kind        TEXT    NOT NULL,
  state       TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS checkpoints (
  name       TEXT    PRIMARY KEY,
  position   INTEGER NOT NULL,
  updated_at TEXT    NOT NULL
);
`;

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
 * Before the eras, a stream written again after its erasure lost its erased head. Now that head is what tells
 * that such a stream (with no revision 0) exists: it is put back, under the plain name, which the stream's live
 * events carry anyway (a later erasure replaces it with the digest). Read where the old index answers it.
 */
const keepHeadsOfStreamsWrittenAgain = (db: Database.Database): void => {
  db.exec('CREATE TABLE IF NOT EXISTS erased_streams (stream_name TEXT PRIMARY KEY, last_revision INTEGER NOT NULL)');
  db.exec(`INSERT OR IGNORE INTO erased_streams (stream_name, last_revision)
           SELECT stream_name, MIN(revision) - 1 FROM events GROUP BY stream_name HAVING MIN(revision) > 0`);
};

/**
 * Told of an upgrade of the file before it starts and when it is done: copying the events into a new table takes
 * seconds per million events (6.6 s here), before the store answers anything.
 */
export interface SchemaUpgradeListener {
  starting(events: number): void;
  done(events: number, ms: number): void;
}

/** An upgrade of the file told in words (the log, a command's output): the start waits for it. */
export const schemaUpgradeLog = (log: (message: string) => void): SchemaUpgradeListener => ({
  starting: (events) => log(`upgrading the store's file to this version: its ${events} events are copied into a new table, once`),
  done: (events, ms) => log(`the store's file is upgraded: ${events} events in ${Math.round(ms)} ms`),
});

/**
 * Creates the schema, or brings a database of an earlier version up to it (once; idempotent). A file keeps the
 * eras it was made with: the statements find them from its last event.
 */
export const prepareSqliteSchema = (db: Database.Database, eraBits = ERA_BITS, upgrade?: SchemaUpgradeListener): void => {
  const schema = schemaOf(eraBits);
  // IMMEDIATE: two processes opening an older file at once migrate it once.
  db.transaction(() => {
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_xinfo('events')").all();
    const opening = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'events_opening_a_stream'").get();
    if (columns.length > 0 && !opening) keepHeadsOfStreamsWrittenAgain(db);
    if (columns.length > 0 && !columns.some(({ name }) => name === 'era')) {
      const events = db.prepare<[], { events: number }>('SELECT COUNT(*) AS events FROM events').get()!.events;
      const started = performance.now();
      upgrade?.starting(events);
      rebuildEventsTable(db, schema);
      upgrade?.done(events, performance.now() - started);
    } else db.exec(schema);
  }).immediate();
};

/**
 * What an erased stream leaves for its revision rule: a digest, not the name, which names the
 * customer (`journey-<customerId>`). Rows written before carry the plain name; both are looked up.
 */
export const erasedName = (stream: string): string => `sha256:${createHash('sha256').update(stream).digest('hex')}`;

// The eras after the one in `eras`, up to the last event's (as the file computes it).
const NEXT_ERAS = 'SELECT era + 1 FROM eras WHERE era < (SELECT era FROM events ORDER BY position DESC LIMIT 1)';

/** `eras`: every era, from the first to the last event's. */
export const ALL_ERAS = `eras(era) AS (SELECT 0 UNION ALL ${NEXT_ERAS})`;

/**
 * `eras`: those that may hold the stream `@stream`, from the era of its event at revision 0 (a partial index of
 * its own finds it) to the last; none for a stream that does not exist. A stream written again after its
 * erasure has no revision 0 any more: for one with an erased head (`@erased`, its erased name), every era.
 */
export const STREAM_ERAS = `eras(era) AS (
  SELECT COALESCE(
    (SELECT era FROM events WHERE stream_name = @stream AND revision = 0),
    (SELECT 0 FROM erased_streams WHERE stream_name IN (@erased, @stream) LIMIT 1))
  UNION ALL ${NEXT_ERAS})`;

/**
 * A statement over the events of the stream `@stream` in `eras` ({@link ALL_ERAS} or {@link STREAM_ERAS}), found
 * through the stream index era by era: `SELECT ${select} FROM events WHERE <the stream's> ${rest}`.
 */
export const streamSql = (eras: string, select: string, rest = ''): string =>
  `WITH RECURSIVE ${eras} SELECT ${select} FROM events WHERE era IN eras AND stream_name = @stream ${rest}`;

/**
 * The last `column` (position or revision) of the stream named by `stream` (an SQL expression) in `eras`, or NULL:
 * the eras are searched from the last one back, and the search ends in the first that holds the stream (one
 * index seek for a stream written lately).
 */
export const lastOfStreamSql = (column: 'position' | 'revision', stream: string): string =>
  `(SELECT ${column} FROM events WHERE era IN eras AND stream_name = ${stream} ORDER BY era DESC, revision DESC LIMIT 1)`;

/**
 * A stream's snapshot, replacing the one it had unless that one is of a later revision, and unless the stream was
 * erased at or after its revision (a save sent before an erasure must not bring the erased state back). Parameters:
 * the stream, its revision, kind and state, then the stream again, its erased name and the revision again.
 */
export const SAVE_SNAPSHOT = `INSERT INTO stream_snapshots (stream_name, revision, kind, state)
  SELECT ?, ?, ?, ?
  WHERE NOT EXISTS (SELECT 1 FROM erased_streams WHERE stream_name IN (?, ?) AND last_revision >= ?)
  ON CONFLICT (stream_name) DO UPDATE SET revision = excluded.revision, kind = excluded.kind, state = excluded.state
    WHERE excluded.revision >= stream_snapshots.revision`;
