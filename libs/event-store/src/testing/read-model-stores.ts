import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '../adapters/postgres/postgres-event-store';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from './postgres-test-database';

/** What a read model's contract suite runs on: two handles on one database, as two processes would have. */
export interface TwoStores<Store> {
  readonly store: Store;
  readonly other: Store;
  dispose(): Promise<void>;
}

/** Two SQLite stores on one new file (each with its connection and writer), removed by `dispose`. */
export const twoSqliteStores = (): TwoStores<SqliteEventStore> => {
  const dir = mkdtempSync(join(tmpdir(), 'regie-read-model-'));
  const filename = join(dir, 'regie.db');
  const [store, other] = [new SqliteEventStore({ filename }), new SqliteEventStore({ filename })];
  return {
    store,
    other,
    dispose: async () => {
      await Promise.all([store.close(), other.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/**
 * For a spec file's PostgreSQL suites: a test database made before them and dropped after (none when PostgreSQL
 * does not answer: `skipReason` says why), and two stores with pools of their own on it.
 */
export const postgresForReadModels = () => {
  const skipReason = postgresSkipReason();
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (!skipReason) database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  return {
    skipReason,
    twoStores: async (): Promise<TwoStores<PostgresEventStore>> => {
      if (!database) throw new Error('no test database');
      const [store, other] = await Promise.all([1, 2].map(() => PostgresEventStore.connect({ url: database!.url, poolSize: 2 })));
      return { store: store!, other: other!, dispose: async () => void (await Promise.all([store!.close(), other!.close()])) };
    },
  };
};
