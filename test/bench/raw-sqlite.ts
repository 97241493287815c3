import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SQLITE_SCHEMA } from '../../libs/event-store/src/adapters/sqlite/sqlite-schema';

/**
 * The machine's limit for our storage shape: plain batched INSERTs of rows like ours into the
 * same schema, same pragmas, no reads, no checks.
 */
export const rawSqliteInsert = (dir: string, events: number, batch: number, sampleData: object): number => {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SQLITE_SCHEMA);
  const insert = db.prepare(
    `INSERT INTO events (event_id, stream_name, revision, type, data, metadata, idempotency_key, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const metadata = JSON.stringify({ causationId: 'x', correlationId: 'x', actor: 'bench' });
  const data = JSON.stringify(sampleData);
  const writeBatch = db.transaction((from: number) => {
    for (let i = from; i < Math.min(from + batch, events); i += 1) {
      insert.run(
        randomUUID(),
        `journey-c${i % 2000}`,
        Math.floor(i / 2000),
        'ContactStarted',
        data,
        metadata,
        `k${i}`,
        new Date().toISOString(),
      );
    }
  });
  const started = performance.now();
  for (let from = 0; from < events; from += batch) writeBatch(from);
  const elapsed = performance.now() - started;
  db.close();
  return elapsed;
};
