import Database, { type Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
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
  SubscribeOptions,
  Subscription,
} from '../../event-store.port';
import { ANY, START } from '../../event-store.port';
import { ExpectedRevisionConflictError } from '../../errors';
import { satisfies } from '../../expected-revision';
import { AppendNotifier } from '../../subscriptions/append-notifier';
import { catchUpSubscription } from '../../subscriptions/catch-up-subscription';
import { SQLITE_SCHEMA } from './sqlite-schema';

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

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * The embedded default: one SQLite file in WAL mode. Every append is one IMMEDIATE transaction,
 * so the revision check, the idempotency check and the insert are atomic across processes too.
 */
export class SqliteEventStore implements EventStore {
  readonly db: Database.Database;
  private readonly notifier = new AppendNotifier();
  private readonly pollIntervalMs: number;
  private readonly statements;
  private readonly appendTransaction;

  constructor(options: SqliteEventStoreOptions) {
    if (options.filename !== ':memory:') createPrivately(options.filename);
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SQLITE_SCHEMA);
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.statements = {
      head: this.db.prepare<[string], { revision: number | null; position: number | null }>(
        'SELECT MAX(revision) AS revision, MAX(position) AS position FROM events WHERE stream_name = ?',
      ),
      hasKey: this.db.prepare<[string], { found: 1 }>('SELECT 1 AS found FROM events WHERE idempotency_key = ?'),
      insert: this.db.prepare(
        `INSERT INTO events (event_id, stream_name, revision, type, data, metadata, idempotency_key, recorded_at)
         VALUES (@eventId, @streamName, @revision, @type, @data, @metadata, @idempotencyKey, @recordedAt)`,
      ),
      readStream: this.db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_name = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      readAll: this.db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      headPosition: this.db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
      deleteStream: this.db.prepare<[string]>('DELETE FROM events WHERE stream_name = ?'),
    };
    this.appendTransaction = this.db.transaction((stream: string, events: readonly NewEvent[], options: AppendOptions): AppendResult =>
      this.appendNow(stream, events, options),
    );
  }

  async appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    try {
      const result = this.appendTransaction.immediate(stream, events, options);
      if (result.appended > 0) this.notifier.notify();
      return result;
    } catch (error) {
      // Another process won the race between our check and our insert.
      if (isUniqueViolation(error)) {
        const actual = this.statements.head.get(stream)?.revision ?? -1;
        throw new ExpectedRevisionConflictError(stream, options.expectedRevision ?? ANY, actual);
      }
      throw error;
    }
  }

  private appendNow(stream: string, events: readonly NewEvent[], options: AppendOptions): AppendResult {
    const head = this.statements.head.get(stream);
    const actual = head?.revision ?? -1;
    const duplicates: string[] = [];
    const keysInBatch = new Set<string>();
    const fresh = events.filter((event) => {
      const key = event.metadata.idempotencyKey;
      if (key === undefined) return true;
      if (keysInBatch.has(key) || this.statements.hasKey.get(key)) {
        duplicates.push(key);
        return false;
      }
      keysInBatch.add(key);
      return true;
    });
    if (fresh.length === 0) {
      return { nextExpectedRevision: actual, position: head?.position ?? START, appended: 0, duplicates };
    }
    const expected = options.expectedRevision ?? ANY;
    if (!satisfies(expected, actual)) throw new ExpectedRevisionConflictError(stream, expected, actual);

    const recordedAt = new Date().toISOString();
    let position = START;
    fresh.forEach((event, index) => {
      const info = this.statements.insert.run({
        eventId: randomUUID(),
        streamName: stream,
        revision: actual + 1 + index,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
        idempotencyKey: event.metadata.idempotencyKey ?? null,
        recordedAt,
      });
      position = Number(info.lastInsertRowid);
    });
    return { nextExpectedRevision: actual + fresh.length, position, appended: fresh.length, duplicates };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.statements.readStream.all(stream, options.fromRevision ?? 0, options.maxCount ?? -1).map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START;
    const limit = options.maxCount ?? -1;
    const prefixes = options.streamPrefixes ?? [];
    if (prefixes.length === 0) return this.statements.readAll.all(after, limit).map(toRecorded);
    const params = prefixes.flatMap((prefix) => [prefix.length, prefix]);
    return this.prefixQuery(prefixes.length)
      .all(after, ...params, limit)
      .map(toRecorded);
  }

  private readonly prefixQueries = new Map<number, Statement<unknown[], EventRow>>();

  /** One prepared statement per number of prefixes: subscriptions read with the same few shapes. */
  private prefixQuery(count: number): Statement<unknown[], EventRow> {
    let statement = this.prefixQueries.get(count);
    if (!statement) {
      const where = Array.from({ length: count }, () => 'substr(stream_name, 1, ?) = ?').join(' OR ');
      statement = this.db.prepare<unknown[], EventRow>(`SELECT * FROM events WHERE position > ? AND (${where}) ORDER BY position LIMIT ?`);
      this.prefixQueries.set(count, statement);
    }
    return statement;
  }

  subscribe(options: SubscribeOptions): Subscription {
    return catchUpSubscription(
      {
        readAll: (read) => this.readAll(read),
        headPosition: () => this.headPosition(),
        notifier: this.notifier,
        pollIntervalMs: this.pollIntervalMs,
      },
      options,
    );
  }

  async headPosition(): Promise<number> {
    return this.statements.headPosition.get()?.position ?? START;
  }

  async deleteStream(stream: string): Promise<void> {
    this.statements.deleteStream.run(stream);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
