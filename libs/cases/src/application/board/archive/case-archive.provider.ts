import type { Provider } from '@nestjs/common';
import { READ_MODEL_DATABASE, type ReadModelDatabase } from '@regie/event-store';
import { CASE_ARCHIVE, type CaseArchive } from './case-archive.port';
import { InMemoryCaseArchive } from './in-memory-case-archive';
import { PostgresCaseArchive } from './postgres-case-archive';
import { SqliteCaseArchive } from './sqlite-case-archive';

/** The archive in the store's own database; in memory where the store has none (then not durable: the board replays). */
export const caseArchiveProvider: Provider = {
  provide: CASE_ARCHIVE,
  inject: [READ_MODEL_DATABASE],
  useFactory: async (database: ReadModelDatabase): Promise<CaseArchive> => {
    switch (database.kind) {
      case 'sqlite':
        return new SqliteCaseArchive(database.file);
      case 'postgres':
        return PostgresCaseArchive.open(database.pool);
      case 'memory':
        return new InMemoryCaseArchive(true);
      case 'none':
        return new InMemoryCaseArchive(false);
    }
  },
};
