import type { Decider, DomainEvent } from '@regie/eventsourcing';
import { InMemoryEventStore, MultiStreamAppendUnsupportedError, type EventMetadata } from '@regie/event-store';
import { handleAcrossStreams } from './handle-across-streams';
import { StateCache } from './state-cache';

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
    expect(cache.get('n-a')).toEqual({ revision: 2, state: 12 });
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
