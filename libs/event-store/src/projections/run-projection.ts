import type { EventStore } from '../event-store.port';
import { START } from '../event-store.port';
import type { Projection, ProjectionSnapshot, ProjectionStore } from './projection';

export interface RunningProjection<State> {
  /** The state as of the last applied event (ahead of what is saved, by at most `saveEvery`). */
  current(): ProjectionSnapshot<State>;
  /** Rewrites the state where it stands (an erasure) and saves it at once. */
  amend(update: (state: State) => State): Promise<void>;
  /** Stops following the store and saves what it has. */
  stop(): Promise<void>;
}

export interface RunProjectionOptions {
  /**
   * Save after this many applied events (default 5,000), and when caught up at most once per `saveIntervalMs`
   * (default 1 s). A save writes the whole state: following a busy store, once a second is plenty, and a
   * restart after a crash applies again at most what came after it.
   */
  readonly saveEvery?: number;
  readonly saveIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
  readonly onCaughtUp?: (position: number) => void;
}

/**
 * Runs a projection on a catch-up subscription from its saved snapshot. State and position are
 * saved together, so after a crash it resumes exactly where the saved state ends.
 */
export const runProjection = async <State>(
  store: EventStore,
  projections: ProjectionStore,
  projection: Projection<State>,
  options: RunProjectionOptions = {},
): Promise<RunningProjection<State>> => {
  const saveEvery = Math.max(1, options.saveEvery ?? 5_000);
  const saved = (await projections.load<State>(projection.name)) ?? { state: projection.initialState(), position: START };
  // State and position apart, and a snapshot made when asked for: not one object per event.
  let { state, position } = saved;
  let savedPosition = position;
  let unsaved = 0;
  let savedAt = 0;
  const current = (): ProjectionSnapshot<State> => ({ state, position });
  const save = async () => {
    if (position === savedPosition) return;
    const snapshot = current();
    await projections.save(projection.name, snapshot);
    savedPosition = snapshot.position;
    savedAt = Date.now();
    unsaved = 0;
  };
  const subscription = store.subscribe({
    after: position,
    streamPrefixes: projection.streamPrefixes,
    onEvent: (event) => {
      state = projection.evolve(state, event);
      position = event.position;
      unsaved += 1;
      return unsaved >= saveEvery ? save() : undefined;
    },
    onCaughtUp: (caughtUp) => {
      // Nothing matching lies between the last event and `caughtUp`: the state holds up to there.
      position = Math.max(position, caughtUp);
      if (position !== savedPosition && Date.now() - savedAt >= (options.saveIntervalMs ?? 1_000)) {
        // From its start: caught up again while this save is written (each append), it starts no other.
        savedAt = Date.now();
        void save().catch((error: unknown) => options.onError?.(error));
      }
      options.onCaughtUp?.(caughtUp);
    },
    ...(options.onError && { onError: options.onError }),
  });
  return {
    current,
    amend: async (update) => {
      state = update(state);
      const snapshot = current();
      await projections.save(projection.name, snapshot);
      savedPosition = snapshot.position;
      savedAt = Date.now();
      unsaved = 0;
    },
    stop: async () => {
      await subscription.stop();
      await save();
    },
  };
};

/** Rebuilds a projection from position zero, page by page, and saves it; reports progress. */
export const rebuildProjection = async <State>(
  store: EventStore,
  projections: ProjectionStore,
  projection: Projection<State>,
  onProgress: (position: number, head: number) => void = () => undefined,
): Promise<ProjectionSnapshot<State>> => {
  const head = await store.headPosition();
  let snapshot: ProjectionSnapshot<State> = { state: projection.initialState(), position: START };
  for (;;) {
    const page = await store.readAll({ after: snapshot.position, maxCount: 1_000, streamPrefixes: projection.streamPrefixes });
    const inRange = page.filter((event) => event.position <= head);
    for (const event of inRange) snapshot = { state: projection.evolve(snapshot.state, event), position: event.position };
    onProgress(snapshot.position, head);
    if (inRange.length < page.length || page.length < 1_000) break;
  }
  snapshot = { ...snapshot, position: Math.max(snapshot.position, head) };
  await projections.save(projection.name, snapshot);
  onProgress(head, head);
  return snapshot;
};
