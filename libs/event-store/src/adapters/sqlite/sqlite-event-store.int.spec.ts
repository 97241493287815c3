import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'regie-store-'));
  const filename = join(dir, 'events.db');
  // Two connections on one file, as two processes would have.
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
});
