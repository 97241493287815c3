import { InMemoryEventStore, type EventStore } from '@regie/event-store';
import { StateSnapshots } from './state-snapshots';

/** Event-loop turns until `done` (the saves are sent on the next turn, not after a time). */
const turnsUntil = async (done: () => boolean | Promise<boolean>): Promise<void> => {
  for (let turn = 0; turn < 20 && !(await done()); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(await done()).toBe(true);
};

describe('StateSnapshots', () => {
  let store: InMemoryEventStore;
  let errors: unknown[];
  let snapshots: StateSnapshots<{ total: number }>;
  beforeEach(() => {
    store = new InMemoryEventStore();
    errors = [];
    snapshots = StateSnapshots.in<{ total: number }>(store, 'count/1', (error) => errors.push(error))!;
  });

  it('is there only where the store keeps snapshots', () => {
    const { saveSnapshots, readSnapshot, ...withoutSnapshots } = store;
    expect([saveSnapshots, readSnapshot].every((method) => typeof method === 'function')).toBe(true);
    expect(StateSnapshots.in(withoutSnapshots as unknown as EventStore, 'count/1', () => undefined)).toBeUndefined();
  });

  it('saves the states let go in one turn together, and answers them before and after they are written', async () => {
    const save = jest.spyOn(store, 'saveSnapshots');
    snapshots.letGo('n-a', 1, { total: 3 });
    snapshots.letGo('n-b', 0, { total: 2 });
    snapshots.letGo('n-a', 2, { total: 5 });
    expect(await snapshots.get('n-a')).toEqual({ revision: 2, state: { total: 5 } });
    await turnsUntil(async () => (await store.readSnapshot('n-b')) !== undefined);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0].map(({ stream, revision, kind }) => `${stream}@${revision} ${kind}`)).toEqual([
      'n-a@2 count/1',
      'n-b@0 count/1',
    ]);
    expect(await snapshots.get('n-a')).toEqual({ revision: 2, state: { total: 5 } });
    expect(await snapshots.get('n-c')).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('saves at once the states given and those let go and not yet sent, in one write', async () => {
    const save = jest.spyOn(store, 'saveSnapshots');
    snapshots.letGo('n-a', 1, { total: 3 });
    await snapshots.saveNow([{ stream: 'n-b', revision: 4, state: { total: 9 } }]);
    expect(save).toHaveBeenCalledTimes(1);
    expect(await store.readSnapshot('n-a')).toMatchObject({ revision: 1, state: { total: 3 } });
    expect(await store.readSnapshot('n-b')).toMatchObject({ revision: 4, state: { total: 9 } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('forgets a state not yet saved (an erasure): it is neither answered nor written', async () => {
    const save = jest.spyOn(store, 'saveSnapshots');
    snapshots.letGo('n-a', 1, { total: 3 });
    snapshots.forget('n-a');
    expect(await snapshots.get('n-a')).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(save).not.toHaveBeenCalled();
    expect(await store.readSnapshot('n-a')).toBeUndefined();
  });

  it('tells of a save that failed and lets its states go: the streams are read instead', async () => {
    jest.spyOn(store, 'saveSnapshots').mockRejectedValueOnce(new Error('SQLITE_FULL'));
    snapshots.letGo('n-a', 1, { total: 3 });
    await turnsUntil(() => errors.length === 1);
    expect(await snapshots.get('n-a')).toBeUndefined();
  });
});
