import Database, { type Statement } from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  AppendOptions,
  AppendResult,
  EventMetadata,
  EventStore,
  NewEvent,
  PipelinedAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  StreamSnapshot,
  SubscribeOptions,
  Subscription,
} from '../../event-store.port';
import { START } from '../../event-store.port';
import { jsonCopy } from '../../json-copy';
import { AppendNotifier } from '../../subscriptions/append-notifier';
import { catchUpSubscription } from '../../subscriptions/catch-up-subscription';
import { Followers, FOLLOWERS_BACKLOG, FOLLOWERS_MAX_WAIT_MS } from '../../subscriptions/followers';
import { RecentEvents } from '../../subscriptions/recent-events';
import { applyConnectionSettings, applyStorePragmas } from './sqlite-pragmas';
import {
  ERA_BITS,
  erasedName,
  prepareSqliteSchema,
  SAVE_SNAPSHOT,
  STREAM_ERAS,
  streamSql,
  type SchemaUpgradeListener,
} from './sqlite-schema';
import { limitClause, prefixFilter } from './sqlite-prefixes';
import { inlineWriter, threadWriter, type SqliteWriter } from './sqlite-writer';
import { encodeBatch, resultsOf, WRITTEN_NUMBERS, type AppendWritten } from './sqlite-batch';
import type { SqlWrite } from './sqlite-writes';

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
  /**
   * Where changes are written: on a thread of the store's own (a file's default), or on the caller's
   * (the only choice for ':memory:', which no second connection can open).
   */
  readonly writeOn?: 'thread' | 'caller';
  /** Told when a file of an earlier version is brought up to this one, which holds the store's start up for seconds. */
  readonly onUpgrade?: SchemaUpgradeListener;
}

/** The store's file as the read models kept in it use it: `db` to read, `write` for every change. */
export interface SqliteFile {
  readonly db: Database.Database;
  write(writes: readonly SqlWrite[]): Promise<void>;
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
 * The store holds personal data: its directory is 0700 when Regie creates it, the file 0600 — and
 * with it `-wal` and `-shm`, which SQLite creates with the mode of the database file.
 */
const createPrivately = (filename: string): void => {
  mkdirSync(dirname(filename), { recursive: true, mode: 0o700 });
  closeSync(openSync(filename, 'a', 0o600));
  for (const file of [filename, `${filename}-wal`, `${filename}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
};

/**
 * The embedded default: one SQLite file in WAL mode. Reads run on the caller's connection; every
 * change (appends, erasure, the read models' statements) goes through the store's one writer
 * (`SqliteWrites`: one IMMEDIATE transaction per call), on a thread of its own for a file.
 */
export class SqliteEventStore implements EventStore, SqliteFile {
  readonly db: Database.Database;
  private readonly writer: SqliteWriter;
  private readonly notifier = new AppendNotifier();
  private readonly followers = new Followers();
  /** What this process appended last, read by subscribers that are a few events behind. */
  private readonly recent = new RecentEvents();
  private readonly pollIntervalMs: number;
  private readonly headQuery: Statement<[], { position: number | null }>;
  private readonly snapshotQuery: Statement<[string], { revision: number; kind: string; state: string }>;
  private lastTicket = 0;
  /** Appends sent to the writer and not heard back about. */
  private inFlight = 0;
  /** The head as read in this turn of the event loop, after the append `version` of this process (headOfTurn). */
  private turnHead: { readonly version: number; readonly position: number } | undefined;

  constructor(options: SqliteEventStoreOptions) {
    const inMemory = options.filename === ':memory:';
    if (!inMemory) createPrivately(options.filename);
    this.db = new Database(options.filename);
    applyStorePragmas(this.db);
    applyConnectionSettings(this.db);
    prepareSqliteSchema(this.db, ERA_BITS, options.onUpgrade);
    this.writer = inMemory || options.writeOn === 'caller' ? inlineWriter(this.db) : threadWriter(options.filename);
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.headQuery = this.db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events');
    this.snapshotQuery = this.db.prepare('SELECT revision, kind, state FROM stream_snapshots WHERE stream_name = ?');
  }

  async appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ stream, events, ...options }]);
    return result!;
  }

  /**
   * The batch is copied here as JSON would copy it (jsonCopy), before the caller could change its own objects: the
   * writer gets their data and metadata as JSON text (encodeBatch), and stores that; the tail of recent appends keeps them, as
   * a read would return them (never the caller's own objects).
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.appendBatch(appends);
  }

  /** Sent to the writer at once (before this returns): batches reach it in the order they are made. */
  appendToStreamsAfter(appends: readonly StreamAppend[], after?: number): PipelinedAppend {
    const ticket = (this.lastTicket += 1);
    return { ticket, results: this.appendBatch(appends, ticket, after) };
  }

  private async appendBatch(appends: readonly StreamAppend[], ticket?: number, after?: number): Promise<AppendResult[]> {
    const copies = appends.map((append): StreamAppend => ({
      ...append,
      events: append.events.map(({ type, data, metadata }) => ({ type, data: jsonCopy(data), metadata: jsonCopy(metadata) })),
    }));
    this.inFlight += 1;
    let appended: AppendWritten;
    try {
      appended = await this.writer.append(encodeBatch(copies), ticket, after);
    } finally {
      this.inFlight -= 1;
    }
    const { recordedAt, eventIds, written } = appended;
    if (eventIds.length > 0) {
      this.recent.appended(
        eventIds.map((eventId, event): RecordedEvent => {
          const at = event * WRITTEN_NUMBERS;
          const { stream: streamName, events } = copies[written[at + 2]!]!;
          const { type, data, metadata } = events[written[at + 3]!]!;
          return { type, data, metadata, eventId, streamName, revision: written[at + 1]!, position: written[at]!, recordedAt };
        }),
      );
      const slowest = this.followers.slowest();
      if (slowest !== undefined) this.recent.handledThrough(slowest);
      this.notifier.notify();
    }
    return resultsOf(appended);
  }

  write(writes: readonly SqlWrite[]): Promise<void> {
    return this.writer.write(writes);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    const erased = erasedName(stream);
    // A stream's revisions grow with its positions, so with its eras: the index's own order, without a sort.
    // Limits vary per call here (one statement per limit would pile up): bound, at its cost.
    const rows =
      options.maxCount === undefined
        ? this.query(streamSql(STREAM_ERAS, '*', 'AND revision >= @from ORDER BY era, revision')).all({ stream, erased, from })
        : this.query(streamSql(STREAM_ERAS, '*', 'AND revision >= @from ORDER BY era, revision LIMIT @limit')).all({
            stream,
            erased,
            from,
            limit: options.maxCount,
          });
    return rows.map(toRecorded);
  }

  /**
   * From the tail of recent appends where it covers the request. The tail ends with the last append
   * that has returned here, and the writer thread may have committed more since: what lies beyond it
   * is read from the file, so that a read never ends before the head a caller read before it.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const recent = this.recent.read(options);
    if (!recent) return this.readStored(options);
    const limited = options.maxCount !== undefined && options.maxCount >= 0;
    if (limited && recent.length >= options.maxCount!) return recent;
    const beyond = this.readStored({
      ...options,
      after: this.recent.end,
      ...(limited && { maxCount: options.maxCount! - recent.length }),
    });
    return beyond.length === 0 ? recent : [...recent, ...beyond];
  }

  private readStored(options: ReadAllOptions): RecordedEvent[] {
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
        readAll: (read, head) => this.readForFollowers(read, head),
        headPosition: () => this.followersHead(),
        notifier: this.notifier,
        followers: this.followers,
        pollIntervalMs: this.pollIntervalMs,
      },
      options,
    );
  }

  /**
   * While appends of this process are in flight, the file may hold what the writer has committed and this side
   * has not heard back about yet. Subscribers then follow the tail of recent appends: it ends with the last append
   * heard back about, and holds every event of the file up to there; what lies beyond comes into the tail with
   * its reply, which wakes them. (Read from the file, those events were parsed once per subscriber, a sixth of
   * the event loop's time with pipelined appends.) Other processes' appends are read from the file: the tail
   * starts again after them, or, with nothing in flight, the head is read from the file.
   */
  private async followersHead(): Promise<number> {
    return this.inFlight > 0 && this.recent.end > 0 ? this.recent.end : this.headOfTurn();
  }

  /** A page up to `head` is the tail's alone when the tail reaches it: nothing is read from the file. */
  private async readForFollowers(options: ReadAllOptions, head: number): Promise<RecordedEvent[]> {
    const recent = this.recent.end >= head ? this.recent.read(options) : undefined;
    return recent ?? this.readAll(options);
  }

  /**
   * The file's head, read once for every subscriber woken in one turn of the event loop (a dozen per append):
   * read again after an append of this process has come back, or in a later turn, where another process's
   * append may show (what one appends meanwhile is seen a turn later, as a poll would see it).
   */
  private headOfTurn(): number {
    if (this.turnHead === undefined || this.turnHead.version !== this.notifier.version) {
      this.turnHead = { version: this.notifier.version, position: this.headQuery.get()?.position ?? START };
      setImmediate(() => (this.turnHead = undefined));
    }
    return this.turnHead.position;
  }

  async untilFollowersClose(): Promise<void> {
    await this.followers.within(this.headOfTurn(), FOLLOWERS_BACKLOG, FOLLOWERS_MAX_WAIT_MS);
  }

  async headPosition(): Promise<number> {
    return this.headQuery.get()?.position ?? START;
  }

  /** One transaction of the writer for them all, in order. */
  async saveSnapshots(snapshots: readonly StreamSnapshot[]): Promise<void> {
    await this.writer.write(
      snapshots.map(({ stream, revision, kind, state }) => ({
        sql: SAVE_SNAPSHOT,
        params: [stream, revision, kind, JSON.stringify(state), stream, erasedName(stream), revision],
      })),
    );
  }

  async readSnapshot(stream: string): Promise<StreamSnapshot | undefined> {
    const row = this.snapshotQuery.get(stream);
    return row && { stream, revision: row.revision, kind: row.kind, state: JSON.parse(row.state) as unknown };
  }

  /**
   * Also moves the WAL into the file and truncates it, so no copy of the erased pages stays in `-wal`; the stream's
   * snapshot goes in the same transaction as its events.
   *
   * The stream leaves the tail before the writer deletes it, so that no subscriber reads it from there meanwhile,
   * and again after: an append sent before the deletion may have come back in between.
   */
  async deleteStream(stream: string): Promise<void> {
    this.recent.erased(stream);
    await this.writer.deleteStream(stream);
    this.recent.erased(stream);
  }

  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.open) this.db.close();
  }
}
