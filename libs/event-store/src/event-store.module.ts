import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { CHECKPOINT_STORE } from './checkpoint-store.port';
import { EVENT_STORE, type EventStore } from './event-store.port';
import { InMemoryCheckpointStore } from './adapters/in-memory/in-memory-checkpoint-store';
import { InMemoryEventStore } from './adapters/in-memory/in-memory-event-store';
import { SqliteCheckpointStore } from './adapters/sqlite/sqlite-checkpoint-store';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store';
import { EventStoreDbEventStore } from './adapters/eventstoredb/eventstoredb-event-store';
import { EventStoreDbCheckpointStore, EventStoreDbProjectionStore } from './adapters/eventstoredb/eventstoredb-snapshots';
import { InMemoryProjectionStore } from './projections/in-memory-projection-store';
import { PROJECTION_STORE } from './projections/projection';
import { SqliteProjectionStore } from './projections/sqlite-projection-store';

export type EventStoreModuleOptions =
  | { readonly kind: 'sqlite'; readonly dataDir: string }
  | { readonly kind: 'memory' }
  | { readonly kind: 'eventstoredb'; readonly url: string };

const adaptersFor = (options: EventStoreModuleOptions) => {
  switch (options.kind) {
    case 'sqlite': {
      const store = new SqliteEventStore({ filename: join(options.dataDir, 'regie.db') });
      return { store, checkpoints: new SqliteCheckpointStore(store.db), projections: new SqliteProjectionStore(store.db) };
    }
    case 'eventstoredb': {
      const store = new EventStoreDbEventStore({ url: options.url });
      return {
        store,
        checkpoints: new EventStoreDbCheckpointStore(store.client),
        projections: new EventStoreDbProjectionStore(store.client),
      };
    }
    case 'memory':
      return { store: new InMemoryEventStore(), checkpoints: new InMemoryCheckpointStore(), projections: new InMemoryProjectionStore() };
  }
};

/** Provides EVENT_STORE and CHECKPOINT_STORE for the configured adapter, and closes it on shutdown. */
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: 'REGIE_STORE_ADAPTERS', useFactory: () => adaptersFor(options) },
        { provide: EVENT_STORE, useFactory: (a: ReturnType<typeof adaptersFor>) => a.store, inject: ['REGIE_STORE_ADAPTERS'] },
        { provide: CHECKPOINT_STORE, useFactory: (a: ReturnType<typeof adaptersFor>) => a.checkpoints, inject: ['REGIE_STORE_ADAPTERS'] },
        { provide: PROJECTION_STORE, useFactory: (a: ReturnType<typeof adaptersFor>) => a.projections, inject: ['REGIE_STORE_ADAPTERS'] },
      ],
      exports: [EVENT_STORE, CHECKPOINT_STORE, PROJECTION_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
