import { InMemoryEventStore } from '../adapters/in-memory/in-memory-event-store';
import { Followers, FOLLOWERS_BACKLOG } from './followers';

const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
  return done;
};

describe('Followers: backpressure from the slowest live subscription', () => {
  it('lets a writer on at once with no follower, or with every follower close to the head', async () => {
    const followers = new Followers();
    expect(await settled(followers.within(10_000, 2_000, 60_000))).toBe(true);
    followers.join().at(8_000);
    expect(await settled(followers.within(10_000, 2_000, 60_000))).toBe(true);
  });

  it('holds a writer while the slowest is further behind, until it comes close or leaves', async () => {
    const followers = new Followers();
    const [fast, slow] = [followers.join(), followers.join()];
    fast.at(10_000);
    slow.at(5_000);
    const waiting = followers.within(10_000, 2_000, 60_000);
    expect(await settled(waiting)).toBe(false);
    slow.at(7_999);
    expect(await settled(waiting)).toBe(false);
    slow.at(8_000);
    expect(await settled(waiting)).toBe(true);

    slow.at(1_000);
    const again = followers.within(10_000, 2_000, 60_000);
    expect(await settled(again)).toBe(false);
    slow.leave();
    expect(await settled(again)).toBe(true);
  });

  it('gives up waiting after the longest wait, so a follower stuck in its handler never stops the writers', async () => {
    jest.useFakeTimers();
    try {
      const followers = new Followers();
      followers.join().at(0);
      const waiting = followers.within(10_000, 2_000, 2_000);
      expect(await settled(waiting)).toBe(false);
      jest.advanceTimersByTime(2_000);
      expect(await settled(waiting)).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('counts a subscription from its first catch-up, so one reading history does not hold the store', async () => {
    const store = new InMemoryEventStore();
    const metadata = { causationId: 'c', correlationId: 'c', actor: 'test' };
    await store.appendToStream(
      'journey-1',
      Array.from({ length: FOLLOWERS_BACKLOG + 1_000 }, () => ({ type: 'ContactStarted', data: {}, metadata })),
    );
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let handled = 0;
    const subscription = store.subscribe({
      streamPrefixes: ['journey-'],
      onEvent: async () => {
        handled += 1;
        if (handled === 1) await held;
      },
    });
    expect(await settled(store.untilFollowersClose())).toBe(true); // still reading history: not a live follower
    release();
    await subscription.stop();
  });

  it('holds writers while a live subscription is far behind, and lets them on once it has caught up', async () => {
    const store = new InMemoryEventStore();
    const metadata = { causationId: 'c', correlationId: 'c', actor: 'test' };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let caughtUp!: () => void;
    const live = new Promise<void>((resolve) => (caughtUp = resolve));
    const subscription = store.subscribe({
      streamPrefixes: ['journey-'],
      onEvent: () => held,
      onCaughtUp: () => caughtUp(),
    });
    await live;
    await store.appendToStream(
      'journey-1',
      Array.from({ length: FOLLOWERS_BACKLOG + 1_000 }, () => ({ type: 'ContactStarted', data: {}, metadata })),
    );
    const waiting = store.untilFollowersClose();
    expect(await settled(waiting)).toBe(false);
    release();
    await waiting;
    await subscription.stop();
  });
});
