import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { keysOf, planAppends, type PlannedAppend } from '../../append-plan';
import { assertDistinctStreams } from '../../errors';
import { START, type AppendResult, type StreamAppend } from '../../event-store.port';
import { NEW_STREAM, visibleRevision, type StreamHead } from '../../expected-revision';
import { NOTIFY_CHANNEL } from './postgres-schema';

/** Test seam: runs after the insert, before COMMIT (to hold a numbered transaction open). */
export interface AppendHooks {
  readonly beforeCommit?: () => Promise<void>;
}

const UNIQUE_VIOLATION = '23505';
const DEADLOCK = '40P01';
const MAX_ATTEMPTS = 5;

const sqlState = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

interface HeadRow {
  readonly stream: string;
  readonly live: string | null;
  readonly position: string | null;
  readonly erased: string | null;
}

const HEADS = `
SELECT s.stream,
  (SELECT revision FROM regie_events e WHERE e.stream_name = s.stream ORDER BY revision DESC LIMIT 1) AS live,
  (SELECT position FROM regie_events e WHERE e.stream_name = s.stream ORDER BY revision DESC LIMIT 1) AS position,
  (SELECT last_revision FROM regie_erased_streams x WHERE x.stream_name = s.stream) AS erased
FROM unnest($1::text[]) AS s(stream)`;

const RECORDED_KEYS = `
SELECT idempotency_key FROM regie_events WHERE idempotency_key = ANY ($1::text[])
UNION SELECT idempotency_key FROM regie_erased_keys WHERE idempotency_key = ANY ($1::text[])`;

const INSERT = `
WITH inserted AS (
  INSERT INTO regie_events (position, event_id, stream_name, revision, type, data, metadata, idempotency_key)
  SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::json[], $7::json[], $8::text[])
)
SELECT pg_notify('${NOTIFY_CHANNEL}', '')`;

const headOf = (row: HeadRow): StreamHead => {
  if (row.live !== null) return { lastRevision: Number(row.live), exists: true };
  return row.erased === null ? NEW_STREAM : { lastRevision: Number(row.erased), exists: false };
};

/**
 * One append (one or several streams) as one transaction: lock the streams (advisory locks,
 * which take no transaction id), read heads and recorded keys, plan, number the events, insert,
 * notify listeners, commit. A unique violation means a concurrent transaction recorded one of our
 * idempotency keys in another stream first: the next attempt sees it as a duplicate.
 */
export const appendInTransaction = async (pool: Pool, appends: readonly StreamAppend[], hooks: AppendHooks = {}): Promise<AppendResult[]> => {
  assertDistinctStreams(appends.map((append) => append.stream));
  for (let attempt = 1; ; attempt += 1) {
    const client = await pool.connect();
    const step = { numbering: false };
    let destroy = false;
    try {
      const results = await attemptAppend(client, appends, hooks, step);
      client.release();
      return results;
    } catch (error) {
      // Failing inside the numbering function may leave its session-level lock held: drop the connection.
      destroy = step.numbering;
      await client.query('ROLLBACK').catch(() => (destroy = true));
      client.release(destroy);
      const code = sqlState(error);
      if ((code === UNIQUE_VIOLATION || code === DEADLOCK) && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
};

const attemptAppend = async (
  client: PoolClient,
  appends: readonly StreamAppend[],
  hooks: AppendHooks,
  step: { numbering: boolean },
): Promise<AppendResult[]> => {
  const streams = appends.map((append) => append.stream);
  await client.query('BEGIN');
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended(s, 0)) FROM unnest($1::text[]) AS s', [[...streams].sort()]);
  const { rows: headRows } = await client.query<HeadRow>(HEADS, [streams]);
  const keys = keysOf(appends);
  const recorded = new Set(
    keys.length === 0 ? [] : (await client.query<{ idempotency_key: string }>(RECORDED_KEYS, [keys])).rows.map((row) => row.idempotency_key),
  );
  const heads = new Map(headRows.map((row) => [row.stream, headOf(row)]));
  const plans = planAppends(appends, heads, (key) => recorded.has(key));
  const total = plans.reduce((sum, plan) => sum + plan.fresh.length, 0);
  if (total === 0) {
    await client.query('ROLLBACK');
    return plans.map((plan) => unchanged(plan, headRows.find((row) => row.stream === plan.stream)!));
  }
  step.numbering = true;
  const { rows } = await client.query<{ last: string }>('SELECT regie_number_events($1) AS last', [total]);
  step.numbering = false;
  let next = Number(rows[0]!.last) - total + 1;
  const columns: unknown[][] = [[], [], [], [], [], [], [], []];
  const results = plans.map((plan): AppendResult => {
    if (plan.fresh.length === 0) return unchanged(plan, headRows.find((row) => row.stream === plan.stream)!);
    plan.fresh.forEach((event, index) => {
      const values: unknown[] = [next, randomUUID(), plan.stream, plan.head.lastRevision + 1 + index, event.type];
      values.push(JSON.stringify(event.data), JSON.stringify(event.metadata), event.metadata.idempotencyKey ?? null);
      values.forEach((value, column) => columns[column]!.push(value));
      next += 1;
    });
    const nextExpectedRevision = plan.head.lastRevision + plan.fresh.length;
    return { nextExpectedRevision, position: next - 1, appended: plan.fresh.length, duplicates: plan.duplicates };
  });
  await client.query(INSERT, columns);
  await hooks.beforeCommit?.();
  await client.query('COMMIT');
  return results;
};

const unchanged = (plan: PlannedAppend, row: HeadRow): AppendResult => ({
  nextExpectedRevision: visibleRevision(plan.head),
  position: row.position === null ? START : Number(row.position),
  appended: 0,
  duplicates: plan.duplicates,
});
