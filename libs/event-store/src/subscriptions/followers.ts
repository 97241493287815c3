/**
 * How far behind the head the slowest live follower may be before writers wait: well inside the shared
 * tail of recent events (RecentEvents keeps what the slowest has not handled, up to 20,000), with a batch or two in flight.
 * With two HTTP batches of 1,000 in flight, followers are up to 2,000 behind in the normal course of things;
 * at 2,000, ingest waited on them about once a batch (`npm run bench -- --only ingest`).
 */
export const FOLLOWERS_BACKLOG = 5_000;
/** The longest a writer waits for the followers. */
export const FOLLOWERS_MAX_WAIT_MS = 2_000;

/** One subscription as the store's followers see it: where it stands, once it has caught up the first time. */
export interface Follower {
  /** The subscription has handled every event up to `position`; from the first call on it counts as live. */
  at(position: number): void;
  /** The subscription stopped (or failed): it holds nothing back any more. */
  leave(): void;
}

interface Waiter {
  readonly until: number;
  readonly resolve: () => void;
}

/**
 * The subscriptions of this process that follow the store live, and how far behind its head the
 * slowest of them is. A writer that appends faster than they handle would leave them ever further
 * behind, past the store's shared tail of recent events, so that each reads and parses from the store
 * again and falls further behind: `within` lets the writer wait until they are close again
 * (backpressure). A subscription catching up from history (a new read model, a first start) counts
 * only from its first catch-up, so building one never holds the writers.
 */
export class Followers {
  private readonly positions = new Map<symbol, number>();
  private waiters: Waiter[] = [];

  join(): Follower {
    const key = Symbol('follower');
    return {
      at: (position) => {
        this.positions.set(key, position);
        if (this.waiters.length > 0) this.wake();
      },
      leave: () => {
        this.positions.delete(key);
        this.wake();
      },
    };
  }

  /** The position of the slowest live follower (undefined with none). */
  slowest(): number | undefined {
    let slowest: number | undefined;
    for (const position of this.positions.values()) if (slowest === undefined || position < slowest) slowest = position;
    return slowest;
  }

  /**
   * Resolves once every live follower has handled the events up to `head − events`, or after
   * `maxWaitMs` (a follower stuck in its handler must not stop the writers for good).
   */
  within(head: number, events: number, maxWaitMs: number): Promise<void> {
    const until = head - events;
    if ((this.slowest() ?? until) >= until) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), maxWaitMs);
      timer.unref();
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        resolve();
      };
      const entry: Waiter = { until, resolve: done };
      this.waiters.push(entry);
    });
  }

  private wake(): void {
    const slowest = this.slowest();
    for (const waiter of [...this.waiters]) if (slowest === undefined || slowest >= waiter.until) waiter.resolve();
  }
}
