import type { RecordedEvent } from '../event-store.port';

/**
 * A read model built from recorded events. `evolve` is pure; the runner stores the state and the
 * position it reflects together, so a restart neither repeats nor misses an event.
 */
export interface Projection<State> {
  readonly name: string;
  readonly streamPrefixes: readonly string[];
  initialState(): State;
  evolve(state: State, event: RecordedEvent): State;
  /** Drops what the state keeps about one customer (erasure); left out by projections that keep nothing per customer. */
  forgetCustomer?(state: State, customerId: string): State;
}

export interface ProjectionSnapshot<State> {
  readonly state: State;
  /** Every event up to and including this position is in `state`. */
  readonly position: number;
}

/** Keeps a projection's state and position together, written in one step. */
export interface ProjectionStore {
  load<State>(name: string): Promise<ProjectionSnapshot<State> | undefined>;
  save<State>(name: string, snapshot: ProjectionSnapshot<State>): Promise<void>;
  /** Forgets the projection, so it rebuilds from the start. */
  reset(name: string): Promise<void>;
}

export const PROJECTION_STORE = Symbol('PROJECTION_STORE');
