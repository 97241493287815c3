import { mkdtempSync, rmSync } from 'node:fs';
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
