import type { CheckpointStore } from '../checkpoint-store.port';
import type { EventStore, SubscribeOptions, Subscription } from '../event-store.port';
import { START } from '../event-store.port';

export interface CheckpointedSubscriptionOptions extends Omit<SubscribeOptions, 'after'> {
  readonly name: string;
  /**
   * Save after every n-th handled event (default 1: a restart repeats at most the event in
   * flight). Subscribers whose handling is idempotent may save less often for throughput.
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
 * Resumes from the subscriber's last checkpoint and saves new ones as it goes, and whenever it
 * has caught up (so that a restart does not rescan events outside its prefixes either).
 */
export const subscribeWithCheckpoint = async (
  store: EventStore,
  checkpoints: CheckpointStore,
  options: CheckpointedSubscriptionOptions,
): Promise<Subscription> => {
  const every = Math.max(1, options.checkpointEvery ?? 1);
  let saved = (await checkpoints.load(options.name)) ?? START;
  let handled = 0;
  const save = async (position: number) => {
    if (position <= saved) return;
    if (options.beforeSave) {
      await options.beforeSave();
      if (position <= saved) return; // a later save went first meanwhile
    }
    await checkpoints.save(options.name, position);
    saved = position;
  };
  const counted = (position: number): Promise<void> | undefined => {
    handled += 1;
    return handled % every === 0 ? save(position) : undefined;
  };
  return store.subscribe({
    ...options,
    after: saved,
    // A handler that finished its work at once gets no promise of ours either (the subscription awaits only one).
    onEvent: (event) => {
      const handling = options.onEvent(event);
      return handling ? handling.then(() => counted(event.position)) : counted(event.position);
    },
    onCaughtUp: (position) => {
      // The subscription calls this between events, so every event up to `position` is handled.
      void save(position).catch((error: unknown) => options.onError?.(error));
      options.onCaughtUp?.(position);
    },
  });
};
