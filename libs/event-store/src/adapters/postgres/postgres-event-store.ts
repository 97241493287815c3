import { Pool, type PoolClient, type PoolConfig } from 'pg';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  StreamSnapshot,
  SubscribeOptions,
  Subscription,
} from '../../event-store.port';
import { START } from '../../event-store.port';
import { AppendNotifier } from '../../subscriptions/append-notifier';
import { catchUpSubscription } from '../../subscriptions/catch-up-subscription';
import { Followers, FOLLOWERS_BACKLOG, FOLLOWERS_MAX_WAIT_MS } from '../../subscriptions/followers';
import { appendInTransaction, type AppendHooks } from './postgres-append';
import { NotificationListener } from './postgres-listener';
import { EVENT_COLUMNS, HORIZON, HORIZON_PASSED, READ_PAGE, toPage, toRecorded } from './postgres-rows';
import type { EventRow, Page, PageRow } from './postgres-rows';
import { migrate, NOTIFY_CHANNEL } from './postgres-schema';

/**
 * Snapshots ($1 streams, $2 revisions, $3 kinds, $4 states as JSON text, in the order saved): those at or below an
 * erased stream's last revision go first (a save sent before an erasure must not bring it back), then the last of
 * each stream remains, replacing the one it had unless that one is of a later revision (two saves on two connections
 * may commit in either order).
 */
const SAVE_SNAPSHOTS = `
INSERT INTO regie_stream_snapshots (stream_name, revision, kind, state)
SELECT DISTINCT ON (s.stream_name) s.stream_name, s.revision, s.kind, s.state::json
FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[]) WITH ORDINALITY AS s (stream_name, revision, kind, state, n)
WHERE NOT EXISTS (
  SELECT 1 FROM regie_erased_streams e
  WHERE e.stream_name IN (s.stream_name, 'sha256:' || encode(sha256(convert_to(s.stream_name, 'UTF8')), 'hex'))
    AND e.last_revision >= s.revision)
ORDER BY s.stream_name, s.n DESC
ON CONFLICT (stream_name) DO UPDATE SET revision = excluded.revision, kind = excluded.kind, state = excluded.state
  WHERE regie_stream_snapshots.revision <= excluded.revision`;

export interface PostgresEventStoreOptions {
  /** `postgres://user:password@host:5432/db?sslmode=verify-full&sslrootcert=/path/ca.pem`; PGSSLMODE etc. apply too. */
  readonly url: string;
  /** TLS settings beyond what the URL can say (node's tls.ConnectionOptions), e.g. a CA read from a secret. */
  readonly ssl?: PoolConfig['ssl'];
  readonly poolSize?: number;
  /** How often a caught-up subscription reads again when no notification came (lost connection). */
  readonly pollIntervalMs?: number;
  /** How long `readAll`/`headPosition` wait for transactions open at the call to end (default 2 s). */
  readonly settleTimeoutMs?: number;
  /** Connection problems that the store rides out (listener reconnects, idle clients dropped). */
  readonly onBackgroundError?: (error: unknown) => void;
  readonly hooks?: AppendHooks;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL adapter on node-postgres: schema migrated at start, a pool for appends and reads,
 * LISTEN/NOTIFY (with polling as a fallback) for live subscriptions. See postgres-schema.ts for
 * why one number per event is a safe checkpoint although transactions commit out of order.
 */
export class PostgresEventStore implements EventStore {
  private readonly notifier = new AppendNotifier();
  private readonly followers = new Followers();
  private readonly listener: NotificationListener;
  private readonly pollIntervalMs: number;
  private lagWake: NodeJS.Timeout | undefined;
  private lagDelayMs = 5;
  private announcing = false;
  private announceAgain = false;
  private closing = false;

  private constructor(
    readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions,
  ) {
    const onError = options.onBackgroundError ?? (() => undefined);
    pool.on('error', onError);
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.listener = new NotificationListener(this.connectionConfig(), NOTIFY_CHANNEL, () => this.notifier.notify(), onError);
  }

  /** Connects, migrates the schema to the latest version and starts listening. */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const pool = new Pool({ ...connectionConfig(options), max: options.poolSize ?? 10 });
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    const store = new PostgresEventStore(pool, options);
    store.listener.start();
    return store;
  }

  private connectionConfig() {
    return connectionConfig(this.options);
  }

  async appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ stream, events, ...options }]);
    return result!;
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const results = await appendInTransaction(this.pool, appends, this.options.hooks);
    if (results.some((result) => result.appended > 0)) {
      this.notifier.notify(); // this process's subscriptions need not wait for the round trip
      this.announce();
    }
    return results;
  }

  /**
   * NOTIFY in its own statement after the commit, not inside the append: a committing
   * transaction that notified holds PostgreSQL's notification lock through its WAL flush, which
   * would serialise every append's commit. At most one in flight; appends meanwhile share the next.
   */
  private announce(): void {
    if (this.announcing) {
      this.announceAgain = true;
      return;
    }
    this.announcing = true;
    void this.pool
      .query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, ''])
      .catch((error: unknown) => this.options.onBackgroundError?.(error))
      .finally(() => {
        this.announcing = false;
        if (this.announceAgain && !this.closing) {
          this.announceAgain = false;
          this.announce();
        }
      });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM regie_events WHERE stream_name = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
      [stream, options.fromRevision ?? 0, options.maxCount ?? null],
    );
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    await this.settle();
    return (await this.readPage(options)).events;
  }

  async untilFollowersClose(): Promise<void> {
    await this.followers.within(await this.headPosition(), FOLLOWERS_BACKLOG, FOLLOWERS_MAX_WAIT_MS);
  }

  async headPosition(): Promise<number> {
    await this.settle();
    return (await this.readPage({ maxCount: 0 })).safeHead;
  }

  subscribe(options: SubscribeOptions): Subscription {
    return catchUpSubscription(
      {
        readAll: async (read) => (await this.readPage(read)).events,
        headPosition: async () => (await this.readPage({ maxCount: 0 })).safeHead,
        notifier: this.notifier,
        followers: this.followers,
        pollIntervalMs: this.pollIntervalMs,
      },
      options,
    );
  }

  /**
   * The last acceptable snapshot of each stream (erased streams' guard first, then the latest of the batch), in one
   * statement, holding the streams' locks as appends and erasures do: an erasure cannot pass between the guard and
   * the write.
   */
  async saveSnapshots(snapshots: readonly StreamSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.lockingStreams(
      snapshots.map(({ stream }) => stream),
      (client) =>
        client.query(SAVE_SNAPSHOTS, [
          snapshots.map(({ stream }) => stream),
          snapshots.map(({ revision }) => revision),
          snapshots.map(({ kind }) => kind),
          snapshots.map(({ state }) => JSON.stringify(state)),
        ]),
    );
  }

  async readSnapshot(stream: string): Promise<StreamSnapshot | undefined> {
    const select = 'SELECT revision, kind, state FROM regie_stream_snapshots WHERE stream_name = $1';
    const { rows } = await this.pool.query<{ revision: string; kind: string; state: unknown }>(select, [stream]);
    return rows[0] && { stream, revision: Number(rows[0].revision), kind: rows[0].kind, state: rows[0].state };
  }

  async deleteStream(stream: string): Promise<void> {
    await this.lockingStreams([stream], async (client) => {
      await client.query(
        `INSERT INTO regie_erased_keys (idempotency_key)
         SELECT idempotency_key FROM regie_events WHERE stream_name = $1 AND idempotency_key IS NOT NULL ON CONFLICT DO NOTHING`,
        [stream],
      );
      // The erased stream is kept by a digest of its name (which names the customer), as on SQLite; rows from before by name.
      await client.query(
        `INSERT INTO regie_erased_streams (stream_name, last_revision)
         SELECT 'sha256:' || encode(sha256(convert_to(stream_name, 'UTF8')), 'hex'), max(revision)
         FROM regie_events WHERE stream_name = $1 GROUP BY stream_name
         ON CONFLICT (stream_name) DO UPDATE SET last_revision = excluded.last_revision`,
        [stream],
      );
      await client.query(
        `DELETE FROM regie_erased_streams WHERE stream_name = $1
         AND EXISTS (SELECT 1 FROM regie_erased_streams WHERE stream_name = 'sha256:' || encode(sha256(convert_to($1, 'UTF8')), 'hex'))`,
        [stream],
      );
      await client.query('DELETE FROM regie_events WHERE stream_name = $1', [stream]);
      await client.query('DELETE FROM regie_stream_snapshots WHERE stream_name = $1', [stream]);
    });
  }

  /** One transaction holding the streams' advisory locks, taken in the order appends take them (sorted: no deadlock). */
  private async lockingStreams(streams: readonly string[], work: (client: PoolClient) => Promise<unknown>): Promise<void> {
    const client = await this.pool.connect();
    try {
      const locks = [...new Set(streams)]
        .sort()
        .map((stream) => `SELECT pg_advisory_xact_lock(hashtextextended(${client.escapeLiteral(stream)}, 0));`);
      await client.query(`BEGIN; ${locks.join(' ')}`);
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.lagWake) clearTimeout(this.lagWake);
    await this.listener.close();
    await this.pool.end().catch(() => undefined);
  }

  private async readPage(options: ReadAllOptions): Promise<Page> {
    const prefixes = options.streamPrefixes && options.streamPrefixes.length > 0 ? [...options.streamPrefixes] : null;
    const { rows } = await this.pool.query<PageRow>(READ_PAGE, [options.after ?? START, options.maxCount ?? null, prefixes]);
    const page = toPage(rows);
    this.wakeWhileLagging(page.lagging);
    return page;
  }

  /**
   * Committed events behind an open transaction carry no notification of their own when that
   * transaction is not an append (a checkpoint, another database's work): look again soon, less
   * often the longer it stays open.
   */
  private wakeWhileLagging(lagging: boolean): void {
    if (!lagging) {
      this.lagDelayMs = 5;
      return;
    }
    if (this.lagWake) return;
    this.lagWake = setTimeout(() => {
      this.lagWake = undefined;
      this.notifier.notify();
    }, this.lagDelayMs);
    this.lagWake.unref();
    this.lagDelayMs = Math.min(this.lagDelayMs * 2, this.pollIntervalMs);
  }

  /** Waits (bounded) until every transaction open at the call has ended, so that reads see all appends that returned before it. */
  private async settle(): Promise<void> {
    const { rows } = await this.pool.query<{ idle: boolean; xmax: string }>(HORIZON);
    if (rows[0]!.idle) return;
    const deadline = Date.now() + (this.options.settleTimeoutMs ?? 2_000);
    for (let delay = 1; Date.now() < deadline; delay = Math.min(delay * 2, 50)) {
      const passed = await this.pool.query<{ passed: boolean }>(HORIZON_PASSED, [rows[0]!.xmax]);
      if (passed.rows[0]!.passed) return;
      await pause(delay);
    }
  }
}

const connectionConfig = (options: PostgresEventStoreOptions) => ({
  connectionString: options.url,
  ...(options.ssl !== undefined && { ssl: options.ssl }),
  application_name: 'regie',
});
