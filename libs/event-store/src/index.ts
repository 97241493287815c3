export * from './event-store.port';
export * from './checkpoint-store.port';
export * from './errors';
export * from './subscriptions/checkpointed-subscription';
export { InMemoryEventStore } from './adapters/in-memory/in-memory-event-store';
export { InMemoryCheckpointStore } from './adapters/in-memory/in-memory-checkpoint-store';
export { SqliteEventStore } from './adapters/sqlite/sqlite-event-store';
export { SqliteCheckpointStore } from './adapters/sqlite/sqlite-checkpoint-store';
export * from './event-store.module';
