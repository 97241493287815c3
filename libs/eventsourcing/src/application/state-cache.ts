interface Kept<State> {
  readonly revision: number;
  readonly state: State;
}

/**
 * Folded stream states by stream name, with the revision they reflect: a handler reads only the
 * events after it instead of the whole stream. Least recently used entries go first. Only for
 * streams that are never deleted (a deleted stream's revisions may start again).
 */
export class StateCache<State> {
  private readonly entries = new Map<string, Kept<State>>();
  /** Earlier states per stream, newest first (at most `earlierStates`): what `at` can still answer. */
  private readonly earlier = new Map<string, readonly Kept<State>[]>();

  /**
   * `earlierStates`: how many states before the latest to keep per stream, for readers a little behind the writer
   * (`at`); none by default.
   */
  constructor(
    private readonly capacity = 10_000,
    private readonly earlierStates = 0,
  ) {}

  get(stream: string): Kept<State> | undefined {
    const entry = this.entries.get(stream);
    if (entry) {
      this.entries.delete(stream);
      this.entries.set(stream, entry);
    }
    return entry;
  }

  /** The state as it stood at exactly `revision`, when that is what is kept; unlike `get`, it does not count as a use. */
  at(stream: string, revision: number): State | undefined {
    const entry = this.entries.get(stream);
    if (entry?.revision === revision) return entry.state;
    return this.earlier.get(stream)?.find((kept) => kept.revision === revision)?.state;
  }

  /** Drops a stream's state (it was erased): a later event must not be folded onto what was erased. */
  delete(stream: string): void {
    this.entries.delete(stream);
    this.earlier.delete(stream);
  }

  set(stream: string, revision: number, state: State): void {
    const previous = this.entries.get(stream);
    if (this.earlierStates > 0) this.keepEarlier(stream, previous, revision);
    this.entries.delete(stream);
    this.entries.set(stream, { revision, state });
    if (this.entries.size > this.capacity) this.delete(this.entries.keys().next().value as string);
  }

  private keepEarlier(stream: string, previous: Kept<State> | undefined, revision: number): void {
    const kept = this.earlier.get(stream) ?? [];
    const next = previous && previous.revision < revision ? [previous, ...kept] : kept.filter((earlier) => earlier.revision < revision);
    this.earlier.set(stream, next.slice(0, this.earlierStates));
  }
}
