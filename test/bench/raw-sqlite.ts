import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { prepareSqliteSchema } from '../../libs/event-store/src/adapters/sqlite/sqlite-schema';
import { timeOrderedId } from '../../libs/event-store/src/event-id';
import { makeEvent } from './ingest-bench';

/** Rows per transaction of the raw loop: the fastest batch size on this shape (tried 100 … 5,000). */
export const RAW_BATCH = 500;

type Row = [string, string, number, string, string, string, string, string];

/** The rows Regie stores for the bench's interactions: journey events with their metadata, one stream per customer. */
const rowsOf = (events: number, customers: number): Row[] => {
  const recordedAt = new Date().toISOString();
  return Array.from({ length: events }, (_, i): Row => {
    const { id, source, type, subject, time, data } = makeEvent(i, customers);
    const key = `${source}#${id}`;
    const journeyEvent = { customerId: subject, contactId: data.contactId, channel: data.channel, layer: 'self-service', occurredAt: time };
    return [
      timeOrderedId(), // as the store writes them: the same writes
      `journey-${subject}`,
      Math.floor(i / customers),
      type === 'bot.fallback' ? 'BotFallbackOccurred' : 'ContactStarted',
      JSON.stringify(journeyEvent),
      JSON.stringify({ causationId: key, correlationId: key, actor: 'bench', idempotencyKey: key }),
      key,
      recordedAt,
    ];
  });
};

/**
 * The machine's limit for our storage shape: the fastest plain better-sqlite3 loop inserting the
 * rows Regie stores for the same events into the same schema (unique (stream, revision) and
 * idempotency key, category index), same pragmas (WAL, synchronous NORMAL), one prepared
 * statement, {@link RAW_BATCH} rows per transaction; no reads, no checks. The rows are built
 * before the clock starts: what is timed is the store's work alone. Returns milliseconds.
 */
export const rawSqliteInsert = (dir: string, events: number, customers: number, batch = RAW_BATCH): number => {
  const db = new Database(join(dir, `raw-${randomUUID()}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  prepareSqliteSchema(db);
  const insert = db.prepare<Row>(
    `INSERT INTO events (event_id, stream_name, revision, type, data, metadata, idempotency_key, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rows = rowsOf(events, customers);
  const writeBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) insert.run(...rows[i]!);
  });
  const started = performance.now();
  for (let from = 0; from < events; from += batch) writeBatch(from, Math.min(from + batch, events));
  const elapsed = performance.now() - started;
  db.close();
  return elapsed;
};
