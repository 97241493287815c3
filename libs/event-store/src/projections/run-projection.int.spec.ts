import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '../adapters/in-memory/in-memory-event-store';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import type { EventStore } from '../event-store.port';
import { InMemoryProjectionStore } from './in-memory-projection-store';
import type { Projection, ProjectionStore } from './projection';
import { rebuildProjection, runProjection } from './run-projection';
import { SqliteProjectionStore } from './sqlite-projection-store';

const counting: Projection<{ seen: string[] }> = {
  name: 'counting',
  streamPrefixes: ['count-'],
  initialState: () => ({ seen: [] }),
  evolve: (state, event) => ({ seen: [...state.seen, String((event.data as { n: number }).n)] }),
};

const append = (store: EventStore, stream: string, ns: number[]) =>
  store.appendToStream(
    stream,
    ns.map((n) => ({ type: 'Counted', data: { n }, metadata: { causationId: `c${n}`, correlationId: 'c', actor: 't' } })),
  );

const caughtUp = async (store: EventStore, projections: ProjectionStore) => {
  const head = await store.headPosition();
  let resolve: () => void = () => undefined;
  const done = new Promise<void>((r) => (resolve = r));
  const running = await runProjection(store, projections, counting, {
    saveEvery: 2,
    onCaughtUp: (position) => position >= head && resolve(),
  });
  await done;
  await running.stop();
  return running.current();
};

const stores: [string, () => { projections: ProjectionStore; dispose: () => Promise<void> }][] = [
  ['in-memory', () => ({ projections: new InMemoryProjectionStore(), dispose: async () => undefined })],
  [
    'sqlite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'regie-projections-'));
      const file = new SqliteEventStore({ filename: join(dir, 'p.db') });
      return {
        projections: new SqliteProjectionStore(file),
        dispose: async () => {
          await file.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
];

describe.each(stores)('durable projection on the %s projection store', (_, create) => {
  it('resumes from its saved state without repeating or missing an event', async () => {
    const store = new InMemoryEventStore();
    const { projections, dispose } = create();
    try {
      await append(store, 'count-a', [1, 2, 3]);
      await append(store, 'other-x', [99]);
      expect((await caughtUp(store, projections)).state.seen).toEqual(['1', '2', '3']);
      expect((await projections.load(counting.name))?.position).toBe(await store.headPosition());
      await append(store, 'count-b', [4, 5]);
      const resumed = await caughtUp(store, projections);
      expect(resumed.state.seen).toEqual(['1', '2', '3', '4', '5']);
      expect(resumed).toEqual(await rebuildProjection(store, new InMemoryProjectionStore(), counting));
    } finally {
      await dispose();
    }
  });

  it('saves once while caught up again and again before that save is written', async () => {
    const store = new InMemoryEventStore();
    const { projections, dispose } = create();
    const saves: number[] = [];
    // Each save waits until released: the store's writer busy with other work.
    let released = false;
    let release: () => void = () => undefined;
    const slow: ProjectionStore = {
      load: (name) => projections.load(name),
      reset: (name) => projections.reset(name),
      save: async (name, snapshot) => {
        saves.push(snapshot.position);
        if (!released) await new Promise<void>((resolve) => (release = resolve));
        await projections.save(name, snapshot);
      },
    };
    let caughtUp: () => void = () => undefined;
    const running = await runProjection(store, slow, counting, { saveIntervalMs: 60_000, onCaughtUp: () => caughtUp() });
    try {
      for (const n of [1, 2, 3]) {
        const seen = new Promise<void>((resolve) => (caughtUp = resolve));
        await append(store, `count-${n}`, [n]);
        await seen;
      }
      expect(saves).toEqual([1]);
    } finally {
      released = true;
      release();
      await running.stop();
      await dispose();
    }
    expect(saves).toEqual([1, 3]);
  });

  it('forgets a projection on reset', async () => {
    const { projections, dispose } = create();
    try {
      await projections.save('p', { state: { a: 1 }, position: 7 });
      expect(await projections.load('p')).toEqual({ state: { a: 1 }, position: 7 });
      await projections.reset('p');
      expect(await projections.load('p')).toBeUndefined();
    } finally {
      await dispose();
    }
  });
});
