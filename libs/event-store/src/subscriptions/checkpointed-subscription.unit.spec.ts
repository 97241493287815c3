import { InMemoryCheckpointStore } from '../adapters/in-memory/in-memory-checkpoint-store';
import { InMemoryEventStore } from '../adapters/in-memory/in-memory-event-store';
import type { RecordedEvent, Subscription } from '../event-store.port';
import { subscribeWithCheckpoint, type CheckpointedSubscriptionOptions } from './checkpointed-subscription';

const meta = { causationId: 'test', correlationId: 'test', actor: 'test' };
const append = (store: InMemoryEventStore, stream: string, ...types: string[]) =>
  store.appendToStream(
    stream,
    types.map((type) => ({ type, data: {}, metadata: meta })),
  );

/** Checkpoints in memory that tell each save; `until` resolves once what it waits for is true. */
class WatchedCheckpoints extends InMemoryCheckpointStore {
  readonly saves: number[] = [];
  private check = (): void => undefined;

  override async save(name: string, position: number): Promise<void> {
    await super.save(name, position);
    this.saves.push(position);
    this.check();
  }

  told(): void {
    this.check();
  }

  until(condition: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      this.check = () => void (condition() && resolve());
      this.check();
    });
  }
}

describe('checkpointed subscription (in-memory store)', () => {
  let store: InMemoryEventStore;
  let checkpoints: WatchedCheckpoints;
  let running: Subscription[];
  let seen: string[];
  const subscribe = async (options: Partial<CheckpointedSubscriptionOptions> = {}) => {
    const subscription = await subscribeWithCheckpoint(store, checkpoints, {
      name: 'reactor',
      ...options,
      onEvent: async (event: RecordedEvent) => {
        await options.onEvent?.(event);
        seen.push(event.type);
        checkpoints.told();
      },
    });
    running.push(subscription);
    return subscription;
  };
  const restart = async () => {
    await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
    seen = [];
    checkpoints.saves.length = 0;
  };

  beforeEach(async () => {
    store = new InMemoryEventStore();
    checkpoints = new WatchedCheckpoints();
    running = [];
    seen = [];
    await append(store, 'journey-a', 'A1', 'A2', 'A3');
  });
  afterEach(() => restart());

  it('starts from the beginning without a checkpoint, saving after each event and when caught up', async () => {
    await subscribe();
    await checkpoints.until(() => checkpoints.saves.includes(3));
    expect(seen).toEqual(['A1', 'A2', 'A3']);
    expect(checkpoints.saves).toEqual([1, 2, 3]);
    expect(await checkpoints.load('reactor')).toBe(3);
  });

  it('resumes after its checkpoint: a restart hands over only what it had not handled', async () => {
    await subscribe();
    await checkpoints.until(() => checkpoints.saves.includes(3));
    await restart();
    await append(store, 'journey-a', 'A4');
    await subscribe();
    await checkpoints.until(() => seen.length === 1 && checkpoints.saves.includes(4));
    expect(seen).toEqual(['A4']);
  });

  it('keeps a checkpoint per subscriber name', async () => {
    await checkpoints.save('other', 3);
    checkpoints.saves.length = 0;
    await subscribe();
    await checkpoints.until(() => checkpoints.saves.includes(3));
    expect(seen).toEqual(['A1', 'A2', 'A3']);
    expect(await checkpoints.load('other')).toBe(3);
  });

  it('saves after every n-th event, and when caught up', async () => {
    await append(store, 'journey-a', 'A4', 'A5');
    let caughtUp = 0;
    await subscribe({ checkpointEvery: 2, onCaughtUp: (position) => (caughtUp = position) });
    await checkpoints.until(() => checkpoints.saves.includes(5));
    expect(checkpoints.saves).toEqual([2, 4, 5]);
    expect(caughtUp).toBe(5);
  });

  it('when caught up, saves the head past events of other streams, so a restart does not scan them again', async () => {
    await append(store, 'agent-b', 'B1', 'B2');
    await subscribe({ streamPrefixes: ['journey-'], checkpointEvery: 10 });
    await checkpoints.until(() => checkpoints.saves.includes(5));
    expect(seen).toEqual(['A1', 'A2', 'A3']);
    expect(checkpoints.saves).toEqual([5]);
  });

  it('never saves a position it has saved or passed', async () => {
    await checkpoints.save('reactor', 3);
    checkpoints.saves.length = 0;
    await append(store, 'journey-a', 'A4');
    await subscribe({ checkpointEvery: 1 });
    await checkpoints.until(() => seen.length === 1);
    await append(store, 'journey-a', 'A5');
    await checkpoints.until(() => checkpoints.saves.includes(5));
    expect(checkpoints.saves).toEqual([4, 5]);
  });

  it('does not save past an event its handler failed on: a restart hands it over again', async () => {
    let fail = true;
    const errors: unknown[] = [];
    const subscription = await subscribe({
      onEvent: (event) => {
        if (fail && event.type === 'A2') throw new Error('store down');
      },
      onError: (error) => errors.push(error),
    });
    await subscription.done;
    expect(errors).toEqual([new Error('store down')]);
    expect(seen).toEqual(['A1']);
    expect(await checkpoints.load('reactor')).toBe(1);

    await restart();
    fail = false;
    await subscribe();
    await checkpoints.until(() => seen.length === 2);
    expect(seen).toEqual(['A2', 'A3']);
  });

  it('saves only once the work its handler handed on is done, and not past work that failed', async () => {
    let finish!: () => void;
    let handedOn = new Promise<void>((resolve) => (finish = resolve));
    const errors: unknown[] = [];
    const subscription = await subscribe({ checkpointEvery: 2, beforeSave: () => handedOn, onError: (error) => errors.push(error) });
    await checkpoints.until(() => seen.length === 2);
    expect(checkpoints.saves).toEqual([]);
    finish();
    await checkpoints.until(() => checkpoints.saves.includes(3));
    expect(checkpoints.saves).toEqual([2, 3]);

    handedOn = Promise.reject(new Error('broker down'));
    handedOn.catch(() => undefined);
    await append(store, 'journey-a', 'A4', 'A5');
    await subscription.done;
    expect(errors).toEqual([new Error('broker down')]);
    expect(seen.slice(0, 4)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(await checkpoints.load('reactor')).toBe(3);

    // What was handled past the checkpoint comes again.
    await restart();
    await subscribe();
    await checkpoints.until(() => seen.length === 2);
    expect(seen).toEqual(['A4', 'A5']);
  });

  it('goes on handling while a save has not come back, and then saves the last position asked for', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const save = checkpoints.save.bind(checkpoints);
    checkpoints.save = async (name, position) => {
      await held;
      await save(name, position);
    };
    await append(store, 'journey-a', 'A4', 'A5', 'A6');
    await subscribe({ checkpointEvery: 1 });
    await checkpoints.until(() => seen.length === 6);
    expect(checkpoints.saves).toEqual([]);

    release();
    await checkpoints.until(() => checkpoints.saves.includes(6));
    expect(checkpoints.saves).toEqual([1, 6]);
  });

  it('stops and reports a save that failed, and tries no save after it', async () => {
    const errors: unknown[] = [];
    const attempts: number[] = [];
    const save = checkpoints.save.bind(checkpoints);
    checkpoints.save = (name, position) => {
      attempts.push(position);
      return attempts.length === 1 ? Promise.reject(new Error('disk full')) : save(name, position);
    };
    const subscription = await subscribe({ checkpointEvery: 1, onError: (error) => errors.push(error) });
    await subscription.done;
    expect(errors).toEqual([new Error('disk full')]);
    expect(attempts).toEqual([1]);
    expect(await checkpoints.load('reactor')).toBeUndefined();
  });

  it('without onError, fails with a save that failed', async () => {
    checkpoints.save = () => Promise.reject(new Error('disk full'));
    const subscription = await subscribeWithCheckpoint(store, checkpoints, { name: 'reactor', onEvent: () => undefined });
    running.push(subscription);
    await expect(subscription.done).rejects.toThrow('disk full');
  });
});
