import type Database from 'better-sqlite3';
import { AppendOutcomes, planAppends, wroteEveryEvent, type PlannableAppend } from '../../append-plan';
import { START, type AppendResult } from '../../event-store.port';
import { NEW_STREAM, visibleRevision, type StreamHead } from '../../expected-revision';
import { timeOrderedId } from '../../event-id';
import { FIELDS_PER_EVENT, flatResults, type AppendWritten, type EncodedBatch } from './sqlite-batch';
import { ALL_ERAS, erasedName, lastOfStreamSql, STREAM_ERAS, streamSql } from './sqlite-schema';

/** What an append wrote, with its results as objects: flattened for the caller's thread (flatResults). */
type Written = Omit<AppendWritten, 'heads' | 'duplicateKeys' | 'duplicateStreams'> & { readonly results: AppendResult[] };

/** A stream's share of a batch, its events the offsets of their fields in `EncodedBatch.fields`. */
type OffsetAppend = PlannableAppend<number>;

/** A statement and its parameters, for the read models kept in the store's file (checkpoints, projections, archives). */
export interface SqlWrite {
  readonly sql: string;
  readonly params: readonly (string | number | null)[];
}

/** Stream heads kept from this connection's own appends, at most (then forgotten, and read from the file again). */
const MAX_HEADS_KEPT = 100_000;

/** Past this many distinct statements in `write`, a new one is prepared for its call alone. */
const MAX_STATEMENTS = 256;

/**
 * Every change to the store's SQLite file, on the one connection that writes it: appends, erasure,
 * and the statements of the read models kept beside the events. Each call is one IMMEDIATE
 * transaction, which takes the file's write lock first: the revision check, the idempotency check
 * and the insert are atomic across processes too, and positions (AUTOINCREMENT rowids, rolled back
 * with the transaction) are dense until something is erased. Synchronous: it runs on the caller's
 * thread or on the store's writer thread (`sqlite-writer.ts`).
 */
export class SqliteWrites {
  private readonly statements;
  private readonly prepared = new Map<string, Database.Statement>();
  private readonly appendTransaction;
  private readonly deleteTransaction;
  private readonly writeTransaction;
  private readonly outcomes = new AppendOutcomes();
  /**
   * The last revision of each stream this connection appended to, while no other connection has changed the
   * file: SQLite's `data_version` changes only with another connection's commits. Saves a look-up in the
   * stream index per stream and batch (an eighth of the writer's time in the ingest bench).
   */
  private readonly written = new Map<string, number>();
  private dataVersion = -1;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      head: db.prepare<{ stream: string; erased: string }, { position: number | null }>(
        `WITH RECURSIVE ${STREAM_ERAS} SELECT ${lastOfStreamSql('position', '@stream')} AS position`,
      ),
      // One query per batch for every key and every stream head, instead of one per event and per stream.
      recordedKeys: db.prepare<{ keys: string }, { key: string }>(
        `SELECT idempotency_key AS key FROM events WHERE idempotency_key IN (SELECT value FROM json_each(@keys))
         UNION ALL SELECT idempotency_key FROM erased_idempotency_keys WHERE idempotency_key IN (SELECT value FROM json_each(@keys))`,
      ),
      // A stream that does not exist costs one seek (it has no revision 0); one that does, its last era's. Streams
      // written again after their erasure have no revision 0 either: `headAfterErasure` finds theirs.
      liveHeads: db.prepare<{ streams: string }, { stream: string; revision: number | null }>(
        `WITH RECURSIVE ${ALL_ERAS} SELECT value AS stream,
           CASE WHEN EXISTS (SELECT 1 FROM events WHERE stream_name = value AND revision = 0)
           THEN ${lastOfStreamSql('revision', 'value')} END AS revision
         FROM json_each(@streams)`,
      ),
      headAfterErasure: db.prepare<{ stream: string }, { revision: number | null }>(
        `WITH RECURSIVE ${ALL_ERAS} SELECT ${lastOfStreamSql('revision', '@stream')} AS revision`,
      ),
      erasedHead: db.prepare<[string, string], { last_revision: number }>(
        'SELECT MAX(last_revision) AS last_revision FROM erased_streams WHERE stream_name IN (?, ?) HAVING COUNT(*) > 0',
      ),
      keepErasedKeys: db.prepare<{ stream: string }>(
        `INSERT OR IGNORE INTO erased_idempotency_keys (idempotency_key)
         ${streamSql(ALL_ERAS, 'idempotency_key', 'AND idempotency_key IS NOT NULL')}`,
      ),
      keepErasedHead: db.prepare<{ stream: string; erased: string }>(
        `WITH RECURSIVE ${ALL_ERAS} INSERT OR REPLACE INTO erased_streams (stream_name, last_revision)
         SELECT @erased, ${lastOfStreamSql('revision', '@stream')} AS last_revision WHERE last_revision IS NOT NULL`,
      ),
      forgetPlainErased: db.prepare<[string, string]>(
        'DELETE FROM erased_streams WHERE stream_name = ? AND EXISTS (SELECT 1 FROM erased_streams WHERE stream_name = ?)',
      ),
      // Positional parameters: binding by name looks each one up, and took a fifth longer per insert.
      insert: db.prepare<[string, string, number, string, string, string, string | null, string]>(
        `INSERT INTO events (event_id, stream_name, revision, type, data, metadata, idempotency_key, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      deleteStream: db.prepare<{ stream: string }>(`DELETE FROM events WHERE position IN (${streamSql(ALL_ERAS, 'position')})`),
      deleteSnapshot: db.prepare<[string]>('DELETE FROM stream_snapshots WHERE stream_name = ?'),
    };
    this.appendTransaction = db.transaction((batch: EncodedBatch, appends: readonly OffsetAppend[], after?: number) => {
      this.outcomes.assertAfter(after, appends, (stream) => this.headsOf([stream]).get(stream)!);
      return this.appendNow(batch, appends);
    });
    this.deleteTransaction = db.transaction((stream: string) => {
      this.statements.keepErasedKeys.run({ stream });
      this.statements.keepErasedHead.run({ stream, erased: erasedName(stream) });
      this.statements.forgetPlainErased.run(stream, erasedName(stream));
      this.statements.deleteStream.run({ stream });
      this.statements.deleteSnapshot.run(stream);
    });
    this.writeTransaction = db.transaction((writes: readonly SqlWrite[]) => {
      for (const { sql, params } of writes) this.statement(sql).run(...params);
    });
  }

  /** `ticket` and `after`: a pipelined append (EventStore.appendToStreamsAfter), refused unless `after` wrote in full. */
  append(batch: EncodedBatch, ticket?: number, after?: number): AppendWritten {
    const appends = offsetsOf(batch);
    try {
      const appended = this.appendTransaction.immediate(batch, appends, after);
      // Committed: these are the streams' heads now (a rolled back batch leaves nothing here).
      if (this.written.size > MAX_HEADS_KEPT) this.written.clear();
      appends.forEach(({ stream }, index) => {
        const { appended: count, nextExpectedRevision } = appended.results[index]!;
        if (count > 0) this.written.set(stream, nextExpectedRevision);
      });
      this.outcomes.settle(ticket, wroteEveryEvent(appends, appended.results));
      const { results, ...rest } = appended;
      return { ...flatResults(results), ...rest };
    } catch (error) {
      this.outcomes.settle(ticket, false);
      throw error;
    }
  }

  /** Also moves the WAL into the file and truncates it, so no copy of the erased pages stays in `-wal`. */
  deleteStream(stream: string): void {
    this.written.delete(stream);
    this.deleteTransaction.immediate(stream);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  write(writes: readonly SqlWrite[]): void {
    if (writes.length > 0) this.writeTransaction.immediate(writes);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.prepared.size < MAX_STATEMENTS) this.prepared.set(sql, statement);
    }
    return statement;
  }

  /**
   * Each stream's head, from what this connection wrote last where it may (see `written`), else from the file.
   * Called in the write transaction: the data version read here holds until it commits.
   */
  private headsOf(streams: readonly string[]): Map<string, StreamHead> {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.dataVersion) {
      this.written.clear();
      this.dataVersion = version;
    }
    const heads = new Map<string, StreamHead>();
    const unknown: string[] = [];
    for (const stream of streams) {
      const revision = this.written.get(stream);
      if (revision === undefined) unknown.push(stream);
      else heads.set(stream, { lastRevision: revision, exists: true });
    }
    if (unknown.length > 0) {
      for (const { stream, revision } of this.statements.liveHeads.all({ streams: JSON.stringify(unknown) })) {
        if (revision !== null) heads.set(stream, { lastRevision: revision, exists: true });
      }
    }
    for (const stream of streams) {
      if (heads.has(stream)) continue;
      const erased = this.statements.erasedHead.get(erasedName(stream), stream)?.last_revision;
      if (erased === undefined) {
        heads.set(stream, NEW_STREAM);
        continue;
      }
      // Written again after its erasure, it has no revision 0, and the live heads above miss it.
      const written = this.statements.headAfterErasure.get({ stream })!.revision;
      heads.set(stream, written === null ? { lastRevision: erased, exists: false } : { lastRevision: written, exists: true });
    }
    return heads;
  }

  private appendNow({ fields }: EncodedBatch, appends: readonly OffsetAppend[]): Written {
    const keys: string[] = [];
    for (let at = 3; at < fields.length; at += FIELDS_PER_EVENT) if (fields[at] !== null) keys.push(fields[at]!);
    const recorded = new Set(
      keys.length === 0 ? [] : this.statements.recordedKeys.all({ keys: JSON.stringify(keys) }).map(({ key }) => key),
    );
    const heads = this.headsOf(appends.map(({ stream }) => stream));
    const plans = planAppends(
      appends,
      heads,
      (key) => recorded.has(key),
      (at) => fields[at + 3] ?? undefined,
    );
    const recordedAt = new Date().toISOString();
    const eventIds: string[] = [];
    const written: number[] = [];
    const results = plans.map(({ stream, head, fresh, duplicates }, append): AppendResult => {
      if (fresh.length === 0) {
        const position = this.statements.head.get({ stream, erased: erasedName(stream) })?.position ?? START;
        return { nextExpectedRevision: visibleRevision(head), position, appended: 0, duplicates };
      }
      const events = appends[append]!.events;
      let position = START;
      let index = 0;
      fresh.forEach((at, offset) => {
        const eventId = timeOrderedId();
        const revision = head.lastRevision + 1 + offset;
        position = Number(
          this.statements.insert.run(
            eventId,
            stream,
            revision,
            fields[at]!,
            fields[at + 1]!,
            fields[at + 2]!,
            fields[at + 3] ?? null,
            recordedAt,
          ).lastInsertRowid,
        );
        while (events[index] !== at) index += 1;
        eventIds.push(eventId);
        written.push(position, revision, append, index);
        index += 1;
      });
      return { nextExpectedRevision: head.lastRevision + fresh.length, position, appended: fresh.length, duplicates };
    });
    return { results, recordedAt, eventIds, written };
  }
}

/** The batch's streams, each with the offsets of its events' fields. */
const offsetsOf = ({ streams, expected, counts }: EncodedBatch): OffsetAppend[] => {
  let at = 0;
  return streams.map((stream, index) => {
    const events: number[] = [];
    for (let event = 0; event < counts[index]!; event += 1, at += FIELDS_PER_EVENT) events.push(at);
    return { stream, expectedRevision: expected[index], events };
  });
};
