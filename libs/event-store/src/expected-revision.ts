import { ANY, NO_STREAM, STREAM_EXISTS, type ExpectedRevision } from './event-store.port';

/** Whether a stream whose last revision is `actual` (−1 when empty) satisfies `expected`. */
export const satisfies = (expected: ExpectedRevision, actual: number): boolean => {
  if (expected === ANY) return true;
  if (expected === NO_STREAM) return actual === -1;
  if (expected === STREAM_EXISTS) return actual >= 0;
  return expected === actual;
};

export const matchesPrefix = (stream: string, prefixes: readonly string[] | undefined): boolean =>
  !prefixes || prefixes.length === 0 || prefixes.some((prefix) => stream.startsWith(prefix));
