import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteProjectionStore } from '../../projections/sqlite-projection-store';
import { describeCheckpointStoreContract } from '../../testing/checkpoint-store.contract';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { describeProjectionStoreContract } from '../../testing/projection-store.contract';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import type { ReadAllOptions, RecordedEvent } from '../../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { prepareSqliteSchema } from './sqlite-schema';

/** Two stores on one file, as two processes would have; each writes on its writer thread unless told otherwise. */
const twoConnections = (
  writeOn: 'thread' | 'caller' = 'thread',
  pollIntervalMs = 20,
  dir = mkdtempSync(join(tmpdir(), 'regie-store-')),
) => {
  const filename = join(dir, 'events.db');
  const store = new SqliteEventStore({ filename, pollIntervalMs, writeOn });
  const other = new SqliteEventStore({ filename, pollIntervalMs, writeOn });
  return {
    store,
    other,
    pipelined: true,
    snapshots: true,
    dispose: async () => {
      await store.close();
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

describeEventStoreContract('sqlite', async () => twoConnections());

describeCheckpointStoreContract('sqlite', async () => {
  const { store, other, dispose } = twoConnections();
  return { store: new SqliteCheckpointStore(store), other: new SqliteCheckpointStore(other), dispose };
});

describeProjectionStoreContract('sqlite', async () => {
  const { store, other, dispose } = twoConnections();
  return { store: new SqliteProjectionStore(store), other: new SqliteProjectionStore(other), dispose };
});

describe('sqlite checkpoints', () => {
  it('saves asked for while one is written go together in one write, each name at its last position', async () => {
    const { store, other, dispose } = twoConnections();
    const checkpoints = new SqliteCheckpointStore(store);
    const write = jest.spyOn(store, 'write');
    try {
      await checkpoints.save('a', 1);
      write.mockClear();
      await Promise.all([checkpoints.save('a', 2), checkpoints.save('b', 1), checkpoints.save('a', 3), checkpoints.save('c', 5)]);
      expect(write).toHaveBeenCalledTimes(1);
      const read = new SqliteCheckpointStore(other);
      expect(await Promise.all(['a', 'b', 'c'].map((name) => read.load(name)))).toEqual([3, 1, 5]);
    } finally {
      await dispose();
    }
  });
});

describe('sqlite erasure leaves no bytes behind', () => {
  const filesOf = (filename: string) => [filename, `${filename}-wal`, `${filename}-shm`].filter((file) => existsSync(file));
  const holds = (filename: string, needle: string) => filesOf(filename).some((file) => readFileSync(file).includes(Buffer.from(needle)));

  it('overwrites a deleted stream in the database file and empties the WAL, keeping its revisions', async () => {
    const { store, other, dispose } = twoConnections();
    const filename = store.db.name;
    try {
      const secret = 'planted-secret-4711';
      const metadata = { causationId: 'c', correlationId: 'c', actor: 'test' };
      await store.appendToStream(`journey-${secret}`, [{ type: 'Noted', data: { note: `${secret} `.repeat(200) }, metadata }]);
      await store.appendToStream('keep-1', [{ type: 'Noted', data: { note: 'kept' }, metadata }]);
      store.db.pragma('wal_checkpoint(PASSIVE)');
      expect(holds(filename, secret)).toBe(true);

      await store.deleteStream(`journey-${secret}`);

      expect(holds(filename, secret)).toBe(false);
      expect(await other.readStream('keep-1')).toHaveLength(1);
      const next = await other.appendToStream(`journey-${secret}`, [{ type: 'Noted', data: { note: 'new' }, metadata }]);
      expect(next.nextExpectedRevision).toBe(1);
    } finally {
      await dispose();
    }
  });
});

describeEventStoreContract('sqlite, writing on the caller’s thread', async () => twoConnections('caller'));

/**
 * The stream index is kept per era of positions (`sqlite-schema.ts`). Here the file is made with eras of one
 * position: each event is in an era of its own, and reads, heads, revision checks and erasure must find a
 * stream across all of them.
 */
describeEventStoreContract('sqlite, each event in an era of its own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'regie-store-'));
  const made = new Database(join(dir, 'events.db'));
  prepareSqliteSchema(made, 0);
  made.close();
  return twoConnections('thread', 20, dir);
});

describe('sqlite store with its writer thread', () => {
  const metadata = { causationId: 'c', correlationId: 'c', actor: 'test' };
  const noted = (n: number) => Array.from({ length: 10 }, (_, k) => ({ type: 'Noted', data: { n, k }, metadata }));

  /**
   * A subscriber to `burst-` streams (a prefix filter: a short page then moves it to the head it read before
   * it) while `append` writes; then it must have seen every such event once, in order: `count` of them. `followed` is
   * called once it has caught up, before the store is read for what it should have seen.
   */
  const followedInFull = async (
    store: SqliteEventStore,
    append: () => Promise<unknown>,
    count: number,
    followed = () => undefined as void,
  ) => {
    const seen: number[] = [];
    let caughtUp = (_position: number) => undefined as void;
    const subscription = store.subscribe({
      streamPrefixes: ['burst-'],
      onEvent: (event) => void seen.push(event.position),
      onCaughtUp: (position) => caughtUp(position),
    });
    try {
      await append();
      const head = await store.headPosition();
      await new Promise<void>((resolve) => {
        caughtUp = (position) => (position >= head ? resolve() : undefined);
      });
      followed();
      const expected = (await store.readAll({ streamPrefixes: ['burst-'] })).map((event) => event.position);
      expect(expected).toHaveLength(count);
      expect(seen).toEqual(expected);
    } finally {
      await subscription.stop();
    }
  };

  it('gives a subscriber every event once and in order while appends commit beside it', async () => {
    const { store, dispose } = twoConnections();
    const appendAll = () =>
      Promise.all(Array.from({ length: 200 }, (_, n) => store.appendToStream(n % 2 === 0 ? `burst-${n}` : `other-${n}`, noted(n))));
    await followedInFull(store, appendAll, 1_000).finally(dispose);
  });

  it('gives a subscriber every event once and in order while pipelined appends are in flight, another process appending between', async () => {
    const { store, other, dispose } = twoConnections();
    const appendAll = () => {
      const sent: Promise<unknown>[] = [];
      let after: number | undefined;
      for (let n = 0; n < 100; n += 1) {
        const { ticket, results } = store.appendToStreamsAfter([{ stream: `burst-${n}`, events: noted(n) }], after);
        sent.push(results);
        after = ticket;
        if (n % 10 === 0) sent.push(other.appendToStream(`burst-other-${n}`, noted(n)));
      }
      return Promise.all(sent);
    };
    await followedInFull(store, appendAll, 1_100).finally(dispose);
  });

  it('gives a subscriber following the pipelined appends of its own process every event from the tail, none read from the file', async () => {
    const { store, dispose } = twoConnections('thread', 1);
    const readStored = jest.spyOn(store as unknown as { readStored: (options: ReadAllOptions) => RecordedEvent[] }, 'readStored');
    // Batches the writer takes a while over: the subscriber, caught up, looks again (its poll, every millisecond) while they are in flight.
    const appendAll = async () => {
      await store.appendToStream('other-0', noted(0)); // the tail starts here: before, the file is all there is
      const sent: Promise<unknown>[] = [];
      let after: number | undefined;
      for (let n = 0; n < 20; n += 1) {
        const streams = Array.from({ length: 50 }, (_, k) => ({ stream: `burst-${n}-${k}`, events: noted(n) }));
        const { ticket, results } = store.appendToStreamsAfter(streams, after);
        sent.push(results);
        after = ticket;
      }
      return Promise.all(sent);
    };
    let readFromFile: RecordedEvent[] = [];
    // The check's own read comes from the file: the tail has let go of what the subscriber handled.
    const followed = () => {
      readFromFile = readStored.mock.results.flatMap(({ value }) => value as RecordedEvent[]);
      readStored.mockRestore();
    };
    await followedInFull(store, appendAll, 10_000, followed).finally(dispose);
    expect(readFromFile.map((event) => event.position)).toEqual([]);
  });

  it('gives subscribers following appends made one at a time every event from the tail, the head read once an append for all', async () => {
    const { store, dispose } = twoConnections('thread', 60_000);
    const internals = store as unknown as { readStored: (options: ReadAllOptions) => RecordedEvent[]; headQuery: { get(): unknown } };
    const seen: number[][] = [[], [], []];
    const at = [0, 0, 0];
    let moved = () => undefined as void;
    const caughtUpTo = (position: number) =>
      new Promise<void>((resolve) => {
        moved = () => (at.every((reached) => reached >= position) ? resolve() : undefined);
        moved();
      });
    const subscriptions = seen.map((events, index) =>
      store.subscribe({
        onEvent: (event) => void events.push(event.position),
        onCaughtUp: (position) => {
          at[index] = position;
          moved();
        },
      }),
    );
    try {
      const first = await store.appendToStream('other-0', noted(0)); // the tail starts here: before, the file is all there is
      await caughtUpTo(first.position);
      const readStored = jest.spyOn(internals, 'readStored');
      const headRead = jest.spyOn(internals.headQuery, 'get');
      for (let n = 1; n <= 10; n += 1) {
        const { position } = await store.appendToStream(`burst-${n}`, noted(n));
        await caughtUpTo(position);
      }
      expect(readStored).not.toHaveBeenCalled();
      expect(headRead.mock.calls.length).toBeLessThanOrEqual(10);
      const expected = (await store.readAll()).map((event) => event.position);
      expect(seen).toEqual([expected, expected, expected]);
    } finally {
      await Promise.all(subscriptions.map((subscription) => subscription.stop()));
      await dispose();
    }
  });

  it('gives no subscriber an erased stream from the tail of recent appends while the writer deletes it', async () => {
    const { store, dispose } = twoConnections();
    await store.appendToStream('keep-1', [{ type: 'Noted', data: {}, metadata }]);
    let started!: () => void;
    const handling = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let caughtUp = (_position: number) => undefined as void;
    const seen: string[] = [];
    const subscription = store.subscribe({
      onEvent: async (event) => {
        if (seen.length === 0) {
          started();
          await held;
        }
        seen.push(event.streamName);
      },
      onCaughtUp: (position) => caughtUp(position),
    });
    try {
      await handling;
      await store.appendToStream('journey-erased', [{ type: 'Noted', data: { secret: true }, metadata }]);
      await store.appendToStream('keep-2', [{ type: 'Noted', data: {}, metadata }]);
      const deleting = store.deleteStream('journey-erased');
      release();
      await deleting;
      const head = await store.headPosition();
      await new Promise<void>((resolve) => {
        caughtUp = (position) => (position >= head ? resolve() : undefined);
      });
      expect(seen).toEqual(['keep-1', 'keep-2']);
    } finally {
      await subscription.stop();
      await dispose();
    }
  });
});

describe('sqlite store in a process with nothing else to do', () => {
  it('closes, and the process goes on after it (the writer thread is held open until it has exited)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regie-store-'));
    const script = `
      const { SqliteEventStore } = require(${JSON.stringify(join(__dirname, 'sqlite-event-store'))});
      const store = new SqliteEventStore({ filename: ${JSON.stringify(join(dir, 'regie.db'))} });
      const metadata = { causationId: 'c', correlationId: 'c', actor: 'test' };
      store.appendToStream('note-1', [{ type: 'Noted', data: {}, metadata }])
        .then(() => store.close())
        .then(() => process.stdout.write('closed'));`;
    try {
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe('closed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
