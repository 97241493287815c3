export * from './event-store.port';
export * from './checkpoint-store.port';
export * from './errors';
export * from './subscriptions/checkpointed-subscription';
export { InMemoryEventStore } from './adapters/in-memory/in-memory-event-store';
export { InMemoryCheckpointStore } from './adapters/in-memory/in-memory-checkpoint-store';
export { SqliteEventStore, type SqliteFile } from './adapters/sqlite/sqlite-event-store';
export { schemaUpgradeLog } from './adapters/sqlite/sqlite-schema';
export { SqliteCheckpointStore } from './adapters/sqlite/sqlite-checkpoint-store';
// The PostgreSQL and EventStoreDB adapters are not exported here: EventStoreModule loads them when chosen, so that
// their client libraries load only then (import them from their files where needed directly).
export type { PostgresEventStoreOptions } from './adapters/postgres/postgres-event-store';
export * from './event-store.module';
export * from './measured-event-store';
export * from './projections/projection';
export * from './projections/run-projection';
export { InMemoryProjectionStore } from './projections/in-memory-projection-store';
export { SqliteProjectionStore } from './projections/sqlite-projection-store';
export * from './read-model-database';
export * from './projections/saved-state';
