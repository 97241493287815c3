interface Entry<State> {
  readonly revision: number;
  readonly state: State;
  /** Earlier states of the stream, newest first (at most `kept`): what `at` can still answer. */
  readonly earlier: readonly { readonly revision: number; readonly state: State }[];
}

/**
 * Folded stream states by stream name, with the revision they reflect: a handler reads only the
 * events after it instead of the whole stream. Least recently used entries go first. Only for
 * streams that are never deleted (a deleted stream's revisions may start again).
 */
export class StateCache<State> {
  private readonly entries = new Map<string, Entry<State>>();

  /**
   * `earlierStates`: how many states before the latest to keep per stream, for readers a little behind the writer
   * (`at`); none by default.
   */
  constructor(
    private readonly capacity = 10_000,
    private readonly earlierStates = 0,
  ) {}

  get(stream: string): { readonly revision: number; readonly state: State } | undefined {
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
    if (!entry) return undefined;
    if (entry.revision === revision) return entry.state;
    return entry.earlier.find((earlier) => earlier.revision === revision)?.state;
  }

  /** Drops a stream's state (it was erased): a later event must not be folded onto what was erased. */
  delete(stream: string): void {
    this.entries.delete(stream);
  }

  set(stream: string, revision: number, state: State): void {
    const previous = this.entries.get(stream);
    const earlier =
      this.earlierStates > 0 && previous && previous.revision < revision
        ? [{ revision: previous.revision, state: previous.state }, ...previous.earlier].slice(0, this.earlierStates)
        : (previous?.earlier.filter((kept) => kept.revision < revision) ?? []);
    this.entries.delete(stream);
    this.entries.set(stream, { revision, state, earlier });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
