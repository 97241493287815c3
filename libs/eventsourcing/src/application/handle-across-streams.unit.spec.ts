import type { Decider, DomainEvent } from '@regie/eventsourcing';
import {
  InMemoryEventStore,
  MultiStreamAppendUnsupportedError,
  NO_STREAM,
  type AppendResult,
  type EventMetadata,
  type PipelinedAppend,
  type StreamAppend,
} from '@regie/event-store';
import { handleAcrossStreams } from './handle-across-streams';
import { StateCache } from './state-cache';
import { StateSnapshots } from './state-snapshots';
import { StreamHandler } from './stream-handler';

/** Counts per stream; a Count command with a key is recorded once (the store's idempotency). */
type Count = DomainEvent<'Count', { readonly by: number }>;
type Counted = DomainEvent<'Counted', { readonly by: number; readonly total: number }>;
const counter: Decider<Count, Counted, number> = {
  initialState: () => 0,
  evolve: (_, event) => event.data.total,
  decide: (command, total) => [{ type: 'Counted', data: { by: command.data.by, total: total + command.data.by } }],
};
const meta = (key?: string): EventMetadata => ({
  causationId: 'c',
  correlationId: 'c',
  actor: 'test',
  ...(key && { idempotencyKey: key }),
});
/** Adds up what was counted: its state is the sum, so a fold on the wrong state, or of one event twice, shows. */
const adder: Decider<Count, Counted, number> = {
  initialState: () => 0,
  evolve: (sum, event) => sum + event.data.by,
  decide: (command, sum) => [{ type: 'Counted', data: { by: command.data.by, total: sum + command.data.by } }],
};
const count = (by: number, key?: string) => ({ command: { type: 'Count' as const, data: { by } }, metadata: meta(key) });
const totals = async (store: InMemoryEventStore, stream: string) =>
  (await store.readStream(stream)).map((event) => (event.data as Counted['data']).total);

describe('handleAcrossStreams', () => {
  let store: InMemoryEventStore;
  beforeEach(() => {
    store = new InMemoryEventStore();
  });

  it('appends every stream of the batch in one appendToStreams, each on its own folded state', async () => {
    await store.appendToStream('n-a', [{ type: 'Counted', data: { by: 5, total: 5 }, metadata: meta() }]);
    const batch = jest.spyOn(store, 'appendToStreams');
    const handled = await handleAcrossStreams(store, counter, [
      { stream: 'n-a', commands: [count(1), count(2)] },
      { stream: 'n-b', commands: [count(3)] },
    ]);

    expect(batch).toHaveBeenCalledTimes(1);
    expect(batch.mock.calls[0]![0].map(({ stream, expectedRevision }) => [stream, expectedRevision])).toEqual([
      ['n-a', 0],
      ['n-b', 'no_stream'],
    ]);
    expect(handled.map(({ result }) => result?.appended)).toEqual([2, 1]);
    expect(await totals(store, 'n-a')).toEqual([5, 6, 8]);
    expect(await totals(store, 'n-b')).toEqual([3]);
  });

  it('starts the whole batch again from fresh state when one stream conflicts, and caches what it appended', async () => {
    const cache = new StateCache<number>();
    await handleAcrossStreams(store, counter, [{ stream: 'n-a', commands: [count(1)] }], { cache });
    const read = store.readStream.bind(store);
    jest.spyOn(store, 'readStream').mockImplementationOnce(async (stream, options) => {
      const events = await read(stream, options);
      await store.appendToStream('n-a', [{ type: 'Counted', data: { by: 10, total: 11 }, metadata: meta() }]);
      return events;
    });
    const handled = await handleAcrossStreams(
      store,
      counter,
      [
        { stream: 'n-a', commands: [count(1)] },
        { stream: 'n-b', commands: [count(2)] },
      ],
      { cache },
    );

    expect(handled.map(({ events }) => events.map((event) => event.data.total))).toEqual([[12], [2]]);
    expect(await totals(store, 'n-a')).toEqual([1, 11, 12]);
    expect(await totals(store, 'n-b')).toEqual([2]);
    expect(cache.get('n-a')).toMatchObject({ revision: 2, state: 12 });
  });

  it('marks every event appended to a stream that had none, new or erased, as opening it, and no other', async () => {
    await handleAcrossStreams(store, adder, [{ stream: 'n-a', commands: [count(1, 'k1'), count(2)] }]);
    await handleAcrossStreams(store, adder, [{ stream: 'n-a', commands: [count(3)] }]);
    await store.deleteStream('n-a');
    await handleAcrossStreams(store, adder, [{ stream: 'n-a', commands: [count(4)] }]);

    const opens = (await store.readStream('n-a')).map(({ revision, metadata }) => [revision, metadata.opensStream]);
    expect(opens).toEqual([[3, true]]);
    await handleAcrossStreams(store, adder, [{ stream: 'n-b', commands: [count(1, 'k2'), count(2)] }]);
    expect((await store.readStream('n-b')).map(({ metadata }) => [metadata.idempotencyKey, metadata.opensStream])).toEqual([
      ['k2', true],
      [undefined, true],
    ]);
  });

  it('reports duplicates per stream and leaves streams without new events out of the append', async () => {
    await handleAcrossStreams(store, counter, [{ stream: 'n-a', commands: [count(1, 'k1')] }]);
    const handled = await handleAcrossStreams(store, counter, [
      { stream: 'n-a', commands: [count(1, 'k1')] },
      { stream: 'n-b', commands: [count(4, 'k2')] },
    ]);
    expect(handled.map(({ result }) => [result?.appended, result?.duplicates])).toEqual([
      [0, ['k1']],
      [1, []],
    ]);
    expect(await totals(store, 'n-a')).toEqual([1]);
  });

  it('appends stream by stream, in order, where the store refuses multi-stream batches (EventStoreDB)', async () => {
    const original = store.appendToStreams.bind(store);
    jest.spyOn(store, 'appendToStreams').mockImplementation(async (appends) => {
      if (appends.length === 1) return original(appends);
      throw new MultiStreamAppendUnsupportedError(
        'test',
        appends.map(({ stream }) => stream),
      );
    });
    const single = jest.spyOn(store, 'appendToStream');
    const handled = await handleAcrossStreams(store, counter, [
      { stream: 'n-a', commands: [count(1)] },
      { stream: 'n-b', commands: [count(2)] },
    ]);
    expect(single.mock.calls.map(([stream]) => stream)).toEqual(['n-a', 'n-b']);
    expect(handled.map(({ result }) => result?.appended)).toEqual([1, 1]);
  });
});

/** The in-memory store, its pipelined appends applied at once but answered only when released: as the writer thread answers later. */
class HeldReplies extends InMemoryEventStore {
  readonly held: (() => void)[] = [];

  override appendToStreamsAfter(appends: readonly StreamAppend[], after?: number): PipelinedAppend {
    const sent = super.appendToStreamsAfter(appends, after);
    const outcome = sent.results.then(
      (results) => ({ results }),
      (error: unknown) => ({ error }),
    );
    const results = new Promise<AppendResult[]>((resolve, reject) =>
      this.held.push(() => void outcome.then((o) => ('results' in o ? resolve(o.results) : reject(o.error)))),
    );
    return { ticket: sent.ticket, results };
  }
}

/** Event-loop turns until `done` (what is awaited is the handler's own promises, not time). */
const turnsUntil = async (done: () => boolean): Promise<void> => {
  for (let turn = 0; turn < 100 && !done(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
};

describe('handleAcrossStreams with snapshots', () => {
  let store: InMemoryEventStore;
  let snapshots: StateSnapshots<number>;
  beforeEach(async () => {
    store = new InMemoryEventStore();
    snapshots = StateSnapshots.in<number>(store, 'count/1', (error) => {
      throw error;
    })!;
    await store.appendToStream(
      'n-a',
      [1, 3].map((total) => ({ type: 'Counted', data: { by: 1, total }, metadata: meta() })),
    );
  });

  it('given a snapshot of a stream the cache does not hold, decides on it without reading the stream', async () => {
    await store.saveSnapshots([{ stream: 'n-a', revision: 1, kind: 'count/1', state: 3 }]);
    const reads = jest.spyOn(store, 'readStream');
    const handled = await handleAcrossStreams(store, counter, [{ stream: 'n-a', commands: [count(2)] }], { snapshots });
    expect(reads).not.toHaveBeenCalled();
    expect(handled[0]!.result).toMatchObject({ nextExpectedRevision: 2, appended: 1 });
    expect(await totals(store, 'n-a')).toEqual([1, 3, 5]);
  });

  it('given a snapshot behind its stream, conflicts on it and decides again on it and what the stream holds after it', async () => {
    await store.appendToStream('n-a', [{ type: 'Counted', data: { by: 4, total: 7 }, metadata: meta() }]);
    // Not the stream's own total at revision 1 (3): a fold from anywhere but the snapshot shows.
    await store.saveSnapshots([{ stream: 'n-a', revision: 1, kind: 'count/1', state: 1003 }]);
    const reads = jest.spyOn(store, 'readStream');
    const handled = await handleAcrossStreams(store, adder, [{ stream: 'n-a', commands: [count(8)] }], { snapshots });
    expect(reads.mock.calls).toEqual([['n-a', { fromRevision: 1 }]]);
    expect(handled[0]!.events.map((event) => event.data.total)).toEqual([1003 + 4 + 8]);
  });

  it('given a state of an erased stream written again since, reads the stream whole', async () => {
    await store.deleteStream('n-a');
    await store.appendToStream(
      'n-a',
      [16, 32].map((by) => ({ type: 'Counted', data: { by, total: by }, metadata: meta() })),
      { expectedRevision: NO_STREAM },
    );
    // Let go by this process after the erasure told it to forget (another instance's cache, a moment late): not yet
    // refused by the store, so answered as a snapshot. Its revision, 1, was the old run's last; the new one starts at 2.
    snapshots.letGo('n-a', 1, 1000);
    const handled = await handleAcrossStreams(store, adder, [{ stream: 'n-a', commands: [count(64)] }], { snapshots });
    expect(handled[0]!.events.map((event) => event.data.total)).toEqual([16 + 32 + 64]);
  });

  it('given a snapshot of another kind (a state of another shape), reads the stream', async () => {
    await store.saveSnapshots([{ stream: 'n-a', revision: 1, kind: 'count/0', state: 100 }]);
    const reads = jest.spyOn(store, 'readStream');
    await handleAcrossStreams(store, counter, [{ stream: 'n-a', commands: [count(2)] }], { snapshots });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(await totals(store, 'n-a')).toEqual([1, 3, 5]);
  });
});

describe('pipelined batches (StreamHandler.handleMany)', () => {
  let store: HeldReplies;
  let handler: StreamHandler<Count, Counted, number>;
  let cache: StateCache<number>;
  /** n-a counts 1, then n-a 2 and n-b 5: the second decided on the first, sent one after the other. */
  const twoBatches = () => [
    handler.handleMany(new Map([['a', [count(1)]]])),
    handler.handleMany(
      new Map([
        ['a', [count(2)]],
        ['b', [count(5)]],
      ]),
    ),
  ];
  beforeEach(() => {
    store = new HeldReplies();
    cache = new StateCache<number>();
    handler = new StreamHandler(store, (id) => `n-${id}`, counter, cache);
  });

  it('sends a batch decided on what the one before appends, before that one has returned', async () => {
    const [first, second] = twoBatches();
    await turnsUntil(() => store.held.length === 2);
    expect(await totals(store, 'n-a')).toEqual([1, 3]);

    for (const release of store.held) release();
    expect((await first).map(({ result }) => result?.appended)).toEqual([1]);
    expect((await second).map(({ result }) => result?.appended)).toEqual([1, 1]);
    expect(cache.get('n-a')).toMatchObject({ revision: 1, state: 3 });
  });

  it('starts a batch decided on one that failed again from the store, once that one has settled', async () => {
    // Another writer appends to n-a between the first batch's read and its append: the first conflicts.
    const read = store.readStream.bind(store);
    jest.spyOn(store, 'readStream').mockImplementationOnce(async (stream, options) => {
      const events = await read(stream, options);
      await store.appendToStream('n-a', [{ type: 'Counted', data: { by: 10, total: 10 }, metadata: meta() }]);
      return events;
    });
    const [first, second] = twoBatches();
    await turnsUntil(() => store.held.length === 2);
    // Both refused: the first on its revision, the second because it was decided on the first.
    expect(await totals(store, 'n-a')).toEqual([10]);
    for (const release of store.held) release();

    await expect(first).resolves.toMatchObject([{ result: { appended: 1 } }]);
    await expect(second).resolves.toMatchObject([{ result: { appended: 1 } }, { result: { appended: 1 } }]);
    expect(await totals(store, 'n-a')).toEqual([10, 11, 13]);
    expect(await totals(store, 'n-b')).toEqual([5]);
  });
});
