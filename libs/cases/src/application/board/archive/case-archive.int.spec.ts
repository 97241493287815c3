import { postgresForReadModels, twoSqliteStores } from '../../../../../event-store/src/testing/read-model-stores';
import { describeCaseArchiveContract } from './testing/case-archive.contract';
import { PostgresCaseArchive } from './postgres-case-archive';
import { SqliteCaseArchive } from './sqlite-case-archive';

describeCaseArchiveContract('sqlite', async () => {
  const { store, other, dispose } = twoSqliteStores();
  return { archive: new SqliteCaseArchive(store), other: new SqliteCaseArchive(other), dispose };
});

const postgres = postgresForReadModels();
describeCaseArchiveContract(
  'postgres',
  async () => {
    const { store, other, dispose } = await postgres.twoStores();
    const [archive, second] = await Promise.all([PostgresCaseArchive.open(store.pool), PostgresCaseArchive.open(other.pool)]);
    await store.pool.query('TRUNCATE regie_closed_cases');
    return { archive, other: second, dispose };
  },
  postgres.skipReason,
);
