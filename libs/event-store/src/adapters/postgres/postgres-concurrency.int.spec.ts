import { randomUUID } from 'node:crypto';
import { eventually } from '../../../../../test/support/eventually';
import type { NewEvent, RecordedEvent, Subscription } from '../../event-store.port';
import { START } from '../../event-store.port';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from '../../testing/postgres-test-database';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';

jest.setTimeout(60_000);

const skipReason = postgresSkipReason();
const suite = skipReason ? describe.skip : describe;

const event = (type: string, idempotencyKey?: string): NewEvent => ({
  type,
  data: { at: type },
  metadata: { causationId: randomUUID(), correlationId: 'c', actor: 'test', ...(idempotencyKey && { idempotencyKey }) },
});

/** Collects what a subscription delivers; `caughtUp` counts the times it reached the head. */
const collect = (store: PostgresEventStore, prefix: string, after = START) => {
  const seen: RecordedEvent[] = [];
  const caughtUp: number[] = [];
  const subscription = store.subscribe({
    after,
    streamPrefixes: [prefix],
    onEvent: (e) => void seen.push(e),
    onCaughtUp: (position) => void caughtUp.push(position),
  });
  return { seen, caughtUp, subscription };
};

const expectGapFreeOnce = (seen: readonly RecordedEvent[], all: readonly RecordedEvent[]) => {
  const positions = seen.map((e) => e.position);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  expect(new Set(positions).size).toBe(positions.length);
  expect(seen.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
};

suite(`PostgreSQL: concurrent appenders and subscribers${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let database: TestDatabase;
  const stores: PostgresEventStore[] = [];
  const open = async (options: Partial<PostgresEventStoreOptions> = {}) => {
    const store = await PostgresEventStore.connect({ url: database.url, poolSize: 8, ...options });
    stores.push(store);
    return store;
  };
  let subscriptions: Subscription[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(subscriptions.map((s) => s.stop()));
    subscriptions = [];
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });
  afterAll(async () => database?.drop());

  it('holds back events committed after a numbered transaction that is still open, then delivers both in order', async () => {
    const tag = `held${randomUUID()}-`;
    let reached: () => void = () => undefined;
    const atCommit = new Promise<void>((resolve) => (reached = resolve));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = await open({ hooks: { beforeCommit: async () => (reached(), gate) } });
    const fast = await open();
    const reader = await open({ pollIntervalMs: 100 });
    const { seen, caughtUp, subscription } = collect(reader, tag);
    subscriptions.push(subscription);

    const first = slow.appendToStream(`${tag}a`, [event('First')]);
    await atCommit;
    const second = await fast.appendToStream(`${tag}b`, [event('Second')]);
    const readsBefore = caughtUp.length;
    await eventually(() => expect(caughtUp.length).toBeGreaterThan(readsBefore + 1));
    expect(seen).toEqual([]);
    expect(Math.max(...caughtUp)).toBeLessThan(second.position);

    release();
    const firstResult = await first;
    expect(firstResult.position).toBeLessThan(second.position);
    await eventually(() => expect(seen.map((e) => e.type)).toEqual(['First', 'Second']));
  });

  it('never skips or repeats an event while appenders on separate connections race, live or resumed from a position', async () => {
    const tag = `race${randomUUID()}-`;
    const [writers, reader] = [await open(), await open({ pollIntervalMs: 50 })];
    const live = collect(reader, tag);
    subscriptions.push(live.subscription);

    // A subscriber that stops after every few events and resumes from the last position it handled.
    const resumed: RecordedEvent[] = [];
    let resumer: Subscription | undefined;
    let finished = false; // a stop scheduled by the last few events must not resume after the store has closed
    const resume = () => {
      if (finished) return;
      const after = resumed.at(-1)?.position ?? START;
      let handled = 0;
      resumer = reader.subscribe({
        after,
        streamPrefixes: [tag],
        onEvent: async (e) => {
          resumed.push(e);
          handled += 1;
          if (handled === 7) setImmediate(() => void resumer!.stop().then(resume));
        },
      });
    };
    resume();

    const appender = async (id: number) => {
      let appended = 0;
      for (let n = 0; n < 40; n += 1) {
        const shared = n % 5 === 0 ? `shared#${n}` : undefined; // every appender sends it: recorded once, in whichever stream wins
        const events = Array.from({ length: 1 + ((id + n) % 4) }, (_, i) => event(`w${id}-${n}-${i}`, i === 0 ? shared : undefined));
        const [result] = await writers.appendToStreams([{ stream: `${tag}${(id * 7 + n) % 10}`, events }]);
        appended += result!.appended;
      }
      return appended;
    };
    const totals = await Promise.all([1, 2, 3, 4, 5, 6].map(appender));
    const total = totals.reduce((a, b) => a + b, 0);

    const all = await reader.readAll({ streamPrefixes: [tag] });
    expect(all).toHaveLength(total);
    expect(all.filter((e) => e.metadata.idempotencyKey?.startsWith('shared#'))).toHaveLength(8);
    await eventually(() => expect(live.seen).toHaveLength(total));
    await eventually(() => expect(resumed).toHaveLength(total));
    finished = true;
    await resumer!.stop();
    expectGapFreeOnce(live.seen, all);
    expectGapFreeOnce(resumed, all);
  });
});
