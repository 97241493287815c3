import { ruleBook, type Decider, type DomainEvent } from '@regie/eventsourcing';
import { ExpectedRevisionConflictError, InMemoryEventStore, NO_STREAM, type EventMetadata, type NewEvent } from '@regie/event-store';
import { handleCommands } from './handle-command';
import { StateCache } from './state-cache';

/** A tally that may not pass ten: enough of a decider to see which state each decision was made on. */
type Add = DomainEvent<'Add', { readonly amount: number }>;
type Added = DomainEvent<'Added', { readonly amount: number; readonly total: number }>;
const rules = ruleBook({ 'tally-over-ten': 'conflict' });
const tally: Decider<Add, Added, number> = {
  initialState: () => 0,
  // Adds up: a fold on a state it should not start from shows in the totals.
  evolve: (total, event) => total + event.data.amount,
  decide: (command, total) => {
    if (total + command.data.amount > 10) rules.refuse('tally-over-ten', `${total} + ${command.data.amount} is over ten`);
    return [{ type: 'Added', data: { amount: command.data.amount, total: total + command.data.amount } }];
  },
};

const STREAM = 'tally-1';
const metadata: EventMetadata = { causationId: 'cmd-1', correlationId: 'cmd-1', actor: 'test' };
const add = (amount: number) => ({ command: { type: 'Add' as const, data: { amount } }, metadata });
const added = (amount: number, total: number): NewEvent => ({ type: 'Added', data: { amount, total }, metadata });

/** Another writer appends to the stream right after each of the next `times` reads: between our read and our append. */
const interleave = (store: InMemoryEventStore, amount: number, times = 1) => {
  const read = store.readStream.bind(store);
  const spy = jest.spyOn(store, 'readStream');
  for (let i = 0; i < times; i += 1) {
    spy.mockImplementationOnce(async (stream, options) => {
      const events = await read(stream, options);
      const total = (await read(stream)).reduce((sum, event) => sum + (event.data as Added['data']).amount, 0);
      await store.appendToStream(stream, [added(amount, total + amount)]);
      return events;
    });
  }
  return spy;
};

const amounts = async (store: InMemoryEventStore) => (await store.readStream(STREAM)).map((event) => event.data);

describe('handleCommands on a conflict', () => {
  let store: InMemoryEventStore;
  let decide: jest.SpyInstance;
  beforeEach(async () => {
    store = new InMemoryEventStore();
    await store.appendToStream(STREAM, [added(1, 1)]);
    decide = jest.spyOn(tally, 'decide');
  });
  afterEach(() => decide.mockRestore());

  it('decides again on fresh state when another writer appended between the read and the append', async () => {
    const reads = interleave(store, 5);
    const handled = await handleCommands(store, STREAM, tally, [add(2)]);

    expect(handled.events).toEqual([{ type: 'Added', data: { amount: 2, total: 8 } }]);
    expect(handled.result).toMatchObject({ nextExpectedRevision: 2, appended: 1 });
    expect(decide.mock.calls.map(([, state]) => state)).toEqual([1, 6]);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(await amounts(store)).toEqual([
      { amount: 1, total: 1 },
      { amount: 5, total: 6 },
      { amount: 2, total: 8 },
    ]);
  });

  it('lets the fresh decision refuse what the stale one allowed', async () => {
    interleave(store, 8);
    await expect(handleCommands(store, STREAM, tally, [add(2)])).rejects.toMatchObject({ rule: 'tally-over-ten' });
    expect(decide).toHaveBeenCalledTimes(2);
    expect(await amounts(store)).toEqual([
      { amount: 1, total: 1 },
      { amount: 8, total: 9 },
    ]);
  });

  it('gives up after maxAttempts with the conflict, having appended nothing of its own', async () => {
    const reads = interleave(store, 1, 3);
    const attempt = handleCommands(store, STREAM, tally, [add(2)], { maxAttempts: 3 });

    await expect(attempt).rejects.toBeInstanceOf(ExpectedRevisionConflictError);
    expect(reads).toHaveBeenCalledTimes(3);
    expect(await amounts(store)).toEqual([1, 2, 3, 4].map((total) => ({ amount: 1, total })));
  });

  it('succeeds on the last allowed attempt', async () => {
    interleave(store, 1, 2);
    const handled = await handleCommands(store, STREAM, tally, [add(2)], { maxAttempts: 3 });
    expect(handled.events).toEqual([{ type: 'Added', data: { amount: 2, total: 5 } }]);
    expect(decide).toHaveBeenCalledTimes(3);
  });

  it('does not retry other failures', async () => {
    const append = jest.spyOn(store, 'appendToStream').mockRejectedValueOnce(new Error('disk full'));
    await expect(handleCommands(store, STREAM, tally, [add(2)])).rejects.toThrow('disk full');
    expect(append).toHaveBeenCalledTimes(1);
    expect(decide).toHaveBeenCalledTimes(1);
  });
});

describe('handleCommands with a StateCache', () => {
  let store: InMemoryEventStore;
  let cache: StateCache<number>;
  beforeEach(async () => {
    store = new InMemoryEventStore();
    cache = new StateCache<number>();
    await store.appendToStream(STREAM, [added(1, 1), added(2, 3)]);
  });

  it('reads from the cached revision on, folds only what came after it, and caches what it appended', async () => {
    await handleCommands(store, STREAM, tally, [add(1)], { cache });
    expect(cache.get(STREAM)).toMatchObject({ revision: 2, state: 4 });

    const reads = jest.spyOn(store, 'readStream');
    await handleCommands(store, STREAM, tally, [add(1)], { cache });
    expect(reads.mock.calls).toEqual([[STREAM, { fromRevision: 2 }]]);
    expect(cache.get(STREAM)).toMatchObject({ revision: 3, state: 5 });
  });

  it('on a conflict, goes on from the cached state with the events appended meanwhile', async () => {
    await handleCommands(store, STREAM, tally, [add(1)], { cache });
    const reads = interleave(store, 3);
    const decide = jest.spyOn(tally, 'decide');
    try {
      const handled = await handleCommands(store, STREAM, tally, [add(2)], { cache });

      expect(handled.events).toEqual([{ type: 'Added', data: { amount: 2, total: 9 } }]);
      expect(decide.mock.calls.map(([, state]) => state)).toEqual([4, 7]);
      expect(reads.mock.calls).toEqual([
        [STREAM, { fromRevision: 2 }],
        [STREAM, { fromRevision: 2 }],
      ]);
      expect(cache.get(STREAM)).toMatchObject({ revision: 4, state: 9 });
    } finally {
      decide.mockRestore();
    }
  });

  it('decides on a stream erased since on nothing it cached of it', async () => {
    await handleCommands(store, STREAM, tally, [add(1)], { cache });
    await store.deleteStream(STREAM); // another instance erased the customer; this one has not heard yet
    const decide = jest.spyOn(tally, 'decide');
    try {
      await handleCommands(store, STREAM, tally, [add(2)], { cache });
      expect(decide.mock.calls.map(([, state]) => state)).toEqual([0]);
    } finally {
      decide.mockRestore();
    }
  });

  it('reads a stream erased and written again since whole, not on from what it cached of the erased run', async () => {
    await handleCommands(store, STREAM, tally, [add(1)], { cache });
    await store.deleteStream(STREAM);
    await store.appendToStream(STREAM, [added(5, 5)], { expectedRevision: NO_STREAM }); // the new run, at revision 3
    const reads = jest.spyOn(store, 'readStream');
    const handled = await handleCommands(store, STREAM, tally, [add(2)], { cache });
    expect(reads.mock.calls).toEqual([
      [STREAM, { fromRevision: 2 }],
      [STREAM, { fromRevision: 0 }],
    ]);
    expect(handled.events).toEqual([{ type: 'Added', data: { amount: 2, total: 7 } }]);
  });

  it('marks the events of an append to a stream that had none as opening it, also after an erasure, and no others', async () => {
    await store.deleteStream(STREAM);
    await handleCommands(store, STREAM, tally, [add(1), add(2)], { cache });
    await handleCommands(store, STREAM, tally, [add(3)], { cache });

    expect((await store.readStream(STREAM)).map(({ revision, metadata }) => [revision, metadata.opensStream])).toEqual([
      [2, true],
      [3, true],
      [4, undefined],
    ]);
  });

  it('keeps the cache at what it read when the append was a duplicate', async () => {
    const keyed = { ...add(1), metadata: { ...metadata, idempotencyKey: 'once' } };
    await handleCommands(store, STREAM, tally, [keyed], { cache });
    await store.appendToStream(STREAM, [added(1, 5)]);
    const again = await handleCommands(store, STREAM, tally, [keyed], { cache });

    expect(again.result).toMatchObject({ appended: 0, duplicates: ['once'] });
    expect(cache.get(STREAM)).toMatchObject({ revision: 3, state: 5 });
  });
});
