import { ExpectedRevisionConflictError, assertDistinctStreams } from './errors';
import { ANY, type AppendResult, type NewEvent, type StreamAppend } from './event-store.port';
import { satisfies, visibleRevision, type StreamHead } from './expected-revision';

export interface PlannedAppend<Event = NewEvent> {
  readonly stream: string;
  readonly head: StreamHead;
  /** Events to write, in order; their revisions follow `head.lastRevision`. */
  readonly fresh: readonly Event[];
  readonly duplicates: readonly string[];
}

/** A stream's share of a batch, its events in whatever form the adapter writes them. */
export interface PlannableAppend<Event> {
  readonly stream: string;
  readonly expectedRevision?: StreamAppend['expectedRevision'];
  readonly events: readonly Event[];
}

const keyOfNewEvent = (event: NewEvent): string | undefined => event.metadata.idempotencyKey;

/**
 * The adapter-independent half of an append: drops events whose key is recorded (or repeated
 * earlier in the batch), then checks the expected revision of every stream that still gets
 * events. Throws the conflict of the first stream that fails, so nothing is written.
 */
export function planAppends(
  appends: readonly StreamAppend[],
  heads: ReadonlyMap<string, StreamHead> | ((stream: string) => StreamHead),
  isRecorded: (key: string) => boolean,
): PlannedAppend[];
/** The same, for events in another form (`keyOf` gives each one's idempotency key). */
export function planAppends<Event>(
  appends: readonly PlannableAppend<Event>[],
  heads: ReadonlyMap<string, StreamHead> | ((stream: string) => StreamHead),
  isRecorded: (key: string) => boolean,
  keyOf: (event: Event) => string | undefined,
): PlannedAppend<Event>[];
export function planAppends<Event>(
  appends: readonly PlannableAppend<Event>[],
  heads: ReadonlyMap<string, StreamHead> | ((stream: string) => StreamHead),
  isRecorded: (key: string) => boolean,
  keyOf: (event: Event) => string | undefined = keyOfNewEvent as unknown as (event: Event) => string | undefined,
): PlannedAppend<Event>[] {
  assertDistinctStreams(appends.map((append) => append.stream));
  const headOf = typeof heads === 'function' ? heads : (stream: string) => heads.get(stream)!;
  const keysInBatch = new Set<string>();
  const plans = appends.map(({ stream, events }): PlannedAppend<Event> => {
    const duplicates: string[] = [];
    const fresh = events.filter((event) => {
      const key = keyOf(event);
      if (key === undefined) return true;
      if (keysInBatch.has(key) || isRecorded(key)) {
        duplicates.push(key);
        return false;
      }
      keysInBatch.add(key);
      return true;
    });
    return { stream, head: headOf(stream), fresh, duplicates };
  });
  appends.forEach(({ expectedRevision = ANY }, index) => {
    const { stream, head, fresh } = plans[index]!;
    if (fresh.length > 0 && !satisfies(expectedRevision, head)) {
      throw new ExpectedRevisionConflictError(stream, expectedRevision, visibleRevision(head));
    }
  });
  return plans;
}

/** Every idempotency key in a batch, for adapters that look them up in one query. */
export const keysOf = (appends: readonly StreamAppend[]): string[] =>
  appends.flatMap(({ events }) => events.flatMap(({ metadata: { idempotencyKey: key } }) => (key === undefined ? [] : [key])));

/**
 * Whether each pipelined append (by ticket) wrote every event it was given: a batch sent after one that did not
 * was decided on events that are not there, and is refused as a conflict on its first stream. Kept where the
 * appends are applied, in their order; the last thousand tickets are remembered, an older one counts as not written.
 */
export class AppendOutcomes {
  private readonly wroteInFull = new Map<number, boolean>();

  assertAfter(after: number | undefined, appends: readonly PlannableAppend<unknown>[], headOf: (stream: string) => StreamHead): void {
    if (after === undefined || this.wroteInFull.get(after) === true) return;
    const { stream, expectedRevision = ANY } = appends[0]!;
    throw new ExpectedRevisionConflictError(stream, expectedRevision, visibleRevision(headOf(stream)));
  }

  settle(ticket: number | undefined, wroteInFull: boolean): void {
    if (ticket === undefined) return;
    this.wroteInFull.set(ticket, wroteInFull);
    if (this.wroteInFull.size > 1_000) this.wroteInFull.delete(this.wroteInFull.keys().next().value!);
  }
}

/** Every event of the batch was written: none was a duplicate. */
export const wroteEveryEvent = (appends: readonly PlannableAppend<unknown>[], results: readonly AppendResult[]): boolean =>
  appends.every(({ events }, index) => results[index]!.appended === events.length);
