import { timeOrderedId } from '../../event-id';
import type { Pool, PoolClient } from 'pg';
import { keysOf, planAppends, type PlannedAppend } from '../../append-plan';
import { assertDistinctStreams } from '../../errors';
import { START, type AppendResult, type StreamAppend } from '../../event-store.port';
import { NEW_STREAM, visibleRevision, type StreamHead } from '../../expected-revision';

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
  readonly live: number | null;
  readonly position: number | null;
  readonly erased: number | null;
}

/** Heads of the streams and which of the keys are recorded, in one round trip (as JSON: numbers stay numbers). */
const LOOKUP = `
SELECT
  (SELECT json_agg(json_build_object(
     'stream', s.stream,
     'live', (SELECT revision FROM regie_events e WHERE e.stream_name = s.stream ORDER BY revision DESC LIMIT 1),
     'position', (SELECT position FROM regie_events e WHERE e.stream_name = s.stream ORDER BY revision DESC LIMIT 1),
     'erased', (SELECT max(last_revision) FROM regie_erased_streams x
                WHERE x.stream_name IN (s.stream, 'sha256:' || encode(sha256(convert_to(s.stream, 'UTF8')), 'hex')))))
   FROM unnest($1::text[]) AS s(stream)) AS heads,
  (SELECT json_agg(k.key) FROM (
     SELECT idempotency_key AS key FROM regie_events WHERE idempotency_key = ANY ($2::text[])
     UNION SELECT idempotency_key FROM regie_erased_keys WHERE idempotency_key = ANY ($2::text[])) AS k) AS keys`;

/**
 * Numbering and insert in one statement: the numbering CTE is read before the
 * first row is inserted, so before the transaction has an id (regie_number_events checks that).
 */
const INSERT = `
WITH numbered AS MATERIALIZED (SELECT regie_number_events($1) AS last),
inserted AS (
  INSERT INTO regie_events (position, event_id, stream_name, revision, type, data, metadata, idempotency_key)
  SELECT numbered.last - $1 + r.n, r.event_id, r.stream_name, r.revision, r.type, r.data, r.metadata, r.idempotency_key
  FROM numbered, unnest($2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::json[], $7::json[], $8::text[])
    WITH ORDINALITY AS r(event_id, stream_name, revision, type, data, metadata, idempotency_key, n)
)
SELECT numbered.last FROM numbered`;

const headOf = (row: HeadRow): StreamHead => {
  if (row.live !== null) return { lastRevision: row.live, exists: true };
  return row.erased === null ? NEW_STREAM : { lastRevision: row.erased, exists: false };
};

/**
 * One append (one or several streams) as one transaction of four round trips: begin and lock the
 * streams (advisory locks, which take no transaction id); read heads and recorded keys; number
 * and insert; commit. Listeners are notified after the commit (PostgresEventStore.announce).
 * A unique violation means a concurrent transaction recorded one of our idempotency keys in
 * another stream first: the next attempt sees it as a duplicate.
 */
export const appendInTransaction = async (
  pool: Pool,
  appends: readonly StreamAppend[],
  hooks: AppendHooks = {},
): Promise<AppendResult[]> => {
  assertDistinctStreams(appends.map((append) => append.stream));
  for (let attempt = 1; ; attempt += 1) {
    const client = await pool.connect();
    const step = { numbering: false };
    try {
      const results = await attemptAppend(client, appends, hooks, step);
      client.release();
      return results;
    } catch (error) {
      const code = sqlState(error);
      // A failure inside the numbering function may leave its session-level lock held: drop the
      // connection. Unique violations and deadlocks come from the insert, after the function.
      let destroy = step.numbering && code !== UNIQUE_VIOLATION && code !== DEADLOCK;
      await client.query('ROLLBACK').catch(() => (destroy = true));
      client.release(destroy);
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
  // One round trip for both (simple protocol, so the names go in as escaped literals); sorted, so batches cannot deadlock.
  const locks = [...streams].sort().map((stream) => `SELECT pg_advisory_xact_lock(hashtextextended(${client.escapeLiteral(stream)}, 0));`);
  await client.query(`BEGIN; ${locks.join(' ')}`);
  const { rows: found } = await client.query<{ heads: HeadRow[]; keys: string[] | null }>(LOOKUP, [streams, keysOf(appends)]);
  const headRows = found[0]!.heads;
  const recorded = new Set(found[0]!.keys ?? []);
  const heads = new Map(headRows.map((row) => [row.stream, headOf(row)]));
  const plans = planAppends(appends, heads, (key) => recorded.has(key));
  const total = plans.reduce((sum, plan) => sum + plan.fresh.length, 0);
  if (total === 0) {
    await client.query('ROLLBACK');
    return plans.map((plan) =>
      unchanged(
        plan,
        headRows.find((row) => row.stream === plan.stream)!,
      ),
    );
  }
  const columns: unknown[][] = [[], [], [], [], [], [], []];
  let offset = 0;
  const planned = plans.map((plan) => {
    plan.fresh.forEach((event, index) => {
      const values: unknown[] = [timeOrderedId(), plan.stream, plan.head.lastRevision + 1 + index, event.type, JSON.stringify(event.data)];
      values.push(JSON.stringify(event.metadata), event.metadata.idempotencyKey ?? null);
      values.forEach((value, column) => columns[column]!.push(value));
    });
    offset += plan.fresh.length;
    return { plan, lastIndex: offset };
  });
  step.numbering = true;
  const { rows } = await client.query<{ last: string }>(INSERT, [total, ...columns]);
  step.numbering = false;
  const first = Number(rows[0]!.last) - total;
  const results = planned.map(({ plan, lastIndex }): AppendResult => {
    if (plan.fresh.length === 0)
      return unchanged(
        plan,
        headRows.find((row) => row.stream === plan.stream)!,
      );
    const nextExpectedRevision = plan.head.lastRevision + plan.fresh.length;
    return { nextExpectedRevision, position: first + lastIndex, appended: plan.fresh.length, duplicates: plan.duplicates };
  });
  await hooks.beforeCommit?.();
  await client.query('COMMIT');
  return results;
};

const unchanged = (plan: PlannedAppend, row: HeadRow): AppendResult => ({
  nextExpectedRevision: visibleRevision(plan.head),
  position: row.position ?? START,
  appended: 0,
  duplicates: plan.duplicates,
});
