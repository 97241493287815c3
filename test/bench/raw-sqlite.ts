import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { applyStorePragmas } from '../../libs/event-store/src/adapters/sqlite/sqlite-pragmas';
import { prepareSqliteSchema } from '../../libs/event-store/src/adapters/sqlite/sqlite-schema';
import { timeOrderedId } from '../../libs/event-store/src/event-id';
import { makeEvent } from './ingest-bench';

/** Rows per transaction of the raw loop: the fastest batch size on this shape (tried 100 … 5,000). */
export const RAW_BATCH = 500;

type Row = [string, string, number, string, string, string, string, string];

/** The rows Regie stores for the bench's interactions from `first` on: journey events with their metadata, one stream per customer. */
const rowsOf = (events: number, customers: number, first = 0): Row[] => {
  const recordedAt = new Date().toISOString();
  return Array.from({ length: events }, (_, k): Row => {
    const i = first + k;
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
 * idempotency key, category index), the store's pragmas (applyStorePragmas), one prepared
 * statement, {@link RAW_BATCH} rows per transaction; no reads, no checks. The rows are built
 * before the clock starts: what is timed is the store's work alone. Returns milliseconds.
 */
export const rawSqliteInsert = (dir: string, events: number, customers: number, batch = RAW_BATCH): number => {
  const raw = rawStore(dir, batch);
  const elapsed = raw.insert(rowsOf(events, customers));
  raw.close();
  return elapsed;
};

/**
 * The raw limit as the store grows: the same loop writing `total` events into one file, {@link SOAK_WINDOW}
 * at a time (rows built per window, before its clock starts), and its rate in events/s per window: what the
 * machine can do at each size of the store, for the soak's windows to be read against.
 */
export const rawSqliteWindows = (dir: string, total: number, customers: number, window: number, batch = RAW_BATCH): number[] => {
  const raw = rawStore(dir, batch);
  const rates: number[] = [];
  for (let from = 0; from < total; from += window) {
    const count = Math.min(window, total - from);
    rates.push((count / raw.insert(rowsOf(count, customers, from))) * 1000);
  }
  raw.close();
  return rates;
};

/** A fresh file with the store's schema and pragmas, and a loop inserting rows `batch` per transaction (timed, in ms). */
const rawStore = (dir: string, batch: number) => {
  const db = new Database(join(dir, `raw-${randomUUID()}.db`));
  applyStorePragmas(db);
  prepareSqliteSchema(db);
  const insert = db.prepare<Row>(
    `INSERT INTO events (event_id, stream_name, revision, type, data, metadata, idempotency_key, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const writeBatch = db.transaction((rows: readonly Row[], from: number, to: number) => {
    for (let i = from; i < to; i += 1) insert.run(...rows[i]!);
  });
  return {
    insert: (rows: readonly Row[]): number => {
      const started = performance.now();
      for (let from = 0; from < rows.length; from += batch) writeBatch(rows, from, Math.min(from + batch, rows.length));
      return performance.now() - started;
    },
    close: () => db.close(),
  };
};
