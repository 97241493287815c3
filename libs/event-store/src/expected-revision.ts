import { ANY, NO_STREAM, STREAM_EXISTS, type ExpectedRevision } from './event-store.port';

/** What an expected revision is checked against. */
export interface StreamHead {
  /** Revision of the last event the stream ever had (−1 if none), erased ones included. */
  readonly lastRevision: number;
  /** Whether the stream has events a reader can see (false when never written or erased). */
  readonly exists: boolean;
}

export const NEW_STREAM: StreamHead = { lastRevision: -1, exists: false };

/** Whether a stream at `head` satisfies `expected` (the port's rules, erasure included). */
export const satisfies = (expected: ExpectedRevision, head: StreamHead): boolean => {
  if (expected === ANY) return true;
  if (expected === NO_STREAM) return !head.exists;
  if (expected === STREAM_EXISTS) return head.exists;
  // An erased stream has no revision to expect: what was decided on it before the erasure must not be appended.
  return head.exists && expected === head.lastRevision;
};

/** The last revision as a reader sees it: −1 when the stream has no events. */
export const visibleRevision = (head: StreamHead): number => (head.exists ? head.lastRevision : -1);

export const matchesPrefix = (stream: string, prefixes: readonly string[] | undefined): boolean =>
  !prefixes || prefixes.length === 0 || prefixes.some((prefix) => stream.startsWith(prefix));
