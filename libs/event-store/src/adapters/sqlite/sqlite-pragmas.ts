import type Database from 'better-sqlite3';

/**
 * WAL pages written before a commit checkpoints them into the file (SQLite's default is 1,000).
 * Once the unique indexes (idempotency key, stream and revision) outgrow the cache, a batch of 1,000
 * events dirties a page of each per event, and the default checkpointed on nearly every commit:
 * a plain insert loop fell to about a quarter of its first 100,000 events' rate by 800,000. With
 * this, and the larger cache, the same loop keeps about 0.4 of it (`npm run bench -- --soak 1000000`).
 * With a writer thread, a checkpointer thread moves the pages long before (`CHECKPOINT_EVERY_MS`).
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/** The page cache, in KiB (a negative cache_size): the indexes' hot pages stay in memory. */
export const PAGE_CACHE_KIB = 32_768;

/**
 * The settings of the store's connection, shared with the bench's raw limit so that the limit does the
 * same writes the same way: WAL (readers never block the writer), synchronous NORMAL (durable at
 * each checkpoint; a power cut may lose the last commits, never corrupt), checkpoints every
 * {@link WAL_AUTOCHECKPOINT_PAGES} pages, the WAL cut back to 64 MiB after one.
 */
export const applyStorePragmas = (db: Database.Database): void => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
};

/**
 * The rest of every connection to the store's file: wait up to 5 s for another writer's lock, and
 * overwrite erased rows with zeros rather than only unlink them, so the bytes leave the file (DESIGN §3.3).
 */
export const applyConnectionSettings = (db: Database.Database): void => {
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
};
