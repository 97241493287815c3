import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { START } from '../event-store.port';
import type { AppendNotifier } from './append-notifier';
import type { Followers } from './followers';

const PAGE_SIZE = 500;
/**
 * A handler's awaits are microtasks: without a macrotask turn, every subscription woken by one
 * large append would handle its whole page before the process answers anything else (/health
 * included). Each yields after this much work.
 */
const SLICE_MS = 5;
/** The clock is read every this many events: handlers take microseconds, and reading it per event cost 1 % of ingest. */
const CLOCK_EVERY = 16;

export interface CatchUpSource {
  /** A page after `options.after`, with every event up to `head` (the head read before it); events past it may be left out. */
  readAll(options: ReadAllOptions, head: number): Promise<RecordedEvent[]>;
  /** The store's head, read before each page so that catching up can report how far it has seen. */
  headPosition(): Promise<number>;
  readonly notifier: AppendNotifier;
  /** How long to wait for a local notification before reading again (other processes may append). */
  readonly pollIntervalMs: number;
  /** The store's live subscriptions: this one joins once it has caught up the first time. */
  readonly followers?: Followers;
}

/** A catch-up subscription built on paged `readAll`, shared by the adapters that have no native one. */
export const catchUpSubscription = (source: CatchUpSource, options: SubscribeOptions): Subscription => {
  const abort = new AbortController();
  /** abort.signal.aborted, as a plain flag: it is read before every event. */
  let stopped = false;
  let position = options.after ?? START;
  let follower: ReturnType<Followers['join']> | undefined;

  const run = async (): Promise<void> => {
    while (!stopped) {
      const versionBeforeRead = source.notifier.version;
      const head = await source.headPosition();
      // Nothing up to the head is new: no read. What was appended since the head was read wakes the loop again
      // (its notification comes after `versionBeforeRead`), or the next poll finds it.
      const page =
        position >= head
          ? []
          : await source.readAll({ after: position, maxCount: PAGE_SIZE, streamPrefixes: options.streamPrefixes }, head);
      let sliceStarted = performance.now();
      let handled = 0;
      // Indexed: an iterator's result objects outlive the awaits in this loop, so each was allocated (2 % of ingest's garbage).
      for (let index = 0; index < page.length; index += 1) {
        const event = page[index]!;
        if (stopped) return;
        // A handler that finished its work at once returns nothing: no promise to wait for.
        const handling = options.onEvent(event);
        if (handling) await handling;
        position = event.position;
        handled += 1;
        if (handled % CLOCK_EVERY === 0 && performance.now() - sliceStarted > SLICE_MS) {
          follower?.at(position);
          await nextTurn();
          sliceStarted = performance.now();
        }
      }
      follower?.at(position);
      if (page.length < PAGE_SIZE) {
        // Everything up to the head read before this page has been seen, matching the prefixes or
        // not: the next read starts there, so rare prefixes never rescan what others appended.
        position = Math.max(position, head);
        follower ??= source.followers?.join();
        follower?.at(position);
        options.onCaughtUp?.(position);
        await source.notifier.waitForAppend(versionBeforeRead, source.pollIntervalMs, abort.signal);
      }
    }
  };

  const done = run()
    .catch((error: unknown) => {
      if (options.onError) options.onError(error);
      else throw error;
    })
    .finally(() => follower?.leave());

  return {
    done,
    stop: async () => {
      stopped = true;
      abort.abort();
      await done.catch(() => undefined);
    },
  };
};
