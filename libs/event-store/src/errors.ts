import type { ExpectedRevision } from './event-store.port';

/** The one error every adapter turns its native concurrency error into. */
export class ExpectedRevisionConflictError extends Error {
  override readonly name = 'ExpectedRevisionConflictError';

  /** `actual`: the stream's last revision, −1 when it has no events (never had, or erased). */
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number,
  ) {
    // The message is logged; a stream's name holds a customer id (journey-<id>), so it names the kind only.
    super(`a ${stream.split('-')[0]} stream: expected revision ${String(expected)}, actual ${actual === -1 ? 'no stream' : actual}`);
  }
}

export const isConflict = (error: unknown): error is ExpectedRevisionConflictError => error instanceof ExpectedRevisionConflictError;

/** EventStoreDB 24 and older cannot write to several streams in one transaction. */
export class MultiStreamAppendUnsupportedError extends Error {
  override readonly name = 'MultiStreamAppendUnsupportedError';

  constructor(
    readonly adapter: string,
    readonly streams: readonly string[],
  ) {
    super(
      `${adapter} cannot append to ${streams.length} streams atomically (${streams.join(', ')}); ` +
        'append to one stream and drive the others from the recorded event, or use the PostgreSQL or SQLite store',
    );
  }
}

/** A batch that names one stream twice is ambiguous (which expected revision holds?). */
export const assertDistinctStreams = (streams: readonly string[]): void => {
  const seen = new Set<string>();
  for (const stream of streams) {
    if (seen.has(stream)) throw new Error(`appendToStreams: stream ${stream} appears more than once in one batch`);
    seen.add(stream);
  }
};
