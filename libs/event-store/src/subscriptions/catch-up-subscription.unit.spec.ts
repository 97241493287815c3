import { InMemoryEventStore } from '../adapters/in-memory/in-memory-event-store';
import type { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { AppendNotifier } from './append-notifier';
import { catchUpSubscription } from './catch-up-subscription';

const meta = { causationId: 'test', correlationId: 'test', actor: 'test' };
const append = (store: InMemoryEventStore, stream: string, ...types: string[]) =>
  store.appendToStream(
    stream,
    types.map((type) => ({ type, data: {}, metadata: meta })),
  );

/** A subscriber that writes down what it is told; `until` resolves as soon as what it waits for has been told. */
const subscriber = (store: InMemoryEventStore, options: Partial<SubscribeOptions> = {}) => {
  const seen: RecordedEvent[] = [];
  const caughtUp: number[] = [];
  const errors: unknown[] = [];
  let check = () => undefined as void;
  const told = () => check();
  const subscription: Subscription = store.subscribe({
    ...options,
    onEvent: async (event) => {
      await options.onEvent?.(event);
      seen.push(event);
      told();
    },
    onCaughtUp: (position) => {
      caughtUp.push(position);
      told();
    },
    onError: (error) => {
      errors.push(error);
      told();
    },
  });
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      check = () => void (condition() && resolve());
      check();
    });
  const types = () => seen.map((event) => event.type);
  return { seen, caughtUp, errors, subscription, until, types };
};

describe('catch-up subscription (in-memory store)', () => {
  let store: InMemoryEventStore;
  const running: Subscription[] = [];
  const follow = (options: Partial<SubscribeOptions> = {}) => {
    const following = subscriber(store, options);
    running.push(following.subscription);
    return following;
  };
  beforeEach(() => {
    store = new InMemoryEventStore();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
  });

  it('catches up on what was recorded before, in order, then says it has caught up at the head', async () => {
    await append(store, 'journey-a', 'A1', 'A2');
    await append(store, 'case-b', 'B1');
    const following = follow();
    await following.until(() => following.caughtUp.length > 0);
    expect(following.types()).toEqual(['A1', 'A2', 'B1']);
    expect(following.seen.map((event) => event.position)).toEqual([1, 2, 3]);
    expect(following.caughtUp).toEqual([3]);
  });

  it('then follows live: what is appended later arrives, and it catches up again', async () => {
    await append(store, 'journey-a', 'A1');
    const following = follow();
    await following.until(() => following.caughtUp.length > 0);
    await append(store, 'journey-a', 'A2');
    await append(store, 'case-b', 'B1');
    await following.until(() => following.seen.length === 3 && following.caughtUp.at(-1) === 3);
    expect(following.types()).toEqual(['A1', 'A2', 'B1']);
  });

  it('delivers only the streams with its prefixes, yet catches up to the head past the others', async () => {
    await append(store, 'journey-a', 'A1');
    await append(store, 'case-b', 'B1');
    await append(store, 'agent-c', 'C1');
    await append(store, 'case-b', 'B2');
    await append(store, 'agent-c', 'C2');
    const following = follow({ streamPrefixes: ['case-', 'journey-'] });
    await following.until(() => following.caughtUp.length > 0);
    expect(following.types()).toEqual(['A1', 'B1', 'B2']);
    expect(following.caughtUp).toEqual([5]);
    await append(store, 'agent-c', 'C3');
    await append(store, 'journey-a', 'A2');
    await following.until(() => following.seen.length === 4);
    expect(following.types()).toEqual(['A1', 'B1', 'B2', 'A2']);
  });

  it('starts after the position it is given', async () => {
    await append(store, 'journey-a', 'A1', 'A2', 'A3');
    const following = follow({ after: 2 });
    await following.until(() => following.caughtUp.length > 0);
    expect(following.types()).toEqual(['A3']);
  });

  it('reads a long history page by page without losing or repeating an event', async () => {
    for (let batch = 0; batch < 12; batch += 1) await append(store, `journey-${batch}`, ...Array.from({ length: 100 }, () => 'E'));
    await append(store, 'journey-last', 'E');
    const following = follow();
    await following.until(() => following.caughtUp.length > 0);
    expect(following.seen.map((event) => event.position)).toEqual(Array.from({ length: 1201 }, (_, index) => index + 1));
    expect(following.caughtUp).toEqual([1201]);
  });

  it('hands over one event at a time: the next waits for the handler', async () => {
    await append(store, 'journey-a', 'A1', 'A2', 'A3');
    let inFlight = 0;
    let most = 0;
    const following = follow({
      onEvent: async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => setImmediate(resolve));
        inFlight -= 1;
      },
    });
    await following.until(() => following.caughtUp.length > 0);
    expect(following.seen).toHaveLength(3);
    expect(most).toBe(1);
  });

  it('stops: done resolves and nothing arrives afterwards', async () => {
    await append(store, 'journey-a', 'A1');
    const following = follow();
    await following.until(() => following.caughtUp.length > 0);
    await following.subscription.stop();
    await following.subscription.done;
    await append(store, 'journey-a', 'A2');
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(following.types()).toEqual(['A1']);
  });

  it('stops on a failing handler and says why; later events are not handed over', async () => {
    await append(store, 'journey-a', 'A1', 'BAD', 'A3');
    const following = follow({
      onEvent: (event) => {
        if (event.type === 'BAD') throw new Error('cannot handle BAD');
      },
    });
    await following.subscription.done;
    expect(following.types()).toEqual(['A1']);
    expect(following.errors).toEqual([new Error('cannot handle BAD')]);
  });

  it('without onError, its done promise rejects with the failure', async () => {
    await append(store, 'journey-a', 'BAD');
    const subscription = store.subscribe({
      onEvent: () => {
        throw new Error('cannot handle BAD');
      },
    });
    running.push(subscription);
    await expect(subscription.done).rejects.toThrow('cannot handle BAD');
  });
});

describe('catch-up subscription (a source it reads from)', () => {
  it('reads nothing when woken with nothing new up to the head, and reads again once the head moves', async () => {
    const notifier = new AppendNotifier();
    let head = 0;
    const heads: number[] = [];
    const reads: number[] = [];
    let woken = () => undefined as void;
    const subscription = catchUpSubscription(
      {
        headPosition: async () => {
          heads.push(head);
          woken();
          return head;
        },
        readAll: async ({ after = 0 }) => {
          reads.push(after);
          return [];
        },
        notifier,
        pollIntervalMs: 60_000,
      },
      { onEvent: () => undefined },
    );
    const looked = (times: number) =>
      new Promise<void>((resolve) => {
        woken = () => void (heads.length >= times && setImmediate(resolve));
        woken();
      });
    try {
      await looked(1);
      notifier.notify(); // woken, the head where it was
      await looked(2);
      head = 5;
      notifier.notify();
      await looked(3);
      expect(reads).toEqual([0]); // once, from where it stood, after the head had moved
    } finally {
      await subscription.stop();
    }
  });
});
