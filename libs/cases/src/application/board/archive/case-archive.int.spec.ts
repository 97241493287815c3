import { SqliteEventStore } from '@regie/event-store';
import { PostgresEventStore } from '../../../../../event-store/src/adapters/postgres/postgres-event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from '../../../../../event-store/src/testing/postgres-test-database';
import { describeCaseArchiveContract } from './testing/case-archive.contract';
import { PostgresCaseArchive } from './postgres-case-archive';
import { SqliteCaseArchive } from './sqlite-case-archive';

describeCaseArchiveContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'regie-archive-'));
  const filename = join(dir, 'regie.db');
  const [store, other] = [new SqliteEventStore({ filename }), new SqliteEventStore({ filename })];
  return {
    archive: new SqliteCaseArchive(store),
    other: new SqliteCaseArchive(other),
    dispose: async () => {
      await Promise.all([store.close(), other.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const skipReason = postgresSkipReason();
let database: TestDatabase | undefined;
beforeAll(async () => {
  if (!skipReason) database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describeCaseArchiveContract(
  'postgres',
  async () => {
    if (!database) throw new Error('no test database');
    const [store, other] = await Promise.all([1, 2].map(() => PostgresEventStore.connect({ url: database!.url, poolSize: 2 })));
    const [archive, second] = await Promise.all([PostgresCaseArchive.open(store!.pool), PostgresCaseArchive.open(other!.pool)]);
    await store!.pool.query('TRUNCATE regie_closed_cases');
    return { archive, other: second, dispose: async () => void (await Promise.all([store!.close(), other!.close()])) };
  },
  skipReason,
);
