import type { CheckpointStore } from '../checkpoint-store.port';
import type { EventStore, SubscribeOptions, Subscription } from '../event-store.port';
import { START } from '../event-store.port';

export interface CheckpointedSubscriptionOptions extends Omit<SubscribeOptions, 'after'> {
  readonly name: string;
}

/**
 * Resumes from the subscriber's last checkpoint and saves a new one after each handled event,
 * so a restart neither skips nor (beyond the one event in flight) repeats anything.
 */
export const subscribeWithCheckpoint = async (
  store: EventStore,
  checkpoints: CheckpointStore,
  options: CheckpointedSubscriptionOptions,
): Promise<Subscription> => {
  const after = (await checkpoints.load(options.name)) ?? START;
  return store.subscribe({
    ...options,
    after,
    onEvent: async (event) => {
      await options.onEvent(event);
      await checkpoints.save(options.name, event.position);
    },
  });
};
