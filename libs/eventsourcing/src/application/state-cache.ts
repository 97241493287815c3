/**
 * Folded stream states by stream name, with the revision they reflect: a handler reads only the
 * events after it instead of the whole stream. Least recently used entries go first. Only for
 * streams that are never deleted (a deleted stream's revisions may start again).
 */
export class StateCache<State> {
  private readonly entries = new Map<string, { readonly revision: number; readonly state: State }>();

  constructor(private readonly capacity = 10_000) {}

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
    return entry?.revision === revision ? entry.state : undefined;
  }

  /** Drops a stream's state (it was erased): a later event must not be folded onto what was erased. */
  delete(stream: string): void {
    this.entries.delete(stream);
  }

  set(stream: string, revision: number, state: State): void {
    this.entries.delete(stream);
    this.entries.set(stream, { revision, state });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
