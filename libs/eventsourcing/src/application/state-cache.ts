import { LRUCache } from 'lru-cache';

/** A stream's state at a revision, with the states kept before it (newest first, at most `earlierStates`). */
interface Entry<State> {
  readonly revision: number;
  readonly state: State;
  /** The state kept before this one: a short chain, cut at `earlierStates`. */
  before: Entry<State> | undefined;
}

/**
 * Folded stream states by stream name, with the revision they reflect: a handler reads only the
 * events after it instead of the whole stream. The stream used least recently goes first (lru-cache: a use moves
 * an index in its typed-array list, an eviction is one Map delete). A CLOCK over a plain Map (a use was a mark, an
 * eviction an iteration from the Map's start) cost 7.3 µs an event where nearly every event evicts (200,000
 * customers taking turns through 10,000 kept): the iteration walked the holes earlier evictions left at the Map's
 * start, until its next rehash. Here 0.4 µs. A state kept of a stream erased since is no prefix of it: the stream's
 * revisions go on after an erasure (every store), and a read on from a kept state starts at its own revision (readOn),
 * which such a stream no longer holds.
 */
export class StateCache<State> {
  private readonly entries: LRUCache<string, Entry<State>>;

  /**
   * `earlierStates`: how many states before the latest to keep per stream, for readers a little behind the writer
   * (`at`); none by default.
   */
  constructor(
    capacity = 10_000,
    private readonly earlierStates = 0,
    /** Told of each stream's latest state as it is let go for room (not when replaced or deleted): StateSnapshots. */
    letGo?: (stream: string, revision: number, state: State) => void,
  ) {
    this.entries = new LRUCache({
      max: capacity,
      ...(letGo && {
        dispose: (entry: Entry<State>, stream: string, reason: LRUCache.DisposeReason) => {
          if (reason === 'evict') letGo(stream, entry.revision, entry.state);
        },
      }),
    });
  }

  get(stream: string): { readonly revision: number; readonly state: State } | undefined {
    return this.entries.get(stream);
  }

  /** The state as it stood at exactly `revision`, when that is what is kept; unlike `get`, it does not count as a use. */
  at(stream: string, revision: number): State | undefined {
    for (let entry = this.entries.peek(stream); entry; entry = entry.before) if (entry.revision === revision) return entry.state;
    return undefined;
  }

  /** Drops a stream's state (it was erased): a later event must not be folded onto what was erased. */
  delete(stream: string): void {
    this.entries.delete(stream);
  }

  /** Every stream's latest state, the most recently used first. */
  *latest(): Generator<{ readonly stream: string; readonly revision: number; readonly state: State }> {
    for (const [stream, { revision, state }] of this.entries.entries()) yield { stream, revision, state };
  }

  /** Keeps the stream's state at `revision`, as its latest; a set is a use. */
  set(stream: string, revision: number, state: State): void {
    // Keeping no earlier states, the entry before is not looked up: a peek per event, for nothing.
    const before = this.earlierStates === 0 ? undefined : this.earlierThan(this.entries.peek(stream), revision);
    this.entries.set(stream, { revision, state, before });
  }

  /** The kept states below `revision`, newest first, cut to `earlierStates`. */
  private earlierThan(previous: Entry<State> | undefined, revision: number): Entry<State> | undefined {
    let first = previous;
    while (first && first.revision >= revision) first = first.before;
    let last = first;
    for (let kept = 1; last && kept < this.earlierStates; kept += 1) last = last.before;
    if (last) last.before = undefined;
    return first;
  }
}
