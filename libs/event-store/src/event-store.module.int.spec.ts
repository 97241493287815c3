import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { CHECKPOINT_STORE, type CheckpointStore } from './checkpoint-store.port';
import { EVENT_STORE, type EventStore } from './event-store.port';
import { EventStoreModule } from './event-store.module';
import { PROJECTION_STORE, type ProjectionStore } from './projections/projection';
import { createTestDatabase, postgresSkipReason } from './testing/postgres-test-database';

const skipReason = postgresSkipReason();
const run = skipReason ? it.skip : it;

describe(`EventStoreModule with kind postgres${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  run('migrates, provides the three stores on one database, and closes them on shutdown', async () => {
    const database = await createTestDatabase();
    try {
      const imports = [EventStoreModule.forRoot({ kind: 'postgres', url: database.url })];
      const app = await Test.createTestingModule({ imports }).compile();
      const store = app.get<EventStore>(EVENT_STORE);
      const stream = `journey-${randomUUID()}`;
      const metadata = { causationId: 'c', correlationId: 'c', actor: 't' };
      const { position } = await store.appendToStream(stream, [{ type: 'A', data: {}, metadata }]);
      await app.get<CheckpointStore>(CHECKPOINT_STORE).save('module-test', position);
      await app.get<ProjectionStore>(PROJECTION_STORE).save('module-test', { state: { seen: 1 }, position });
      expect(await app.get<CheckpointStore>(CHECKPOINT_STORE).load('module-test')).toBe(position);
      app.enableShutdownHooks();
      await app.close();
      await expect(store.readStream(stream)).rejects.toThrow();
    } finally {
      await database.drop();
    }
  });
});
