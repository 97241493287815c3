import { timeOrderedId } from '../../libs/event-store/src/event-id';
import { Pool } from 'pg';
import { PostgresEventStore } from '../../libs/event-store/src/adapters/postgres/postgres-event-store';
import type { NewEvent } from '../../libs/event-store/src/event-store.port';
import { createTestDatabase } from '../../libs/event-store/src/testing/postgres-test-database';

export interface PostgresFigures {
  /** events/s through the adapter, and by plain INSERTs of the same rows into the same table */
  readonly batched: { readonly adapter: number; readonly raw: number };
  readonly single: { readonly adapter: number; readonly raw: number };
}

const metadata = (key: string) => ({ causationId: key, correlationId: key, actor: 'bench', idempotencyKey: key });

/** Runs `count` jobs with `concurrency` in flight; the elapsed milliseconds. */
const timed = async (count: number, concurrency: number, job: (index: number) => Promise<unknown>): Promise<number> => {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < count; index = next++) await job(index);
    }),
  );
  return performance.now() - started;
};

/** The machine's limit for our table: multi-row INSERT of ready rows, no locks, reads or checks. */
const RAW_INSERT = `
INSERT INTO regie_events (position, event_id, stream_name, revision, type, data, metadata, idempotency_key)
SELECT nextval('regie_event_position'), *
FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::json[], $6::json[], $7::text[])`;

const rawRows = (prefix: string, from: number, count: number, customers: number, data: string) => {
  const columns: unknown[][] = [[], [], [], [], [], [], []];
  for (let i = from; i < from + count; i += 1) {
    const key = `${prefix}#${i}`;
    const stream = `${prefix}-c${i % customers}`;
    const row = [timeOrderedId(), stream, Math.floor(i / customers), 'ContactStarted', data, JSON.stringify(metadata(key)), key];
    row.forEach((value, column) => columns[column]!.push(value));
  }
  return columns;
};

/**
 * PostgreSQL appends through the adapter beside plain INSERTs of the same rows into the same
 * table, in a fresh database: (1) `batch` events per append (one stream, one transaction), as
 * many rows per multi-row INSERT; (2) one event per append, `concurrency × 4` appenders, beside
 * single-row INSERTs on as many connections.
 */
export const postgresAppends = async (events: number, batch: number, concurrency: number, customers: number, sample: object) => {
  const database = await createTestDatabase();
  const store = await PostgresEventStore.connect({ url: database.url, poolSize: concurrency * 4 });
  const pool = new Pool({ connectionString: database.url, max: concurrency * 4 });
  const data = JSON.stringify(sample);
  try {
    const batches = Math.ceil(events / batch);
    const adapterBatched = await timed(batches, concurrency, (b) => {
      const list = Array.from({ length: Math.min(batch, events - b * batch) }, (_, k): NewEvent => ({
        type: 'ContactStarted',
        data: sample,
        metadata: metadata(`a#${b * batch + k}`),
      }));
      return store.appendToStream(`journey-c${b % customers}`, list);
    });
    const rawBatched = await timed(batches, concurrency, (b) =>
      pool.query(RAW_INSERT, rawRows('raw', b * batch, Math.min(batch, events - b * batch), customers, data)),
    );
    const singles = Math.min(events, 5_000);
    const appenders = concurrency * 4;
    const adapterSingle = await timed(singles, appenders, (i) =>
      store.appendToStream(`case-s${i}`, [{ type: 'CaseOpened', data: sample, metadata: metadata(`s#${i}`) }]),
    );
    const rawSingle = await timed(singles, appenders, (i) => pool.query(RAW_INSERT, rawRows('raw-single', i, 1, singles, data)));
    const rate = (count: number, ms: number) => (count * 1000) / ms;
    return {
      batched: { adapter: rate(events, adapterBatched), raw: rate(events, rawBatched) },
      single: { adapter: rate(singles, adapterSingle), raw: rate(singles, rawSingle) },
    } satisfies PostgresFigures;
  } finally {
    await pool.end();
    await store.close();
    await database.drop();
  }
};
