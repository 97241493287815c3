import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { CHECKPOINT_STORE, type CheckpointStore } from './checkpoint-store.port';
import { EVENT_STORE, type EventStore } from './event-store.port';
import { InMemoryCheckpointStore } from './adapters/in-memory/in-memory-checkpoint-store';
import { InMemoryEventStore } from './adapters/in-memory/in-memory-event-store';
import { SqliteCheckpointStore } from './adapters/sqlite/sqlite-checkpoint-store';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store';
import { schemaUpgradeLog } from './adapters/sqlite/sqlite-schema';
import { MeasuredEventStore, type AppendObserver } from './measured-event-store';
import { InMemoryProjectionStore } from './projections/in-memory-projection-store';
import { PROJECTION_STORE, type ProjectionStore } from './projections/projection';
import { SqliteProjectionStore } from './projections/sqlite-projection-store';
import { READ_MODEL_DATABASE, type ReadModelDatabase } from './read-model-database';

export type EventStoreModuleOptions =
  | { readonly kind: 'sqlite'; readonly dataDir: string }
  | { readonly kind: 'memory' }
  | { readonly kind: 'eventstoredb'; readonly url: string }
  /** `url`: postgres://user:password@host:5432/db, TLS by `sslmode=` (and sslrootcert etc.) in it or PGSSLMODE. */
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number };

interface Adapters {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly projections: ProjectionStore;
  readonly database: ReadModelDatabase;
}

/**
 * The adapters of a server (PostgreSQL, EventStoreDB) are loaded when chosen: with their client libraries they
 * took a tenth of every start of the embedded default, which never uses them.
 */
const adaptersFor = async (options: EventStoreModuleOptions): Promise<Adapters> => {
  switch (options.kind) {
    case 'postgres': {
      const [{ PostgresEventStore }, { PostgresCheckpointStore, PostgresProjectionStore }] = await Promise.all([
        import('./adapters/postgres/postgres-event-store'),
        import('./adapters/postgres/postgres-snapshots'),
      ]);
      const { url, poolSize } = options;
      const store = await PostgresEventStore.connect({ url, ...(poolSize !== undefined && { poolSize }) });
      const { pool } = store;
      const projections = new PostgresProjectionStore(pool);
      return { store, checkpoints: new PostgresCheckpointStore(pool), projections, database: { kind: 'postgres', pool } };
    }
    case 'sqlite': {
      const store = new SqliteEventStore({
        filename: join(options.dataDir, 'regie.db'),
        onUpgrade: schemaUpgradeLog((message) => new Logger('event-store').log(message)),
      });
      return {
        store,
        checkpoints: new SqliteCheckpointStore(store),
        projections: new SqliteProjectionStore(store),
        database: { kind: 'sqlite', file: store },
      };
    }
    case 'eventstoredb': {
      const [{ EventStoreDbEventStore }, { EventStoreDbCheckpointStore, EventStoreDbProjectionStore }] = await Promise.all([
        import('./adapters/eventstoredb/eventstoredb-event-store'),
        import('./adapters/eventstoredb/eventstoredb-snapshots'),
      ]);
      const store = new EventStoreDbEventStore({ url: options.url });
      const { client } = store;
      const projections = new EventStoreDbProjectionStore(client);
      return { store, checkpoints: new EventStoreDbCheckpointStore(client), projections, database: { kind: 'none' } };
    }
    case 'memory':
      return {
        store: new InMemoryEventStore(),
        checkpoints: new InMemoryCheckpointStore(),
        projections: new InMemoryProjectionStore(),
        database: { kind: 'memory' },
      };
  }
};

const ADAPTERS = 'REGIE_STORE_ADAPTERS';

/**
 * Provides EVENT_STORE, CHECKPOINT_STORE, PROJECTION_STORE and READ_MODEL_DATABASE for the configured adapter (the
 * PostgreSQL one connects and migrates its schema first), and closes it on shutdown. With an
 * observer, EVENT_STORE times every append (the app's store latency metric).
 */
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(options: EventStoreModuleOptions, appends?: AppendObserver): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: ADAPTERS, useFactory: () => adaptersFor(options) },
        {
          provide: EVENT_STORE,
          useFactory: (a: Adapters) => (appends ? new MeasuredEventStore(a.store, appends) : a.store),
          inject: [ADAPTERS],
        },
        { provide: CHECKPOINT_STORE, useFactory: (a: Adapters) => a.checkpoints, inject: [ADAPTERS] },
        { provide: PROJECTION_STORE, useFactory: (a: Adapters) => a.projections, inject: [ADAPTERS] },
        { provide: READ_MODEL_DATABASE, useFactory: (a: Adapters) => a.database, inject: [ADAPTERS] },
      ],
      exports: [EVENT_STORE, CHECKPOINT_STORE, PROJECTION_STORE, READ_MODEL_DATABASE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
