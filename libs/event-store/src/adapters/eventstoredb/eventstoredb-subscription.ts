import { excludeSystemEvents, streamNameFilter, type EventStoreDBClient } from '@eventstore/db-client';
import { START, type SubscribeOptions, type Subscription } from '../../event-store.port';
import { fromPosition, toRecorded } from './eventstoredb-records';

/** EventStoreDB's own catch-up subscription to $all, filtered on the server by stream prefix. */
export const subscribeToAll = (
  client: EventStoreDBClient,
  options: SubscribeOptions,
  headPosition: () => Promise<number>,
): Subscription => {
  const after = options.after ?? START;
  const prefixes = options.streamPrefixes ?? [];
  const subscription = client.subscribeToAll({
    fromPosition: fromPosition(after),
    filter: prefixes.length > 0 ? streamNameFilter({ prefixes: [...prefixes] }) : excludeSystemEvents(),
  });
  let seen = after;
  subscription.on('caughtUp', () => {
    void headPosition().then(
      (head) => options.onCaughtUp?.(Math.max(seen, head)),
      () => options.onCaughtUp?.(seen),
    );
  });
  const done = (async () => {
    try {
      for await (const resolved of subscription) {
        const recorded = toRecorded(resolved);
        if (!recorded || recorded.position <= after) continue;
        await options.onEvent(recorded);
        seen = recorded.position;
      }
    } catch (error) {
      await subscription.unsubscribe().catch(() => undefined);
      if (options.onError) options.onError(error);
      else throw error;
    }
  })();
  return {
    done,
    stop: async () => {
      await subscription.unsubscribe();
      await done.catch(() => undefined);
    },
  };
};
