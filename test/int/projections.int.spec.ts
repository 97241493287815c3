import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelActivityProjection, activeDaysOf, type ChannelActivity } from '@regie/measurement';
import {
  InMemoryProjectionStore,
  rebuildProjection,
  runProjection,
  SqliteEventStore,
  SqliteProjectionStore,
  type Projection,
} from '@regie/event-store';

jest.setTimeout(180_000);

const projection = channelActivityProjection as unknown as Projection<ChannelActivity>;
const CHANNELS = ['web', 'app', 'chatbot', 'phone'];

const seed = async (store: SqliteEventStore, total: number) => {
  for (let from = 0; from < total; from += 500) {
    for (let k = from; k < from + 500; k += 5) {
      const customerId = `c${k % 997}`;
      const events = Array.from({ length: 5 }, (_, i) => {
        const n = k + i;
        const occurredAt = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
        const base = { customerId, contactId: `k-${k}`, channel: CHANNELS[n % CHANNELS.length], layer: 'self-service', occurredAt };
        return i === 4
          ? {
              type: 'ContactEnded',
              data: { ...base, outcome: 'resolved', handlingSeconds: n % 300 },
              metadata: { causationId: `e${n}`, correlationId: `e${n}`, actor: 'seed' },
            }
          : { type: 'ContactStarted', data: base, metadata: { causationId: `e${n}`, correlationId: `e${n}`, actor: 'seed' } };
      });
      await store.appendToStream(`journey-${customerId}`, events);
    }
  }
};

describe('durable projections on SQLite', () => {
  let dir: string;
  let filename: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'regie-projection-'));
    filename = join(dir, 'regie.db');
    store = new SqliteEventStore({ filename });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes after being killed during catch-up, and equals a rebuild from zero', async () => {
    await seed(store, 40_000);
    const head = await store.headPosition();
    const saved = new SqliteProjectionStore(store);

    const child = fork(join(__dirname, '../support/run-projection.ts'), [filename, projection.name, '200'], {
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '../../tsconfig.json') },
    });
    for (;;) {
      const killedAt = (await saved.load(projection.name))?.position ?? 0;
      if (killedAt > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const atKill = (await saved.load(projection.name))?.position ?? 0;
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(head);

    let caughtUp: (position: number) => void = () => undefined;
    const done = new Promise<number>((resolve) => (caughtUp = resolve));
    const resumed = await runProjection(store, saved, projection, {
      saveEvery: 200,
      onCaughtUp: (position) => position >= head && caughtUp(position),
    });
    await done;
    await resumed.stop();

    const rebuilt = await rebuildProjection(store, new InMemoryProjectionStore(), projection);
    expect(resumed.current().state).toEqual(rebuilt.state);
    const contacts = activeDaysOf(rebuilt.state)
      .flatMap(([, channels]) => Object.values(channels))
      .reduce((sum, channel) => sum + channel.contacts, 0);
    expect(contacts).toBe(32_000);
    expect((await saved.load<ChannelActivity>(projection.name))?.state).toEqual(rebuilt.state);
  });

  it('rebuilds from zero with progress, up to the head', async () => {
    await seed(store, 5_000);
    const progress: [number, number][] = [];
    const rebuilt = await rebuildProjection(store, new SqliteProjectionStore(store), projection, (position, head) =>
      progress.push([position, head]),
    );
    const head = await store.headPosition();
    expect(rebuilt.position).toBe(head);
    expect(progress.at(-1)).toEqual([head, head]);
    expect(progress.length).toBeGreaterThan(2);
  });
});
