import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteProjectionStore } from '../../projections/sqlite-projection-store';
import { describeCheckpointStoreContract } from '../../testing/checkpoint-store.contract';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { describeProjectionStoreContract } from '../../testing/projection-store.contract';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { SqliteEventStore } from './sqlite-event-store';

/** Two connections on one file, as two processes would have. */
const twoConnections = () => {
  const dir = mkdtempSync(join(tmpdir(), 'regie-store-'));
  const filename = join(dir, 'events.db');
  const store = new SqliteEventStore({ filename, pollIntervalMs: 20 });
  const other = new SqliteEventStore({ filename, pollIntervalMs: 20 });
  return {
    store,
    other,
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
  return { store: new SqliteCheckpointStore(store.db), other: new SqliteCheckpointStore(other.db), dispose };
});

describeProjectionStoreContract('sqlite', async () => {
  const { store, other, dispose } = twoConnections();
  return { store: new SqliteProjectionStore(store.db), other: new SqliteProjectionStore(other.db), dispose };
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
