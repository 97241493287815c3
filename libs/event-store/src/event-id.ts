import { v7 } from 'uuid';

/**
 * A new event's id: a UUID version 7 (RFC 9562), which begins with the time in milliseconds, so that
 * ids written one after another sort one after another. The unique index on event ids then grows at
 * its end, as the position does; with random (version 4) ids every insert lands on a random page of
 * an index that outgrows the cache, and the store's write rate fell to about a quarter of its first
 * 100,000 events by 500,000 (`npm run bench -- --soak`).
 */
export const timeOrderedId = (): string => v7();
