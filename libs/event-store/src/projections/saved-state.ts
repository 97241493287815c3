import { START } from '../event-store.port';
import type { ProjectionSnapshot, ProjectionStore } from './projection';

export interface SavedStateOptions<State> {
  /** The name it is saved under in the projection store. */
  readonly name: string;
  /** The state and the position it reflects, taken in one synchronous step. */
  readonly snapshot: () => ProjectionSnapshot<State>;
  /** What must be durable before a state that relies on it is (written after the snapshot is taken). */
  readonly beforeSave?: () => Promise<void>;
  /** Saves at most this often while the position moves (default 5 s), and always on `stop`. */
  readonly intervalMs?: number;
  readonly onError: (error: unknown) => void;
}

/**
 * A read model's in-memory state kept in the projection store with its position, so that a restart
 * loads it and follows the store from there instead of replaying history. Saves one at a time, on a
 * timer while the position moves, at once when asked (an erasure), and on stop.
 */
export class SavedState<State> {
  private timer?: NodeJS.Timeout;
  private savedPosition = START;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly projections: ProjectionStore,
    private readonly options: SavedStateOptions<State>,
  ) {}

  async load(): Promise<ProjectionSnapshot<State> | undefined> {
    const saved = await this.projections.load<State>(this.options.name);
    this.savedPosition = saved?.position ?? START;
    return saved;
  }

  /** Starts saving on the timer. */
  start(): void {
    this.timer = setInterval(() => void this.save().catch(this.options.onError), this.options.intervalMs ?? 5_000);
    this.timer.unref();
  }

  /** Saves the state now, after any save under way; unless `force`, only when the position moved since the last. */
  save(force = false): Promise<void> {
    const next = this.writing.then(async () => {
      const snapshot = this.options.snapshot();
      await this.options.beforeSave?.();
      if (snapshot.position === this.savedPosition && !force) return;
      await this.projections.save(this.options.name, snapshot);
      this.savedPosition = snapshot.position;
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.save();
  }
}
