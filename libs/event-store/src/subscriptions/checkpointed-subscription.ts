import type { CheckpointStore } from '../checkpoint-store.port';
import type { EventStore, SubscribeOptions, Subscription } from '../event-store.port';
import { START } from '../event-store.port';

export interface CheckpointedSubscriptionOptions extends Omit<SubscribeOptions, 'after'> {
  readonly name: string;
  /**
   * Save after every n-th handled event (default 1). Saves are made beside the handling, so a restart repeats what
   * was handled after the last save that came back, whatever n: handling must be idempotent (every subscriber's is).
   */
  readonly checkpointEvery?: number;
  /**
   * For a handler that hands work on without awaiting it (a publisher sending in batches): resolves once
   * what was handed on so far is done, and rejects if it failed. Each save waits for it, so a checkpoint
   * never passes work that is not done.
   */
  readonly beforeSave?: () => Promise<void>;
}

/**
 * Resumes from the subscriber's last checkpoint and saves new ones as it goes, and whenever it has caught up (so
 * that a restart does not rescan events outside its prefixes either). Saves are made beside the handling, one at a
 * time, the last position asked for going next: a save is a turn of the store's writer (SQLite: behind the appends
 * in flight, 10–40 ms under ingest), and a subscriber that waited for it every `checkpointEvery` events fell
 * thousands of events behind and held ingest up (backpressure) while the event loop had nothing to do. A failed
 * save stops the subscription and is reported (`onError`), as an awaited one was; events handled meanwhile come
 * again after a restart, as any past the last checkpoint do.
 */
export const subscribeWithCheckpoint = async (
  store: EventStore,
  checkpoints: CheckpointStore,
  options: CheckpointedSubscriptionOptions,
): Promise<Subscription> => {
  const every = Math.max(1, options.checkpointEvery ?? 1);
  let saved = (await checkpoints.load(options.name)) ?? START;
  /** The highest position asked to be saved. */
  let wanted = saved;
  let saving: Promise<void> | undefined;
  let failure: { readonly error: unknown } | undefined;
  let handled = 0;
  /** Saves until the position wanted is saved, and says it no longer saves in the step it finds that so (as DecisionSends). */
  const saveWanted = async (): Promise<void> => {
    try {
      while (wanted > saved) {
        const position = wanted;
        // Work handed on must be done before a checkpoint passes it.
        await options.beforeSave?.();
        await checkpoints.save(options.name, position);
        saved = position;
      }
    } catch (error) {
      failure = { error };
      void subscription.stop();
      options.onError?.(error);
    } finally {
      saving = undefined;
    }
  };
  const save = (position: number): void => {
    wanted = Math.max(wanted, position);
    // Started only with something to save: its loop then awaits before `saving` is cleared.
    if (!saving && !failure && wanted > saved) saving = saveWanted();
  };
  const counted = (position: number): void => {
    handled += 1;
    if (handled % every === 0) save(position);
  };
  const subscription: Subscription = store.subscribe({
    ...options,
    after: saved,
    // A handler that finished its work at once gets no promise of ours either (the subscription awaits only one).
    onEvent: (event) => {
      const handling = options.onEvent(event);
      if (!handling) return counted(event.position);
      return handling.then(() => counted(event.position));
    },
    onCaughtUp: (position) => {
      // The subscription calls this between events, so every event up to `position` is handled.
      save(position);
      options.onCaughtUp?.(position);
    },
  });
  /** What a save in flight will have done: a subscription stopped has no write of its own left under way. */
  const settled = async (): Promise<void> => {
    while (saving) await saving;
  };
  /** Ends as the subscription does; without `onError`, a failed save fails it, as a failed handler does. */
  const ended = async (): Promise<void> => {
    await settled();
    if (failure && !options.onError) throw failure.error;
  };
  return {
    done: subscription.done.then(ended),
    stop: async () => {
      await subscription.stop();
      await settled();
    },
  };
};
