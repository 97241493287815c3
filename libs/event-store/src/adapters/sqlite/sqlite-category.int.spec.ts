import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { event } from '../../testing/contract/support';
import { NO_STREAM } from '../../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

/** The events table as versions before the category column made it. */
const EARLIER_EVENTS_TABLE = `
CREATE TABLE events (
  position        INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id        TEXT    NOT NULL UNIQUE,
  stream_name     TEXT    NOT NULL,
  revision        INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  idempotency_key TEXT    UNIQUE,
  recorded_at     TEXT    NOT NULL,
  UNIQUE (stream_name, revision)
);`;

describe('SqliteEventStore: stream categories', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'regie-category-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const streamsOf = async (store: SqliteEventStore, prefixes: string[]) =>
    (await store.readAll({ streamPrefixes: prefixes })).map((recorded) => `${recorded.streamName}@${recorded.revision}`);

  it('brings a database of an earlier version up to the indexed category column and the stream index by era, keeping its events and positions', async () => {
    const filename = join(dir, 'events.db');
    const earlier = new Database(filename);
    earlier.exec(EARLIER_EVENTS_TABLE);
    const insert = earlier.prepare(
      `INSERT INTO events (event_id, stream_name, revision, type, data, metadata, idempotency_key, recorded_at)
       VALUES (?, ?, ?, 'Old', '{}', '{"causationId":"c","correlationId":"c","actor":"a"}', ?, '2026-01-01T00:00:00.000Z')`,
    );
    insert.run('e1', 'journey-c1', 0, 'k1');
    insert.run('e2', 'case-1', 0, 'k2');
    insert.run('e3', 'journey-c1', 1, null);
    // Erased (revisions 0 and 1), then written again, before the eras: its erased head was forgotten then.
    insert.run('e4', 'journey-c3', 2, null);
    // Its last events were erased: positions up to 7 were given.
    earlier.prepare("UPDATE sqlite_sequence SET seq = 7 WHERE name = 'events'").run();
    earlier.close();

    const heard: string[] = [];
    const onUpgrade = {
      starting: (events: number) => heard.push(`starting ${events}`),
      done: (events: number, ms: number) => heard.push(`done ${events}${ms >= 0 ? '' : ' in negative time'}`),
    };
    const store = new SqliteEventStore({ filename, onUpgrade });
    expect(heard).toEqual(['starting 4', 'done 4']);
    try {
      await store.appendToStream('journey-c2', [event('New', {}, 'k3')]);
      expect(await streamsOf(store, ['journey-'])).toEqual(['journey-c1@0', 'journey-c1@1', 'journey-c3@2', 'journey-c2@0']);
      expect(await streamsOf(store, ['case-'])).toEqual(['case-1@0']);
      const plan = store.db
        .prepare<[], { detail: string }>("EXPLAIN QUERY PLAN SELECT * FROM events WHERE category = 'case-' AND position > 0")
        .all();
      expect(plan.map(({ detail }) => detail).join()).toContain('events_by_category');
      expect((await store.readStream('journey-c2'))[0]!.position).toBe(8);
      expect((await store.readStream('journey-c1')).map(({ position, revision }) => [position, revision])).toEqual([
        [1, 0],
        [3, 1],
      ]);
      const indexes = store.db.prepare<[], { name: string }>("SELECT name FROM pragma_index_list('events')").all();
      expect(indexes.map(({ name }) => name).sort()).toEqual(
        [
          'events_by_category',
          'events_by_stream',
          'events_opening_a_stream',
          'sqlite_autoindex_events_1',
          'sqlite_autoindex_events_2',
        ].sort(),
      );
      expect(store.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'events_before%'").all()).toEqual([]);
      // The stream written again after its erasure is found, and goes on from its revision.
      expect((await store.readStream('journey-c3')).map(({ revision }) => revision)).toEqual([2]);
      await expect(store.appendToStream('journey-c3', [event('New')], { expectedRevision: NO_STREAM })).rejects.toMatchObject({
        actual: 2,
      });
      expect(await store.appendToStream('journey-c3', [event('New')], { expectedRevision: 2 })).toMatchObject({ nextExpectedRevision: 3 });
      // Idempotency keys recorded before the migration still hold.
      expect(await store.appendToStream('journey-c1', [event('Again', {}, 'k1')])).toMatchObject({ appended: 0, duplicates: ['k1'] });
    } finally {
      await store.close();
    }
    // Opening it again does not migrate twice.
    await new SqliteEventStore({ filename, onUpgrade }).close();
    expect(heard).toHaveLength(2);
  });

  it('reads prefixes that are a category, longer than one, shorter than one, or covered by another, each event once', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    try {
      for (const stream of ['journey-c1', 'concept-a', 'concept-ab', 'case-1', 'journey-c2', 'plain', 'journey-c10']) {
        await store.appendToStream(stream, [event('E')]);
      }
      expect(await streamsOf(store, ['journey-', 'journey-c1'])).toEqual(['journey-c1@0', 'journey-c2@0', 'journey-c10@0']);
      expect(await streamsOf(store, ['concept-a'])).toEqual(['concept-a@0', 'concept-ab@0']);
      expect(await streamsOf(store, ['jour', 'case-'])).toEqual(['journey-c1@0', 'case-1@0', 'journey-c2@0', 'journey-c10@0']);
      expect(await streamsOf(store, ['pla'])).toEqual(['plain@0']);
      expect(await streamsOf(store, ['journey-c1', 'case-'])).toEqual(['journey-c1@0', 'case-1@0', 'journey-c10@0']);
      const paged = await store.readAll({ streamPrefixes: ['journey-', 'case-'], after: 1, maxCount: 2 });
      expect(paged.map((recorded) => recorded.streamName)).toEqual(['case-1', 'journey-c2']);
    } finally {
      await store.close();
    }
  });
});
