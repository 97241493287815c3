import { timeOrderedId } from '../../event-id';
import Database, { type Statement } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  AppendOptions,
  AppendResult,
  EventMetadata,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../../event-store.port';
import { START } from '../../event-store.port';
import { keysOf, planAppends } from '../../append-plan';
import { NEW_STREAM, visibleRevision, type StreamHead } from '../../expected-revision';
import { AppendNotifier } from '../../subscriptions/append-notifier';
import { catchUpSubscription } from '../../subscriptions/catch-up-subscription';
import { Followers, FOLLOWERS_BACKLOG, FOLLOWERS_MAX_WAIT_MS } from '../../subscriptions/followers';
import { RecentEvents } from '../../subscriptions/recent-events';
import { applyStorePragmas } from './sqlite-pragmas';
import { prepareSqliteSchema } from './sqlite-schema';
import { limitClause, prefixFilter } from './sqlite-prefixes';

interface EventRow {
  position: number;
  event_id: string;
  stream_name: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:'. */
  readonly filename: string;
  /** How often a caught-up subscription looks for events appended by other processes. */
  readonly pollIntervalMs?: number;
}

const MAX_STATEMENTS = 256;

const toRecorded = (row: EventRow): RecordedEvent => ({
  type: row.type,
  data: JSON.parse(row.data) as unknown,
  metadata: JSON.parse(row.metadata) as EventMetadata,
  eventId: row.event_id,
  streamName: row.stream_name,
  revision: row.revision,
  position: row.position,
  recordedAt: row.recorded_at,
});

/**
 * What an erased stream leaves for its revision rule: a digest, not the name, which names the
 * customer (`journey-<customerId>`). Rows written before carry the plain name; both are looked up.
 */
const erasedName = (stream: string): string => `sha256:${createHash('sha256').update(stream).digest('hex')}`;

/**
 * The store holds personal data: its directory is 0700 when Regie creates it, the file 0600 — and
 * with it `-wal` and `-shm`, which SQLite creates with the mode of the database file.
 */
const createPrivately = (filename: string): void => {
  mkdirSync(dirname(filename), { recursive: true, mode: 0o700 });
  closeSync(openSync(filename, 'a', 0o600));
  for (const file of [filename, `${filename}-wal`, `${filename}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
};

/**
 * The embedded default: one SQLite file in WAL mode. Every append (one stream or several) is one
 * IMMEDIATE transaction, which takes the file's write lock first: the revision check, the
 * idempotency check and the insert are atomic across processes too, and positions (AUTOINCREMENT
 * rowids, rolled back with the transaction) are dense until something is erased.
 */
export class SqliteEventStore implements EventStore {
  readonly db: Database.Database;
  private readonly notifier = new AppendNotifier();
  private readonly followers = new Followers();
  /** What this process appended last, read by subscribers that are a few events behind. */
  private readonly recent = new RecentEvents();
  private readonly pollIntervalMs: number;
  private readonly statements;
  private readonly appendTransaction;
  private readonly deleteTransaction;

  constructor(options: SqliteEventStoreOptions) {
    if (options.filename !== ':memory:') createPrivately(options.filename);
    this.db = new Database(options.filename);
    applyStorePragmas(this.db);
    this.db.pragma('busy_timeout = 5000');
    // Erased rows are overwritten with zeros, not only unlinked: the bytes leave the file (DESIGN §3.3).
    this.db.pragma('secure_delete = ON');
    prepareSqliteSchema(this.db);
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.statements = {
      head: this.db.prepare<[string], { revision: number | null; position: number | null }>(
        'SELECT MAX(revision) AS revision, MAX(position) AS position FROM events WHERE stream_name = ?',
      ),
      // One query per batch for every key and every stream head, instead of one per event and per stream.
      recordedKeys: this.db.prepare<{ keys: string }, { key: string }>(
        `SELECT idempotency_key AS key FROM events WHERE idempotency_key IN (SELECT value FROM json_each(@keys))
         UNION ALL SELECT idempotency_key FROM erased_idempotency_keys WHERE idempotency_key IN (SELECT value FROM json_each(@keys))`,
      ),
      // A subquery per stream keeps SQLite's MAX optimisation (one index seek); GROUP BY would read the whole stream.
      liveHeads: this.db.prepare<{ streams: string }, { stream: string; revision: number | null }>(
        `SELECT value AS stream, (SELECT MAX(revision) FROM events WHERE stream_name = value) AS revision FROM json_each(@streams)`,
      ),
      erasedHead: this.db.prepare<[string, string], { last_revision: number }>(
        'SELECT MAX(last_revision) AS last_revision FROM erased_streams WHERE stream_name IN (?, ?) HAVING COUNT(*) > 0',
      ),
      forgetErased: this.db.prepare<[string, string]>('DELETE FROM erased_streams WHERE stream_name IN (?, ?)'),
      keepErasedKeys: this.db.prepare<[string]>(
        `INSERT OR IGNORE INTO erased_idempotency_keys (idempotency_key)
         SELECT idempotency_key FROM events WHERE stream_name = ? AND idempotency_key IS NOT NULL`,
      ),
      keepErasedHead: this.db.prepare<[string, string]>(
        `INSERT OR REPLACE INTO erased_streams (stream_name, last_revision)
         SELECT ?, MAX(revision) FROM events WHERE stream_name = ? GROUP BY stream_name`,
      ),
      forgetPlainErased: this.db.prepare<[string, string]>(
        'DELETE FROM erased_streams WHERE stream_name = ? AND EXISTS (SELECT 1 FROM erased_streams WHERE stream_name = ?)',
      ),
      insert: this.db.prepare(
        `INSERT INTO events (event_id, stream_name, revision, type, data, metadata, idempotency_key, recorded_at)
         VALUES (@eventId, @streamName, @revision, @type, @data, @metadata, @idempotencyKey, @recordedAt)`,
      ),
      headPosition: this.db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
      deleteStream: this.db.prepare<[string]>('DELETE FROM events WHERE stream_name = ?'),
    };
    this.appendTransaction = this.db.transaction((appends: readonly StreamAppend[], written: RecordedEvent[]) =>
      this.appendNow(appends, written),
    );
    this.deleteTransaction = this.db.transaction((stream: string) => {
      this.statements.keepErasedKeys.run(stream);
      this.statements.keepErasedHead.run(erasedName(stream), stream);
      this.statements.forgetPlainErased.run(stream, erasedName(stream));
      this.statements.deleteStream.run(stream);
    });
  }

  async appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ stream, events, ...options }]);
    return result!;
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const written: RecordedEvent[] = [];
    const results = this.appendTransaction.immediate(appends, written);
    if (written.length > 0) {
      this.recent.appended(written);
      this.notifier.notify();
    }
    return results;
  }

  private headsOf(streams: readonly string[]): Map<string, StreamHead> {
    const heads = new Map<string, StreamHead>();
    for (const { stream, revision } of this.statements.liveHeads.all({ streams: JSON.stringify(streams) })) {
      if (revision !== null) heads.set(stream, { lastRevision: revision, exists: true });
    }
    for (const stream of streams) {
      if (heads.has(stream)) continue;
      const erased = this.statements.erasedHead.get(erasedName(stream), stream)?.last_revision;
      heads.set(stream, erased === undefined ? NEW_STREAM : { lastRevision: erased, exists: false });
    }
    return heads;
  }

  /** Inserts the batch; `written` gets each event as a read would return it (for the shared tail, once committed). */
  private appendNow(appends: readonly StreamAppend[], written: RecordedEvent[]): AppendResult[] {
    const keys = keysOf(appends);
    const recorded = new Set(
      keys.length === 0 ? [] : this.statements.recordedKeys.all({ keys: JSON.stringify(keys) }).map(({ key }) => key),
    );
    const plans = planAppends(appends, this.headsOf(appends.map(({ stream }) => stream)), (key) => recorded.has(key));
    const recordedAt = new Date().toISOString();
    return plans.map(({ stream, head, fresh, duplicates }): AppendResult => {
      if (fresh.length === 0) {
        const position = this.statements.head.get(stream)?.position ?? START;
        return { nextExpectedRevision: visibleRevision(head), position, appended: 0, duplicates };
      }
      let position = START;
      fresh.forEach((event, index) => {
        const row = {
          eventId: timeOrderedId(),
          streamName: stream,
          revision: head.lastRevision + 1 + index,
          type: event.type,
          data: JSON.stringify(event.data),
          metadata: JSON.stringify(event.metadata),
          idempotencyKey: event.metadata.idempotencyKey ?? null,
          recordedAt,
        };
        position = Number(this.statements.insert.run(row).lastInsertRowid);
        const { revision, type, data, metadata } = row;
        written.push(
          toRecorded({ position, event_id: row.eventId, stream_name: stream, revision, type, data, metadata, recorded_at: recordedAt }),
        );
      });
      if (!head.exists) this.statements.forgetErased.run(erasedName(stream), stream);
      return { nextExpectedRevision: head.lastRevision + fresh.length, position, appended: fresh.length, duplicates };
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    // Limits vary per call here (one statement per limit would pile up): bound, at its cost.
    const rows =
      options.maxCount === undefined
        ? this.query('SELECT * FROM events WHERE stream_name = ? AND revision >= ? ORDER BY revision').all(stream, from)
        : this.query('SELECT * FROM events WHERE stream_name = ? AND revision >= ? ORDER BY revision LIMIT ?').all(
            stream,
            from,
            options.maxCount,
          );
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const recent = this.recent.read(options);
    if (recent) return recent;
    const after = options.after ?? START;
    const prefixes = options.streamPrefixes ?? [];
    if (prefixes.length === 0) {
      return this.query(`SELECT * FROM events WHERE position > ? ORDER BY position${limitClause(options.maxCount)}`)
        .all(after)
        .map(toRecorded);
    }
    const { sql, params } = prefixFilter(prefixes, options.maxCount);
    return this.query(sql)
      .all(...params.flatMap((param) => [after, ...param]))
      .map(toRecorded);
  }

  private readonly queries = new Map<string, Statement<unknown[], EventRow>>();

  /**
   * One prepared statement per query text: reads come in a few shapes (subscribers' limits and
   * prefix lists). Past {@link MAX_STATEMENTS} shapes, a new one is prepared for its call alone.
   */
  private query(sql: string): Statement<unknown[], EventRow> {
    let statement = this.queries.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], EventRow>(sql);
      if (this.queries.size < MAX_STATEMENTS) this.queries.set(sql, statement);
    }
    return statement;
  }

  subscribe(options: SubscribeOptions): Subscription {
    return catchUpSubscription(
      {
        readAll: (read) => this.readAll(read),
        headPosition: () => this.headPosition(),
        notifier: this.notifier,
        followers: this.followers,
        pollIntervalMs: this.pollIntervalMs,
      },
      options,
    );
  }

  async untilFollowersClose(): Promise<void> {
    await this.followers.within(await this.headPosition(), FOLLOWERS_BACKLOG, FOLLOWERS_MAX_WAIT_MS);
  }

  async headPosition(): Promise<number> {
    return this.statements.headPosition.get()?.position ?? START;
  }

  /** Also moves the WAL into the file and truncates it, so no copy of the erased pages stays in `-wal`. */
  async deleteStream(stream: string): Promise<void> {
    this.deleteTransaction.immediate(stream);
    this.recent.erased(stream);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
