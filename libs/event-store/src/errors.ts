import type { ExpectedRevision } from './event-store.port';

/** The one error every adapter turns its native concurrency error into. */
export class ExpectedRevisionConflictError extends Error {
  override readonly name = 'ExpectedRevisionConflictError';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number,
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${actual === -1 ? 'no stream' : actual}`);
  }
}

export const isConflict = (error: unknown): error is ExpectedRevisionConflictError => error instanceof ExpectedRevisionConflictError;
